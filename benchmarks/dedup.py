"""Dedup at scale: N synthetic events through `sitrep dedupe`'s code path, timed.

    .venv/bin/python benchmarks/dedup.py --events 1000000

Generates invented incidents over three years in N/67 invented towns (six
countries; constant density), 1-4 reports each in different words, dates and place precisions
(sitrep.dedup.synthetic), writes them to a fresh DuckDB store as articles and
events, then runs ``sitrep.dedup.store.dedupe`` (load, block, score,
cluster, merge, write) and prints the timings, the cluster counts and the
pairwise precision/recall against the incidents the reports came from. A
second run adds 1% more reports incrementally.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa

from sitrep.dedup.store import dedupe
from sitrep.dedup.synthetic import incidents, reports, scattered_towns
from sitrep.store import Store


def generate(n_events: int, seed: int) -> list[dict[str, Any]]:
    # Constant density whatever N: about one invented incident per town every 25 days (ACLED-scale data
    # is spread over many places); 1M events -> 15,000 towns.
    towns, centres = scattered_towns(max(50, n_events // 400), seed)
    incs = incidents(max(1, int(n_events / 2.6)), seed=seed, days=3 * 365, towns=towns)
    rows = reports(incs, seed=seed + 1, centres=centres)
    return rows[:n_events]


def load(store: Store, rows: list[dict[str, Any]]) -> None:
    con = store.con
    articles = sorted({r["article_id"] for r in rows})
    con.register("b_articles", pa.table({"article_id": articles}))
    con.execute("INSERT INTO articles (article_id, text, published) SELECT article_id, 'synthetic', DATE '2025-01-01' "
                "FROM b_articles ON CONFLICT DO NOTHING")
    cols = ["event_id", "article_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
            "actor2", "inter1", "inter2", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
            "fatalities", "source", "confidence", "modality"]
    table = pa.table({c: [r.get(c) for r in rows] for c in cols} | {"notes": [r["text"] for r in rows]})
    con.register("b_events", table)
    con.execute(f"INSERT INTO events ({', '.join(cols)}, notes) SELECT {', '.join(cols)}, notes FROM b_events")
    con.unregister("b_events")
    con.unregister("b_articles")


def pairwise(rows: list[dict[str, Any]], members: dict[str, str]) -> dict[str, float]:
    gold = {r["event_id"]: r["incident"] for r in rows}

    def pairs(c: Counter[Any]) -> int:
        return sum(v * (v - 1) // 2 for v in c.values())

    tp = pairs(Counter((members[e], g) for e, g in gold.items()))
    pp, gp = pairs(Counter(members[e] for e in gold)), pairs(Counter(gold.values()))
    p, r = tp / max(pp, 1), tp / max(gp, 1)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / max(p + r, 1e-9), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--db", type=Path, default=None, help="store file (default: a temporary one)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    rows = generate(args.events, args.seed)
    rng = random.Random(args.seed)
    rng.shuffle(rows)
    extra = rows[: len(rows) // 100]
    base = rows[len(rows) // 100 :]
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        with Store(path) as store:
            load(store, base)
            t2 = time.perf_counter()
            c2 = time.process_time()
            first = dedupe(store.con)
            t3 = time.perf_counter()
            c3 = time.process_time()
            load(store, extra)
            second = dedupe(store.con)
            t4 = time.perf_counter()
            members = dict(store.con.execute("SELECT event_id, canonical_id FROM canonical_members").fetchall())
    out = {
        "events": len(rows),
        "generate_s": round(t1 - t0, 1),
        "store_load_s": round(t2 - t1, 1),
        "dedupe_s": round(t3 - t2, 1),
        "dedupe_cpu_s": round(c3 - c2, 1),  # this process's CPU time (DuckDB threads included)
        "dedupe_detail": first,
        "incremental_events": len(extra),
        "incremental_s": round(t4 - t3, 1),
        "incremental_detail": second,
        "pairwise": pairwise(rows, members),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
