"""Dates stage: resolving many phrasings and date orders, datelines, future dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.dates import load_resolver
from sitrep.dates.publication import find_dateline
from sitrep.model import Article, Document
from sitrep.registry import get

REF = date(2020, 5, 13)  # a Wednesday


@pytest.fixture(scope="module")
def resolver():
    return load_resolver()


@pytest.fixture(scope="module")
def nlp_stage():
    return get("sitrep.nlp.v1").factory({})


def run_dates(nlp_stage, article: Article, config: dict | None = None) -> Document:
    document = Document(article=article)
    nlp_stage([document])
    get("sitrep.dates.v1").factory(config or {})([document])
    return document


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("8 May 2020", "2020-05-08", 1),
        ("On 8 May 2020", "2020-05-08", 1),
        ("May 8, 2020", "2020-05-08", 1),
        ("the 8th of May", "2020-05-08", 1),
        ("May 8", "2020-05-08", 1),
        ("2020-05-08", "2020-05-08", 1),
        ("13/05/2020", "2020-05-13", 1),
        ("on Sunday", "2020-05-10", 1),
        ("Sunday night", "2020-05-10", 1),
        ("last Wednesday", "2020-05-06", 1),
        ("Wednesday", "2020-05-13", 1),
        ("yesterday", "2020-05-12", 1),
        ("overnight", "2020-05-12", 1),
        ("last night", "2020-05-12", 1),
        ("this morning", "2020-05-13", 1),
        ("two days ago", "2020-05-11", 1),
        ("3 days ago", "2020-05-10", 1),
        ("several days ago", "2020-05-10", 2),
        ("a week ago", "2020-05-06", 2),
        ("last week", "2020-05-07", 2),
        ("earlier this week", "2020-05-13", 2),
        ("in recent days", "2020-05-13", 2),
        ("over the weekend", "2020-05-09", 2),
        ("May 8-9", "2020-05-08", 2),
        ("between 1 and 8 May", "2020-05-01", 2),
        ("earlier this month", "2020-05-13", 3),
        ("recently", "2020-05-13", 3),
        ("last month", "2020-04-15", 3),
        ("mid-May", "2020-05-13", 3),
        ("early May 2019", "2019-05-05", 3),
        ("late April", "2020-04-25", 3),
        ("two months ago", "2020-03-14", 3),
    ],
)
def test_dates_resolve_phrasings_against_publication_date(resolver, text, expected, precision):
    found = resolver.resolve(text, REF)
    assert found is not None
    assert (found.date.isoformat() if found.date else None, found.precision) == (expected, precision)
    assert found.relation == "past"


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("10/05/2020", True, "2020-05-10"),
        ("10/05/2020", False, "2020-10-05"),
        ("10.05.2020", True, "2020-05-10"),
        ("05/13/2020", True, "2020-05-13"),  # 13 cannot be a month, whatever the setting
        ("13/05/2020", False, "2020-05-13"),
        ("1/2/20", True, "2020-02-01"),
    ],
)
def test_dates_numeric_order_follows_setting_unless_unambiguous(resolver, text, day_first, expected):
    found = resolver.resolve(text, REF, day_first=day_first)
    assert found is not None and found.date is not None
    assert found.date.isoformat() == expected


def test_dates_year_less_date_takes_the_nearest_year(resolver):
    found = resolver.resolve("Dec 30", date(2021, 1, 2))
    assert found is not None and found.date == date(2020, 12, 30)
    ahead = resolver.resolve("20 June", REF)
    assert ahead is not None and ahead.date == date(2020, 6, 20) and ahead.relation == "future"


def test_dates_future_context_looks_forward(resolver):
    friday = resolver.resolve("on Friday", REF, future=True)
    assert friday is not None and friday.date == date(2020, 5, 15) and friday.relation == "future"
    for text in ("next week", "tomorrow"):
        found = resolver.resolve(text, REF)
        assert found is not None and found.relation == "future"


def test_dates_durations_and_years_are_not_days(resolver):
    assert resolver.resolve("four years", REF) is None
    year = resolver.resolve("2015", REF)
    assert year is not None and year.date is None and year.precision is None


def test_dates_relative_phrases_need_a_reference(resolver):
    found = resolver.resolve("two days ago", None)
    assert found is not None and found.date is None
    absolute = resolver.resolve("8 May 2020", None)
    assert absolute is not None and absolute.date == date(2020, 5, 8)


def test_dates_dateline_gives_publication_date():
    line = find_dateline("Iraq clashes\n\nBAGHDAD, May 9 (Reuters) - Gunmen attacked.", date(2020, 5, 20))
    assert line is not None and line.date == date(2020, 5, 9)
    assert find_dateline("MOSUL, Iraq, 9 May 2019 (AFP) — A bomb exploded.", date(2020, 5, 20)).date == date(2019, 5, 9)
    # a dateline in January read in early January last year would be in the future: go back a year
    assert find_dateline("KABUL, Dec 30 (Reuters) - Talks.", date(2021, 1, 2)).date == date(2020, 12, 30)
    assert find_dateline("On May 9 - nothing here is a dateline.", date(2020, 5, 20)) is None


def test_dates_stage_sets_published_from_dateline(nlp_stage):
    article = Article(
        text="BAGHDAD, May 9 (Reuters) - Gunmen killed two people on Sunday, police said.",
        ingested_at="2020-05-20T08:00:00+00:00",
    )
    document = run_dates(nlp_stage, article)
    assert article.published == "2020-05-09"
    assert document.extras["published_source"] == "dateline"
    sunday = [d for d in document.dates if d.text == "Sunday"]
    assert sunday and sunday[0].date == "2020-05-03" and sunday[0].precision == 1


def test_dates_stage_prefers_the_input_publication_date(nlp_stage):
    article = Article(text="BAGHDAD, May 9 (Reuters) - Gunmen attacked two days ago.", published="2020-05-10")
    document = run_dates(nlp_stage, article)
    assert document.extras["published_source"] == "article"
    ago = [d for d in document.dates if "ago" in d.text]
    assert ago and ago[0].date == "2020-05-08"


def test_dates_stage_never_reads_may_or_we_as_dates(nlp_stage):
    article = Article(text="We may see more attacks, we said. The May Day rally was calm.", published="2020-05-13")
    document = run_dates(nlp_stage, article)
    assert all(d.text.lower() not in ("may", "we") for d in document.dates)


def test_dates_stage_skips_newspaper_named_today(nlp_stage):
    article = Article(text="A reporter for USA Today saw him. Today, the town was quiet.", published="2020-05-13")
    found = [(d.text, d.start) for d in run_dates(nlp_stage, article).dates]
    assert found == [("Today", article.text.index("Today,"))]


def test_dates_stage_finds_phrases_ner_misses(nlp_stage):
    article = Article(
        text="Overnight, clashes erupted in Hit. Recently, militants attacked a checkpoint. "
        "The raid took place on 05/11/2020.",
        published="2020-05-13",
    )
    found = {d.text: (d.date, d.precision) for d in run_dates(nlp_stage, article).dates}
    assert found["Overnight"] == ("2020-05-12", 1)
    assert found["Recently"] == ("2020-05-13", 3)
    assert found["05/11/2020"] == ("2020-11-05", 1)  # no hint about the source: day first by default


def test_dates_stage_infers_order_from_source_or_document(nlp_stage):
    text = "The raid took place on 05/11/2020."
    us = run_dates(nlp_stage, Article(text=text, published="2020-05-13", url="https://www.nytimes.com/x"))
    uk = run_dates(nlp_stage, Article(text=text, published="2020-05-13", url="https://www.bbc.co.uk/news/x"))
    assert us.dates[0].date == "2020-05-11"
    assert uk.dates[0].date == "2020-11-05"
    own = run_dates(nlp_stage, Article(text=text + " Talks were held on 12/25/2019.", published="2020-05-13"))
    assert own.dates[0].date == "2020-05-11"  # 12/25 shows this text writes the month first
    forced = run_dates(nlp_stage, Article(text=text, published="2020-05-13"), {"day_first": False})
    assert forced.dates[0].date == "2020-05-11"


def test_dates_stage_marks_future_dates(nlp_stage):
    article = Article(text="Protesters will march on Friday. Elections are due on 20 June.", published="2020-05-13")
    found = {d.text: d for d in run_dates(nlp_stage, article).dates}
    assert found["Friday"].date == "2020-05-15" and found["Friday"].relation == "future"
    assert found["20 June"].date == "2020-06-20" and found["20 June"].relation == "future"


def test_dates_user_phrase_file_extends_the_lexicon(nlp_stage, tmp_path: Path, monkeypatch):
    (tmp_path / "date_phrases.csv").write_text(
        "phrase,offset,unit,precision\nat dawn today,0,day,1\n", encoding="utf-8"
    )
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    resolver = load_resolver()
    found = resolver.resolve("at dawn today", REF)
    assert found is not None and found.date == REF and found.precision == 1


def test_dates_stage_reads_a_day_range_the_ner_cut_in_half(nlp_stage):
    article = Article(text="On the weekend of 2-3 May 2020, gunmen killed a farmer in Kaduna.", published="2020-05-20")
    found = run_dates(nlp_stage, article).dates
    assert [(d.date, d.precision) for d in found] == [("2020-05-02", 2)]
    assert "2-3 May 2020" in found[0].text


def test_dates_finder_look_ahead_keeps_every_match_of_the_plain_alternation():
    import re

    from sitrep.dates import load_phrases
    from sitrep.stages.dates import _finder

    phrases = list(load_phrases())
    finder = _finder(phrases)
    plain = re.compile(r"\b" + finder.pattern[finder.pattern.index("(?:"):], re.IGNORECASE)
    text = (
        "Two days ago and a couple of weeks ago, 3 months ago; on 2024-05-01, 1/5/2024 and 12.05.24. "
        "Fighting on 2-3 May 2020, May 2-3, 2020, 9 and 10 September; last Sunday morning, until Friday, "
        "by Tuesday night, Wednesday, past Monday, Thursday evening, Saturday. "
        + " ".join(p.upper() if i % 2 else p.capitalize() for i, p in enumerate(phrases))
    )
    spans = [m.span() for m in finder.finditer(text)]
    assert spans == [m.span() for m in plain.finditer(text)]
    assert len(spans) > len(phrases)
