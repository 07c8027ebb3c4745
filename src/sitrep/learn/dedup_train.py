"""Fit the dedup match model on UCDP GED events' headlines (``sitrep train dedup``).

The headlines of the countries in ``eval.dedup_ucdp.FIT`` go through
``sitrep ingest`` into a temporary store; the dedup's own blocking proposes
candidate pairs among their events and ``dedup.match.pair_features``
describes each; a pair is a match when both reports were coded into one UCDP
event. A logistic regression (scikit-learn, the ``learn`` extra) is fitted
on all of them; its merge threshold is chosen on leave-one-country-out
probabilities (each fitting country scored by a model fitted on the others),
so the threshold has not seen the country it is judged on. The held-out
countries (``HELD_OUT``) are never read here.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.dedup.blocking import candidate_pairs
from sitrep.dedup.config import DedupConfig
from sitrep.dedup.features import build
from sitrep.dedup.match import NAMES, MatchModel, pair_features
from sitrep.dedup.scoring import score_pairs

MIN_PRECISION = 0.8  # the merge threshold is the lowest one whose out-of-country pair precision stays above this


def pairs_from_store(db: Path, gold: dict[str, str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(features, labels, country of each pair) for the candidate pairs among the store's events."""
    from sitrep.dedup.store import _current_events_sql
    from sitrep.store import Store

    with Store(db) as store:
        table = store.con.sql(_current_events_sql(store.con)).to_arrow_table()
        inputs = dict(store.con.execute("SELECT article_id, input_id FROM article_ids").fetchall())
    with tempfile.TemporaryDirectory() as empty:
        # "model" scoring without a model: the features exactly as the model will see them
        cfg = DedupConfig(matcher="model", model_dir=empty)
        f = build(table, cfg.minhash_size)
        i, j = candidate_pairs(f, cfg)
        s = score_pairs(f, i, j, cfg)
    articles = table.column("article_id").to_pylist()
    label = [gold.get(inputs.get(a, ""), "") for a in articles]
    keep = (s.score > 0) & (np.array(articles, dtype=object)[s.i] != np.array(articles, dtype=object)[s.j])
    s = s.take(keep)
    y = np.array([label[a] != "" and label[a] == label[b] for a, b in zip(s.i, s.j, strict=True)])
    country = [label[a].split(":")[0] for a in s.i]
    return pair_features(f, s), y, country


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y)
    return mean, scale, lr.coef_[0], float(lr.intercept_[0])


def _prob(x: np.ndarray, fitted: tuple[np.ndarray, np.ndarray, np.ndarray, float]) -> np.ndarray:
    mean, scale, coef, b = fitted
    return 1.0 / (1.0 + np.exp(-(((x - mean) / scale) @ coef + b)))


def choose_thresholds(p: np.ndarray, y: np.ndarray) -> tuple[float, float, dict[str, float]]:
    """(merge_at, possible_at, pair figures at merge_at) from out-of-country probabilities."""
    best: tuple[float, float, dict[str, float]] = (0.9, 0.0, {})
    for t in np.arange(0.30, 0.96, 0.01):
        pred = p >= t
        tp = float((pred & y).sum())
        prec, rec = tp / max(pred.sum(), 1), tp / max(y.sum(), 1)
        f1 = 2 * prec * rec / max(prec + rec, 1e-9)
        if prec >= MIN_PRECISION and f1 > best[1]:
            best = (round(float(t), 2), f1, {"pair_precision": prec, "pair_recall": rec, "pair_f1": f1})
    merge_at = best[0]
    return merge_at, round(merge_at / 2, 2), best[2]


def train(data_dir: Path, out: Path, per_country: int = 1500) -> dict[str, Any]:
    """Fit on the FIT countries' headlines and write ``model.json`` and the card to ``out``."""
    from sitrep.eval import dedup_ucdp as du
    from sitrep.learn import ucdp
    from sitrep.learn.card import Card

    base = data_dir / du.FOLDER
    recs, gold, _country = du.gold_records(base, du.FIT, per_country)
    with tempfile.TemporaryDirectory(prefix="sitrep-train-dedup-") as tmp:
        db = du.ingest_records(recs, Path(tmp))
        x, y, country = pairs_from_store(db, gold)
    countries = sorted(set(country))
    oof = np.zeros(len(y))
    where = np.array(country)
    for c in countries:  # leave one country out: the threshold is chosen on countries a model has not seen
        test = where == c
        if y[~test].any() and (~y[~test]).any():
            oof[test] = _prob(x[test], _fit(x[~test], y[~test]))
    merge_at, possible_at, pair_figures = choose_thresholds(oof, y)
    mean, scale, coef, b = _fit(x, y)
    model = MatchModel(list(NAMES), mean.tolist(), scale.tolist(), coef.tolist(), b, merge_at, possible_at,
                       extra={"pairs": int(len(y)), "matches": int(y.sum()), "fit_countries": countries})
    model.write(out)
    sizes = Counter(gold.values())
    Card(
        name="dedup",
        format=model.format,
        purpose="Match model of `sitrep dedupe`: the probability that two event reports tell one real event "
                "(logistic regression over the dedup's pair features, numpy-only at run time).",
        command="sitrep train dedup",
        data={f"ucdp_ged/{c}": sum(1 for k in gold if gold[k].startswith(c + ":")) for c in countries},
        split=f"fitted on whole countries {', '.join(du.FIT)}; the merge threshold chosen on leave-one-country-out "
              f"probabilities within them; held out for figures: {', '.join(du.HELD_OUT)} "
              "(`sitrep eval dedup-ucdp`).",
        figures={**{k: round(v, 4) for k, v in pair_figures.items()}, "merge_at": merge_at,
                 "possible_at": possible_at},
        notes=[f"{len(y):,} candidate pairs from the dedup's own blocking, {int(y.sum()):,} of them gold matches; "
               f"{len(sizes):,} events, {len(gold):,} headlines",
               "pair figures above are out-of-country (leave-one-country-out) on the fitting countries; the "
               "held-out countries' figures are in README.md and floors.toml",
               "coefficients: " + ", ".join(f"{n} {c:+.2f}" for n, c in zip(NAMES, coef, strict=True))],
        attribution=ucdp.ATTRIBUTION,
        data_name="UCDP GED",
    ).write(out)
    return {"pairs": len(y), "matches": int(y.sum()), "merge_at": merge_at, "possible_at": possible_at, **pair_figures}
