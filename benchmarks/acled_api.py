"""ACLED-compatible API latency: p50/p95 of ``GET /api/acled/read`` on a large synthetic store.

The same generated store as ``api_latency.py`` (one million events by
default), served by uvicorn on a free loopback port; each request is one
ACLED-client call as the PyPI ``acled`` client sends it (ACLED filter names,
``event_date_where=BETWEEN``, ``limit``/``page``, ``fields``), and a few
pages further on, as a script walking the pages would.

    .venv/bin/python benchmarks/acled_api.py                     # 1,000,000 events
    .venv/bin/python benchmarks/acled_api.py --events 200000 --rounds 5
    .venv/bin/python benchmarks/acled_api.py --db /tmp/big.duckdb --keep

Target (issue 20): p95 ≤ 200 ms on one million events.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import build_store, free_port, percentile  # noqa: E402

# Each is one analyst call (limit=100 unless given).
QUERIES: list[dict[str, str]] = [
    {"country": "Iraq"},
    {"country": "Syria|Yemen", "event_type": "Battles"},
    {"event_date": "2021-01-01|2021-03-31", "event_date_where": "BETWEEN"},
    {"country": "Nigeria", "event_date": "2019-01-01|2020-12-31", "event_date_where": "BETWEEN"},
    {"actor1": "Actor 17"},
    {"admin1": "Province 12", "country": "Mali"},
    {"fatalities": "10", "fatalities_where": ">="},
    {"interaction": "12", "fields": "event_id_cnty|event_date|country|fatalities"},
    {"timestamp": "1700900000"},
    {"sub_event_type": "Air/drone strike", "year": "2022"},
    {"actor1": "%Actor 4%", "actor1_where": "LIKE"},
    {"country": "Iraq", "page": "5"},
    {"country": "Iraq", "export_type": "monadic"},
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=10, help="times each query is requested")
    parser.add_argument("--db", type=Path, default=None, help="store file (reused when it exists)")
    parser.add_argument("--keep", action="store_true", help="keep the generated store")
    args = parser.parse_args()

    import uvicorn

    from sitrep.server import create_app

    tmp = tempfile.TemporaryDirectory(prefix="sitrep-bench-")
    db = args.db or Path(tmp.name) / "bench.duckdb"
    if not db.exists():
        t0 = time.perf_counter()
        build_store(db, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s ({db})")
    server = uvicorn.Server(uvicorn.Config(create_app(db, token=None), host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{server.config.port}/api/acled/read"
    timings: dict[str, list[float]] = {}
    try:
        with httpx.Client(timeout=60) as client:
            for query in QUERIES:  # warm-up: first touch of each column reads it from disk
                client.get(base, params={"limit": "100", **query}).raise_for_status()
            for _ in range(args.rounds):
                for query in QUERIES:
                    label = "&".join(f"{k}={v}" for k, v in query.items())
                    t0 = time.perf_counter()
                    response = client.get(base, params={"limit": "100", **query})
                    timings.setdefault(label, []).append((time.perf_counter() - t0) * 1000)
                    response.raise_for_status()
                    if not response.json()["success"]:
                        raise SystemExit(f"{label}: {response.text[:300]}")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        if not args.keep and args.db is None:
            tmp.cleanup()
    every = [t for values in timings.values() for t in values]
    width = max(len(k) for k in timings)
    print(f"{'query':<{width}}  {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for label, values in timings.items():
        print(f"{label:<{width}}  {statistics.median(values):8.1f} {percentile(values, 0.95):8.1f} {max(values):8.1f}")
    p95 = percentile(every, 0.95)
    print(
        f"ALL ({len(every)} requests): p50 {statistics.median(every):.1f} ms, p95 {p95:.1f} ms "
        f"-> {'meets' if p95 <= 200 else 'MISSES'} the 200 ms target"
    )


if __name__ == "__main__":
    main()
