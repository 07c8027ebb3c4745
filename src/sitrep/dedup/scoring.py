"""Score candidate pairs: how likely two asserted events are one real event.

ACLED's rule — same actors, same day, same place, same kind of activity —
applied softly. Each component scores 0..1; a few disagreements veto a pair
outright (dates outside the window, places beyond twice the radius,
incompatible kinds of event, different countries) and some make it
"possible only" (actors that conflict, places between one and two radii
apart, places known only to the country). The score is a weighted mean;
``explain`` turns one pair's components into reasons a reviewer can read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from sitrep.dedup.config import DedupConfig
from sitrep.dedup.features import Features
from sitrep.dedup.match import MatchModel, pair_features
from sitrep.dedup.text import jaccard

NONE, POSSIBLE, MERGE = 0, 1, 2
# How much a match is worth at each precision: two month-precise dates that
# agree say less than two exact days that agree.
_DATE_BASE = np.array([1.0, 1.0, 0.8, 0.6])
_PLACE_BASE = np.array([1.0, 1.0, 0.9, 0.8])


@dataclass
class Scores:
    i: np.ndarray
    j: np.ndarray
    score: np.ndarray
    decision: np.ndarray
    date: np.ndarray
    place: np.ndarray
    actors: np.ndarray
    type: np.ndarray
    text: np.ndarray
    km: np.ndarray
    weak: np.ndarray
    learned: np.ndarray  # the decision is the match model's (it has weighed vagueness already)
    domain: np.ndarray  # pairs the match model reads (see ``model_domain``)

    def take(self, mask: np.ndarray) -> Scores:
        return Scores(**{k: v[mask] for k, v in self.__dict__.items()})


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _lookup(table: dict[int, Any], keys: np.ndarray) -> np.ndarray:
    arr = np.zeros(4, dtype=np.float64)
    for p in (1, 2, 3):
        arr[p] = float(table.get(p, max(table.values())))
    return arr[keys]


def _side(f: Features, i: np.ndarray, si: int, j: np.ndarray, sj: int) -> np.ndarray:
    """Compatibility of actor side ``si`` of events i with side ``sj`` of events j."""
    x, y = f.actor[i, si], f.actor[j, sj]
    xg, yg = f.generic[i, si], f.generic[j, sj]
    xc, yc = f.actor_country[i, si], f.actor_country[j, sj]
    xi, yi = f.inter[i, si], f.inter[j, sj]
    countries_ok = (xc < 0) | (yc < 0) | (xc == yc)
    kinds_ok = (xi == 0) | (yi == 0) | (xi == yi)
    one = np.uint64(1)
    # x named among j's actors on that side (as actor or associate), or y among i's
    in_j = (f.bloom[j, sj] >> (np.maximum(x, 0).astype(np.uint64) % np.uint64(64))) & one
    in_i = (f.bloom[i, si] >> (np.maximum(y, 0).astype(np.uint64) % np.uint64(64))) & one
    same_state = (xi == yi) & (xi == 1) & (xc == yc) & (xc >= 0)
    return np.select(
        [(x < 0) & (y < 0), (x < 0) | (y < 0), x == y, (xg | yg) & countries_ok & kinds_ok, xg | yg, (in_j | in_i) > 0, same_state],
        [1.0, 0.6, 1.0, 0.75, 0.3, 0.8, 0.6],
        default=0.0,
    )


def _actors(f: Features, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    best = np.zeros(len(i))
    for (a, b), (c, d) in (((0, 0), (1, 1)), ((0, 1), (1, 0))):  # as given, and with the sides swapped
        s1, s2 = _side(f, i, a, j, b), _side(f, i, c, j, d)
        best = np.maximum(best, np.where(np.minimum(s1, s2) == 0, 0.0, (s1 + s2) / 2))
    return best


def score_pairs(f: Features, i: np.ndarray, j: np.ndarray, cfg: DedupConfig) -> Scores:
    i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
    veto = ~(f.has_day[i] & f.has_day[j])
    both_country = (f.country[i] >= 0) & (f.country[j] >= 0)
    two_countries = both_country & (f.country[i] != f.country[j])

    # date
    dd = np.abs(f.day[i].astype(np.int64) - f.day[j].astype(np.int64))
    tp = np.maximum(f.tprec[i], f.tprec[j]).astype(np.int64)
    w = _lookup(cfg.date_window_days, tp)
    veto |= dd > w
    # A month-precise date says "some day that month": the other date must fall in it.
    veto |= (tp == 3) & (f.month[i] != f.month[j])
    date_s = _DATE_BASE[tp] * (1.0 - 0.4 * np.minimum(dd / np.maximum(w, 1.0), 1.0))
    timing = veto.copy()  # no date, or days too far apart: final for the model too
    veto |= two_countries

    # place
    gp = np.maximum(f.gprec[i], f.gprec[j]).astype(np.int64)
    r = _lookup(cfg.radius_km, gp)
    coords = f.has_coords[i] & f.has_coords[j]
    km = np.where(coords, haversine_km(f.lat[i], f.lon[i], f.lat[j], f.lon[j]), np.nan)
    both_admin = (f.admin1[i] >= 0) & (f.admin1[j] >= 0)
    same_admin = both_admin & (f.admin1[i] == f.admin1[j])
    kmz = np.nan_to_num(km, nan=np.inf)
    near = kmz <= r
    fringe = (kmz > r) & (kmz <= 2 * r)
    region_match = (gp == 3) & same_admin  # a regional geocode contains the town
    place_s = np.select(
        [coords & near, coords & region_match, coords & fringe, ~coords & same_admin, ~coords & ~both_admin],
        [_PLACE_BASE[gp] * (1.0 - 0.5 * np.minimum(kmz / r, 1.0)), 0.75, 0.3, 0.7, 0.5],
        default=0.0,
    )
    hard = veto.copy()  # what the rules never overrule: no date, two countries, days too far apart
    veto |= place_s == 0.0
    weak = (coords & fringe & ~region_match) | (~coords & ~both_admin)

    # kind of event
    same_sub = (f.subtype[i] >= 0) & (f.subtype[i] == f.subtype[j])
    same_type = (f.etype[i] >= 0) & (f.etype[i] == f.etype[j])
    same_group = (f.tgroup[i] >= 0) & (f.tgroup[i] == f.tgroup[j])
    missing = (f.etype[i] < 0) | (f.etype[j] < 0)
    split_strategic = same_type & ~same_sub & (f.etype[i] == f.strategic_code)  # an arrest is not an agreement
    type_s = np.select([same_sub, split_strategic, same_type, same_group | missing], [1.0, 0.0, 0.8, 0.6], default=0.0)
    veto |= type_s == 0.0
    hard |= type_s == 0.0
    model = match_model(cfg)

    actor_s = _actors(f, i, j)
    weak |= actor_s == 0.0

    text_s = np.full(len(i), 0.5)
    in_play = ~timing if cfg.matcher == "model" else ~veto  # the model reads text where the rules gave up
    known = np.flatnonzero(in_play & f.has_text[i] & f.has_text[j])  # only pairs still in play pay for text
    text_s[known] = np.minimum(jaccard(f.sig, i[known], j[known]) / cfg.text_full_at, 1.0)

    wt = cfg.weights
    score = (
        wt["date"] * date_s + wt["place"] * place_s + wt["actors"] * actor_s + wt["type"] * type_s + wt["text"] * text_s
    ) / sum(wt.values())
    score = np.where(veto, 0.0, score)
    same_article = f.article[i] == f.article[j]
    # One article tells two events apart on purpose: its pair must agree on the event type too.
    merge_at = np.where(same_article, np.where(type_s >= 0.8, cfg.same_article_threshold, np.inf), cfg.merge_threshold)
    decision = np.where(
        ~veto & ~weak & (score >= merge_at), MERGE, np.where(~veto & (score >= cfg.possible_threshold), POSSIBLE, NONE)
    )
    # A report unit (an article without an asserted event) has no fields the rules could weigh.
    decision[f.is_report[i] | f.is_report[j]] = NONE
    out = Scores(i, j, score, decision.astype(np.int8), date_s, place_s, actor_s, type_s, text_s, km, weak,
                 np.zeros(len(i), dtype=bool), model_domain(f, i, j, hard, timing, same_article))
    if model is not None and out.domain.any():
        dom = out.take(out.domain)
        p = model.probability(pair_features(f, dom), dom.i, dom.j)
        apply_probability(out, out.domain, p, cfg.match_merge_at or model.merge_at,
                          cfg.match_possible_at or model.possible_at)
    return out


def match_model(cfg: DedupConfig) -> MatchModel | None:
    """The learned matcher when the config asks for it and one is installed, else None (rules alone)."""
    if cfg.matcher != "model":
        return None
    from sitrep import learn

    found = learn.load("dedup", cfg.model_dir or None)
    return found if isinstance(found, MatchModel) else None


def model_domain(f: Features, i: np.ndarray, j: np.ndarray, hard: np.ndarray, timing: np.ndarray,
                 same_article: np.ndarray) -> np.ndarray:
    """Pairs the match model decides: where it was fitted and measured.

    Its training pairs are reports dated only by their publication day (week precision: headlines
    and short reports) and report units; there it beats the rules on held-out UCDP countries, while
    on day-precise full-sentence reports (the synthetic set) the rules do better. There it also
    weighs what the rules veto (two extracted countries, two kinds of event: headline extraction
    errs), but not the dates. Same-article pairs stay with the rules (one article tells two events
    apart on purpose).
    """
    head = f.headline
    both = head[i] & head[j]
    report = f.is_report[i] | f.is_report[j]
    return (both | report) & ~same_article & np.where(both, ~timing, ~hard)


def apply_probability(s: Scores, domain: np.ndarray, p: np.ndarray, merge_at: float, possible_at: float) -> None:
    """The model's verdict (probabilities ``p`` of the ``domain`` pairs) replaces the rules' (in place)."""
    s.decision[domain] = np.where(p >= merge_at, MERGE, np.where(p >= possible_at, POSSIBLE, NONE))
    s.score[domain] = p
    s.learned[domain] = True
    s.weak[domain] = p < merge_at


def explain(f: Features, s: Scores, k: int) -> dict[str, Any]:
    """Readable reasons for pair ``k`` of ``s``: what agreed, what did not."""
    i, j = int(s.i[k]), int(s.j[k])
    dd = abs(int(f.day[i]) - int(f.day[j]))
    reasons: dict[str, Any] = {
        "score": round(float(s.score[k]), 3),
        "date": "same day" if dd == 0 else f"{dd} day(s) apart (time precision {max(f.tprec[i], f.tprec[j])})",
        "actors": _actor_reason(float(s.actors[k])),
        "type": {1.0: "same sub-event type", 0.8: "same event type", 0.6: "compatible event types"}.get(
            round(float(s.type[k]), 1), "different event types"
        ),
        "text_similarity": round(float(s.text[k]), 3),
    }
    km = float(s.km[k])
    if np.isnan(km):
        reasons["place"] = "same admin1" if f.admin1[i] >= 0 and f.admin1[i] == f.admin1[j] else "place not precise"
    else:
        reasons["place"] = f"{km:.1f} km apart (geo precision {max(f.gprec[i], f.gprec[j])})"
    if f.article[i] == f.article[j]:
        reasons["same_article"] = True
    return reasons


def _actor_reason(value: float) -> str:
    if value == 0.0:
        return "actors conflict"
    if value >= 1.0:
        return "same actors"
    if value >= 0.75:
        return "compatible actors (generic vs named, or an associate)"
    return "actors partly unknown or only loosely compatible"
