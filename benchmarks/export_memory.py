"""Memory of a large export: does ``sitrep export`` stream?

Fills a store with N synthetic events (default 1,000,000; written with SQL,
no pipeline) over N/5 articles, then runs the real ``sitrep export`` in each
format in a subprocess and reports its peak RSS next to the output size.

    python benchmarks/export_memory.py
    python benchmarks/export_memory.py --events 200000 --json
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitrep.store import Store

FILL = """
INSERT INTO articles (article_id, url, title, source, published, language, text, ingested_at, version)
SELECT printf('a%08d', i), NULL, 'Title ' || i, 'Wire', DATE '2020-01-01' + CAST(i % 1500 AS INTEGER), 'en',
       'Synthetic article number ' || i || ' about clashes.', now(), 1
FROM range(?) t(i);
INSERT INTO article_ids (input_id, article_id, source, origin)
SELECT 'wire-' || i, printf('a%08d', i), 'Wire', 'bench' FROM range(?) t(i);
INSERT INTO events (event_id, article_id, ordinal, event_date, event_type, sub_event_type, actor1, actor2, country,
                    admin1, location, latitude, longitude, fatalities, modality, confidence, evidence)
SELECT printf('a%08d-%03d', i // 5, i % 5), printf('a%08d', i // 5), i % 5,
       DATE '2020-01-01' + CAST((i // 5) % 1500 AS INTEGER), 'Battles', 'Armed clash',
       'Military Forces of Mali (2021-)', 'JNIM: Group for Support of Islam and Muslims', 'Mali', 'Gao',
       'Location ' || (i % 997), 14.0 + (i % 100) / 50.0, -1.0 + (i % 77) / 40.0, i % 9, 'asserted', 0.8,
       '{"sentence": [0, 40], "trigger": [5, 12]}'
FROM range(?) t(i);
"""


def fill(db: Path, events: int) -> None:
    articles = max(1, events // 5)
    with Store(db) as store:
        for statement in [s for s in FILL.split(";") if s.strip()]:
            n = events if "INSERT INTO events" in statement else articles
            store.con.execute(statement, [n])


def export_peak(db: Path, fmt: str, out: Path) -> dict[str, float]:
    sitrep = Path(sys.executable).with_name("sitrep")
    code = (
        "import resource, subprocess, sys, json; "
        "p = subprocess.run(sys.argv[1:], capture_output=True); "
        "print(json.dumps({'rc': p.returncode, 'kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))"
    )
    start = time.monotonic()
    cmd = [sys.executable, "-c", code, str(sitrep), "export", "--db", str(db), "-f", fmt, "-o", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    info = json.loads(done.stdout)
    if info["rc"] != 0:
        raise SystemExit(f"export {fmt} failed")
    return {
        "seconds": round(time.monotonic() - start, 1),
        "peak_rss_mb": round(info["kb"] / 1024, 1),
        "output_mb": round(out.stat().st_size / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--formats", default="acled-csv,parquet,geojson,jsonl")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report: dict[str, object] = {"events": args.events, "self_peak_rss_mb": 0.0}
    with tempfile.TemporaryDirectory(prefix="sitrep-export-mem-") as tmp:
        db = Path(tmp) / "big.duckdb"
        fill(db, args.events)
        for fmt in args.formats.split(","):
            report[fmt] = export_peak(db, fmt, Path(tmp) / f"out.{fmt}")
    report["self_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.json:
        print(json.dumps(report))
        return
    print(f"export of {args.events} events")
    for fmt in args.formats.split(","):
        r = report[fmt]
        assert isinstance(r, dict)
        print(f"  {fmt:<10} {r['seconds']:>6}s  peak RSS {r['peak_rss_mb']:>7} MB  output {r['output_mb']} MB")


if __name__ == "__main__":
    main()
