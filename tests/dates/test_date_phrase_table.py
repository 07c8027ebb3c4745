"""Every row of date_phrases.csv resolves, in every shape a span can take, with and without a publication date.

The expected dates are computed here from the row's meaning (unit and offset, as the file's header explains),
not by calling the resolver's own arithmetic.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from sitrep.dates import PHRASE_UNITS, load_resolver
from sitrep.model import Article, Document
from sitrep.registry import get

TABLE = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "data" / "date_phrases.csv"
ROWS = [r for r in csv.DictReader(line for line in TABLE.open(encoding="utf-8") if not line.startswith("#"))]
PHRASES = {r["phrase"] for r in ROWS}
REFS = [date(2020, 5, 13), date(2021, 1, 3), date(2019, 12, 30), date(2024, 2, 29)]  # Wed, Sun, Mon, leap day
# the ways a relative phrase reaches the resolver: the NER span, the phrase finder's span, a preposition or
# "the" in front ("over the last year", the crash of issue 22), capitals, a trailing comma
SHAPES = ("{p}", "{the}{p}", "over {the}{p}", "in {p}", "during {the}{p}", "since {p}", "{P}", "{p},")


def _shapes(phrase: str) -> list[str]:
    """A phrase of the table with "the" keeps it; one without may also come with it; one that starts with its
    own preposition ("in recent days", "over the weekend") takes no other."""
    the = "" if phrase.startswith("the ") else "the "
    if f"the {phrase}" in PHRASES:  # "the last week" is a row of its own (the past seven days), not "last week"
        return [phrase, phrase.capitalize(), f"{phrase},", f"since {phrase}"]
    shapes = SHAPES if phrase.split()[0] not in ("in", "over") else ("{p}", "{P}", "{p},")
    return sorted({s.format(p=phrase, P=phrase.capitalize(), the=the) for s in shapes})


def _expected(offset: int, unit: str, ref: date) -> tuple[date, date]:
    """The earliest and latest day the row may name, given the publication date."""
    if unit == "day":
        return ref + timedelta(days=offset), ref + timedelta(days=offset)
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset)
        return monday, min(monday + timedelta(days=6), ref) if offset <= 0 else monday + timedelta(days=6)
    if unit == "weekend":
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
        return saturday, saturday
    assert unit == "month", unit
    y, m = divmod(ref.month - 1 + offset, 12)
    first = date(ref.year + y, m + 1, 1)
    last = date(first.year + (first.month == 12), first.month % 12 + 1, 1) - timedelta(days=1)
    return first, min(last, ref) if offset <= 0 else last


@pytest.fixture(scope="module")
def resolver():
    return load_resolver()


def test_table_uses_only_known_units_and_precisions():
    assert ROWS
    for row in ROWS:
        assert row["unit"] in PHRASE_UNITS, row
        if row["unit"] != "year":
            assert row["precision"] in ("1", "2", "3"), row


@pytest.mark.parametrize("row", ROWS, ids=[r["phrase"] for r in ROWS])
def test_each_phrase_resolves_in_every_shape_with_a_publication_date(resolver, row):
    offset, unit = int(row["offset"]), row["unit"]
    for ref in REFS:
        for shape in _shapes(row["phrase"]):
            got = resolver.resolve(shape, ref)
            assert got is not None, shape
            if unit == "year":  # a year: when, but no day and no precision
                assert (got.date, got.precision) == (None, None), shape
                assert got.relation == ("future" if offset > 0 else "past"), shape
                continue
            low, high = _expected(offset, unit, ref)
            assert got.date is not None and low <= got.date <= high, (shape, ref, got)
            assert got.precision == int(row["precision"]), shape
            assert got.relation == ("future" if got.date > ref else "past"), shape


@pytest.mark.parametrize("row", ROWS, ids=[r["phrase"] for r in ROWS])
def test_each_phrase_names_no_day_without_a_publication_date(resolver, row):
    for shape in _shapes(row["phrase"]):
        got = resolver.resolve(shape, None)
        assert got is None or got.date is None, shape


def test_future_tense_keeps_a_year_phrase_in_the_future(resolver):
    got = resolver.resolve("the last year", date(2020, 5, 13), future=True)
    assert got is not None and got.relation == "future"


def test_user_table_with_an_unknown_unit_is_refused(tmp_path, monkeypatch):
    from sitrep import resources
    from sitrep.dates import load_phrases
    from sitrep.errors import SitrepError

    (tmp_path / "date_phrases.csv").write_text("phrase,offset,unit,precision\nlast decade,-1,decade,3\n")
    monkeypatch.setattr(resources, "data_files", lambda name: [tmp_path / name])
    monkeypatch.setattr("sitrep.dates.data_files", lambda name: [tmp_path / name])
    with pytest.raises(SitrepError) as info:
        load_phrases()
    assert info.value.code == "E302"


@pytest.mark.parametrize("published", ["2020-05-13", None])
def test_dates_stage_reads_every_phrase_in_a_sentence(published):
    """The stage itself (NER spans + phrase finder) over one sentence per row and shape, strict: no row crashes."""
    nlp = get("sitrep.nlp.v1").factory({})
    dates = get("sitrep.dates.v1").factory({})
    documents = []
    for row in ROWS:
        for shape in ("{p}", "over {the}{p}"):
            the = "" if row["phrase"].startswith("the ") else "the "
            text = f"The UK said ISIL fighters had killed 70 members of the tribe {shape.format(p=row['phrase'], the=the)} in Anbar."
            documents.append(Document(article=Article(text=text, published=published)))
    nlp(documents)
    dates(documents)
    if published is None:  # a relative phrase names no day without a reference date
        assert not any(m.date for d in documents for m in d.dates)
        return
    found = [d for d in documents if d.dates]
    assert len(found) >= len(documents) * 0.8  # the NER or the finder sees nearly all of them
    for document in found:
        assert all(m.date is None or "2019-05-01" <= m.date <= "2021-05-31" for m in document.dates), document.dates
