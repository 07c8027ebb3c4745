"""sitrep eval dedup-ucdp: the figures it computes, skipping without data, and one tiny run end to end."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sitrep.eval import dedup_ucdp


def test_bcubed_and_pairwise_by_country() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "z"}
    pred = {"a": "1", "b": "1", "c": "1", "d": "2"}
    b = dedup_ucdp.bcubed(gold, pred)
    # a, b: 2/3 precision each; c: 1/3; d: 1 -> mean 2/3. Recall: all 1.
    assert b["precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert b["recall"] == pytest.approx(1.0)
    fig = dedup_ucdp.figures(gold, pred, {"a": "p", "b": "p", "c": "p", "d": "q"})
    assert fig["precision"] == pytest.approx(1 / 3) and fig["recall"] == pytest.approx(1.0)
    assert fig["p_precision"] == pytest.approx(1 / 3) and fig["q_recall"] == 0.0  # q has no gold pairs


def test_recall_by_kind_splits_pairs_with_a_report_asserting_no_event() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    pred = {"a": "1", "b": "1", "c": "2", "d": "3", "e": "4"}
    # a, b, d assert an event; c and e do not
    kinds = dedup_ucdp.recall_by_kind(gold, pred, {"a", "b", "d"})
    assert kinds["event_pairs_recall"] == 1.0  # a-b, found
    assert kinds["report_pairs_recall"] == 0.0  # a-c, b-c, d-e: none found
    assert kinds["gold_pairs_with_report"] == 3


def test_skips_cleanly_without_the_data(tmp_path: Path) -> None:
    reports = dedup_ucdp.run(tmp_path, None, None)
    assert [r.dataset for r in reports] == ["held_out", "held_out_full"] and all(r.skipped for r in reports)
    [bad] = dedup_ucdp.run(tmp_path, "nowhere", None)
    assert bad.skipped


def test_a_tiny_country_through_ingest_and_dedupe(tmp_path: Path) -> None:
    folder = tmp_path / "ucdp_ged"
    folder.mkdir()
    fields = ["id", "country", "date_start", "date_end", "latitude", "longitude", "where_prec", "date_prec",
              "type_of_violence", "side_a", "side_b", "best", "source_article"]
    rows = [
        ["1", "Nigeria", "2019-03-04", "2019-03-04", "11.85", "13.16", "1", "1", "3", "Boko Haram", "Civilians", "9",
         '"Wire A,2019-03-04,Boko Haram gunmen kill nine villagers near Maiduguri";'
         '"Paper B,2019-03-05,Nine villagers killed by Boko Haram near Maiduguri"'],
        ["2", "Nigeria", "2019-03-05", "2019-03-05", "9.08", "7.49", "1", "1", "1", "Government of Nigeria",
         "Bandits", "3", '"Wire A,2019-03-05,Police kill three bandits in Abuja shootout"'],
    ]
    with open(folder / "philippines.csv", "w", newline="", encoding="utf-8") as f:  # a held-out country's file name
        w = csv.writer(f)
        w.writerow(fields)
        w.writerows(rows)
    [report] = dedup_ucdp.run(tmp_path, "held_out", None)
    assert report.skipped is None
    assert report.counts["reports"] == 3 and report.counts["gold_pairs"] == 1 and report.counts["events"] == 2
    for key in ("precision", "recall", "f1", "bcubed_f1", "philippines_f1", "naive_precision", "naive_f1",
                "event_pairs_recall", "report_pairs_recall"):
        assert 0.0 <= report.metrics[key] <= 1.0
    assert report.metrics["bcubed_precision"] >= 2 / 3  # the Abuja shootout never joins the Maiduguri attack
    # the _country datasets give each report its country on the input, the others do not
    recs, _gold, _country = dedup_ucdp.gold_records(folder, dedup_ucdp.HELD_OUT, 100, with_country=True)
    assert {r.get("country") for r in recs} == {"Philippines"}
    plain, _gold, _country = dedup_ucdp.gold_records(folder, dedup_ucdp.HELD_OUT, 100)
    assert all("country" not in r for r in plain)
    # the _multi datasets keep only events told twice or more: the Abuja shootout (one report) goes
    multi, multi_gold, _country = dedup_ucdp.gold_records(folder, dedup_ucdp.HELD_OUT, 100, multi_only=True)
    assert len(multi) == 2 and set(multi_gold.values()) == {"philippines:1"}
    [only_multi] = dedup_ucdp.run(tmp_path, "held_out_multi", None)
    assert only_multi.counts["reports"] == 2 and only_multi.counts["events"] == 1
    # held_out samples at most REPORTS_PER_COUNTRY a country, held_out_full takes every usable report
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dedup_ucdp, "REPORTS_PER_COUNTRY", 2)
        sampled, full = dedup_ucdp.run(tmp_path, None, None)  # the default scores both
    assert sampled.dataset == "held_out" and full.dataset == "held_out_full"
    assert sampled.counts["reports"] < full.counts["reports"] == 3
