"""Property tests: the date resolver on arbitrary text and on every phrase shape it is built to read."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.dates import load_resolver

RESOLVER = load_resolver()
TABLE = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "data" / "date_phrases.csv"
PHRASES = [r["phrase"] for r in csv.DictReader(x for x in TABLE.open(encoding="utf-8") if not x.startswith("#"))]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
FAST = settings(max_examples=60, deadline=None)


@FAST
@given(text=st.text(max_size=60), ref=st.none() | DAYS, day_first=st.booleans(), future=st.booleans())
def test_any_text_resolves_to_nothing_or_a_well_formed_answer(text, ref, day_first, future):
    got = RESOLVER.resolve(text, ref, day_first=day_first, future=future)
    if got is not None:
        assert got.date is None or isinstance(got.date, date)
        assert got.precision in (None, 1, 2, 3)
        assert got.relation in ("past", "future", "unknown")


@FAST
@given(
    phrase=st.sampled_from(PHRASES),
    lead=st.sampled_from(["", "on ", "over the ", "in ", "during ", "since ", "by ", "until ", "the "]),
    upper=st.booleans(),
    tail=st.sampled_from(["", ",", ".", ";", " "]),
    ref=DAYS,
    future=st.booleans(),
)
def test_table_phrase_in_any_wrapping_never_crashes_and_stays_near_the_publication_date(
    phrase, lead, upper, tail, ref, future
):
    text = f"{lead}{phrase}{tail}"
    got = RESOLVER.resolve(text.upper() if upper else text, ref, future=future)
    if got is not None and got.date is not None:
        assert abs((got.date - ref).days) <= 62  # a relative phrase never lands months away


@FAST
@given(day=DAYS, ref=st.none() | DAYS, style=st.sampled_from(["dmy", "mdy", "iso", "dmy_of", "mdy_comma"]))
def test_a_written_out_date_is_that_day(day, ref, style):
    month = MONTHS[day.month - 1]
    text = {
        "dmy": f"{day.day} {month} {day.year}",
        "dmy_of": f"the {day.day}th of {month} {day.year}",
        "mdy": f"{month} {day.day} {day.year}",
        "mdy_comma": f"on {month} {day.day}, {day.year}",
        "iso": day.isoformat(),
    }[style]
    got = RESOLVER.resolve(text, ref)
    assert got is not None and got.date == day and got.precision == 1


@FAST
@given(n=st.integers(min_value=1, max_value=12), unit=st.sampled_from(["day", "week"]), ref=DAYS,
       words=st.booleans())
def test_so_many_days_or_weeks_ago(n, unit, ref, words):
    spelled = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    count = spelled[n - 1] if words else str(n)
    got = RESOLVER.resolve(f"{count} {unit}{'s' if n > 1 else ''} ago", ref)
    assert got is not None and got.relation == "past"
    assert got.date == ref - (timedelta(days=n) if unit == "day" else timedelta(weeks=n))
