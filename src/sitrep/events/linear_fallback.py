"""Participants the parse left unattached, placed by position, and the clause each token belongs to.

Split from ``sitrep.events.arguments`` (whose ``ArgumentReader`` inherits ``PositionReader``): named actors near
a trigger whose parse did not reach them are its sides by where they stand, and the clause head of a token
(kept per document) tells which of them belong to the trigger's clause.
"""

from __future__ import annotations

from typing import Any

from sitrep.events.frames import Arg, Frame
from sitrep.events.lexicon import Lexicon
from sitrep.model import Actor

PASSIVE_DEPS = ("nsubjpass", "auxpass")
CROWD_CLASSES = {"riot", "protest"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
SPEECH_VERBS = {"say", "tell", "claim", "report", "confirm", "state", "add", "allege", "announce", "put", "note",
                "accuse", "blame", "demand", "deny", "estimate", "quote"}


class PositionReader:
    """The placing by position and the clause look-up of ``ArgumentReader`` (needs ``self.lex`` and
    ``self.undergoes``)."""

    lex: Lexicon
    _clause_doc: Any = None  # the document the clause cache holds
    _clause_cache: dict[int, int]
    _named_actors: Any = None  # the actors of the document the named-actor cache holds
    _named_cache: dict[tuple[int, int], list[tuple[int, Actor, Any]]]

    def undergoes(self, tok: Any) -> bool:
        raise NotImplementedError  # ArgumentReader's: a word whose subject suffers the event

    def _linear_fallback(self, f: Frame, actors: dict[int, Actor], sent: Any) -> None:
        """Named actors the parse did not attach: nearest before the trigger is actor1, after it actor2."""
        if f.actor1 is not None and f.actor2 is not None:
            return
        named = self._named_in(sent, actors)
        if not named:
            return  # nothing to place (most sentences): no passive or victim test for it
        used = {a.start for a in [f.actor1, f.actor2, *f.assoc1] if a is not None}
        here = self.clause_of(f.tok)
        seen: set[int] = set()
        by_agents: set[int] = set()  # names in a "by" phrase: who did it, however the parse hung the phrase
        before: list[Actor] = []
        after: list[Actor] = []
        for i, a, tok in named:
            if a.start in used or a.start in seen:
                continue
            if self.clause_of(tok) != here and abs(tok.i - f.tok.i) > 4:
                continue  # an actor of another clause ("he alleged the government failed ... after the killings")
            finder = tok.head.lemma_.lower() in self.lex.cues.get("discovery", frozenset())
            if tok.dep_ == "nsubj" and (tok.head.lemma_.lower() in SPEECH_VERBS or finder) or (
                tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
            ):
                continue  # the source of a report, or who found the traces, is not a party to the event
            seen.add(a.start)
            if tok.dep_ == "pobj" and tok.head.lower_ == "by":
                by_agents.add(a.start)
            (before if i < f.tok.i else after).append(a)
        # Before a passive trigger without "by ..." stand those it happened to ("seven people, including
        # four soldiers, were killed"), never its agent.
        passive = f.tok.pos_ == "VERB" and any(c.dep_ in PASSIVE_DEPS and c.i not in actors for c in f.tok.children)
        passive = passive or self.undergoes(f.tok)  # "five policemen dead": those before it died
        hurt = {v.start for v in f.victims}  # "three soldiers were killed when a bomb ...": not the agent
        before = [a for a in before if a.start not in hurt]
        if f.cls in CROWD_CLASSES:
            # state forces (at home or abroad) do not riot or protest: a police force near "riots" faces the
            # crowd, and "a protest against Russia's military offensive" is not the Russian army's
            before = [a for a in before if a.inter not in (1, 8)]
            after = [a for a in after if a.inter not in (1, 8)]
        if f.actor1 is None and passive and after and after[0].start in by_agents:
            # "a worker was shot and killed while driving his car by armed men": the "by" phrase the parser hung on
            # another verb still names the doer of the passive, never its target
            a = after.pop(0)
            f.actor1, f.a1_guessed = Arg(a.name, a.inter, a.start, a.end, a), True
        elif f.actor1 is None and before and not passive:
            a = before[-1]
            f.actor1, f.a1_guessed = Arg(a.name, a.inter, a.start, a.end, a), True
        elif f.actor1 is None and after and f.cls in ("protest", "riot", "change_group", "hq", "agreement"):
            a = after.pop(0)
            f.actor1, f.a1_guessed = Arg(a.name, a.inter, a.start, a.end, a), True
        if f.actor2 is None and after and not f.victims and f.cls not in ("protest", "change_group", "hq", "other",
                                                                            "transfer"):
            a = after[0]
            if f.actor1 is None or a.name != f.actor1.name:
                f.actor2 = Arg(a.name, a.inter, a.start, a.end, a)

    def _named_in(self, sent: Any, actors: dict[int, Actor]) -> list[tuple[int, Actor, Any]]:
        """The sentence's actor mentions (token index, actor, the token heading its words); the same for every
        frame of the sentence, so found once per sentence (the cache holds one document's actors)."""
        if self._named_actors is not actors:  # a new document
            self._named_actors, self._named_cache = actors, {}
        key = (sent.start, sent.end)
        found = self._named_cache.get(key)
        if found is None:
            found = []
            roots: dict[tuple[int, int], Any] = {}  # a name of several words: its span aligned once
            for i in range(sent.start, sent.end):
                a = actors.get(i)
                if a is not None:
                    if (a.start, a.end) not in roots:
                        span = sent.doc.char_span(a.start, a.end, alignment_mode="expand")
                        roots[a.start, a.end] = span.root if span is not None else None
                    root = roots[a.start, a.end]
                    found.append((i, a, root if root is not None else sent.doc[i]))
            self._named_cache[key] = found
        return found

    # ---- whole document -------------------------------------------------------------------
    def clause_of(self, tok: Any) -> int:
        """Index of the clause head: climb until a verb with its own subject, or the root (asked for
        the same tokens again and again, so kept per document)."""
        if self._clause_doc is not tok.doc:  # a new document
            self._clause_doc, self._clause_cache = tok.doc, {}
        found = self._clause_cache.get(tok.i)
        if found is None:
            found = self._clause_cache[tok.i] = self._climb_to_clause(tok)
        return found

    @staticmethod
    def _climb_to_clause(tok: Any) -> int:
        cur = tok
        for _ in range(12):
            # a verb with its own subject heads a clause (as a conjunct, complement or relative clause too)
            if cur.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in cur.children):
                return int(cur.i)
            if cur.dep_ == "ROOT" or cur.head.i == cur.i:
                return int(cur.i)
            if cur.i == tok.i and cur.pos_ == "VERB" and cur.dep_ == "conj" and cur.head.pos_ == "VERB" and any(
                c.dep_ in ("dobj", "nsubjpass") for c in cur.children
            ):
                return int(cur.i)  # "arrested ten men and shot dead two others": one action per conjoined verb
            cur = cur.head
        return int(cur.i)
