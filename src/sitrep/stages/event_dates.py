"""Event dates stage: each event's ``event_date`` and ACLED ``time_precision``.

For each event, in order of preference:

1. a resolved date mention in the event's own sentence (``evidence["sentence"]``):
   one that modifies the trigger's verb first, then the most exact, then the
   nearest to the trigger;
2. the nearest earlier date mention in the same paragraph (context);
3. the publication date "as reported": the text says nothing about when,
   so the event happened on or shortly before the report: precision 2.

A sentence dated only coarser than a month ("in 2015", "last year") leaves
the event undated (ACLED has no year precision) rather than giving it the
report date.

The dateline's date is the report date, never an event date. A date written
with a hedge ("around 8 May", "8 May (as reported)") is at best precision 2.
``evidence["event_date"]`` is the span of the mention used (the dateline's
span when the publication date came from it). A date after the publication
date (or, without one, under a future-tense verb) makes an asserted event ``future``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sitrep.model import DateMention, Document, Event
from sitrep.registry import stage

AS_REPORTED_PRECISION = 2
_HEDGE_BEFORE = re.compile(r"(?:around|about|approximately|circa|c\.|on or about|on or around)\s*$", re.IGNORECASE)
_HEDGE_AFTER = re.compile(r"^\s*\(\s*(?:as reported|approx\w*|around)\s*\)", re.IGNORECASE)
# A date the text gives as history: the start of something ongoing ("held since March 2019") or what is being
# remembered ("a commemoration of 8 May 1945", "the anniversary of the 1993 bombings") is not when the event was.
_HISTORY_BEFORE = re.compile(
    r"\b(?:since|ever since|anniversary of|commemoration of|remembrance of|in memory of|commemorat(?:e|es|ed|ing)"
    r"|to mark|marking|to remember|remembering)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... also with what is remembered named first: "the 77th anniversary of the end of the war on 8 May 1945"
_REMEMBERED_BEFORE = re.compile(r"\b(?:anniversary|commemoration|remembrance|memory) of\b[^.;:()]{0,60}\b(?:on|in)\s+$",
                                re.IGNORECASE)
# Words that open a clause about something earlier or later than the event the sentence reports.
BACKGROUND_MARKS = {"after", "since", "following", "before", "until", "till", "prior"}
_EXPLICIT = re.compile(r"\d")  # "28 March 2022", "June 6": the calendar says when, not a word relative to the report


# A date something lasts until ("extended the state of emergency until 26 March") is not when it was decided.
_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|through|up to)\s+$", re.IGNORECASE)


def _bound_of_another(text: str, mention: DateMention, others: list[DateMention]) -> bool:
    """A date in brackets right after another date gives the bounds of that one ("Around 4 February 2022 (between
    21 January - 11 February)"): the date before the brackets is the event's."""
    for o in others:
        if o.end <= mention.start and o is not mention:
            gap = text[o.end : mention.start]
            if gap.count("(") == 1 and ")" not in gap and len(gap) <= 40 and gap.lstrip().startswith("("):
                return True
    return False


def history(text: str, mention: DateMention) -> bool:
    """Whether the text gives this date as history (a start point or what is remembered), not as an event date."""
    before = text[max(0, mention.start - 100) : mention.start]
    return bool(_HISTORY_BEFORE.search(before[-40:]) or _REMEMBERED_BEFORE.search(before))


def _reference(document: Document) -> date | None:
    if document.article.published_date is not None:
        return document.article.published_date
    published = document.extras.get("published")
    try:
        return date.fromisoformat(str(published)[:10]) if published else None
    except ValueError:
        return None


def _precision(text: str, mention: DateMention) -> int:
    precision = mention.precision or 3
    hedged = _HEDGE_BEFORE.search(text[max(0, mention.start - 20) : mention.start]) or _HEDGE_AFTER.match(
        text[mention.end : mention.end + 20]
    )
    return max(precision, 2) if hedged else precision


def _governing_verb(doc: Any, start: int, end: int) -> int | None:
    """Index of the verb a span hangs from (the span's own verb for a trigger)."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return int(tok.i)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _modifies(doc: Any, mention: DateMention, verb: int) -> bool:
    """Does the date hang from the verb directly ("on Thursday", "last week"), not via a noun?"""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    return bool(head.i == verb or (head.pos_ == "ADP" and head.head.i == verb))


def _background_clause(doc: Any, mention: DateMention) -> Any:
    """The clause a date belongs to when that clause tells of something else than the sentence's report: a
    relative clause ("a journalist who died on 16 October 2017"), a clause opened by after/since/before
    ("after austerity measures came into effect on January 1"), or a noun it names ("the 31 December 1981
    revolution"). Returns its head token, else None."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return None
    head = span.root.head
    if span.root.dep_ in ("compound", "nmod", "amod", "det", "nummod") and head.pos_ in ("NOUN", "PROPN") and head.i not in \
            range(span.start, span.end):
        return head  # the date names a thing ("the 1981 revolution"), not when something happened
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "prep")}
            if tok.dep_ == "relcl" or (tok.dep_ in ("advcl", "pcomp") and (
                    marks & BACKGROUND_MARKS or tok.head.lower_ in BACKGROUND_MARKS)):
                return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


Extent = tuple[int, int] | None  # token range of a date's background clause; None: the date is no background


def background_extents(doc: Any, mentions: list[DateMention]) -> dict[tuple[int, int], Extent]:
    """Each mention's background clause as a token range, worked out once per document (not once per event)."""
    out: dict[tuple[int, int], Extent] = {}
    for m in mentions:
        clause = _background_clause(doc, m) if doc is not None else None
        out[m.start, m.end] = (clause.left_edge.i, clause.right_edge.i) if clause is not None else None
    return out


def choose_mention(document: Document, event: Event, usable: list[DateMention],
                   extents: dict[tuple[int, int], Extent] | None = None) -> tuple[DateMention | None, str]:
    """The date mention that dates ``event`` and where it came from (sentence/context/none).

    ``extents``: ``background_extents`` of ``usable`` (computed here when not given)."""
    sentence = event.evidence.get("sentence")
    if not sentence:
        return None, "none"
    s, e = sentence[0], sentence[1]
    trigger = event.evidence.get("trigger") or sentence
    centre = (trigger[0] + trigger[1]) // 2
    doc = document.doc
    if doc is not None:
        # a date inside a clause about something else dates only the events told in that clause
        extents = extents if extents is not None else background_extents(doc, usable)
        span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
        root = span.root.i if span is not None else None
        usable = [m for m in usable if (x := extents.get((m.start, m.end))) is None
                  or (root is not None and x[0] <= root <= x[1])]
    text = document.article.text
    inside = [m for m in usable if s <= m.start < e]
    if inside:
        # not the bounds in brackets after another date ("Around 8 May (between 1 and 8 May)") nor a date
        # something lasts until; then a date that modifies the trigger's own verb ("attacked … on Thursday", not
        # "the 1 May vote"), a calendar date over a word relative to the report ("On 28 March, ... overnight"),
        # the most exact, the nearest
        verb = _governing_verb(doc, trigger[0], trigger[1])

        def rank(m: DateMention) -> tuple[bool, bool, bool, bool, int, int]:
            attached = verb is not None and _modifies(doc, m, verb)
            explicit = bool(_EXPLICIT.search(text[m.start:m.end]))
            return (_bound_of_another(text, m, inside), bool(_DEADLINE_BEFORE.search(text[max(0, m.start - 12):m.start])),
                    not attached, not explicit, m.precision or 9, abs(centre - (m.start + m.end) // 2))

        return min(inside, key=rank), "sentence"
    paragraph_start = max(text.rfind("\n\n", 0, s), text.rfind("\n", 0, s)) + 1
    before = [m for m in usable if paragraph_start <= m.start < s]
    if before:
        return max(before, key=lambda m: m.start), "context"
    return None, "none"


def _coarse_mention(document: Document, event: Event) -> DateMention | None:
    """A date in the event's sentence that is coarser than a month ("in 2015", "last year")."""
    sentence = event.evidence.get("sentence")
    if not sentence:
        return None
    trigger = event.evidence.get("trigger") or sentence
    verb = _governing_verb(document.doc, trigger[0], trigger[1])
    text = document.article.text
    coarse = [
        m
        for m in document.dates
        if sentence[0] <= m.start < sentence[1] and not m.date and verb is not None and _modifies(document.doc, m, verb)
        and not history(text, m)
    ]
    return coarse[0] if coarse else None  # "founded in 2015" says nothing about the attack


def date_event(document: Document, event: Event, usable: list[DateMention], ref: date | None,
               extents: dict[tuple[int, int], Extent] | None = None) -> None:
    text = document.article.text
    mention, source = choose_mention(document, event, usable, extents)
    coarse = _coarse_mention(document, event) if source != "sentence" else None
    if coarse is not None:
        # the text says when, but no finer than a year: the report date would be a false precision
        event.evidence["event_date"] = [coarse.start, coarse.end]
        if coarse.relation == "future" and event.modality == "asserted":
            event.modality = "future"
        return
    if mention is not None and mention.date:
        event.event_date = mention.date
        event.time_precision = _precision(text, mention)
        event.evidence["event_date"] = [mention.start, mention.end]
        # the report's own day is no future: what a future-tense verb governs there the trigger's modality already
        # says, and a 'due to' (because of) read as 'due on' made past events future ("On 7 March 2022, a mob
        # attacked ... due to the power cut"; 4 of the 7 dev notes whose only events were not asserted)
        on = date.fromisoformat(mention.date)
        future = on > ref if ref is not None else mention.relation == "future"
        if future and event.modality == "asserted":
            event.modality = "future"
        return
    if ref is not None:
        event.event_date = ref.isoformat()
        event.time_precision = AS_REPORTED_PRECISION
        if document.extras.get("published_source") == "dateline" and document.extras.get("dateline"):
            event.evidence["event_date"] = list(document.extras["dateline"])


@stage("sitrep.event_dates.v1", needs=("events", "dates"), sets=("events.event_date",))
def make_event_dates(config: dict[str, Any]) -> Any:
    """Date each event from its sentence, its paragraph, or the report date, with ACLED precision."""

    def run(documents: list[Document]) -> None:
        for document in documents:
            if not document.events:
                continue
            line = document.extras.get("dateline")
            text = document.article.text
            usable = [
                m for m in document.dates if m.date and m.precision and not (line and line[0] <= m.start < line[1])
                and not history(text, m)
            ]
            ref = _reference(document)
            extents = background_extents(document.doc, usable)
            for event in document.events:
                date_event(document, event, usable, ref, extents)

    return run
