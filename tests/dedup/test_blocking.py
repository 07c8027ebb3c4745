"""candidate_pairs: the pairs worth scoring, at a cost that grows with n, not n²."""

from __future__ import annotations

from sitrep.dedup import DedupConfig
from sitrep.dedup.blocking import candidate_pairs
from sitrep.dedup.features import build, to_table
from sitrep.dedup.synthetic import incidents, reports, scattered_towns


def _gold_pairs(rows):
    by = {}
    for k, r in enumerate(rows):
        by.setdefault(r["incident"], []).append(k)
    return {(a, b) for ks in by.values() for n, a in enumerate(ks) for b in ks[n + 1:]}


def test_blocking_finds_nearly_every_pair_of_reports_of_one_incident():
    rows = reports(incidents(300, seed=3), seed=4)
    i, j = candidate_pairs(build(to_table(rows)), DedupConfig())
    found = set(zip(i.tolist(), j.tolist(), strict=True))
    gold = _gold_pairs(rows)
    assert len(gold & found) / len(gold) > 0.97


def test_candidate_count_grows_linearly_with_events():
    towns, centres = scattered_towns(200, seed=2)
    counts = []
    for n in (500, 4000):
        rows = reports(incidents(n, seed=5, days=n // 2, towns=towns), seed=6, centres=centres)
        i, _ = candidate_pairs(build(to_table(rows)), DedupConfig())
        counts.append(len(i) / len(rows))
    assert counts[1] < 2 * counts[0] + 5  # per-event candidates stay flat as n grows eightfold


def test_active_mask_limits_pairs_to_new_events():
    rows = reports(incidents(100, seed=3), seed=4)
    f = build(to_table(rows))
    active = f.article == f.article.max()
    i, j = candidate_pairs(f, DedupConfig(), active)
    assert len(i) and all(active[a] or active[b] for a, b in zip(i.tolist(), j.tolist(), strict=True))
