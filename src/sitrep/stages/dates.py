"""Dates stage: the publication date, and every date expression in the text.

Publication date: ``article.published`` when the input has one; otherwise a
wire dateline ("BAGHDAD, May 9 (Reuters) -"), which then fills
``article.published``. ``document.extras["published_source"]`` says which
("article" or "dateline"; absent when neither); ``extras["dateline"]`` holds
the dateline's date span so later stages can tell it from event dates.

Date mentions: the NLP stage's DATE/TIME entities plus the relative phrases
NER tends to miss ("on Sunday", "two days ago", "overnight", "recently"),
found with a closed list of patterns, never an open search of the text.
Each span is resolved against the publication date (``sitrep.dates``); a
span under a future-tense verb ("will vote on Friday") looks forward.

Config: ``day_first`` = "auto" (the document's own unambiguous dates, then
the source's habit from ``date_order.csv``, then ``default_order``) or
true/false; ``dateline`` = true.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from sitrep.dates import Dateline, find_dateline, load_order, load_phrases
from sitrep.dates.resolve import PATTERNS, DateResolver
from sitrep.lightdoc import light_doc
from sitrep.model import DateMention, Document
from sitrep.registry import stage
from sitrep.stages.nlp import sentence_index

_FUTURE_AUX = frozenset(("will", "'ll", "shall", "wo"))
_FUTURE_VERBS = frozenset(("plan", "schedule", "expect", "due", "set", "intend", "go"))
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_COUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|a couple of)"


# The first letters of the patterns below (besides the data file's phrases): digits, _COUNT's words,
# the month names of the day ranges, the weekday prefixes and weekdays. Keep in step with them.
_PATTERN_FIRST = "0123456789" + "aotfsen" + "jfmasond" + "lntsbup" + "mtwfs"


def _finder(phrases: list[str]) -> re.Pattern[str]:
    alternatives = [re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)]
    alternatives += [
        r"\d{4}-\d{1,2}-\d{1,2}",
        r"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})",
        rf"{_COUNT}\s+(?:day|week|month)s?\s+ago",
        # day ranges the NER may cut in half ("2-3 May 2020", "May 2-3, 2020"): the resolver's own patterns,
        # their named groups made plain so they can share one alternation
        *(re.sub(r"\(\?P<\w+>", "(?:", rx.pattern) for kind, rx in PATTERNS if kind in ("range_dm", "range_md")),
        rf"(?:(?:on|last|this|next|since|by|until|past)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?",
    ]
    # A look-ahead for the letters an expression can start with: the ~60 alternatives were tried at
    # every word boundary, ends of words included (2.3x the time; the same matches).
    first = sorted({*_PATTERN_FIRST, *(p[:1].lower() for p in phrases if p)})
    letters = "".join(re.escape(c) for c in first)
    return re.compile(r"\b(?=[" + letters + r"])(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def future_context(doc: Any, start: int, end: int) -> bool:
    """Is the date governed by a future-tense verb ("will meet on Friday", "is due to vote")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX:
            return True
    if any(child.lemma_ == "due" for child in tok.children):
        return True  # "elections are due on 20 June"
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_ in _FUTURE_VERBS and head.i != tok.i


_PART_OF_NAME = re.compile(r"[a-z,]\s+[A-Z][A-Za-z]*\s+$")
_JOIN = re.compile(r"\s*(?:,|of)?\s*")
_LEFT_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_RIGHT_DAY = re.compile(r"^\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:people|killed|:|%))")
_RIGHT_YEAR = re.compile(r"^,?\s+(?:19|20)\d{2}\b")
_MONTH_END = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE)


def repair(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an NER date span that lost its day or year ("8 [May 2020]", "[May] 8, 2020")."""
    span = text[start:end]
    if re.match(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", span, re.IGNORECASE):
        m = _LEFT_DAY.search(text, max(0, start - 12), start)
        if m:
            start = m.start()
    if _MONTH_END.search(span):
        m = _RIGHT_DAY.match(text[end : end + 8])
        if m:
            end += m.end()
    if not re.search(r"\d{4}", text[start:end]) and re.search(
        r"\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", text[start:end], re.IGNORECASE
    ):
        m = _RIGHT_YEAR.match(text[end : end + 7])
        if m:
            end += m.end()
    return start, end


def _ingested(document: Document) -> date:
    try:
        return datetime.fromisoformat(document.article.ingested_at).date()
    except (TypeError, ValueError):
        return date.today()


@stage("sitrep.dates.v1", needs=("doc",), sets=("dates",))
def make_dates(config: dict[str, Any]) -> Any:
    """Publication date (input or dateline) and resolved date mentions with ACLED precision."""
    resolver = DateResolver(load_phrases())
    finder = _finder(list(resolver.phrases))
    order = load_order(str(config.get("default_order", "dmy")))
    day_first_setting = config.get("day_first", "auto")
    use_dateline = bool(config.get("dateline", True))

    def publication(document: Document) -> tuple[date | None, Dateline | None]:
        article = document.article
        line = find_dateline(article.text, _ingested(document)) if use_dateline else None
        if line is not None:
            document.extras["dateline"] = [line.start, line.end]
        if article.published_date is not None:
            document.extras["published_source"] = "article"
            return article.published_date, line
        if line is not None:
            article.published = line.date.isoformat()
            document.extras["published_source"] = "dateline"
            return line.date, line
        return None, None

    def spans(document: Document) -> list[tuple[int, int]]:
        text = document.article.text
        found = [repair(text, m.start, m.end) for m in document.entities if m.label in ("DATE", "TIME")]
        for m in finder.finditer(text):
            m_start, m_end = m.span()  # read once: the test below runs for every span found so far
            overlapping = [(s, e) for s, e in found if s < m_end and m_start < e]
            if not overlapping:
                found.append((m_start, m_end))
            elif all(m_start <= s and e <= m_end for s, e in overlapping) and any(
                ch.isdigit() for ch in text[m_start:min(s for s, _ in overlapping)]
            ):
                # the pattern reads more than the NER span: "2-3 May 2020" where the NER saw "3 May 2020"
                found = [x for x in found if x not in overlapping] + [(m_start, m_end)]
        merged: list[tuple[int, int]] = []
        for start, end in sorted(found):
            # "the weekend" + "of 9-10 May", "Sunday" + ", 10 May": one expression
            if merged and merged[-1][1] <= start and _JOIN.fullmatch(text, merged[-1][1], start):
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def run(documents: list[Document]) -> None:
        for document in documents:
            if document.doc is None:
                continue
            ref, _ = publication(document)
            if ref is not None:
                document.extras["published"] = ref.isoformat()
            if day_first_setting == "auto":
                day_first = order.for_article(document.article, document.article.text) == "dmy"
            else:
                day_first = bool(day_first_setting)
            text = document.article.text
            doc = light_doc(document)  # shared with the later stages: plain objects, read fast
            mentions: list[DateMention] = []
            for start, end in spans(document):
                if _PART_OF_NAME.search(text, max(0, start - 30), start) and text[start:end] == "Today":
                    continue  # "USA Today" is a newspaper
                future = future_context(doc, start, end)
                resolved = resolver.resolve(text[start:end], ref, day_first=day_first, future=future)
                if resolved is None:
                    continue
                mentions.append(
                    DateMention(
                        text=text[start:end],
                        start=start,
                        end=end,
                        date=resolved.date.isoformat() if resolved.date else None,
                        precision=resolved.precision,
                        relation=resolved.relation,
                        sent=sentence_index(doc, start),
                    )
                )
            document.dates = mentions

    return run
