"""Turn one date expression into a date, an ACLED precision and a relation.

``DateResolver.resolve(span_text, ref, ...)`` reads a span that the NLP stage
(or the phrase finder) already found; it never searches free text, so "may"
and "we" are never dates. Precision is ACLED's ``time_precision``: 1 the day
is known, 2 the week, 3 the month. A period is dated by its middle, never
later than the publication date when it is the current period ("earlier this
month" in an article of 9 May is 9 May, precision 3). Without a reference
date only absolute dates resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
NUMBERS |= {"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "several": 3, "couple of": 2, "a couple of": 2}
VAGUE_COUNTS = ("few", "several", "couple of", "a couple of")

_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_COUNT = r"(?P<n>\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<a>\d{1,2})-(?P<b>\d{1,2})\b")),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b")),
    (
        "range_dm",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b"
        ),
    ),
    (
        "range_md",
        re.compile(rf"\b{_MON}\s+{_DAY}\s*(?:-|–|and|to)\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b"),
    ),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR})?")),
    ("ago", re.compile(rf"\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago\b")),
    ("weekday", re.compile(rf"\b(?P<rel>last|this|next|this coming|past)?\s*{_WD}\b")),
    ("month", re.compile(rf"\b(?P<part>early|mid|middle of|late|end of|beginning of)?[\s-]*{_MON}(?:,?\s+{_YEAR})?\b")),
    ("year", re.compile(r"\b(?:19|20)\d{2}s?\b")),
]


@dataclass
class Resolved:
    date: date | None
    precision: int | None
    relation: str  # past | future | unknown


def _mid_week(d: date) -> date:
    return d - timedelta(days=d.weekday()) + timedelta(days=3)


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, 1)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


class DateResolver:
    def __init__(self, phrases: dict[str, tuple[int, str, int]]) -> None:
        # phrase → (offset, unit, precision), keyed the way spans are normalised
        self.phrases = {self.normalise(k): v for k, v in phrases.items()}

    @staticmethod
    def normalise(text: str) -> str:
        t = " ".join(text.lower().replace("’", "'").split())
        t = re.sub(r"^(?:on|in|at|during|over|since|from|by|until|of|around|about)\s+", "", t)
        return t.strip(" ,.;:()")

    def lookup(self, t: str) -> tuple[int, str, int] | None:
        """The table row for a normalised span, with or without a leading "the" ("over the last year")."""
        return self.phrases.get(t) or self.phrases.get(re.sub(r"^the\s+", "", t))

    def _phrase(self, t: str, ref: date, future: bool) -> Resolved | None:
        hit = self.lookup(t)
        if hit is None:
            return None
        offset, unit, precision = hit
        if unit == "year":  # "last year" says when, but not to the month
            return Resolved(None, None, "future" if offset > 0 or future else "past")
        d = self._phrase_date(offset, unit, ref)
        return None if d is None else self._relate(d, precision, ref, future)

    @staticmethod
    def _phrase_date(offset: int, unit: str, ref: date) -> date | None:
        if unit == "day":
            return ref + timedelta(days=offset)
        if unit == "week":
            middle = _mid_week(ref + timedelta(weeks=offset))
            return min(middle, ref) if offset <= 0 else middle
        if unit == "weekend":
            back = (ref.weekday() - 5) % 7  # days since the latest Saturday
            return ref - timedelta(days=back)
        if unit == "month":
            middle = _add_months(ref, offset).replace(day=15)
            return min(middle, ref) if offset <= 0 else middle
        return None

    def resolve(self, text: str, ref: date | None, day_first: bool = True, future: bool = False) -> Resolved | None:
        """The date a span names, or None when it names no point in time ("four years")."""
        t = self.normalise(text)
        if not t:
            return None
        if ref is not None:
            hit = self._phrase(t, ref, future)
            if hit is not None:
                return hit
        for kind, pattern in PATTERNS:
            m = pattern.search(t)
            if m is None:
                continue
            found = self._pattern(kind, m, ref, day_first, future)
            if found is not None:
                return found
        return None

    def _relate(self, d: date | None, precision: int | None, ref: date | None, future: bool) -> Resolved:
        if d is None:
            return Resolved(None, precision, "unknown")
        if ref is None:
            return Resolved(d, precision, "future" if future else "unknown")
        return Resolved(d, precision, "future" if d > ref or (future and d >= ref) else "past")

    def _year_for(self, month: int, day: int, ref: date | None, future: bool) -> int | None:
        """A date without a year: the nearest such date, looking back three times as far as ahead
        (news reports mostly the past) or the other way round under a future-tense verb."""
        if ref is None:
            return None
        best, best_cost = ref.year, float("inf")
        for year in (ref.year - 1, ref.year, ref.year + 1):
            candidate = _safe(year, month, day) or _safe(year, month, 28)
            if candidate is None:
                continue
            days = (candidate - ref).days
            ahead, back = max(days, 0), max(-days, 0)
            cost = (back * 3 + ahead) if future else (ahead * 3 + back)
            if cost < best_cost:
                best, best_cost = year, cost
        return best

    def _pattern(self, kind: str, m: re.Match[str], ref: date | None, day_first: bool, future: bool) -> Resolved | None:
        g = m.groupdict()
        if kind in ("iso", "numeric"):
            a, b, year = int(g["a"]), int(g["b"]), int(g["year"])
            year += 2000 if year < 100 else 0
            if kind == "iso":
                d = _safe(year, a, b)
            elif a > 12 or (day_first and b <= 12):
                d = _safe(year, b, a)
            else:
                d = _safe(year, a, b)
            return self._relate(d, 1, ref, future) if d else None
        if kind in ("range_dm", "range_md", "dmy", "mdy"):
            month, day = MONTHS[g["mon"]], int(g["day"])
            given = int(g["year"]) if g.get("year") else self._year_for(month, day, ref, future)
            if given is None:
                return Resolved(None, None, "unknown")
            d = _safe(given, month, day)
            if d is None:
                return None
            precision = 1
            if g.get("day2"):
                precision = 2 if 0 <= int(g["day2"]) - day <= 7 else 3
            return self._relate(d, precision, ref, future)
        if kind == "ago":
            if ref is None:
                return Resolved(None, None, "unknown")
            n_text = g["n"]
            n = int(n_text) if n_text.isdigit() else NUMBERS[n_text]
            vague = n_text in VAGUE_COUNTS
            unit = g["unit"]
            if unit == "day":
                return self._relate(ref - timedelta(days=n), 2 if vague else 1, ref, False)
            if unit == "week":
                return self._relate(ref - timedelta(weeks=n), 3 if vague else 2, ref, False)
            if unit == "month":
                return self._relate(ref - timedelta(days=30 * n), 3, ref, False)
            return Resolved(None, None, "past")
        if kind == "weekday":
            if ref is None:
                return Resolved(None, None, "unknown")
            wd, rel = WEEKDAYS[g["wd"]], (g.get("rel") or "")
            ahead = rel in ("next", "this coming") or future
            if ahead:
                delta = (wd - ref.weekday()) % 7 or (7 if rel == "next" else 0)
                return self._relate(ref + timedelta(days=delta), 1, ref, True)
            back = (ref.weekday() - wd) % 7
            if rel in ("last", "past") and back == 0:
                back = 7
            return self._relate(ref - timedelta(days=back), 1, ref, False)
        if kind == "month":
            month = MONTHS[g["mon"]]
            part = g.get("part") or ""
            day = 5 if part in ("early", "beginning of") else 25 if part in ("late", "end of") else 15
            given = int(g["year"]) if g.get("year") else self._year_for(month, 1, ref, future)
            if given is None:
                return Resolved(None, None, "unknown")
            d = date(given, month, day)
            if ref is not None and not future and (d.year, d.month) == (ref.year, ref.month):
                d = min(d, ref)
            return self._relate(d, 3, ref, future)
        if kind == "year":
            year = int(m.group(0)[:4])
            if ref is None:
                return Resolved(None, None, "unknown")
            return Resolved(None, None, "future" if year > ref.year else "past")
        return None
