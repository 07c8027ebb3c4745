"""Reported speech: indirect quotes and the verbatim fragments credited inside them.

Indirect quotes come from the parse: a reporting verb with a clausal
complement ("X said that …") or "according to X, …".

A quoted fragment that does not stand as a quote of its own (``extract``
keeps those) is still a speaker's words when the sentence credits it:

- it lies inside a reported statement: said the deal would "speed up our plans";
- it hangs, through the parse, under a reporting or naming verb whose subject
  said it: 'The ministry called the decision "illegal"', 'described the deal as
  "a gift"', 'Calling her rival "the worst choice," the senator asked …';
- "as he put it" (or "as she called it") stands beside it.

Each such fragment is a direct, *partial* quote: its text the quoted words, its
content the whole statement. A statement with fragments is given through its
fragments rather than again as an indirect quote. A fragment nobody is
credited with (a scare quote, a title) is not a quote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.dates.publication import DATELINE
from sitrep.model import Actor, Quote
from sitrep.quotes.marks import Segment
from sitrep.quotes.speakers import People, Speaker, doc_text, mention_span, role_of, subject_of

if TYPE_CHECKING:
    from sitrep.quotes.extract import QuoteExtractor

# how a quoted fragment may hang under the verb that credits it; "told reporters" (dative),
# the subject and adverbials ("on Monday") are not what was said
_CONTENT_DEPS = frozenset(("ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "parataxis"))
_CONTENT_PREPS = frozenset(("as", "for", "of", "about"))
_AS_PUT_IT = frozenset(("put", "call", "say", "describe", "term", "phrase", "write"))
_MAX_CLIMB = 12


class Reported:
    """Indirect and partial quotes of one parsed document."""

    def __init__(self, extractor: QuoteExtractor, doc: Any, people: People, actors: list[Actor]) -> None:
        self.ex = extractor
        self.doc = doc
        self.text = doc_text(doc)
        self.people = people
        self.actors = actors

    def quotes(self, segments: list[Segment], whole: list[Quote], headline: int) -> list[Quote]:
        """Indirect quotes and partial ones, given the document's quoted passages and whole quotes."""
        taken = [(q.start, q.end) for q in whole]
        indirect = self._indirect(taken)
        loose = [
            s
            for s in segments
            if s.line >= headline
            and not any(lo < s.end and s.start < hi for lo, hi in taken)
            and any(ch.isalpha() for ch in self.text[s.start : s.end])
        ]
        # fragments by the statement that credits them: one content for all of a statement's fragments
        credited: dict[tuple[str, int], tuple[Quote, list[Segment]]] = {}
        for seg in loose:
            home = next((k for k, q in enumerate(indirect) if _mostly_inside(seg, q.start, q.end)), None)
            if home is not None:
                credited.setdefault(("indirect", home), (indirect[home], []))[1].append(seg)
                continue
            found = self._credited(seg)
            if found is not None:
                credited.setdefault(("verb", found[0]), (found[1], []))[1].append(seg)
        partial = [
            self._fragment(seg, statement, fragments) for statement, fragments in credited.values() for seg in fragments
        ]
        used = {k for kind, k in credited if kind == "indirect"}
        return [q for k, q in enumerate(indirect) if k not in used] + partial

    # -- partial quotes -----------------------------------------------------------
    def _fragment(self, seg: Segment, statement: Quote, fragments: list[Segment]) -> Quote:
        lo, hi = min(statement.start, fragments[0].start), max(statement.end, fragments[-1].end)
        quote = Quote(
            text=self.text[seg.start : seg.end].strip(),
            start=seg.start,
            end=seg.end,
            direct=True,
            partial=True,
            speaker=statement.speaker,
            speaker_start=statement.speaker_start,
            speaker_end=statement.speaker_end,
            speaker_role=statement.speaker_role,
            speaker_actor=statement.speaker_actor,
            cue=statement.cue,
        )
        quote.content, quote.content_start, quote.content_end = self.text[lo:hi], lo, hi
        return quote

    def _credited(self, seg: Segment) -> tuple[int, Quote] | None:
        """(the crediting verb, the statement) for a fragment that a verb or "as he put it" credits."""
        found = self._climb(seg) or self._as_put_it(seg)
        if found is None:
            return None
        verb, speaker_tok, content = found
        sp = self.ex.speaker_at(self.doc, self.text, speaker_tok)
        self.ex.name(self.doc, sp, self.people, {})
        statement = Quote(text="", start=content[0], end=content[1], direct=False, cue=verb.text)
        self._credit(statement, sp)
        return verb.i, statement

    def _climb(self, seg: Segment) -> tuple[Any, Any, tuple[int, int]] | None:
        """Up the parse from the fragment to the first verb; it must be a cue that the fragment completes."""
        inside = [t for t in self.doc.char_span(seg.start, seg.end, alignment_mode="expand") or [] if not t.is_punct]
        roots = [t for t in inside if t.head.i == t.i or not seg.start <= t.head.idx < seg.end]
        if not roots:
            return None
        tok = roots[0]
        for _ in range(_MAX_CLIMB):
            head = tok.head
            if head.i == tok.i:
                return self._aside(tok, seg)
            if self.ex.is_cue(head) or (head.lemma_.lower() in self.ex.naming and head.pos_ == "VERB"):
                if not _completes(tok) or (tok.dep_ == "dobj" and head.lemma_.lower() in self.ex.addressed):
                    return None
                speaker = self._speaker_of(head, seg)
                return (head, speaker, _content(head, tok)) if speaker is not None else None
            tok = head
        return None

    def _aside(self, root: Any, seg: Segment) -> tuple[Any, Any, tuple[int, int]] | None:
        """A cue set off inside the sentence it reports: 'Buying it, the chairman said, would "…"'."""
        for verb in root.children:
            if verb.dep_ == "parataxis" and self.ex.is_cue(verb) and not any(_completes(c) for c in verb.children):
                speaker = self._speaker_of(verb, seg)
                if speaker is not None:
                    return verb, speaker, _trimmed(self.text, root.sent.start_char, root.sent.end_char)
        return None

    def _speaker_of(self, verb: Any, seg: Segment) -> Any:
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents[0]  # was called "X" by the party
        if any(c.dep_ == "auxpass" for c in verb.children):
            return None  # "is known as", "was named": nobody is credited
        tok = subject_of(verb, seg.start, seg.end, after=verb.idx > seg.end)
        if tok is None or tok.lower_ in ("there", "it", "this", "that", "which", "what"):
            return None
        return tok

    def _as_put_it(self, seg: Segment) -> tuple[Any, Any, tuple[int, int]] | None:
        """'The "prank," as he called it, …' / '…, as he puts it, "the best thing …"'."""
        span = self.doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if span is None:
            return None
        sent = span.sent
        for verb in sent:
            if verb.lemma_.lower() not in _AS_PUT_IT or not any(c.lower_ == "as" for c in verb.children):
                continue
            lo, hi = verb.left_edge, verb.right_edge
            near_after = 0 <= lo.i - span.end <= 2  # the fragment, then ", as he put it"
            near_before = 0 <= span.start - hi.i <= 3  # "as he puts it, " then the fragment
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if (near_after or near_before) and subj:
                return verb, subj[0], _trimmed(self.text, sent.start_char, sent.end_char)
        return None

    # -- indirect quotes ----------------------------------------------------------
    def _indirect(self, taken: list[tuple[int, int]]) -> list[Quote]:
        out: list[Quote] = []
        doc, text = self.doc, self.text
        for sent in doc.sents:
            if any(lo < sent.end_char and sent.start_char < hi for lo, hi in taken):
                continue
            for tok in sent:
                content = speaker_tok = None
                if self.ex.is_cue(tok):
                    comps = [c for c in tok.children if c.dep_ == "ccomp"]
                    subj = subject_of(tok, -1, -1)
                    if comps and subj is not None and subj.i < tok.i:
                        content = (comps[0].left_edge.idx, _end(comps[0].right_edge))
                        speaker_tok = subj
                elif tok.lower_ == "according" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
                    objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
                    if objs:
                        speaker_tok = objs[0]
                        src_end = _end(speaker_tok.right_edge)
                        if tok.i == sent.start:
                            content = (_skip_punct(text, src_end), _end(sent[-1]))
                        else:
                            content = (sent.start_char, tok.idx)
                if content is None or speaker_tok is None or content[1] - content[0] < 8:
                    continue
                lo, hi = content
                line = DATELINE.match(text, lo)
                if line is not None and line.end() < hi:  # "RAMADI, May 9 (Reuters) - …, police said."
                    lo = _skip_punct(text, line.end())
                while hi > lo and text[hi - 1] in " ,.;:":
                    hi -= 1
                start, end = mention_span(doc, speaker_tok)
                sp = Speaker(start, end, text[start:end], text[start:end])
                found = role_of(doc, speaker_tok, text, end, lo if lo > end else sent.end_char)
                if found:
                    sp.role, sp.role_span = found
                self.ex.name(doc, sp, self.people, {})
                quote = Quote(text=text[lo:hi], start=lo, end=hi, direct=False)
                quote.cue = tok.text if tok.lower_ != "according" else "according to"
                self._credit(quote, sp)
                out.append(quote)
        return out

    def _credit(self, quote: Quote, sp: Speaker) -> None:
        quote.speaker, quote.speaker_role = sp.name, sp.role
        quote.speaker_start, quote.speaker_end = sp.start, sp.end
        quote.speaker_actor = actor_for(self.actors, sp)


def _mostly_inside(seg: Segment, lo: int, hi: int) -> bool:
    """Are most of the fragment's words (its marks aside) inside ``lo:hi``?"""
    a, b = seg.start + 1, seg.end - 1 if seg.closed else seg.end
    return 2 * max(0, min(b, hi) - max(a, lo)) > b - a


def _completes(tok: Any) -> bool:
    """Is ``tok`` (a child of the verb) what the verb reports, not its subject, audience or time?"""
    if tok.dep_ in _CONTENT_DEPS:
        return True
    return tok.dep_ == "prep" and tok.lower_ in _CONTENT_PREPS


def _content(verb: Any, via: Any) -> tuple[int, int]:
    """The statement: the verb's reported parts on the fragment's side ("Palin a 'clown'")."""
    side = via.i > verb.i
    parts = [c for c in verb.children if (c.i > verb.i) == side and _completes(c)] or [via]
    lo = min(c.left_edge.idx for c in parts)
    hi = max(_end(c.right_edge) for c in parts)
    return _trimmed(doc_text(verb.doc), lo, hi)


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    while hi > lo and text[hi - 1] in " \n,.;:":
        hi -= 1
    while lo < hi and text[lo] in " \n":
        lo += 1
    return lo, hi


def _end(tok: Any) -> int:
    return int(tok.idx + len(tok.text))


def _skip_punct(text: str, i: int) -> int:
    while i < len(text) and text[i] in " ,:":
        i += 1
    return i


def actor_for(actors: list[Actor], sp: Speaker) -> str | None:
    """The actor named by the speaker mention or by the speaker's role."""
    spans = [(sp.start, sp.end)] + ([sp.role_span] if sp.role_span else [])
    for lo, hi in spans:
        for actor in actors:
            if actor.start < hi and lo < actor.end and actor.name:
                return actor.name
    return None
