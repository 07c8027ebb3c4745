"""API latency on a large store: p50/p95 of filtered ``GET /api/events?limit=100``.

Generates a store of N synthetic events (default one million, about a third as
many articles, a thousand reviews) with DuckDB's own SQL; as with daily ingest,
storage order follows event dates within a fortnight (``--shuffled``: random,
as after a historical backfill). It serves the store with
uvicorn on a free loopback port and times sequential requests over a mix of
ACLED-style filters, as an analyst's script would send them.

    .venv/bin/python benchmarks/api_latency.py                # 1,000,000 events
    .venv/bin/python benchmarks/api_latency.py --events 200000 --rounds 10
    .venv/bin/python benchmarks/api_latency.py --db /tmp/big.duckdb --keep

Target (issue 8): p95 ≤ 200 ms on one million events.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Mob violence"),
    ("Strategic developments", "Arrests"),
]
COUNTRIES = [
    "Iraq",
    "Syria",
    "Yemen",
    "Nigeria",
    "Mali",
    "Sudan",
    "Somalia",
    "Ukraine",
    "Mexico",
    "India",
    "Pakistan",
    "Afghanistan",
    "Burkina Faso",
    "Myanmar",
    "Colombia",
    "Ethiopia",
    "Libya",
    "Lebanon",
]

# The filters timed: each is one analyst-style query (limit=100 is added).
QUERIES: list[dict[str, str]] = [
    {"country": "Iraq"},
    {"country": "Syria|Yemen", "event_type": "Battles"},
    {"event_date": "2021-01-01|2021-03-31", "event_date_where": "BETWEEN"},
    {"country": "Nigeria", "event_date": "2019-01-01|2020-12-31", "event_date_where": "BETWEEN"},
    {"actor1": "Actor 17"},
    {"actor": "Actor 250"},
    {"admin1": "Province 12", "country": "Mali"},
    {"fatalities": "10", "fatalities_where": ">="},
    {"interaction": "12", "fields": "event_id|event_date|country|fatalities"},
    {"timestamp": "1700900000"},
    {"sub_event_type": "Air/drone strike", "year": "2022"},
    {"actor1": "%Actor 4%", "actor1_where": "LIKE"},
]


def build_store(path: Path, events: int, shuffled: bool = False) -> None:
    """``shuffled``: event dates unrelated to storage order (a historical backfill) instead of
    following it within a fortnight (daily ingest of current news, the usual case)."""
    from sitrep.store import Store

    if shuffled:
        date_sql = "DATE '2015-01-01' + CAST(hm(i, 3650) AS INTEGER)"
    else:
        date_sql = f"DATE '2015-01-01' + CAST(i * 3650 // {events} - hm(i * 31, 14) AS INTEGER)"

    types = ", ".join(f"('{t}', '{s}')" for t, s in TYPES)
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    with Store(path) as store:
        con = store.con
        con.execute(
            "CREATE OR REPLACE TEMP MACRO hm(x, n) AS CAST(hash(x) % n AS BIGINT)"
        )  # a stable pseudo-random pick
        con.execute(
            "INSERT INTO articles (article_id, title, source, published, text, ingested_at) "
            "SELECT 'a' || i, 'Report ' || i, 'Outlet ' || (i % 300), DATE '2015-01-01' + CAST(i % 3650 AS INTEGER), "
            "'Synthetic article ' || i || ' about fighting near Town ' || (i % 5000) || '.', now() "
            "FROM range(?) t(i)",
            [events // 3 + 1],
        )
        con.execute(
            f"""
            INSERT INTO events (event_id, article_id, ordinal, event_date, time_precision, disorder_type, event_type,
                sub_event_type, actor1, inter1, actor2, inter2, interaction, country, admin1, location, latitude,
                longitude, geo_precision, source, notes, fatalities, timestamp, modality, confidence, trigger, evidence)
            SELECT 'a' || (i // 3) || '-' || lpad(CAST(i % 3 AS VARCHAR), 3, '0'), 'a' || (i // 3), i % 3,
                {date_sql}, 1 + i % 3, 'Political violence',
                ty.t, ty.s, 'Actor ' || (hm(i * 7, 500)), 1 + i % 8, 'Actor ' || (hm(i * 13, 500)), 1 + (i // 8) % 8,
                10 + i % 80, {countries}[1 + hm(i * 3, {len(COUNTRIES)})], 'Province ' || (hm(i * 5, 40)),
                'Town ' || (hm(i * 11, 5000)), -10 + (hm(i * 17, 5000)) / 100.0, -10 + (hm(i * 19, 7000)) / 100.0,
                1 + i % 3, 'Outlet ' || (i % 300), 'On some day, armed men attacked a village near Town ' || (i % 5000) || '.',
                CAST(hm(i * 23, 20) AS INTEGER), 1600000000 + i, CASE WHEN i % 10 = 0 THEN 'hypothetical' ELSE 'asserted' END,
                0.5 + (i % 50) / 100.0, 'attacked', '{{"sentence": [0, 60], "actor1": [0, 9], "location": [40, 50]}}'
            FROM range(?) r(i) JOIN (SELECT row_number() OVER () - 1 AS k, t, s FROM (VALUES {types}) v(t, s)) ty
                ON ty.k = hm(i * 29, {len(TYPES)})
            """,
            [events],
        )
        con.execute(
            "INSERT INTO reviews (review_id, event_id, action, field, before, after, reviewer, reviewed_at) "
            "SELECT 'r' || i, 'a' || (i * 97) || '-000', 'correct', 'fatalities', '0', CAST(i % 9 AS VARCHAR), 'bench', now() "
            "FROM range(1000) t(i)"
        )
        con.execute("CHECKPOINT")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=20, help="times each filter is requested")
    parser.add_argument("--db", type=Path, default=None, help="store file (reused when it exists)")
    parser.add_argument("--keep", action="store_true", help="keep the generated store")
    parser.add_argument("--shuffled", action="store_true", help="dates in random storage order (a backfill)")
    args = parser.parse_args()

    import uvicorn

    from sitrep.server import create_app

    tmp = tempfile.TemporaryDirectory(prefix="sitrep-bench-")
    db = args.db or Path(tmp.name) / "bench.duckdb"
    if not db.exists():
        t0 = time.perf_counter()
        build_store(db, args.events, shuffled=args.shuffled)
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s ({db})")
    app = create_app(db, token=None)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}/api/events"
    timings: dict[str, list[float]] = {}
    try:
        with httpx.Client(timeout=60) as client:
            total = client.get(f"http://127.0.0.1:{port}/api/meta").json()["counts"]["events"]
            print(f"store holds {total:,} events")
            for query in QUERIES:  # warm-up: first touch of each column reads it from disk
                client.get(base, params={**query, "limit": "100"}).raise_for_status()
            for _ in range(args.rounds):
                for query in QUERIES:
                    label = "&".join(f"{k}={v}" for k, v in query.items())
                    t0 = time.perf_counter()
                    response = client.get(base, params={**query, "limit": "100"})
                    elapsed = (time.perf_counter() - t0) * 1000
                    response.raise_for_status()
                    timings.setdefault(label, []).append(elapsed)
                    body = response.json()
                    if body["next"]:  # and the next page by cursor, as a sync script would
                        t0 = time.perf_counter()
                        client.get(base, params={**query, "limit": "100", "next": body["next"]}).raise_for_status()
                        timings.setdefault("(next page by cursor)", []).append((time.perf_counter() - t0) * 1000)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        if not args.keep and args.db is None:
            tmp.cleanup()
    every = [t for values in timings.values() for t in values]
    width = max(len(k) for k in timings)
    print(f"{'filter':<{width}}  {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for label, values in timings.items():
        print(f"{label:<{width}}  {statistics.median(values):8.1f} {percentile(values, 0.95):8.1f} {max(values):8.1f}")
    p95 = percentile(every, 0.95)
    print(
        f"ALL ({len(every)} requests, limit=100): p50 {statistics.median(every):.1f} ms, p95 {p95:.1f} ms "
        f"-> {'meets' if p95 <= 200 else 'MISSES'} the 200 ms target"
    )


if __name__ == "__main__":
    main()
