"""The learned match: pair features -> probability that two reports tell one event.

The rule components (date, place, actors, type, text) stay; next to them
come the signals real multi-outlet reports need (learned from UCDP GED
events and their headlines, see ``sitrep train dedup``): the TF-IDF cosine
of their words and the rarest word they share (a place or group named in
both, resolved or not; ``headline``), how far apart the days are, countries
that agree, differ or are missing, a country-level place against a town,
tolls that agree within a tolerance or rose in an update, a perpetrator
named in one report only, generic against named actors, the same outlet
twice (a follow-up of one event, or another event), the cosine of their
letter 4-grams (clipped names and spellings the word stems miss: "Pak",
"C.Africa", "Buni Yadi"), a specific word each names that the other lacks
(two places, two groups), kinds of violence and of armed men named in both
or only apart ("blast" against "clash"), the shorter report's word count;
and (format 6, ``headline_pairs``) a count both state, pairs of words in a
row both use, the IDF mass of their shared words and the second rarest,
how much of the shorter report the longer holds, the days apart, a toll
that rose or fell with the days, an equal toll of five or more, and
reaction reports ("UN condemns attack ...") on one side or both.
A logistic regression
over these is shipped as plain numbers (``data/models/dedup/model.json``),
so scoring needs numpy only.

A second stage reads each pair in the company of its rivals: two reports
that are each other's most similar candidate are far likelier one event than
a pair whose ends both have a closer match elsewhere (a week of one
country's news holds several look-alike attacks). ``context_features``
ranks every pair among the other candidate pairs of each of its ends, by
cosine and by the first stage's probability; a second logistic regression
over the first stage's features and these gives the second probability.
A third (format 7, ``rerank``) ranks each pair once more, by that second
probability, and reads those ranks beside the second stage's inputs: a pair
whose rivals lost their lead once the context was read is likelier one event
(fitting countries, one left out at a time: clustered pairwise F1 0.404 ->
0.421, better in each of the four; one more round added nothing).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.dedup.features import Features
from sitrep.dedup.text import jaccard

FORMAT = 7
BASE_NAMES = (
    "date", "place", "actors", "type", "text",  # the rule components, 0..1
    "jaccard", "cosine", "rare_shared", "shared_words", "cosine_same_day",
    "same_day", "next_day", "two_days_plus",
    "same_country", "country_conflict", "country_missing",
    "log_km", "no_km", "same_admin1", "country_level", "both_town",
    "toll_both", "toll_gap", "toll_close", "toll_equal", "toll_one", "toll_update",
    "actor_conflict", "actor_partial", "generic_either", "type_conflict",
    "same_outlet", "report_either", "cosine_same_outlet",
    "letter_cosine",
    "unshared_rare", "kind_shared", "kind_conflict", "armed_shared", "armed_conflict", "min_words",
    "shared_number", "word_pairs", "shared_mass", "second_rare", "containment", "log_days",
    "toll_rise", "toll_fall", "toll_equal_big", "reaction_one", "reaction_both",
)
# Every signal again for the pairs at most a day apart: what a shared word or a close toll is worth depends on
# the gap (the same place named a week apart is often a later event), and a logistic regression adds, it does
# not multiply. Measured on the fitting countries (leave one country out, clustered pairwise F1 at precision
# >= 0.89): 0.379 with the signals once, 0.419 with the near-day copies.
NEAR = "near_"
NAMES = BASE_NAMES + tuple(NEAR + n for n in BASE_NAMES)


def _tolls(f: Features, k: np.ndarray) -> np.ndarray:
    """The toll each unit states: its event's fatalities, else the largest number in its text."""
    toll = f.toll[k] if f.toll is not None else np.full(len(k), np.nan)
    if f.head is not None:
        toll = np.where(np.isnan(toll), f.head.number[k], toll)
    return toll


def pair_features(f: Features, s: Any) -> np.ndarray:
    """One row of ``NAMES`` per scored pair (``s`` is a ``scoring.Scores``)."""
    base = _base_features(f, s)
    near = base[:, [BASE_NAMES.index("same_day")]] + base[:, [BASE_NAMES.index("next_day")]]
    return np.hstack([base, base * near])


def _base_features(f: Features, s: Any) -> np.ndarray:
    """One row of ``BASE_NAMES`` per scored pair."""
    from sitrep.dedup.headline import letter_cosine, overlap
    from sitrep.dedup.headline_pairs import shared_count, toll_order

    i, j = s.i, s.j
    n = len(i)
    if not n:
        return np.zeros((0, len(BASE_NAMES)))
    dd = np.abs(f.day[i].astype(np.int64) - f.day[j].astype(np.int64)).astype(float)
    both_text = f.has_text[i] & f.has_text[j]
    jac = np.zeros(n)
    idx = np.flatnonzero(both_text)
    jac[idx] = jaccard(f.sig, i[idx], j[idx])
    cos, rare, shared, unshared, mass, second = overlap(f.head, i, j) if f.head is not None else (np.zeros(n),) * 6
    letters = letter_cosine(f.head, i, j) if f.head is not None else np.zeros(n)
    km = np.asarray(s.km, dtype=float)
    gp_hi = np.maximum(f.gprec[i], f.gprec[j])
    same_admin = (f.admin1[i] >= 0) & (f.admin1[i] == f.admin1[j])
    ci, cj = f.country[i], f.country[j]
    toll_i, toll_j = _tolls(f, i), _tolls(f, j)
    known_i, known_j = ~np.isnan(toll_i), ~np.isnan(toll_j)
    both = known_i & known_j
    gap = np.where(both, np.abs(np.log1p(np.nan_to_num(toll_i)) - np.log1p(np.nan_to_num(toll_j))), 0.0)
    update = f.head.update[i] | f.head.update[j] if f.head is not None else np.zeros(n, dtype=bool)
    early_first = f.day[i] <= f.day[j]
    rise, fall = toll_order(np.where(early_first, toll_i, toll_j), np.where(early_first, toll_j, toll_i), dd > 0)
    h = f.head
    numbers = shared_count(h.nptr, h.ntok, i, j) if h is not None else np.zeros(n)
    word_pairs = shared_count(h.bptr, h.btok, i, j) if h is not None else np.zeros(n)
    react = h.reaction if h is not None and h.reaction is not None else np.zeros(f.n, dtype=bool)
    outlet_i = f.outlet[i] if f.outlet is not None else np.full(n, -1)
    outlet_j = f.outlet[j] if f.outlet is not None else np.full(n, -1)
    same_outlet = (outlet_i >= 0) & (outlet_i == outlet_j)
    cols = [
        s.date, s.place, s.actors, s.type, s.text,
        jac, cos, rare, np.minimum(shared, 5), cos * (dd == 0),
        dd == 0, dd == 1, dd >= 2,
        (ci >= 0) & (ci == cj), (ci >= 0) & (cj >= 0) & (ci != cj), (ci < 0) | (cj < 0),
        np.log1p(np.nan_to_num(km, nan=0.0)), np.isnan(km), same_admin, gp_hi >= 3, gp_hi <= 2,
        both, gap, both & (gap <= np.log(1.5)), both & (gap == 0), known_i ^ known_j, update,
        s.actors == 0.0, (s.actors > 0.0) & (s.actors < 1.0), f.generic[i].any(axis=1) | f.generic[j].any(axis=1),
        s.type == 0.0,
        same_outlet, f.is_report[i] | f.is_report[j], cos * same_outlet,
        letters,
        unshared, *_agreement(f, "kinds", i, j), *_agreement(f, "actors", i, j), _min_words(f, i, j),
        numbers > 0, np.minimum(word_pairs, 4), np.minimum(mass, 20.0), second,
        shared / np.maximum(_min_words(f, i, j, cap=False), 1.0), np.log1p(dd),
        rise, fall, both & (gap == 0) & (np.nan_to_num(toll_i) >= 5), react[i] ^ react[j], react[i] & react[j],
    ]
    return np.stack([np.asarray(c, dtype=float) for c in cols], axis=1)


def _agreement(f: Features, what: str, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(both name a family of ``what``, both name some but none in common), from the headline bit sets."""
    bits = getattr(f.head, what, None) if f.head is not None else None
    if bits is None:
        return np.zeros(len(i), dtype=bool), np.zeros(len(i), dtype=bool)
    a, b = bits[i], bits[j]
    return (a & b) > 0, (a > 0) & (b > 0) & ((a & b) == 0)


def _min_words(f: Features, i: np.ndarray, j: np.ndarray, cap: bool = True) -> np.ndarray:
    """Content words of the shorter report of each pair (at most 12 with ``cap``)."""
    if f.head is None:
        return np.zeros(len(i))
    count = np.diff(f.head.ptr)
    shorter = np.minimum(count[i], count[j])
    return np.minimum(shorter, 12) if cap else shorter


CONTEXT = ("value", "below_best", "rank_low", "rank_high", "mutual_best", "log_degree")
CONTEXT_NAMES = tuple(f"{kind}_{c}" for kind in ("cosine", "prob") for c in CONTEXT)
RERANK_NAMES = tuple(f"prob2_{c}" for c in CONTEXT)


def rank_context(i: np.ndarray, j: np.ndarray, v: np.ndarray) -> np.ndarray:
    """The ``CONTEXT`` columns of value ``v`` per pair, among the pairs sharing an end with it."""
    m = len(v)
    ends = np.concatenate([i, j])
    vals = np.concatenate([v, v])
    pair = np.concatenate([np.arange(m), np.arange(m)])
    order = np.lexsort((pair, -vals, ends))  # by end, best value first (ties: stable by pair)
    e_sorted = ends[order]
    start = np.r_[0, np.flatnonzero(np.diff(e_sorted)) + 1]
    size = np.diff(np.r_[start, len(order)])
    pos = np.arange(len(order)) - np.repeat(start, size)
    rank = np.empty(2 * m, dtype=np.int64)
    rank[order] = pos
    best = np.repeat(vals[order][start], size)
    top = np.empty(2 * m)
    top[order] = best
    degree = np.empty(2 * m)
    degree[order] = np.repeat(size, size)
    r_i, r_j = rank[:m], rank[m:]
    cols = [v, v - np.maximum(top[:m], top[m:]), np.minimum(np.minimum(r_i, r_j), 3),
            np.minimum(np.maximum(r_i, r_j), 3), (r_i == 0) & (r_j == 0), np.log1p(degree[:m]) + np.log1p(degree[m:])]
    return np.stack([np.asarray(c, dtype=float) for c in cols], axis=1)


def context_features(i: np.ndarray, j: np.ndarray, x: np.ndarray, p1: np.ndarray) -> np.ndarray:
    """First-stage features ``x`` (rows of ``NAMES``) with ``CONTEXT_NAMES`` for the pairs (i, j) scored together."""
    if not len(i):
        return np.zeros((0, len(NAMES) + len(CONTEXT_NAMES)))
    cos = x[:, NAMES.index("cosine")]
    return np.hstack([x, rank_context(i, j, cos), rank_context(i, j, p1)])


def rerank_features(i: np.ndarray, j: np.ndarray, x2: np.ndarray, p2: np.ndarray) -> np.ndarray:
    """The context stage's inputs ``x2`` with ``RERANK_NAMES``: each pair ranked by the second-stage probability."""
    if not len(i):
        return np.zeros((0, len(NAMES) + len(CONTEXT_NAMES) + len(RERANK_NAMES)))
    return np.hstack([x2, rank_context(i, j, p2)])


@dataclass
class Logistic:
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float

    def __call__(self, x: np.ndarray) -> np.ndarray:
        if not len(x):
            return np.zeros(0)
        z = (x - np.asarray(self.mean)) / np.asarray(self.scale)
        return 1.0 / (1.0 + np.exp(-(z @ np.asarray(self.coef) + self.intercept)))


@dataclass
class MatchModel:
    names: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    merge_at: float  # probability at which a pair merges
    possible_at: float  # probability at which a pair is kept for review
    # Clusters of learned pairs join only when their pairs' mean probability (unscored pairs count 0) reaches this.
    link_at: float = 0.0
    idf: dict[str, float] = field(default_factory=dict)  # stem -> IDF, fitted on the fitting countries' headlines
    default_idf: float = 0.0  # IDF of a stem the fit never saw
    # IDF of the common letter n-grams, for batches too small to count their own (``headline.fit_letter_idf``)
    letter_idf: dict[str, float] = field(default_factory=dict)
    letter_default_idf: float = 0.0
    format: int = FORMAT
    extra: dict[str, Any] = field(default_factory=dict)
    # The second stage over ``NAMES`` + ``CONTEXT_NAMES`` (``Logistic`` fields); empty: the first stage decides.
    context: dict[str, Any] = field(default_factory=dict)
    # The third over those + ``RERANK_NAMES``; empty: the second stage decides.
    rerank: dict[str, Any] = field(default_factory=dict)

    def first_stage(self, x: np.ndarray) -> np.ndarray:
        return Logistic(self.mean, self.scale, self.coef, self.intercept)(x)

    def probability(self, x: np.ndarray, i: np.ndarray | None = None, j: np.ndarray | None = None) -> np.ndarray:
        """Per pair (rows of ``NAMES``); with the pairs' ends ``i``, ``j`` the context stages have their say."""
        p1 = self.first_stage(x)
        if not self.context or i is None or j is None:
            return p1
        x2 = context_features(i, j, x, p1)
        p2 = Logistic(**self.context)(x2)
        if not self.rerank:
            return p2
        return Logistic(**self.rerank)(rerank_features(i, j, x2, p2))

    def write(self, folder: str | Path) -> None:
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        (out / "model.json").write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, folder: str | Path) -> MatchModel:
        data = json.loads((Path(folder) / "model.json").read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or list(data.get("names", [])) != list(NAMES):
            raise ValueError(f"{folder}: a dedup model of another format or feature set; rebuild with sitrep train dedup")
        return cls(**data)
