"""The recall funnel follows each gold report pair down the dedup's stages (invented headlines, no store)."""

from __future__ import annotations

import tempfile

import numpy as np
import pyarrow as pa

from sitrep.dedup.blocking import candidate_pairs
from sitrep.dedup.config import DedupConfig
from sitrep.dedup.core import prepare
from sitrep.dedup.scoring import score_pairs
from sitrep.learn import dedup_funnel
from sitrep.learn.dedup_train import Prepared, training_pairs

# (headline, day, gold event, unit): one event told twice on one day, once more ten days later (out of every
# window), a second event of two reports, and a lone report; "event" units assert an event, "report" ones none.
_ROWS = [
    ("Gunmen kill 12 villagers in Zamfara raid", "2019-03-04", "ng:1", "event"),
    ("Bandits kill twelve in Zamfara village attack", "2019-03-04", "ng:1", "event"),
    ("Zamfara raid victims buried as toll stands at 12", "2019-03-14", "ng:1", "report"),
    ("Suicide bomber kills 4 at Maiduguri market", "2019-03-05", "ng:2", "event"),
    ("Maiduguri market blast kills four", "2019-03-05", "ng:2", "report"),
    ("Troops repel attack on Monguno base", "2019-03-05", "ng:3", "event"),
]


def _prepared() -> Prepared:
    n = len(_ROWS)
    table = pa.table({
        "event_id": [f"e{k}" for k in range(n)], "article_id": [f"a{k}" for k in range(n)],
        "event_date": [r[1] for r in _ROWS], "time_precision": [2] * n, "text": [r[0] for r in _ROWS],
        "unit": [r[3] for r in _ROWS], "article_chars": [len(r[0]) for r in _ROWS],
    })
    with tempfile.TemporaryDirectory() as empty:
        cfg = DedupConfig(matcher="model", model_dir=empty)
        f = prepare(table, cfg, {}, 3.0)
        i, j = candidate_pairs(f, cfg)
        s = score_pairs(f, i, j, cfg)
    return Prepared(f, s, [r[2] for r in _ROWS], [f"a{k}" for k in range(n)], {}, 3.0)


def test_gold_pairs_are_every_two_reports_of_one_event() -> None:
    pairs = dedup_funnel.gold_pairs(["a", "b", "c", "d", "e"], ["x", "x", "x", "y", ""])
    assert pairs == [("a", "b", "x"), ("a", "c", "x"), ("b", "c", "x")]


def test_a_perfect_model_loses_only_the_pairs_blocking_never_proposes() -> None:
    p = _prepared()
    keep, _x, y, _country = training_pairs(p)
    figures = dedup_funnel.funnel(p, keep, y.astype(float), 0.5, 0.0)
    assert figures["gold_pairs"] == 4  # three pairs of ng:1, one of ng:2
    assert figures["within_7_days"] == 2 and figures["within_1_day"] == 2  # the late report's two pairs are out
    assert figures["candidate"] == 2 and figures["above_merge"] == 2
    assert figures["together"] == 2 and figures["lost_in_clustering"] == 0
    assert figures["both_assert_event"] == 1  # the first two reports of ng:1
    assert figures["by_country"]["ng"]["gold_pairs"] == 4
    assert figures["by_gap"]["same_day"] == {"gold_pairs": 2, "candidate": 2, "above_merge": 2, "together": 2}
    assert figures["by_gap"]["2_7_days"]["gold_pairs"] == 0 and figures["by_gap"]["over_7_days"]["gold_pairs"] == 2


def test_a_model_that_merges_nothing_keeps_every_pair_apart() -> None:
    p = _prepared()
    keep, _x, y, _country = training_pairs(p)
    figures = dedup_funnel.funnel(p, keep, np.zeros(len(y)), 0.5, 0.0)
    assert figures["candidate"] == 2 and figures["above_merge"] == 0 and figures["together"] == 0
    assert figures["negative_pairs"] == int((~y).sum())


def test_the_table_lists_every_stage_and_field() -> None:
    p = _prepared()
    keep, _x, y, _country = training_pairs(p)
    text = dedup_funnel.table(dedup_funnel.funnel(p, keep, y.astype(float), 0.5, 0.0))
    for name in dedup_funnel.STAGES + dedup_funnel.COMPAT:
        assert name in text


def test_pair_f1_counts_each_report_pair_once_against_every_gold_pair() -> None:
    p = _prepared()
    keep, _x, y, _country = training_pairs(p)
    perfect = dedup_funnel.pair_f1_at(p, keep, y.astype(float), y)
    assert perfect["precision"] == 1.0 and perfect["recall"] == 0.5  # 2 of the 4 gold pairs are candidates
    backwards = dedup_funnel.pair_f1_at(p, keep, 1.0 - y, y, min_precision=1.0)  # wrong pairs ranked first
    assert backwards["f1"] == 0.0


def test_oracle_columns_read_the_gold_events_fields() -> None:
    from sitrep.learn.ucdp import UcdpEvent

    p = _prepared()
    keep, _x, _y, _country = training_pairs(p)
    events = {g: UcdpEvent(g, "Nigeria", "2019-03-04", "2019-03-04", 12.0 + k, 6.0, 1, 1, 1, "A", "B", 12, "Zamfara")
              for k, g in enumerate(("ng:1", "ng:2", "ng:3"))}
    cols = dedup_funnel.oracle_columns(p, keep, events)
    assert cols.shape == (len(keep), len(dedup_funnel.ORACLE))
    same = np.array([p.label[a] == p.label[b] for a, b in zip(p.s.i[keep], p.s.j[keep], strict=True)])
    assert (cols[same, 0] == 0).all() and (cols[~same, 0] > 4).all()  # log1p(km): one point, or a degree apart
    assert (cols[:, 1] == 1).all() and (cols[:, 4] == 0).all()  # one admin1 and one toll throughout


def test_pair_f1_by_country_scores_each_country_against_its_own_gold_pairs() -> None:
    p = _prepared()
    keep, _x, y, country = training_pairs(p)
    by = dedup_funnel.pair_f1_by_country(p, keep, y.astype(float), y, country)
    assert set(by) == {"ng"} and by["ng"] == dedup_funnel.pair_f1_at(p, keep, y.astype(float), y)
    assert dedup_funnel.pair_f1_at(p, keep, y.astype(float), y, gold_count=2)["recall"] == 1.0


def test_out_of_country_appends_extra_columns_to_the_first_stage() -> None:
    from sitrep.dedup.match import CONTEXT_NAMES, NAMES
    from sitrep.learn.dedup_train import out_of_country

    p = _prepared()
    keep, x, _y, _country = training_pairs(p)
    extra = np.arange(2 * len(keep), dtype=float).reshape(-1, 2)
    o = out_of_country(p, extra)
    assert o.x.shape == (len(keep), len(NAMES) + 2) and np.array_equal(o.x[:, -2:], extra)
    assert np.array_equal(o.x[:, :len(NAMES)], x) and o.x2.shape[1] == len(NAMES) + 2 + len(CONTEXT_NAMES)


def test_headline_places_counts_place_unit_or_neither_for_multi_report_events() -> None:
    from sitrep.learn.dedup_funnel import headline_places
    from sitrep.learn.ucdp import SourceReport, UcdpEvent

    def event(place: str, adm_1: str, heads: list[str]) -> UcdpEvent:
        return UcdpEvent(id="1", country="Nigeria", date_start="2015-01-01", date_end="2015-01-01", latitude=None,
                         longitude=None, where_prec=1, date_prec=1, violence=1, side_a="", side_b="", best=3,
                         adm_1=adm_1, adm_2="Bama lga", place=place,
                         reports=[SourceReport("AFP", "2015-01-01", h) for h in heads])

    shares = headline_places([
        event("Maiduguri town", "Borno state", ["Blast kills 3 in Maiduguri", "Three dead in Borno attack"]),
        event("Bama town", "Borno state", ["Gunmen kill three in northeast Nigeria", "Bama raid leaves 3 dead"]),
        event("Konduga village", "Borno state", ["A lone report of Konduga"]),  # one report: not counted
    ])
    assert shares == {"place": 0.5, "unit_only": 0.25, "neither": 0.25, "headlines": 4}
