"""Where the dedup's recall goes on the fitting countries' UCDP headlines (issue #16).

    .venv/bin/python benchmarks/dedup_funnel.py --data-dir ../shared/data [--store DIR]

Ingests every usable headline of the fitting countries (``eval.dedup_ucdp.FIT``, as ``sitrep train dedup``
does; about 2 minutes, or reuses ``--store DIR`` when it holds a store from an earlier run), scores the
candidate pairs with the match model left out of each country in turn (``learn.dedup_train.out_of_country``),
clusters them at the shipped model's thresholds (or ``--merge-at`` / ``--link-at``) and prints the recall
funnel of ``learn.dedup_funnel`` (a table, then one JSON line). The held-out countries are never read.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--store", type=Path, default=None, help="folder to keep (and reuse) the ingested store in")
    ap.add_argument("--merge-at", type=float, default=0.0, help="merge threshold (default: the shipped model's)")
    ap.add_argument("--link-at", type=float, default=-1.0, help="average-link threshold (default: the shipped model's)")
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
    print(dedup_funnel.table(figures))
    print(json.dumps({"merge_at": merge_at, "link_at": link_at, **{f"pair_{k}": round(v, 4) for k, v in clustered.items()},
                      **figures, "seconds": round(time.perf_counter() - t0, 1)}))


if __name__ == "__main__":
    main()
