"""Where the dedup's recall goes: a funnel over the gold report pairs of UCDP GED events.

Each gold pair (two reports coded into one UCDP event) is followed down the
dedup's stages, and the count still alive is reported after each:

1. ``gold_pairs``: both reports are in the store (the language check keeps them);
2. ``both_assert_event``: the extractor found an asserted event in both (else a report unit stands in);
3. ``within_7_days`` / ``within_1_day``: their units' days lie that close (the headline window is 7 days);
4. ``candidate``: blocking proposed a pair of their units;
5. ``model_domain``: that pair is one the match model reads;
6. ``above_merge``: the model's probability of some such pair reaches the merge threshold;
7. ``together``: the clustering put both reports into one canonical event (``together_direct``: with a pair
   above the threshold between them; ``together_transitive``: only through other reports).

``lost_in_clustering`` counts pairs above the threshold that still end apart (a guard refused the join).
``by_gap`` repeats the last stages by the days between the two reports (0, 1, 2-7, more): headlines of one
event published days apart share few words with each other and many with the week's other events. Beside
the funnel, ``compat_*`` give the share of gold pairs, and of the wrong candidate pairs the model reads
(``neg_compat_*``), whose extracted fields agree: same country, a country missing on one side, two countries,
same admin1, same event type, compatible actors (judged on the pair of their units the model scored highest,
or their first units when blocking found none). A field that agrees as often on wrong pairs as on gold ones
cannot lift recall without costing precision.

The probabilities are the caller's: ``sitrep train dedup``'s leave-one-country-out ones (each fitting country
scored by a model fitted on the others) in ``benchmarks/dedup_funnel.py``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import numpy as np

from sitrep.dedup.cluster import cluster
from sitrep.dedup.config import DedupConfig
from sitrep.dedup.scoring import apply_probability, score_pairs

STAGES = ("gold_pairs", "both_assert_event", "within_7_days", "within_1_day", "candidate", "model_domain",
          "above_merge", "together")
GAPS = (("same_day", 0, 0), ("next_day", 1, 1), ("2_7_days", 2, 7), ("over_7_days", 8, 1 << 30))
COMPAT = ("same_country", "country_missing", "country_conflict", "same_admin1", "same_type", "actors_compatible")


def _article_units(article: list[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for k, a in enumerate(article):
        out[a].append(k)
    return out


def gold_pairs(article: list[str], label: list[str]) -> list[tuple[str, str, str]]:
    """(article a, article b, gold event) for every two articles of one gold event, a < b."""
    by_event: dict[str, set[str]] = defaultdict(set)
    for a, g in zip(article, label, strict=True):
        if g:
            by_event[g].add(a)
    out = []
    for g, arts in sorted(by_event.items()):
        ordered = sorted(arts)
        out += [(a, b, g) for n, a in enumerate(ordered) for b in ordered[n + 1:]]
    return out


def compatibility(f: Any, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    """Per unit pair, whether each of ``COMPAT`` holds (the rules' own reading of the fields)."""
    import tempfile

    with tempfile.TemporaryDirectory() as empty:
        s = score_pairs(f, i, j, DedupConfig(matcher="model", model_dir=empty))
    ci, cj = f.country[i], f.country[j]
    return {
        "same_country": (ci >= 0) & (ci == cj),
        "country_missing": (ci < 0) | (cj < 0),
        "country_conflict": (ci >= 0) & (cj >= 0) & (ci != cj),
        "same_admin1": (f.admin1[i] >= 0) & (f.admin1[i] == f.admin1[j]),
        "same_type": (f.etype[i] >= 0) & (f.etype[i] == f.etype[j]),
        "actors_compatible": s.actors > 0.0,
    }


def funnel(p: Any, keep: np.ndarray, prob: np.ndarray, merge_at: float, link_at: float) -> dict[str, Any]:
    """The funnel of ``p`` (a ``dedup_train.Prepared``) with ``prob`` the model's probability of the pairs
    ``p.s[keep]``, clustered at ``merge_at`` / ``link_at``: counts overall and by country (the gold key's prefix)."""
    f = p.f
    units = _article_units(p.article)
    asserting = {a for a, ks in units.items() if any(not f.is_report[k] for k in ks)}
    s = p.s.take(np.ones(len(p.s.i), dtype=bool))
    domain = np.zeros(len(s.i), dtype=bool)
    domain[keep] = True
    apply_probability(s, domain, prob, merge_at, merge_at / 2)
    labels, _flag, _refused = cluster(f, s, DedupConfig(), (), link_at)
    root = {a: int(labels[min(ks, key=lambda k: f.event_id[k])]) for a, ks in units.items()}
    shown = set(labels[~f.is_report].tolist())

    art = np.array(p.article, dtype=object)
    ai, aj = art[s.i], art[s.j]
    key = [(x, y) if x < y else (y, x) for x, y in zip(ai.tolist(), aj.tolist(), strict=True)]
    best: dict[tuple[str, str], tuple[float, int, bool]] = {}  # article pair -> (best prob, pair index, in domain)
    for k, (kk, dom) in enumerate(zip(key, domain.tolist(), strict=True)):
        if kk[0] == kk[1]:
            continue
        v = float(s.score[k]) if dom else -1.0
        if kk not in best or v > best[kk][0]:
            best[kk] = (v, k, dom)

    pairs = gold_pairs(p.article, p.label)
    rep_i, rep_j = [], []
    for a, b, _g in pairs:
        if (a, b) in best:
            k = best[(a, b)][1]
            rep_i.append(int(s.i[k]))
            rep_j.append(int(s.j[k]))
        else:
            rep_i.append(units[a][0])
            rep_j.append(units[b][0])
    ri, rj = np.array(rep_i, dtype=np.int64), np.array(rep_j, dtype=np.int64)
    compat = compatibility(f, ri, rj) if len(pairs) else {c: np.zeros(0, dtype=bool) for c in COMPAT}

    def days_apart(a: str, b: str) -> int:
        da = [int(f.day[k]) for k in units[a]]
        db = [int(f.day[k]) for k in units[b]]
        return min(abs(x - y) for x in da for y in db)

    out: dict[str, Any] = {}
    by_country: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STAGES + ("lost_in_clustering",
                                                                                        "together_direct",
                                                                                        "together_transitive"), 0))
    totals: dict[str, int] = dict.fromkeys(STAGES + ("lost_in_clustering", "together_direct", "together_transitive"), 0)
    compat_counts = dict.fromkeys(COMPAT, 0)
    by_gap = {name: dict.fromkeys(("gold_pairs", "candidate", "above_merge", "together"), 0) for name, _lo, _hi in GAPS}
    for n, (a, b, g) in enumerate(pairs):
        gap = days_apart(a, b)
        found = best.get((a, b))
        together = root[a] == root[b] and root[a] in shown
        above = found is not None and found[2] and found[0] >= merge_at
        alive = {
            "gold_pairs": True,
            "both_assert_event": a in asserting and b in asserting,
            "within_7_days": gap <= 7,
            "within_1_day": gap <= 1,
            "candidate": found is not None,
            "model_domain": found is not None and found[2],
            "above_merge": above,
            "together": together,
        }
        row = by_country[g.split(":")[0]]
        for stage in STAGES:  # candidate > model_domain > above_merge by construction; the day gaps are properties
            row[stage] += alive[stage]
            totals[stage] += alive[stage]
        for name, hit in (("lost_in_clustering", above and not together), ("together_direct", together and above),
                          ("together_transitive", together and not above)):
            row[name] += hit
            totals[name] += hit
        for c in COMPAT:
            compat_counts[c] += bool(compat[c][n])
        bucket = next(name for name, lo, hi in GAPS if lo <= gap <= hi)
        for stage in ("gold_pairs", "candidate", "above_merge", "together"):
            by_gap[bucket][stage] += alive[stage]
    out.update(totals)
    total = max(len(pairs), 1)
    out.update({f"compat_{c}": round(v / total, 4) for c, v in compat_counts.items()})
    # The same fields on the wrong pairs the model reads: what agreement is worth.
    lab = np.array(p.label, dtype=object)
    wrong = np.flatnonzero(domain & ~((lab[s.i] != "") & (lab[s.i] == lab[s.j])) & (ai != aj))
    neg = compatibility(f, s.i[wrong], s.j[wrong]) if len(wrong) else {c: np.zeros(0, dtype=bool) for c in COMPAT}
    out.update({f"neg_compat_{c}": round(float(v.mean()) if len(v) else 0.0, 4) for c, v in neg.items()})
    out["negative_pairs"] = int(len(wrong))
    out["by_country"] = {c: dict(v) for c, v in sorted(by_country.items())}
    out["by_gap"] = by_gap
    return out


def table(figures: dict[str, Any]) -> str:
    """The funnel as a plain-text table: stage, count, share of gold pairs, by country."""
    countries = list(figures.get("by_country", {}))
    head = f"{'stage':<22}{'all':>8}{'share':>8}" + "".join(f"{c[:12]:>14}" for c in countries)
    lines = [head]
    total = max(int(figures["gold_pairs"]), 1)
    for stage in STAGES + ("together_direct", "together_transitive", "lost_in_clustering"):
        row = f"{stage:<22}{figures[stage]:>8}{figures[stage] / total:>8.3f}"
        for c in countries:
            sub = figures["by_country"][c]
            row += f"{sub[stage]:>8} {sub[stage] / max(sub['gold_pairs'], 1):.2f}"
        lines.append(row)
    lines.append("")
    lines.append(f"{'days apart':<22}{'gold':>8}{'cand':>8}{'above':>8}{'together':>10}{'recall':>8}")
    for name, sub in figures["by_gap"].items():
        lines.append(f"{name:<22}{sub['gold_pairs']:>8}{sub['candidate']:>8}{sub['above_merge']:>8}{sub['together']:>10}"
                     f"{sub['together'] / max(sub['gold_pairs'], 1):>8.3f}")
    lines.append("")
    lines.append(f"{'field agrees':<22}{'gold':>8}{'wrong':>8}")
    for c in COMPAT:
        lines.append(f"{c:<22}{figures['compat_' + c]:>8.3f}{figures['neg_compat_' + c]:>8.3f}")
    if figures.get("ceiling"):
        alone = list(next(iter(figures["ceiling"].values())).get("by_country", {}))
        lines += ["", f"{'unclustered, P >= 0.85':<24}{'P':>7}{'R':>7}{'F1':>7}" + "".join(f"{c[:10]:>11}" for c in alone)]
        for name, m in figures["ceiling"].items():
            lines.append(f"{name:<24}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
                         + "".join(f"{m['by_country'].get(c, 0.0):>11.3f}" for c in alone))
    return "\n".join(lines)


def pair_f1_at(p: Any, keep: np.ndarray, prob: np.ndarray, y: np.ndarray, min_precision: float = 0.85,
               gold_count: int | None = None) -> dict[str, float]:
    """Best pairwise F1 over report pairs (no clustering: a pair of articles is joined when its best unit pair's
    probability reaches a threshold) among thresholds whose precision is at least ``min_precision``; recall
    over ``gold_count`` gold pairs (default: all of ``p``'s)."""
    art = np.array(p.article, dtype=object)
    a, b = art[p.s.i[keep]], art[p.s.j[keep]]
    key = np.where(a < b, a + "\t" + b, b + "\t" + a)
    order = np.argsort(-prob, kind="stable")
    _, first = np.unique(key[order], return_index=True)
    best = order[first]
    best = best[np.argsort(-prob[best], kind="stable")]
    hits = np.cumsum(y[best])
    precision = hits / np.arange(1, len(best) + 1)
    recall = hits / max(len(gold_pairs(p.article, p.label)) if gold_count is None else gold_count, 1)
    f1 = np.where(precision >= min_precision, 2 * precision * recall / np.maximum(precision + recall, 1e-9), -1.0)
    if not len(f1) or f1.max() < 0:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    k = int(np.argmax(f1))
    return {"precision": float(precision[k]), "recall": float(recall[k]), "f1": float(f1[k])}


def pair_f1_by_country(p: Any, keep: np.ndarray, prob: np.ndarray, y: np.ndarray, country: list[str],
                       min_precision: float = 0.85) -> dict[str, dict[str, float]]:
    """``pair_f1_at`` of each country's pairs alone (its own best threshold), against its own gold pairs."""
    where = np.array(country)
    golds = [g.split(":")[0] for _a, _b, g in gold_pairs(p.article, p.label)]
    out = {}
    for c in sorted(set(country) - {""}):
        m = where == c
        out[c] = pair_f1_at(p, keep[m], prob[m], y[m], min_precision, gold_count=golds.count(c))
    return out


ORACLE = ("km", "same_admin1", "same_violence", "same_sides", "toll_gap")


def oracle_columns(p: Any, keep: np.ndarray, events: dict[str, Any]) -> np.ndarray:
    """Per model pair, ``ORACLE`` read from the gold events themselves (``learn.ucdp.UcdpEvent`` by gold key):
    what a perfect extraction of place, kind of violence, sides and toll would tell. For a ceiling only: UCDP
    coded these from whole articles, so no headline extraction can reach them."""
    from sitrep.dedup.scoring import haversine_km

    def field(name: str, default: Any) -> np.ndarray:
        vals = [getattr(events[g], name) if g in events and getattr(events[g], name) is not None else default
                for g in p.label]
        return np.array(vals, dtype=object)

    i, j = p.s.i[keep], p.s.j[keep]
    lat, lon = field("latitude", np.nan).astype(float), field("longitude", np.nan).astype(float)
    km = np.nan_to_num(haversine_km(lat[i], lon[i], lat[j], lon[j]), nan=1000.0)
    adm = field("adm_1", "")
    sides = np.char.add(field("side_a", "").astype(str), np.char.add("|", field("side_b", "").astype(str)))
    toll = np.log1p(field("best", 0).astype(float))
    vio = field("violence", 0).astype(int)
    cols = [np.log1p(km), (adm[i] == adm[j]) & (adm[i] != ""), vio[i] == vio[j], sides[i] == sides[j],
            np.abs(toll[i] - toll[j])]
    return np.stack([np.asarray(c, dtype=float) for c in cols], axis=1)


# UCDP writes a unit's or place's type after its name ("Borno state", "Maiduguri town", "Bama lga").
_TYPE_WORDS = re.compile(r"\s+(town|village|city|area|camp|district|province|state|region|division|lga|county|"
                         r"prefecture|sub-prefecture|township|tehsil|agency|governorate)\b.*$", re.I)


def _bare(name: str) -> str:
    return _TYPE_WORDS.sub("", name.split("(")[0]).strip().lower()


def headline_places(events: Any) -> dict[str, float]:
    """Of the headlines of events told by two or more reports: the share naming the event's own place (UCDP's
    ``where_coordinates``), only its admin1 or admin2 unit, or neither (plain name match, type words dropped).
    What a headline-only matcher can know of where an event happened, whatever its extraction."""
    counts = {"place": 0, "unit_only": 0, "neither": 0}
    for e in events:
        if len(e.reports) < 2:
            continue
        place = _bare(e.place)
        units = [u for u in (_bare(e.adm_1), _bare(e.adm_2)) if len(u) > 2]
        for r in e.reports:
            text = r.headline.lower()
            if len(place) > 2 and place in text:
                counts["place"] += 1
            elif any(u in text for u in units):
                counts["unit_only"] += 1
            else:
                counts["neither"] += 1
    total = sum(counts.values()) or 1
    return {k: round(v / total, 3) for k, v in counts.items()} | {"headlines": total}
