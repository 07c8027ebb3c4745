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

from sitrep.dedup import headline
from sitrep.dedup.actors import split_assoc
from sitrep.dedup.blocking import candidate_pairs
from sitrep.dedup.cluster import cluster
from sitrep.dedup.config import DedupConfig
from sitrep.dedup.features import Features, build, to_table
from sitrep.dedup.merge import canonical_id, merge_cluster, single
from sitrep.dedup.scoring import NONE, Scores, explain, match_model, score_pairs

_CHUNK = 1 << 21
# A learned pair below the model's review threshold still counts in the average linkage of the clusters its ends
# join (``cluster``): the thresholds were chosen with every scored pair counted. Dropped, the link averages fell
# and the fitting countries' clustered recall with them (shipped model on its own headlines through the store:
# pairwise F1 0.405 counted as fitted, 0.385 without them). Below this probability a pair adds too little to
# any average to be worth its memory (0.406 kept from here).
LINK_FLOOR = 0.05


@dataclass
class DedupResult:
    members: dict[str, str]  # event_id -> canonical_id, for every event given
    canonical: dict[str, dict[str, Any]]  # canonical_id -> merged fields, for clusters that changed
    possible: list[dict[str, Any]]  # flagged pairs: event_a, event_b, canonical_a, canonical_b, score, reasons
    aliases: dict[str, str]  # canonical ids that merged into another -> the surviving id
    stats: dict[str, float] = field(default_factory=dict)
    # Report units (articles without an asserted event) that belong to no canonical event: they are one only
    # with an event, so a cluster of report units alone is not published.
    unlinked: list[str] = field(default_factory=list)

    def clusters(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for event_id, cid in self.members.items():
            out[cid].append(event_id)
        return dict(out)


def prepare(table: pa.Table, cfg: DedupConfig, idf: dict[str, float] | None = None,
            default_idf: float = 0.0) -> Features:
    """Features of ``table``, with headline signals for the units the match model reads (when there is one)."""
    f = build(table, cfg.minhash_size)
    model = match_model(cfg)
    if idf is None and model is not None:
        idf, default_idf = model.idf, model.default_idf
    wanted = f.headline
    if idf is not None and wanted.any() and f.texts is not None:
        letters = model.letter_idf if model is not None else None
        f.head = headline.build(f.texts, wanted, idf, default_idf, f.country, letter_idf=letters,
                                letter_default=model.letter_default_idf if model is not None else 0.0)
    return f


def score_all(f: Features, cfg: DedupConfig, active: np.ndarray | None = None) -> tuple[Scores, int]:
    """Scores of every candidate pair worth keeping (decision above NONE, or a learned probability the linkage
    counts: ``LINK_FLOOR``), and the candidate count."""
    i, j = candidate_pairs(f, cfg, active)
    kept: list[Scores] = []
    for s in range(0, len(i), _CHUNK):
        sc = score_pairs(f, i[s : s + _CHUNK], j[s : s + _CHUNK], cfg)
        kept.append(sc.take((sc.decision > NONE) | (sc.learned & (sc.score >= LINK_FLOOR))))
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
    shown: np.ndarray,
) -> tuple[dict[int, str], dict[str, str]]:
    """Canonical id per root of a ``shown`` cluster, and aliases (absorbed id -> surviving id)."""
    ids: dict[int, str] = {}
    alias_root: dict[str, int] = {}
    old_of = [existing.get(e) if shown[k] else None for k, e in enumerate(f.event_id)]
    groups = [g for g in _groups(labels) if shown[g[0]]]
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
    decisions: Iterable[tuple[str, str, bool]] = (),
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
    ``decisions`` are reviewers' verdicts (event_a, event_b, same): a "same"
    pair is joined first, a "different" pair never (``dedup.decisions``).
    """
    cfg = config or DedupConfig()
    existing = existing or {}
    table = to_table(records)
    if table.num_rows == 0:
        return DedupResult({}, {}, [], {}, {"events": 0.0, "candidate_pairs": 0.0, "scored_matches": 0.0,
                                           "canonical_events": 0.0, "possible_duplicates": 0.0})
    f = prepare(table, cfg)
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
    row = {e: k for k, e in enumerate(f.event_id)}
    verdicts = [(row[a], row[b], same) for a, b, same in decisions if a in row and b in row]
    seeds += [[a, b] for a, b, same in verdicts if same]
    apart = [(a, b) for a, b, same in verdicts if not same]
    model = match_model(cfg)
    link_at = (cfg.match_link_at or model.link_at) if model is not None else 0.0
    labels, flag, refused = cluster(f, s, cfg, seeds, link_at, apart)
    shown = np.zeros(f.n, dtype=bool)
    shown[labels[~f.is_report]] = True  # roots of clusters holding an event
    shown = shown[labels]
    ids, aliases = _assign_ids(f, labels, existing, created or {}, incremental, shown)
    members = {f.event_id[k]: ids[int(labels[k])] for k in np.flatnonzero(shown).tolist()}
    unlinked = [f.event_id[k] for k in np.flatnonzero(~shown).tolist()]

    changed = set(ids.values())
    if incremental and existing and active is not None:
        touched = {int(labels[k]) for k in np.flatnonzero(active).tolist()}
        changed = {ids[r] for r in touched if r in ids} | set(aliases.values()) | (set(refresh) & set(ids.values()))
    canonical = _merge_all(table, labels, ids, changed, f.is_report) if merge else {}

    possible = []
    decided = {(min(a, b), max(a, b)) for a, b, _same in verdicts}
    for k in _one_per_cluster_pair(s, flag, labels).tolist():
        a, b = int(s.i[k]), int(s.j[k])
        if not (shown[a] and shown[b]) or (min(a, b), max(a, b)) in decided:
            continue  # a report unit alone (no canonical event to review it against), or a pair reviewed already
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
    stats["report_units"] = float(f.is_report.sum())
    stats["report_units_linked"] = float((f.is_report & shown).sum())
    return DedupResult(members, canonical, possible, aliases, stats, unlinked)


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


def _merged(rows: list[dict[str, Any]], report: list[bool]) -> dict[str, Any]:
    """A cluster's fields from its events; its report units add their articles and sources only."""
    events = [r for r, rep in zip(rows, report, strict=True) if not rep]
    out = merge_cluster(events) if len(events) > 1 else single(events[0])
    for r, rep in zip(rows, report, strict=True):
        if rep:
            if r.get("article_id") and str(r["article_id"]) not in out["article_ids"]:
                out["article_ids"] = sorted([*out["article_ids"], str(r["article_id"])])
            for src in split_assoc(r.get("source")):
                if src not in out["sources"]:
                    out["sources"].append(src)
    out["source"] = "; ".join(out["sources"]) or None
    return out


def _merge_all(table: pa.Table, labels: np.ndarray, ids: dict[int, str], wanted: set[str],
               report: np.ndarray) -> dict[str, dict[str, Any]]:
    """Merged fields for the clusters in ``wanted``, reading rows in label order, a slice at a time."""
    order = np.argsort(labels, kind="stable")
    keep = np.fromiter((int(r) in ids and ids[int(r)] in wanted for r in labels[order].tolist()), dtype=bool,
                       count=len(order))
    order = order[keep]
    out: dict[str, dict[str, Any]] = {}
    current: list[dict[str, Any]] = []
    rep: list[bool] = []
    current_root = -1
    step = 50_000
    for s in range(0, len(order), step):
        part = order[s : s + step]
        rows = table.take(pa.array(part)).to_pylist()
        for k, row in zip(part.tolist(), rows, strict=True):
            root = int(labels[k])
            if root != current_root and current:
                out[ids[current_root]] = _merged(current, rep)
                current, rep = [], []
            current_root = root
            current.append(row)
            rep.append(bool(report[k]))
    if current:
        out[ids[current_root]] = _merged(current, rep)
    for cid, payload in out.items():
        payload["canonical_id"] = cid
    return out
