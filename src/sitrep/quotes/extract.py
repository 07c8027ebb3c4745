"""Quotes with their speakers, from one parsed document.

Direct quotes start from quotation marks (``marks.find_segments``). A quoted
passage counts as a quote, not a scare-quoted phrase or a title, when it
stands on its own: it opens a sentence or follows a cue ("said:", "told
reporters,") and it ends an utterance. Two passages around a cue (`"…," he
said, "…"`) become ONE quote whose span runs from the first opening mark to
the last closing mark; its text joins the quoted parts. A paragraph that
opens with a quote and has no cue continues the quote of the paragraph just
before it (same speaker), like a quote running over several paragraphs.

Reported speech (indirect quotes and verbatim fragments inside a writer's
sentence) is ``reported.Reported``'s work.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from sitrep.model import Actor, Quote
from sitrep.quotes.marks import SINGLE_MARKS, Segment, find_segments
from sitrep.quotes.reported import Reported, actor_for
from sitrep.quotes.speakers import (
    PRONOUNS,
    People,
    Speaker,
    Titles,
    doc_ents,
    doc_text,
    drop_ents_cache,
    mention_span,
    name_parts,
    role_of,
    strip_det,
    subject_of,
)

_SENT_END = re.compile(r"[.!?…]\s*$")
_UTTERANCE_END = frozenset(",.!?…—–-:;")
_MARKS_AND_SPACE = "\"“”„‟«»'‘’‚‹› \t\n\xa0"
_MAX_MIDDLE_TOKENS = 28  # a cue between two halves of one quote is short
_MAX_TAIL_TOKENS = 25  # "…," Flynn, a top Trump surrogate, said Thursday
_MAX_HEAD_GAP = 5  # tokens allowed between a cue and its quote ("told reporters on Monday")


@dataclass
class _Group:
    segments: list[Segment]
    head: tuple[int, int]  # text before the first mark, in its sentence
    tail: tuple[int, int]  # text after the last mark, in its paragraph
    speaker: Speaker | None = None
    cue: str | None = None


class QuoteExtractor:
    def __init__(
        self,
        verbs: set[str],
        titles: Titles,
        indirect: bool = True,
        merge_split: bool = True,
        naming: set[str] | None = None,
        addressed: set[str] | None = None,
    ) -> None:
        self.merge_split = merge_split
        self.verbs = verbs
        self.naming = naming or set()  # "called it X", "described as X": they credit quoted words only
        self.addressed = addressed or set()  # "told X": X is the listener
        self.titles = titles
        self.indirect = indirect

    # -- helpers over the parse -------------------------------------------------
    @staticmethod
    def _tokens(doc: Any, lo: int, hi: int) -> list[Any]:
        starts = doc.user_data.get("sitrep_tok_starts")
        if starts is None:
            starts = [t.idx for t in doc]
            doc.user_data["sitrep_tok_starts"] = starts
        return [doc[i] for i in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi))]

    def is_cue(self, tok: Any) -> bool:
        return tok.lemma_.lower() in self.verbs and tok.pos_ in ("VERB", "AUX")

    # -- direct quotes ----------------------------------------------------------
    def _bounds(
        self, text: str, seg: Segment, prev_end: int, next_start: int
    ) -> tuple[tuple[int, int], tuple[int, int]]:
        line_start = text.rfind("\n", 0, seg.start) + 1
        head_lo = max(line_start, prev_end)
        head = text[head_lo : seg.start]
        cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
        if cut >= 0:
            head_lo += cut + 2
        line_end = text.find("\n", seg.end)
        line_end = len(text) if line_end < 0 else line_end
        return (head_lo, seg.start), (seg.end, min(line_end, next_start))

    def _head_cue(self, doc: Any, text: str, lo: int, hi: int) -> tuple[bool, Any]:
        """(quote may start here, cue verb before it)."""
        head = text[lo:hi].rstrip()
        toks = [t for t in self._tokens(doc, lo, hi) if not t.is_space]
        for back, tok in enumerate(reversed(toks)):
            if back > _MAX_HEAD_GAP:
                break
            if self.is_cue(tok):
                return True, tok
            if tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("that", "whether", "if", "as", "of", "about"):
                break
        if not head or _SENT_END.search(head) or head[-1] in ":,—–(":
            return True, None
        return False, None

    def _tail_cue(self, doc: Any, lo: int, hi: int) -> Any:
        for n, tok in enumerate(t for t in self._tokens(doc, lo, hi) if not t.is_space):
            if n > _MAX_TAIL_TOKENS or tok.text in ".;!?":
                return None
            if self.is_cue(tok):
                rest = doc_text(doc)[tok.idx : hi].rstrip()
                if rest.endswith(":") and not any(ch in rest for ch in ".!?;"):
                    return None  # '… Mr. Zahed said: "…"' introduces the next quote, not this one
                return tok
        return None

    def _speaker(self, doc: Any, text: str, verb: Any, quote_lo: int, quote_hi: int) -> Speaker | None:
        tok = subject_of(verb, quote_lo, quote_hi, after=verb.idx > quote_lo)
        if verb.idx >= quote_hi:
            # '…," Ramos, 58, told AFP': a name between the quote and its cue is the speaker,
            # whatever the parser made the subject
            between = [t for t in self._tokens(doc, quote_hi, verb.idx) if t.pos_ in ("PROPN", "PRON", "NOUN")]
            if between and (tok is None or not quote_hi <= tok.idx < verb.idx):
                tok = between[0]
                while tok.head.i < verb.i and tok.head.i > tok.i and tok.head.pos_ in ("PROPN", "NOUN"):
                    tok = tok.head
        if tok is None:
            return None
        return self.speaker_at(doc, text, tok)

    def speaker_at(self, doc: Any, text: str, tok: Any) -> Speaker:
        start, end = mention_span(doc, tok)
        named = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if tok.pos_ == "NOUN" and named:
            # "The mayor, Hassan Ali, told …": the mention runs to the name; the noun is the role
            end = mention_span(doc, named[0])[1]
            return Speaker(start, end, text[start:end], text[start:end])
        mention = text[start:end]
        limit = text.find("\n", end)
        found = role_of(doc, tok, text, end, len(text) if limit < 0 else limit)
        return Speaker(start, end, mention, mention, found[0] if found else None, found[1] if found else None)

    def _dash_speaker(self, doc: Any, text: str, lo: int, hi: int) -> Speaker | None:
        """Vox-pop style: “…” ― Karen Bobadilla."""
        after = text[lo:hi].lstrip(" \xa0")
        if after[:1] not in "―—–-":
            return None
        for tok in self._tokens(doc, lo, hi):
            if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
                return self.speaker_at(doc, text, tok)
            if not (tok.is_space or tok.is_punct):
                return None
        return None

    def _colon_speaker(self, doc: Any, text: str, lo: int, hi: int) -> Speaker | None:
        """Headline style "Clinton: 'I'm not going anywhere'": the name before the colon."""
        head = text[lo:hi].rstrip()
        if not head.endswith(":"):
            return None
        toks = [t for t in self._tokens(doc, lo, hi) if not t.is_space and not t.is_punct]
        if not toks or not (toks[-1].pos_ in ("PROPN", "PRON") or toks[-1].ent_type_ in ("PERSON", "ORG", "NORP")):
            return None  # "she said with a smile:" names no speaker
        start, end = mention_span(doc, toks[-1])
        return Speaker(start, end, text[start:end], text[start:end])

    def _groups(self, doc: Any, text: str, segments: list[Segment], headline: int) -> list[_Group]:
        # Pass 1: drop passages inside the writer's sentence (titles, scare quotes,
        # partial quotes); they must not cut the cue search of their neighbours.
        kept: list[tuple[Segment, tuple[int, int], Any]] = []
        for k, seg in enumerate(segments):
            head, _ = self._bounds(text, seg, segments[k - 1].end if k else 0, len(text))
            ok, cue = self._head_cue(doc, text, *head)
            in_headline = seg.line < headline and seg.opener in SINGLE_MARKS
            if in_headline and text[head[0] : head[1]].strip()[-1:] not in ("", ":"):
                ok = False  # headline style: "Minister: 'We will…'", not "Hacker: Server Unprotected, 'Like…'"
            if ok and text[seg.start : seg.end].strip(_MARKS_AND_SPACE):
                kept.append((seg, head, cue))
        groups: list[_Group] = []
        for k, (seg, head, cue) in enumerate(kept):
            next_start = kept[k + 1][0].start if k + 1 < len(kept) else len(text)
            _, tail = self._bounds(text, seg, 0, next_start)
            inner = text[seg.start : seg.end].strip(_MARKS_AND_SPACE)
            after = text[tail[0] : tail[1]].lstrip()
            ends = not seg.closed or inner[-1:] in _UTTERANCE_END or not after or after[0] in ".,;:!?)—–―"
            last = groups[-1] if groups else None
            if (
                self.merge_split
                and last is not None
                and ends
                and last.tail[1] == seg.start
                and last.segments[-1].last_line == seg.line
            ):
                middle = [t for t in self._tokens(doc, last.tail[0], seg.start) if not t.is_space]
                gap = text[last.tail[0] : seg.start].strip(_MARKS_AND_SPACE)
                own_cue = self._tail_cue(doc, *tail) is not None and not inner[0].islower()
                before = text[last.segments[-1].start : last.segments[-1].end].strip(_MARKS_AND_SPACE)
                if gap.endswith(":") and before[-1:] in ".!?" and any(self.is_cue(t) for t in middle):
                    own_cue = True  # '"…." Mr. Zahed said: "…"': a new sentence brings in a new quote
                if last.cue and not own_cue and len(middle) <= _MAX_MIDDLE_TOKENS and gap[-1:] in ".,:":
                    last.segments.append(seg)  # "…," he said. "…" — the same quote continues
                    last.tail = tail
                    continue
            if inner[0].islower() and not (cue is not None and self._introduces(text, cue, head)):
                continue  # a partial quote inside the writer's sentence: said Trump was "unfit"
            tail_cue = self._tail_cue(doc, *tail)
            if not ends:
                continue
            group = _Group([seg], head, tail)
            # a cue right after the quote wins: "…," said X. Otherwise the cue before it.
            verb = tail_cue if tail_cue is not None and inner[-1:] in ",?!—–-" else cue or tail_cue
            if verb is None and head[0] == head[1]:
                verb = self._previous_line_cue(doc, text, seg) or self._previous_sentence_cue(doc, text, head)
            if verb is not None:
                group.cue = verb.text
                group.speaker = self._speaker(doc, text, verb, seg.start, seg.end)
            else:
                group.speaker = self._colon_speaker(doc, text, *head) or self._dash_speaker(doc, text, *tail)
            if len(inner.split()) < 2 and group.cue is None:
                continue  # a one-word scare quote
            groups.append(group)
        return groups

    @staticmethod
    def _introduces(text: str, cue: Any, head: tuple[int, int]) -> bool:
        """Does the cue introduce the quote directly ('He says, "that's how…"', 'said "as long as…"')?"""
        rest = text[cue.idx + len(cue.text) : head[1]].strip()
        return not rest or text[head[0] : head[1]].rstrip()[-1:] in ",:"

    def _previous_sentence_cue(self, doc: Any, text: str, head: tuple[int, int]) -> Any:
        """'Officials said aid would come. "The convoy is on its way."': the cue of the sentence before."""
        line_start = text.rfind("\n", 0, head[0]) + 1
        cues = [t for t in self._tokens(doc, line_start, head[0]) if self.is_cue(t)]
        return cues[-1] if cues else None

    def _previous_line_cue(self, doc: Any, text: str, seg: Segment) -> Any:
        """A quote paragraph introduced by the paragraph before: 'Limbaugh continued:'."""
        prev = text[: seg.start].rstrip()
        if not prev.endswith(":"):
            return None
        lo = max(prev.rfind("\n") + 1, prev.rfind(". ") + 2)
        return self._head_cue(doc, text, lo, len(prev))[1]

    # -- names, roles, coreference --------------------------------------------
    def _resolve(self, doc: Any, groups: list[_Group], people: People, actors: list[Actor]) -> list[Quote]:
        quotes: list[Quote] = []
        text = doc_text(doc)
        genders: dict[str, bool] = {}
        previous: Quote | None = None
        previous_line = -10
        for group in groups:
            first, last = group.segments[0], group.segments[-1]
            sp = group.speaker
            quote = Quote(
                text=" ".join(text[s.start : s.end].strip() for s in group.segments),
                start=first.start,
                end=last.end,
                direct=True,
                cue=group.cue,
            )
            if sp is not None:
                self.name(doc, sp, people, genders)
                quote.speaker, quote.speaker_role = sp.name, sp.role
                quote.speaker_start, quote.speaker_end = sp.start, sp.end
                quote.speaker_actor = actor_for(actors, sp)
            elif (
                previous is not None
                and previous.speaker
                and first.line - previous_line <= 1
                and not text[text.rfind("\n", 0, first.start) + 1 : first.start].strip()
            ):
                # the next paragraph opens with more of the same speaker's words and no cue:
                # the same quotation continues, as in a multi-paragraph quote
                previous.text += " " + quote.text
                previous.end = quote.end
                previous_line = last.last_line
                continue
            quotes.append(quote)
            previous, previous_line = quote, last.last_line
        return quotes

    def name(self, doc: Any, sp: Speaker, people: People, genders: dict[str, bool]) -> None:
        mention = sp.mention.strip()
        low = mention.lower()
        if low in PRONOUNS:
            person = people.resolve_pronoun(low, sp.start, genders)
            if person is not None:
                sp.name = people.full_name(person.name)
                sp.role = sp.role or person.role
                if PRONOUNS[low] in ("m", "f"):
                    genders.setdefault(person.name, PRONOUNS[low] == "f")
            return
        ents = [
            e
            for e in doc_ents(doc)
            if sp.start <= e.start_char and e.end_char <= sp.end and e.label_ in ("PERSON", "ORG")
        ]
        ents = [e for e in ents if e.end_char >= sp.end - 1 or e.label_ == "PERSON"]
        if ents:  # a name heading the mention; "a Homeland Security Department official" is no name
            ent = ents[-1]
            title, bare = name_parts(doc, ent, self.titles)
            sp.name = people.full_name(bare)
            before = strip_det(doc_text(doc)[sp.start : ent.start_char])
            if len(before) > len(title):
                title = before  # "The mayor, Hassan Ali" → mayor
            parts = [title] if title else []
            for part in (sp.role or people.role_for(sp.name) or "").split(", "):
                if part and part not in parts:
                    parts.append(part)
            sp.role = ", ".join(parts) or None
            return
        words = re.findall(r"[A-Za-z]+", low)
        if low.startswith("the ") and words:
            person = people.resolve_description(words[-1], sp.start)
            if person is not None:
                sp.name, sp.role = people.full_name(person.name), sp.role or person.role
                return
        sp.name = strip_det(mention)

    def extract(self, doc: Any, actors: list[Actor] | None = None) -> list[Quote]:
        try:
            return self._extract(doc, actors)
        finally:
            drop_ents_cache(doc)

    def _extract(self, doc: Any, actors: list[Actor] | None = None) -> list[Quote]:
        text = doc_text(doc)
        first_line = text.lstrip().split("\n", 1)[0].strip()
        headline = 1 if first_line and "\n" in text.strip() and first_line[-1:] not in '.!?"”' else 0
        segments = find_segments(text, headline_lines=headline)
        groups = self._groups(doc, text, segments, headline)
        quoted = [(s.start, s.end) for s in segments]
        people = People(doc, text, self.titles, quoted)
        quotes = self._resolve(doc, groups, people, actors or [])
        if self.indirect:
            quotes += Reported(self, doc, people, actors or []).quotes(segments, quotes, headline)
            quotes.sort(key=lambda q: q.start)
        return quotes
