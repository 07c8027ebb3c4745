"""`sitrep eval dedup`: the synthetic set, pairwise metrics, and a clean skip without SemEval data."""

from __future__ import annotations

import pytest

from sitrep.eval import dedup


def test_pairwise_metrics_count_pairs_not_clusters():
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    pred = {"a": "1", "b": "1", "c": "2", "d": "2"}
    m = dedup.pairwise(gold, pred)
    assert m["precision"] == pytest.approx(1 / 2)  # predicted pairs ab, cd; ab right
    assert m["recall"] == pytest.approx(1 / 3)  # gold pairs ab, ac, bc


def test_synthetic_rewrites_cluster_well():
    (report,) = dedup.run(dedup.Path("/nonexistent"), "synthetic", 120)
    assert report.counts["incidents"] == 120
    assert report.metrics["f1"] > 0.85 and report.metrics["precision"] > 0.9


def test_semeval_skips_cleanly_without_data(tmp_path):
    (report,) = dedup.run(tmp_path, "semeval", None)
    assert report.skipped and "not found" in report.skipped


def test_rank_correlation_handles_ties():
    assert dedup._ranks([0.2, 0.1, 0.2]) == [1.5, 0.0, 1.5]
