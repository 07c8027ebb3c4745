"""A few hundred real texts from every source in ../shared/data through the whole pipeline, with
publication dates: no stage may crash (benchmarks/robustness.py runs all of them)."""

from __future__ import annotations

import pytest

from sitrep.eval import corpora, robustness
from sitrep.eval.registry import gold_dir
from sitrep.model import ErrorInfo, Result

PER_SOURCE = 30  # ~300 texts, about a minute on two cores


@pytest.fixture(scope="module")
def base():
    path = gold_dir()
    if not (path / "polnear").exists():
        pytest.skip(f"the public gold data ({path}) is not present")
    return path


def test_iso_date_reads_every_date_style_of_the_data():
    assert corpora.iso_date("2021-01-02T00:00:00Z") == "2021-01-02"
    assert corpora.iso_date("17 November 2021") == "2021-11-17"
    assert corpora.iso_date("5-Aug-24") == "2024-08-05"
    assert corpora.iso_date("breitbart_2016-03-11_activists") == "2016-03-11"
    assert corpora.iso_date("Reuters 25/2-09") == corpora.FALLBACK_DATE


def test_ucdp_reports_are_split_into_headlines_with_their_dates():
    cell = '"AFP,2014-05-02,Gunmen kill 12 in Borno";"Reuters,2014-05-03,Borno toll rises, officials say"'
    assert list(corpora._ucdp_reports(cell)) == [("Gunmen kill 12 in Borno", "2014-05-02"),
                                                 ("Borno toll rises, officials say", "2014-05-03")]
    assert list(corpora._ucdp_reports("Reuters  25/2-09")) == []  # old free-text sources have no headline


def test_sample_is_deterministic_and_spread():
    items = [corpora.Text("s", str(i), f"text {i}", corpora.FALLBACK_DATE) for i in range(100)]
    first, again = corpora.sample(items, 10), corpora.sample(list(reversed(items)), 10)
    assert first == again and len(first) == 10
    assert max(int(t.id) for t in first) > 50  # not just the head of the file


def test_report_counts_stage_crashes_not_other_errors():
    report = robustness.RobustnessReport()
    chunk = [corpora.Text("acled", "1", "a", "2020-01-01"), corpora.Text("ucdp", "2", "b", "2020-01-01")]
    degraded = Result(id="1", errors=[ErrorInfo("W200", "…: sitrep.dates.v1: KeyError: 'x'", "sitrep.dates.v1")])
    empty = Result(id="2", errors=[ErrorInfo("E107", "input has no sentences", "sitrep.nlp.v1")])
    robustness.record(report, chunk, [degraded, empty])
    assert report.by_stage() == {"sitrep.dates.v1": 1}
    assert report.by_exception() == {"sitrep.dates.v1 KeyError": 1}
    assert report.to_json()["sources"]["ucdp"] == {"texts": 1, "events": 0, "crashes": 0}


def test_no_stage_crashes_on_a_sample_of_every_source(base):
    items = []
    for source in sorted(corpora.READERS):
        chosen = corpora.sample(corpora.texts(base, source), PER_SOURCE)
        assert chosen, f"{source}: no texts under {base}"
        items.extend(chosen)
    report = robustness.run(items)
    assert set(report.texts) == set(corpora.READERS)
    assert sum(report.texts.values()) == len(items)
    assert not report.crashes, report.table() + "\n" + "\n".join(f"{c.source}:{c.id} {c.message}" for c in report.crashes)
    assert sum(report.events.values()) > len(items)  # the texts went through every stage
