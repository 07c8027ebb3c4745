"""Dedup as a pure function: event records in, canonical events out.

``dedupe_records`` does everything but storage: features, blocking, scoring,
clustering, stable ids and merged fields. The store wiring
(``sitrep.dedup.store``) feeds it rows from DuckDB and writes its result.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from sitrep.dedup.blocking import candidate_pairs
from sitrep.dedup.cluster import cluster
from sitrep.dedup.config import DedupConfig
from sitrep.dedup.features import Features, build, to_table
from sitrep.dedup.merge import canonical_id, merge_cluster, single
from sitrep.dedup.scoring import NONE, Scores, explain, score_pairs

_CHUNK = 1 << 21


@dataclass
class DedupResult:
    members: dict[str, str]  # event_id -> canonical_id, for every event given
    canonical: dict[str, dict[str, Any]]  # canonical_id -> merged fields, for clusters that changed
    possible: list[dict[str, Any]]  # flagged pairs: event_a, event_b, canonical_a, canonical_b, score, reasons
    aliases: dict[str, str]  # canonical ids that merged into another -> the surviving id
    stats: dict[str, float] = field(default_factory=dict)

    def clusters(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for event_id, cid in self.members.items():
            out[cid].append(event_id)
        return dict(out)


def score_all(f: Features, cfg: DedupConfig, active: np.ndarray | None = None) -> tuple[Scores, int]:
    """Scores of every candidate pair worth keeping (decision above NONE), and the candidate count."""
    i, j = candidate_pairs(f, cfg, active)
    kept: list[Scores] = []
    for s in range(0, len(i), _CHUNK):
        sc = score_pairs(f, i[s : s + _CHUNK], j[s : s + _CHUNK], cfg)
        kept.append(sc.take(sc.decision > NONE))
    if not kept:
        kept.append(score_pairs(f, i, j, cfg))
    merged = Scores(**{k: np.concatenate([getattr(x, k) for x in kept]) for k in kept[0].__dict__})
    return merged, len(i)


def _groups(labels: np.ndarray) -> Iterator[np.ndarray]:
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    yield from np.split(order, bounds)


def _assign_ids(
    f: Features,
    labels: np.ndarray,
    existing: Mapping[str, str],
    created: Mapping[str, Any],
    incremental: bool,
) -> tuple[dict[int, str], dict[str, str]]:
    """Canonical id per cluster root, and aliases (absorbed id -> surviving id)."""
    ids: dict[int, str] = {}
    alias_root: dict[str, int] = {}
    old_of = [existing.get(e) for e in f.event_id]
    groups = list(_groups(labels))
    if incremental:
        for g in groups:
            olds = sorted({old_of[k] for k in g.tolist() if old_of[k]}, key=lambda c: (str(created.get(c, "")), c))
            if olds:
                root = int(labels[g[0]])
                ids[root] = olds[0]
                alias_root.update({o: root for o in olds[1:]})
    else:
        # A full re-run: each old id goes to the cluster holding most of its members (biggest overlaps first).
        overlap: Counter[tuple[str, int]] = Counter()
        for k in range(f.n):
            old = old_of[k]
            if old:
                overlap[(old, int(labels[k]))] += 1
        ranked = sorted(overlap.items(), key=lambda x: (-x[1], str(created.get(x[0][0], "")), x[0]))
        used: set[str] = set()
        for (old, root), _n in ranked:
            if root not in ids and old not in used:
                ids[root] = old
                used.add(old)
        for (old, root), _n in ranked:
            if old not in used:
                alias_root[old] = root
                used.add(old)
    taken = set(existing.values())
    for g in groups:
        root = int(labels[g[0]])
        if root in ids:
            continue
        first = min(g.tolist(), key=lambda k: (int(f.day[k]), f.event_id[k]))
        cid, n = canonical_id(f.event_id[first]), 1
        while cid in taken:  # only after an id was retired into an alias
            cid, n = canonical_id(f"{f.event_id[first]}#{n}"), n + 1
        ids[root] = cid
        taken.add(cid)
    return ids, {old: ids[root] for old, root in alias_root.items()}


def dedupe_records(
    records: Any,
    config: DedupConfig | None = None,
    existing: Mapping[str, str] | None = None,
    created: Mapping[str, Any] | None = None,
    new: Iterable[str] | None = None,
    incremental: bool = True,
    merge: bool = True,
    refresh: Iterable[str] = (),
) -> DedupResult:
    """Cluster asserted events into canonical events.

    ``existing`` maps event ids to the canonical ids they already have;
    with ``incremental`` those clusters stay together and new events join
    them; otherwise clustering starts afresh and old ids go to the clusters
    that hold most of their members. ``new`` limits pair scoring to pairs
    touching those events (the events not yet clustered). ``created`` orders
    old ids when clusters meet: the oldest id survives, the others become
    aliases. ``refresh`` names canonical events whose fields must be merged
    again although no new event joined them (they lost members).
    """
    cfg = config or DedupConfig()
    existing = existing or {}
    table = to_table(records)
    if table.num_rows == 0:
        return DedupResult({}, {}, [], {}, {"events": 0.0, "candidate_pairs": 0.0, "scored_matches": 0.0,
                                           "canonical_events": 0.0, "possible_duplicates": 0.0})
    f = build(table, cfg.minhash_size)
    active = None
    if new is not None:
        fresh = set(new)
        active = np.fromiter((e in fresh for e in f.event_id), dtype=bool, count=f.n)
    s, n_candidates = score_all(f, cfg, active)
    seeds: list[list[int]] = []
    if incremental and existing:
        by_old: dict[str, list[int]] = defaultdict(list)
        for k, e in enumerate(f.event_id):
            if e in existing:
                by_old[existing[e]].append(k)
        seeds = list(by_old.values())
    labels, flag, refused = cluster(f, s, cfg, seeds)
    ids, aliases = _assign_ids(f, labels, existing, created or {}, incremental)
    members = {f.event_id[k]: ids[int(labels[k])] for k in range(f.n)}

    changed = set(ids.values())
    if incremental and existing and active is not None:
        touched = {int(labels[k]) for k in np.flatnonzero(active).tolist()}
        changed = {ids[r] for r in touched} | set(aliases.values()) | (set(refresh) & set(ids.values()))
    canonical = _merge_all(table, labels, ids, changed) if merge else {}

    possible = []
    for k in _one_per_cluster_pair(s, flag, labels).tolist():
        a, b = int(s.i[k]), int(s.j[k])
        possible.append({
            "event_a": f.event_id[a],
            "event_b": f.event_id[b],
            "canonical_a": members[f.event_id[a]],
            "canonical_b": members[f.event_id[b]],
            "score": round(float(s.score[k]), 4),
            "reasons": explain(f, s, k),
        })
    stats = {
        "events": float(f.n),
        "candidate_pairs": float(n_candidates),
        "scored_matches": float(int((s.decision > NONE).sum())),
        "canonical_events": float(len(set(members.values()))),
        "possible_duplicates": float(len(possible)),
        **{f"refused_{why}": float(n) for why, n in sorted(refused.items())},
    }
    return DedupResult(members, canonical, possible, aliases, stats)


def _one_per_cluster_pair(s: Scores, flag: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Flagged pair indices, only the best-scoring pair for each pair of clusters (a reviewer decides once)."""
    idx = np.flatnonzero(flag)
    if not len(idx):
        return idx
    idx = idx[np.argsort(-s.score[idx], kind="stable")]
    la, lb = labels[s.i[idx]], labels[s.j[idx]]
    key = np.minimum(la, lb) * (len(labels) + 1) + np.maximum(la, lb)
    _, first = np.unique(key, return_index=True)
    return np.sort(idx[first])


def _merge_all(table: pa.Table, labels: np.ndarray, ids: dict[int, str], wanted: set[str]) -> dict[str, dict[str, Any]]:
    """Merged fields for the clusters in ``wanted``, reading rows in label order, a slice at a time."""
    order = np.argsort(labels, kind="stable")
    keep = np.fromiter((ids[int(r)] in wanted for r in labels[order].tolist()), dtype=bool, count=len(order))
    order = order[keep]
    out: dict[str, dict[str, Any]] = {}
    current: list[dict[str, Any]] = []
    current_root = -1
    step = 50_000
    for s in range(0, len(order), step):
        part = order[s : s + step]
        rows = table.take(pa.array(part)).to_pylist()
        for k, row in zip(part.tolist(), rows, strict=True):
            root = int(labels[k])
            if root != current_root and current:
                out[ids[current_root]] = merge_cluster(current) if len(current) > 1 else single(current[0])
                current = []
            current_root = root
            current.append(row)
    if current:
        out[ids[current_root]] = merge_cluster(current) if len(current) > 1 else single(current[0])
    for cid, payload in out.items():
        payload["canonical_id"] = cid
    return out
