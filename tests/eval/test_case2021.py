"""CASE 2021 scorer: F1 arithmetic, lead event choice, keyword baseline, skip and a small real run."""

from __future__ import annotations

import pytest

from sitrep.eval import case2021
from sitrep.eval.registry import all_scorers, gold_dir
from sitrep.model import Event


def test_case2021_f1_table_weighted_and_macro():
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", "NONE"]
    table = case2021.f1_table(gold, pred, ["A", "B", "C"])
    assert table["A"][:3] == (1.0, 0.5, pytest.approx(2 / 3))
    assert table["B"][:3] == (0.5, 1.0, pytest.approx(2 / 3))
    assert table["C"][2] == 0.0
    weighted, macro = case2021.averages(table)
    assert weighted == pytest.approx((2 / 3 * 2 + 2 / 3 * 1 + 0) / 4)
    assert macro == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)


def test_case2021_lead_event_is_first_asserted():
    later = Event(modality="asserted", evidence={"sentence": [50, 90]}, sub_event_type="Arrests")
    first = Event(modality="asserted", evidence={"sentence": [0, 40]}, sub_event_type="Armed clash")
    threat = Event(modality="future", evidence={"sentence": [0, 40]}, sub_event_type="Attack")
    assert case2021.lead_event([later, threat, first]) is first
    assert case2021.lead_event([threat]) is threat
    assert case2021.lead_event([]) is None


def test_case2021_keyword_baseline_first_match():
    assert case2021.keyword_label("A suicide bomber attacked a mosque") == "SUIC_BOMB"
    assert case2021.keyword_label("Nothing happened today") == case2021.NONE


def test_case2021_is_registered_and_skips_without_data(tmp_path):
    assert "case2021" in all_scorers()
    report = case2021.score(tmp_path, None, None)[0]
    assert report.skipped


def test_case2021_small_run_scores_in_range():
    if not (gold_dir() / case2021.DATASET / case2021.FILE).exists():
        pytest.skip("CASE 2021 data not present")
    report = case2021.score(gold_dir(), None, 40)[0]
    assert report.counts["snippets"] == 40
    for key in ("weighted_f1", "macro_f1", "keyword_baseline_weighted_f1"):
        assert 0.0 <= report.metrics[key] <= 1.0
    assert report.metrics["weighted_f1"] > 0.3
