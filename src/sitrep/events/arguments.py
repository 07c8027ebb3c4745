"""Who did what to whom: an event's participants read from the dependency parse.

actor1 is the agent (subject, or the "by" phrase of a passive), actor2 the target
(object, "against"/"on" phrase, or "with" for clashes and agreements); allies named
"in cooperation with", "backed by", "along with" or as conjoined subjects are
associated actors. Each participant is an actor from the actors stage or, failing
that, a generic participant typed from its head noun (``participants`` in
triggers.yaml; read by ``sitrep.events.participant_heads``). Named actors the
parse left unattached are placed by position.
"""

from __future__ import annotations

from typing import Any

from sitrep.events.argument_groups import (
    fellow_groups,
    joint_forces,
    organisers,
    place_between,
    rival_sides,
    shared_agent,
)
from sitrep.events.frames import Arg, Frame, Support
from sitrep.events.glosses import gloss_allies
from sitrep.events.lexicon import Lexicon
from sitrep.events.linear_fallback import CROWD_CLASSES, PASSIVE_DEPS, SUBJECTS
from sitrep.events.participant_heads import ParticipantReader
from sitrep.events.participant_names import GENERIC_NAMES, HARM_LEMMAS, OFF_DUTY, generic_name, off_duty_mark
from sitrep.model import Actor

# the moved names, for their importers
__all__ = ["GENERIC_NAMES", "OFF_DUTY", "PASSIVE_DEPS", "SUBJECTS", "Arg", "ArgumentReader", "Frame", "Support",
           "generic_name", "off_duty_mark"]

TARGET_PREPS = {"on", "against", "at", "targeting", "upon", "into"}
WITH_CLASSES = {"clash", "agreement", "change_group"}
ASSOC_NOUNS = {"cooperation", "coordination", "support", "help", "assistance", "backing", "collaboration", "conjunction"}
ASSOC_VERBS = {"back", "support", "assist", "aid", "help", "accompany"}
ASSOC_PREPS = {"alongside", "along", "together", "with"}
# a change of activity whose passive subject is the side itself ("troops were deployed", "the militia was disbanded")
MOVED_ONESELF = {"deploy", "redeploy", "mobilise", "mobilize", "disband", "station"}
# who "was seen" or "sighted" is the side doing what was seen ("Al Shabaab were sighted patrolling the roads"): the
# training notes with "were/was sighted/seen/spotted/observed" code that subject as actor1 in 293 of 485, actor2 in 6
SEEN = {"sight", "see", "spot", "observe"}
REMAINS = {"body", "corpse", "remains"}  # triggers whose owner ("the man's body") is the one killed
_NONE: frozenset[str] = frozenset()  # a cue list the lexicon lacks


class ArgumentReader(ParticipantReader):
    """Argument reading for the detector (needs ``self.lex``); the participant a noun phrase names is
    ``ParticipantReader``'s, the placing by position and the clause of a token ``PositionReader``'s."""

    lex: Lexicon
    _starts: dict[int, int]  # a phrase trigger's head -> its first token (the detector's)
    _victim_doc: Any = None  # the document the victim cache holds (kept, so never a reused id)
    _victim_cache: dict[tuple[int, int, str | None], list[Arg]]
    _conj_actors: Any = None  # the actors and document the conjuncts cache holds
    _conj_doc: Any = None
    _conj_cache: dict[tuple[int, str | None, bool], list[Arg]]

    def undergoes(self, tok: Any) -> bool:
        """A word whose subject suffers the event ("two persons died", "a youth perished"), not its agent."""
        # asked of every word of a sentence with a victim: the cheap tests first, the lemma lowered once
        cues = self.lex.cues
        states = cues.get("death_state", _NONE)
        lemma = tok.lemma_.lower()
        if lemma in states or tok.lower_ in states:
            return True
        if tok.pos_ != "VERB":
            return False
        # headline style: "4 policemen killed in blast", "two persons shot dead": a transitive verb of
        # harm with a subject and no object reads as a passive
        if not (tok.tag_ in ("VBN", "VBD") and lemma in cues.get("harm_verb", _NONE)
                and any(c.dep_ == "nsubj" for c in tok.children)):
            return False
        # "forces shot and killed a man": conjoined verbs share the object
        return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "aux", "auxpass", "prt") for v in (tok, *tok.conjuncts)
                       for c in v.children)

    def _reciprocal(self, tok: Any) -> bool:
        """A verb whose conjoined subjects act on each other ("clashed", "fought", "exchanged fire")."""
        return tok.pos_ == "VERB" and tok.lemma_.lower() in self.lex.cues.get("reciprocal", frozenset())

    def _assoc_from(self, tok: Any, actors: dict[int, Actor], country: str | None) -> list[Arg]:
        """Associated actors hanging off ``tok``: "in cooperation with X", "backed by X", "along with X"."""
        found: list[Arg] = []
        for c in tok.children:
            if c.dep_ == "prep":
                obj = self._pobj(c)
                if obj is None:
                    continue
                if c.lower_ in ("in", "with", "under") and obj.lemma_.lower() in ASSOC_NOUNS:
                    for p in obj.children:  # in cooperation WITH x / with the support OF x
                        if p.dep_ == "prep" and p.lower_ in ("with", "of", "from"):
                            found += self._args_conj(self._pobj(p), actors, country)
                elif c.lower_ in ASSOC_PREPS and c.lower_ != "with":
                    inner = next((p for p in c.children if p.dep_ == "prep"), None)
                    found += self._args_conj(self._pobj(inner) if inner is not None else obj, actors, country)
            elif c.dep_ in ("acl", "amod") and c.lemma_.lower() in ASSOC_VERBS:
                for p in c.children:
                    if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by"):
                        found += self._args_conj(self._pobj(p), actors, country)
            elif c.dep_ == "advmod" and c.lower_ in ("along", "together", "alongside"):
                for p in c.children:
                    if p.dep_ == "prep":
                        found += self._args_conj(self._pobj(p), actors, country)
        return found

    def _args_conj(self, tok: Any, actors: dict[int, Actor], country: str | None, target: bool = False) -> list[Arg]:
        """The participants at ``tok`` and its conjuncts, with their fellow and joint groups. The frames of one
        clause ask it of the same subject or object again and again, so kept per document (a copy of the list:
        callers extend it; the Args themselves are never changed, only replaced)."""
        if tok is None:
            return []
        if self._conj_actors is not actors or self._conj_doc is not tok.doc:  # a new document
            self._conj_actors, self._conj_doc, self._conj_cache = actors, tok.doc, {}
        key = (tok.i, country, target)
        found = self._conj_cache.get(key)
        if found is None:
            found = self._conj_cache[key] = self._read_conj(tok, actors, country, target)
        return list(found)

    def _read_conj(self, tok: Any, actors: dict[int, Actor], country: str | None, target: bool) -> list[Arg]:
        out: list[Arg] = []
        joint: list[Arg] = []
        for t in [tok, *tok.conjuncts]:
            a = self._arg(t, actors, country, target)
            if a is not None:
                # "security forces (presumed police and military)": the police's allies
                glossed = gloss_allies(a, tok.doc, actors, t.idx + len(t))
                joint += [g for g in glossed if all(g.name != j.name for j in joint)]
                out.append(a)
                out += fellow_groups(t, a, actors, self.lex.cues.get("quantity", frozenset()))
                own, partners = joint_forces(t, a, actors)
                if a.actor is not None and a.actor.start != a.start:
                    # a glossed side: the generic words it replaced are no ally of its own
                    partners = [p for p in partners if (p.start, p.end) != (a.start, a.end)]
                out[out.index(a)] = own
                joint += partners
        # last, so the first two stay the conjoined sides ("X and Y clashed")
        return out + [j for j in joint if all(j.name != o.name for o in out)]

    def arguments(self, f: Frame, actors: dict[int, Actor], country: str | None, sent: Any) -> None:
        tok = f.tok
        verb = tok
        # A noun trigger that is the subject of a verb ("an airstrike killed five") shares that verb's objects.
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in SUBJECTS:
            verb = tok.head
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in ("by", "in", "during", "after"):
            verb = tok.head.head  # "killed by a roadside bomb", "died in an airstrike"
        # the trigger's and its verb's dependents, read once (each walk of .children builds new Tokens)
        tok_kids = list(tok.children)
        verb_kids = tok_kids if verb.i == tok.i else list(verb.children)
        # an actor's name the parser read as an auxiliary ("IS members attacked": "is") makes no passive
        passive = any(c.dep_ in PASSIVE_DEPS and c.i not in actors for c in verb_kids)
        subj = next((c for c in verb_kids if c.dep_ in ("nsubj", "csubj")), None)
        subjpass = next((c for c in verb_kids if c.dep_ == "nsubjpass"), None)
        agent = None
        for c in tok_kids + (verb_kids if verb.i != tok.i else []):
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and (tok.pos_ == "NOUN" or tok.tag_ == "VBG")):
                agent = self._pobj(c)
                break
        if agent is None and passive and subjpass is not None and tok.pos_ == "VERB":
            agent = shared_agent(tok)  # "six civilians were beaten and tortured by Taliban"
        a1_tok = agent
        suffered = verb.i != tok.i and f.cls == "clash" and (passive or self.undergoes(verb))
        if a1_tok is None and suffered:
            # "a PKK militant was killed in a clash with Turkish soldiers": the side named with "with" fought
            # the one who suffered
            a1_tok = next((self._pobj(c) for c in tok_kids if c.dep_ == "prep" and c.lower_ == "with"), None)
        if a1_tok is None and verb.i == tok.i and not passive and subj is not None and not self.undergoes(tok):
            a1_tok = subj
        if a1_tok is None and (tok.pos_ == "NOUN" or tok.tag_ == "VBG" and tok.dep_ in ("pobj", "pcomp")) \
                and tok.lemma_.lower() not in REMAINS:
            # "ISIS attack", "the army's offensive", "killed in police firing" (a gerund the parser calls a verb);
            # but "a young man's body" was found: whose body it is was killed, he did not kill
            # a word of the trigger's own phrase ("security operation") names its kind, not its doer
            own = self._starts.get(tok.i, tok.i)
            a1_tok = next((c for c in tok_kids if c.dep_ in ("poss", "compound", "amod") and c.i < own
                           and self._arg(c, actors, country) is not None), None)
        if a1_tok is None and tok.pos_ == "NOUN":
            # "attacks carried out by X"; "X launched an operation"
            for c in tok_kids:
                if c.dep_ == "acl":
                    a1_tok = next((self._pobj(g) for g in c.children if g.dep_ == "agent"), None)
            first = tok
            while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
                first = first.head  # "X fired missiles and bombs": each object of the list is X's
            if a1_tok is None and first.dep_ in ("dobj", "attr") and first.head.pos_ in ("VERB", "AUX") \
                    and first.head.lemma_.lower() not in self.lex.cues.get("discovery", frozenset()):
                # "X launched an operation"; but who found the bodies did not kill them
                a1_tok = next((c for c in first.head.children if c.dep_ == "nsubj"), None)
        if a1_tok is None and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
            # "an IED blast planted by BNA": the trigger modifies the noun the agent's clause hangs on
            a1_tok = next((self._pobj(g) for c in tok.head.children if c.dep_ == "acl"
                           for g in c.children if g.dep_ == "agent"), None)
            act = tok.head
            if a1_tok is None and act.dep_ == "dobj" and act.head.pos_ == "VERB" \
                    and act.head.lemma_.lower() not in self.lex.cues.get("discovery", frozenset()):
                # "JNIM claimed an IED ambush": the trigger names the kind of the act its subject did or claimed
                a1_tok = next((c for c in act.head.children if c.dep_ == "nsubj"), None)
        if a1_tok is None and tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.head.pos_ in ("NOUN", "PROPN") \
                and not passive and self._reciprocal(tok):
            # "FACA forces, supported by Wagner, clashed with CPC rebels" parsed as a clause of the noun: a
            # verb of fighting each other is never a passive participle, so the noun is its subject (when it
            # names a side before the verb, not only those the verb itself fights)
            named = self._arg(tok.head, actors, country)
            a1_tok = tok.head if named is not None and named.end <= tok.idx else None
        if a1_tok is None and tok.dep_ in ("xcomp", "advcl", "conj") and tok.pos_ == "VERB":
            head = tok.head
            # object control ("prompted the ISF to deploy") before subject control ("vowed to attack")
            controller = next((c for c in head.children if c.dep_ == "dobj"), None) if tok.dep_ == "xcomp" else None
            if controller is None and not self.undergoes(head):  # "a youth perished (in police) firing"
                controller = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if controller is None and tok.dep_ == "xcomp" and head.lemma_.lower() in SEEN:
                # who was seen does what follows: "120 Al Shabaab were sighted patrolling the roads"
                controller = next((c for c in head.children if c.dep_ == "nsubjpass"
                                   and self._args_conj(c, actors, country)), None)
            a1_tok = controller
        a1s = self._args_conj(a1_tok, actors, country)
        if a1s:
            f.actor1 = a1s[0]
            f.assoc1 += a1s[1:]
        # targets
        t_tok = None
        if passive and subjpass is not None and a1_tok is None and tok.pos_ == "VERB" and (
                (f.cls == "change_group" and tok.lemma_.lower() in MOVED_ONESELF) or tok.lemma_.lower() in SEEN):
            # "government security forces (SNA) were deployed": who is moved is the side whose activity it is
            # (the first passive subject that names a side: "Movement of forces: ..., troops were deployed")
            a1s = next((found for c in verb_kids if c.dep_ == "nsubjpass"
                        if (found := self._args_conj(c, actors, country))), [])
            if a1s:
                f.actor1 = a1s[0]
                f.assoc1 += a1s[1:]
        elif passive and subjpass is not None:
            t_tok = subjpass
        elif suffered and a1_tok is not None:
            t_tok = subj  # "three soldiers died in a gun battle with X"
        if t_tok is None and tok.pos_ == "VERB":  # a direct object first: "On 19 March, they burned 30 houses"
            t_tok = next((c for c in tok_kids if c.dep_ in ("dobj", "attr")), None)
            if t_tok is not None and t_tok.lower_ in f.trigger.words[1:] and self._reciprocal(tok):
                t_tok = None  # the phrase's own noun ("exchanged fire") is no target
        if t_tok is None and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") \
                and any(c.dep_ == "agent" for c in tok_kids):
            t_tok = tok.head  # a headline's participle with its doer: "jihadist commander killed by national guards"
        for c in tok_kids:
            if t_tok is not None:
                break
            if c.dep_ == "prep" and (c.lower_ in TARGET_PREPS or (c.lower_ == "with" and f.cls in WITH_CLASSES)):
                pobj = self._pobj(c)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                    t_tok = pobj
            elif c.dep_ == "prep" and c.lower_ == "between":
                pair = self._args_conj(self._pobj(c), actors, country)
                if pair:
                    f.actor1 = f.actor1 or pair[0]
                    # the next other name ("SPLM-IO and SSPDF": the parser splits "SPLM-IO" into two conjuncts)
                    other = next((p for p in pair[1:] if p.name != pair[0].name), None)
                    if other is not None and not other.joint:
                        t_tok = None
                        f.actor2 = other
        if t_tok is None and verb.i != tok.i:
            t_tok = next((c for c in verb_kids if c.dep_ == "dobj"), None)
        if f.cls == "clash" and f.actor2 is None:
            place_between(f, [tok, verb], actors)  # "clashes took place between X and Y"
        if t_tok is None and len(a1s) > 1 and not a1s[1].joint and f.actor2 is None and self._reciprocal(tok) and not any(
                c.dep_ == "prep" and c.lower_ in ("with", "against") for c in tok_kids):
            # "Peshmerga forces and the Iraqi army clashed": conjoined subjects of a verb done to each other
            # are the two sides, not allies
            f.actor2 = a1s[1]
            f.assoc1 = [a for a in f.assoc1 if a is not a1s[1]]
        if t_tok is not None:
            f.objects.append(t_tok.lemma_.lower())
            f.objects += [c.lemma_.lower() for c in t_tok.children if c.dep_ in ("compound", "amod")]
            a2s = self._args_conj(t_tok, actors, country, target=True)
            if a2s and f.actor2 is None:
                f.actor2 = a2s[0]
                f.assoc2 += a2s[1:]
        # associated actors of actor1: on the trigger, its verb, or actor1's phrase
        hosts = {tok, verb, *([a1_tok] if a1_tok is not None else [])}
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "attr"):
            hosts.add(tok.head)  # "with the support of X, the army launched an assault"
        if tok.pos_ == "VERB":
            hosts |= {c for c in tok_kids if c.dep_ == "dobj"}  # "launched an operation in coordination with X"
        for host in sorted(hosts, key=lambda t: t.i):
            for a in self._assoc_from(host, actors, country):
                if f.actor1 is None:
                    f.actor1 = a
                elif a.name != f.actor1.name and all(a.name != b.name for b in f.assoc1):
                    f.assoc1.append(a)
        f.victims += self._sentence_victims(sent, actors, country)
        if f.cls in CROWD_CLASSES and f.actor1 is not None and f.actor1.inter == 1 and f.actor2 is None:
            if a1s and f.actor1 is a1s[0] and a1_tok is not None and a1_tok.dep_ == "nsubj":
                # "about 200 police protested", "prison guards staged a protest": the force's own members are
                # the crowd; ACLED codes Protesters (X) with the force as associated actor
                members = f.actor1
                f.actor1, f.assoc1 = None, [members, *f.assoc1]
            else:
                # "the riots were brought under control by the police": the state force faces the crowd
                f.actor1, f.actor2 = None, f.actor1
        if f.cls in CROWD_CLASSES:
            # "a protest during the blockade announced by the BNP": the callers stand beside the crowd
            f.assoc1 += [a for a in organisers(sent, actors) if all(a.name != b.name for b in (f.actor1, *f.assoc1) if b)]
        self._linear_fallback(f, actors, sent)
        rival_sides(f, sent)
        target = f.actor2 or (f.victims[0] if f.victims else None)
        if target is not None and target.member_of is not None \
                and all(a.name != target.member_of[0] for a in f.assoc2):
            # "an off-duty police officer was shot dead": Civilians (X), the police as associated actor
            f.assoc2.append(Arg(*target.member_of, target.start, target.end))

    def _sentence_victims(self, sent: Any, actors: dict[int, Actor], country: str | None) -> list[Arg]:
        """People killed or hurt in the sentence, for civilian targeting; the same for every frame of the
        sentence, so read once per sentence (the cache holds one document's sentences)."""
        if self._victim_doc is not sent.doc:  # a new document
            self._victim_doc, self._victim_cache = sent.doc, {}
        cache = self._victim_cache
        key = (sent.start, sent.end, country)
        if key not in cache:
            found: list[Arg] = []
            states = self.lex.cues.get("death_state", _NONE)
            for t in sent:
                lemma = t.lemma_.lower()
                if t.pos_ != "VERB" and lemma not in HARM_LEMMAS and lemma not in states and t.lower_ not in states:
                    continue  # most words: neither harm nor a death word, nor a verb that may read as one
                died = self.undergoes(t)  # once per word (it was asked twice)
                if died or lemma in HARM_LEMMAS:
                    for c in t.children:
                        # a death word's subject died; its object is what killed ("succumbed to bullet injuries")
                        if (c.dep_ == "nsubj") if died else c.dep_ in ("dobj", "nsubjpass"):
                            found += self._args_conj(c, actors, country, target=True)  # harmed: off duty?
            cache[key] = found
        return list(cache[key])


# a verb with one of these has a subject of its own: it shares no doer with the verb it is joined to
OWN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def share_joined_doers(frames: list[Frame]) -> None:
    """A verb joined to an earlier one with no subject of its own does what its doer did, however that doer was
    found: "presumed ISGS militants attacked and burned a fuel tanker" parsed with "presumed" as the main verb
    places the doer of "attacked" by position only, so "burned" (whose controller is read from the parse) had
    none. Not a passive verb ("attacked the post and were repelled": who attacked was repelled, did not repel)."""
    at = {f.tok.i: f for f in frames}
    for f in frames:
        tok = f.tok
        if f.actor1 is not None or tok.pos_ != "VERB" or tok.dep_ != "conj":
            continue
        if any(c.dep_ in OWN_SUBJECT_DEPS or c.dep_ in PASSIVE_DEPS for c in tok.children):
            continue
        first = at.get(tok.head.i)
        if first is None or first.actor1 is None or (f.actor2 is not None and f.actor2.name == first.actor1.name):
            continue
        f.actor1, f.a1_guessed = first.actor1, first.a1_guessed  # as sure as the first verb's reading
        f.assoc1 += [a for a in first.assoc1 if all(a.name != b.name for b in f.assoc1)]
