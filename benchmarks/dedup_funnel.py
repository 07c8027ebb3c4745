"""Where the dedup's recall goes on the fitting countries' UCDP headlines (issue #16).

    .venv/bin/python benchmarks/dedup_funnel.py --data-dir ../shared/data [--store DIR]

Ingests every usable headline of the fitting countries (``eval.dedup_ucdp.FIT``, as ``sitrep train dedup``
does; about 2 minutes, or reuses ``--store DIR`` when it holds a store from an earlier run), scores the
candidate pairs with the match model left out of each country in turn (``learn.dedup_train.out_of_country``),
clusters them at the shipped model's thresholds (or ``--merge-at`` / ``--link-at``) and prints the recall
funnel of ``learn.dedup_funnel`` (a table, then one JSON line). The held-out countries are never read.

``--ceiling`` adds, unclustered (best pairwise F1 at precision >= 0.85 over report pairs), the first-stage
model alone, the shipped stages, and the first stage given UCDP's own fields of each report's event
(``dedup_funnel.oracle_columns``: exact place, admin1, kind of violence, sides, toll), each and together: how
far perfect extraction would go on this gold, against what the headlines give.

What it showed in the eleventh session (this gold, fitting countries, one left out at a time): 18% of gold
pairs are reports more than 7 days apart and 23% 2-7 days apart; clustered recall is 0.50 on same-day pairs,
0.30 next-day, 0.09 at 2-7 days. Linking every gold pair at most 1 / 2 / 3 / 7 days apart perfectly (with the
transitive pairs) would give recall 0.64 / 0.72 / 0.76 / 0.85, so the target needs nearly every pair within
three days. The headline model reaches pair-level F1 0.38-0.41 at precision 0.85 (boosted trees 0.02-0.12
across countries); with UCDP's own fields 0.88 (exact place alone 0.80, toll alone 0.65, admin1 + violence +
sides 0.54): the information is in the articles, not in the headlines (the extracted admin1 is right for 30% of
headlines, missing for 65%). Half of the confident wrong pairs join UCDP events whose ids are at most 10 apart
(9% of all wrong pairs): one story coded as several events; scored as right, F1 0.38 -> 0.48.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from sitrep import learn
from sitrep.eval import dedup_ucdp as du
from sitrep.eval.dedup import pairwise
from sitrep.learn import dedup_funnel, dedup_train


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


def ceiling(data_dir: Path, p: dedup_train.Prepared, o: dedup_train.OutOfCountry) -> dict[str, dict[str, float]]:
    """Unclustered best F1 at precision >= 0.85: headline models against the first stage given the gold's fields."""
    import numpy as np

    from sitrep.learn import ucdp

    found = ucdp.files(data_dir / du.FOLDER)
    events = {f"{c}:{e.id}": e for c in du.FIT if c in found for e in ucdp.read_events(found[c])}
    oracle = dedup_funnel.oracle_columns(p, o.keep, events)
    out = {"shipped_stages": dedup_funnel.pair_f1_at(p, o.keep, o.prob, o.y),
           "first_stage": dedup_funnel.pair_f1_at(p, o.keep, dedup_train._leave_one_country_out(o.x, o.y, o.country), o.y)}
    for name, cols in (("with_gold_place", [0]), ("with_gold_toll", [4]), ("with_gold_fields", list(range(oracle.shape[1])))):
        prob = dedup_train._leave_one_country_out(np.hstack([o.x, oracle[:, cols]]), o.y, o.country)
        out[name] = dedup_funnel.pair_f1_at(p, o.keep, prob, o.y)
    return {k: {m: round(v, 4) for m, v in d.items()} for k, d in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--store", type=Path, default=None, help="folder to keep (and reuse) the ingested store in")
    ap.add_argument("--merge-at", type=float, default=0.0, help="merge threshold (default: the shipped model's)")
    ap.add_argument("--link-at", type=float, default=-1.0, help="average-link threshold (default: the shipped model's)")
    ap.add_argument("--ceiling", action="store_true", help="also the unclustered ceiling figures (three more fits)")
    args = ap.parse_args()
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
    if args.ceiling:
        figures["ceiling"] = ceiling(args.data_dir, p, o)
    print(dedup_funnel.table(figures))
    print(json.dumps({"merge_at": merge_at, "link_at": link_at, **{f"pair_{k}": round(v, 4) for k, v in clustered.items()},
                      **figures, "seconds": round(time.perf_counter() - t0, 1)}))


if __name__ == "__main__":
    main()
