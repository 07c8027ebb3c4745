"""The participant a noun phrase names: the actors stage's actor at or inside it, else a generic participant typed
from its head noun and modifiers (``participants`` in triggers.yaml), with the exceptions ACLED's coding makes for
who was harmed (an off-duty policeman or a retired soldier is a civilian, a UN staff member a civilian beside the
UN, a private guard ACLED's Private Security Forces).

Split from ``sitrep.events.arguments`` (whose ``ArgumentReader`` inherits ``ParticipantReader``).
"""

from __future__ import annotations

from typing import Any

from sitrep.events.frames import Arg
from sitrep.events.glosses import glossed_side
from sitrep.events.lexicon import Lexicon
from sitrep.events.linear_fallback import PositionReader
from sitrep.events.participant_names import (
    CIVIL_ROLES,
    PARTISANS,
    POLICE,
    PRIVATE_GUARD,
    former_mark,
    generic_name,
    off_duty_mark,
    staff_role,
)
from sitrep.model import Actor

# verbs of holding a place or thing: their doer is the side it belongs to ("positions held by the army")
_HOLDING = frozenset({"hold", "control", "occupy", "man", "run", "operate", "own", "guard", "defend", "protect"})
# ... and of calling a crowd out: "a protest called by the X" has X as its organiser, read as such elsewhere
_ORGANISING = frozenset({"call", "organise", "organize", "convene"})


class ParticipantReader(PositionReader):
    """The participant at a noun phrase head (needs ``self.lex``); ``ArgumentReader`` reads who is which side."""

    lex: Lexicon

    def _arg(self, tok: Any, actors: dict[int, Actor], country: str | None, target: bool = False) -> Arg | None:
        """The participant at noun phrase head ``tok`` (``target``: the one the event was done to), as a bracket
        after it glosses it ("armed men (assumed Darfur communal militia)")."""
        found = self._read_arg(tok, actors, country, target)
        return glossed_side(found, tok.doc, actors, tok.idx + len(tok)) if found is not None else None

    def _weapon(self, tok: Any) -> bool:
        lemma = tok.lemma_.lower()
        return lemma in self.lex.cues.get("weapon", frozenset()) or lemma in self.lex.cues.get("ied", frozenset())

    def _tells_of(self, clause: Any) -> bool:
        """A clause on a noun tells another event done to it ("arrested by"), or who called it out ("called by")."""
        lemma = clause.lemma_.lower()
        return (lemma in self.lex.single and lemma not in _HOLDING) or lemma in _ORGANISING

    def _read_arg(self, tok: Any, actors: dict[int, Actor], country: str | None, target: bool = False) -> Arg | None:
        if tok is None:
            return None
        kids = list(tok.children)  # read once: each walk of .children builds new Tokens
        off_duty = target and self._off_duty(tok, kids)
        retired = target and not off_duty and former_mark(kids)  # out of the state's service: a civilian
        # the head's own actor first, else the first in its phrase (the head is not one, so it may be walked again)
        a = actors.get(tok.i)
        if a is None and actors:
            # not the doer of another event a clause tells of it: "a cattle thief arrested by Dozos" is no Dozo (unless
            # that clause is what the fragment says happened: "Suspected SLDF targeted by police force."); who holds or
            # made a thing is its side ("bases manned by Jubbaland militias", "an IED planted by militants")
            others = set() if tok.dep_ == "ROOT" or self._weapon(tok) else {
                t.i for c in kids if c.dep_ in ("acl", "relcl") and self._tells_of(c)
                for g in c.children if g.dep_ == "agent" for t in g.subtree}
            a = next((actors[t.i] for t in tok.subtree if t.i in actors and t.i not in others), None)
        if a is not None:
            if (off_duty and a.inter in (1, 2, 3)) or (retired and a.inter == 1):
                # an off-duty policeman attacked: ACLED codes an attack on a civilian, his force beside him
                force = (a.name, a.inter) if a.inter == 1 else None
                return Arg(generic_name(7, country), 7, a.start, a.end, None, member_of=force)
            if target and a.inter == 8 and tok.i not in actors and staff_role(tok.lemma_.lower(), kids) \
                    and not a.name.startswith(("Military Forces", "Police Forces")):
                # "a UN staff member" attacked: a civilian, the UN beside him (its peacekeepers are the UN force)
                return Arg(generic_name(7, country), 7, a.start, a.end, None, member_of=(a.name, a.inter))
            return Arg(a.name, a.inter, a.start, a.end, a)
        lemma = tok.lemma_.lower()
        inter = self.lex.participants.get(lemma) or self.lex.participants.get(tok.lower_)
        for c in kids:  # "security forces", "tribal fighters", "security force members"
            mod = self.lex.participants.get(c.lemma_.lower()) if c.dep_ in ("compound", "amod") else None
            if mod is not None and (inter is None or (inter == 7 and mod != 7)) and not (mod == 4 and lemma in CIVIL_ROLES):
                inter = mod
                break
        if inter is None and (tok.like_num or lemma in self.lex.cues.get("quantity", frozenset())):
            # "hundreds of youths", "a group of gunmen": the people are in the "of" phrase
            of = next((self._pobj(c) for c in kids if c.dep_ == "prep" and c.lower_ == "of"), None)
            return self._arg(of, actors, country, target) if of is not None else None
        if inter is None:
            return None
        if target and inter == 3 and lemma in PARTISANS:
            inter = 7  # party activists or supporters attacked are civilians; attacking, they are a militia
        if target and inter == 5 and lemma in ("youth", "youths"):
            inter = 7  # "a mine killed two youths": young people harmed are civilians, rioting youths are rioters
        private_guard = inter == 1 and lemma in ("guard", "watchman") and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in PRIVATE_GUARD for c in kids)
        force = None
        if (off_duty and inter in (1, 2, 3)) or (retired and inter == 1):
            police = bool({lemma, *(c.lemma_.lower() for c in kids)} & POLICE)
            force = (generic_name(1, country, police), 1) if inter == 1 else None
            inter = 7
        if force is None and target and inter == 7 and lemma in CIVIL_ROLES and any(c.lower_ == "clan" for c in kids):
            force = (f"Unidentified Clan Group ({country})" if country else "Unidentified Clan Group", 4)
        if private_guard:
            # "a security guard" of a shop or a mine is no state force but ACLED's Private Security Forces, an
            # armed side (training notes naming security guards: 19 armed clashes, 9 attacks)
            inter = 8
        left = min([tok.i] + [c.i for c in kids if c.dep_ in ("compound", "amod", "det", "nummod")])
        span = tok.doc[left : tok.i + 1]
        police = inter == 1 and bool({lemma, *(c.lemma_.lower() for c in kids)} & POLICE)
        name = (f"Private Security Forces ({country})" if country else "Private Security Forces") \
            if private_guard and inter == 8 else generic_name(inter, country, police)
        return Arg(name, inter, span.start_char, span.end_char, None, member_of=force)

    @staticmethod
    def _off_duty(tok: Any, kids: list[Any]) -> bool:
        """"an off-duty policeman", "an unarmed soldier", "an off-duty member of the army"."""
        if off_duty_mark(kids):
            return True
        head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        return head is not None and head.lemma_.lower() == "member" and off_duty_mark(list(head.children))

    def _pobj(self, prep: Any) -> Any:
        return next((c for c in prep.children if c.dep_ == "pobj"), None)
