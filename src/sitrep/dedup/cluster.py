"""Pairs -> clusters, with the guards that keep clusters honest.

Merge pairs are joined strongest first (union-find). A join is refused —
and the pair flagged as a possible duplicate instead — when it would put two
events of one article into one cluster (an article describes an event once
unless the pair itself is a clear same-article duplicate) or stretch a
cluster's day-precise dates over more than ``max_precise_span_days`` (a
chain of one-day steps must not glue a week of events together) or its
town-level places over more than ``max_place_span_km``, or — for a pair the
match model scored — when the two clusters' pairs average a probability
below ``link_at`` (unscored pairs count 0): average linkage, so a chain of
single strong links cannot glue different events of one week together.
``seeds`` are groups already known to be one event (existing canonical
events, reviewers' "same" verdicts); they are joined first and never split.
``apart`` are pairs a reviewer called different events: no join puts them in
one cluster.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

import numpy as np

from sitrep.dedup.config import DedupConfig
from sitrep.dedup.features import Features
from sitrep.dedup.scoring import MERGE, POSSIBLE, Scores


class _Clusters:
    def __init__(self, f: Features) -> None:
        self.parent = list(range(f.n))
        precise = (f.tprec == 1) & f.has_day
        self.lo = np.where(precise, f.day, np.iinfo(np.int32).max).tolist()
        self.hi = np.where(precise, f.day, np.iinfo(np.int32).min).tolist()
        self.article = f.article.tolist()
        placed = (f.gprec <= 2) & f.has_coords
        coords = zip(f.lat.tolist(), f.lon.tolist(), placed.tolist(), strict=True)
        self.box: list[Box] = [(la, la, lo, lo) if ok else None for la, lo, ok in coords]
        self.articles: dict[int, set[int]] = {}
        self.members: dict[int, list[int]] = {}
        self.anchor: list[bool] = []  # set per phase: the cluster holds a specific (non-vague) report

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def arts(self, root: int) -> set[int]:
        return self.articles.get(root) or {self.article[root]}

    def union(self, a: int, b: int) -> int:
        if len(self.arts(a)) < len(self.arts(b)):
            a, b = b, a
        self.parent[b] = a
        self.articles[a] = self.arts(a) | self.arts(b)
        self.articles.pop(b, None)
        self.members[a] = self.members.pop(a, [a]) + self.members.pop(b, [b])
        self.lo[a] = min(self.lo[a], self.lo[b])
        self.hi[a] = max(self.hi[a], self.hi[b])
        self.box[a] = _join(self.box[a], self.box[b])
        if self.anchor:
            self.anchor[a] = self.anchor[a] or self.anchor[b]
        return a


Box = tuple[float, float, float, float] | None


def _join(a: Box, b: Box) -> Box:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), max(a[3], b[3]))


def _extent_km(box: Box) -> float:
    if box is None:
        return 0.0
    mid = math.radians((box[0] + box[1]) / 2)
    return 111.2 * math.hypot(box[1] - box[0], (box[3] - box[2]) * math.cos(mid))


def cluster(
    f: Features, s: Scores, cfg: DedupConfig, seeds: Iterable[Iterable[int]] = (), link_at: float = 0.0,
    apart: Iterable[tuple[int, int]] = (),
) -> tuple[np.ndarray, np.ndarray, Counter[str]]:
    """(cluster label per event = index of its root event, mask over ``s`` of pairs to flag, refusals by reason).

    Two phases. Firm pairs (both events specific: named actors, a town, a
    day) join first. A vague event (a generic or missing actor, a region, a
    week or a month) then joins only when it is unambiguous: its merge links
    lead to at most one cluster that holds a specific report. A vague report
    that fits two clusters is flagged against both rather than guessed.
    """
    c = _Clusters(f)
    for group in seeds:
        members = list(group)
        root = c.find(members[0])
        for m in members[1:]:
            other = c.find(m)
            if other != root:
                root = c.union(root, other)
    flag = s.decision == POSSIBLE
    merge_idx = np.flatnonzero(s.decision == MERGE)
    merge_idx = merge_idx[np.argsort(-s.score[merge_idx], kind="stable")]
    same_article = (f.article[s.i] == f.article[s.j]).tolist()
    ii, jj = s.i.tolist(), s.j.tolist()
    vague = f.vague.tolist()
    refused: Counter[str] = Counter()
    learned = s.learned.tolist()
    # What each scored pair says for average linkage: the model's probability, or 1/0 for a rule's verdict.
    said = np.where(s.learned, s.score, (s.decision == MERGE).astype(float))
    pair_value = {(a, b): v for a, b, v in zip(ii, jj, said.tolist(), strict=True)} if link_at > 0 else {}

    def support(a: int, b: int) -> float:
        ma, mb = c.members.get(a, [a]), c.members.get(b, [b])
        total = sum(pair_value.get((x, y) if x < y else (y, x), 0.0) for x in ma for y in mb)
        return total / (len(ma) * len(mb))

    forbid: dict[int, set[int]] = {}
    for x, y in apart:
        forbid.setdefault(x, set()).add(y)
        forbid.setdefault(y, set()).add(x)

    def reviewed_apart(a: int, b: int) -> bool:
        mb = set(c.members.get(b, [b]))
        return any(forbid[x] & mb for x in c.members.get(a, [a]) if x in forbid)

    def join(k: int) -> None:
        a, b = c.find(ii[k]), c.find(jj[k])
        if a == b:
            return
        if forbid and reviewed_apart(a, b):
            refused["reviewer"] += 1
            return
        shared = c.arts(a) & c.arts(b)
        span = max(c.hi[a], c.hi[b]) - min(c.lo[a], c.lo[b])
        spread = _extent_km(_join(c.box[a], c.box[b]))
        why = (
            "same_article" if shared and not (same_article[k] and shared == {c.article[ii[k]]})
            else "date_span" if span > cfg.max_precise_span_days
            else "place_span" if spread > cfg.max_place_span_km
            else "weak_link" if learned[k] and link_at > 0 and support(a, b) < link_at
            else None
        )
        if why:
            refused[why] += 1
            flag[k] = True
            return
        c.union(a, b)

    # A pair is vague when its agreement rests on something unspecific; its vague ends are checked.
    gp = np.maximum(f.gprec[s.i], f.gprec[s.j])
    tp = np.maximum(f.tprec[s.i], f.tprec[s.j])
    # A learned match has weighed the vagueness itself: it joins with the firm pairs.
    pair_vague = (((s.actors < 1.0) | (gp >= 3) | (tp >= 2)) & ~s.learned).tolist()
    later: list[int] = []
    for k in merge_idx.tolist():
        if pair_vague[k]:
            later.append(k)
        else:
            join(k)
    c.anchor = (~f.vague).tolist()
    for x in range(f.n):
        if c.anchor[x]:
            c.anchor[c.find(x)] = True

    def ends(k: int) -> list[tuple[int, int]]:
        both = [(ii[k], jj[k]), (jj[k], ii[k])]
        return [(e, o) for e, o in both if vague[e]] or both

    score = s.score.tolist()
    partners: dict[int, dict[int, float]] = {}
    for k in later:
        for e, other in ends(k):
            best = partners.setdefault(e, {})
            r = c.find(other)
            best[r] = max(best.get(r, 0.0), score[k])

    def unambiguous(e: int, other: int) -> bool:
        # partners hold roots from before this phase: map them to today's roots
        own, other_root = c.find(e), c.find(other)
        mine: dict[int, float] = {own: 1.0}
        for r, sc in partners[e].items():
            now = c.find(r)
            mine[now] = max(mine.get(now, 0.0), sc)
        held = sorted(((sc, r) for r, sc in mine.items() if c.anchor[r] and r != own), reverse=True)
        if c.anchor[own] and held:
            return False  # already with specific reports, and fits another cluster of them too
        if len(held) > 1:
            # fits two clusters with specific reports: only a clear winner is taken, else a reviewer decides
            return held[0][1] == other_root and held[0][0] - held[1][0] >= cfg.clear_margin
        if held:
            return other_root == held[0][1] or not c.anchor[other_root]
        return len(mine) <= 2

    for k in later:
        if all(unambiguous(e, o) for e, o in ends(k)):
            join(k)
        else:
            refused["ambiguous"] += 1
            flag[k] = True
    labels = np.fromiter((c.find(x) for x in range(f.n)), dtype=np.int64, count=f.n)
    flag &= labels[s.i] != labels[s.j]
    return labels, flag, refused
