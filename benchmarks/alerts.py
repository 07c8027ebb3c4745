"""Time ``/api/alerts``'s work (and ``/api/admin1``, ``/api/alerts/trend``) on a synthetic store of N events.

    .venv/bin/python benchmarks/alerts.py [--events 1000000] [--runs 20]

Events spread over 60 Iraqi and Syrian province names, six event types and two years; p50/p95 in ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sitrep.server.alerts import admin1_totals, alerts
from sitrep.server.alerts_trend import trend
from sitrep.server.db import Database
from sitrep.store import Store

TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
         "Strategic developments"]


def build(path: Path, n: int) -> None:
    with Store(path) as store:
        store.con.execute(
            "INSERT INTO events (event_id, article_id, ordinal, event_date, event_type, country, admin1, latitude, "
            "longitude, fatalities, modality) "
            "SELECT 'e' || i, 'a' || (i // 3), i % 3, DATE '2023-01-01' + CAST(hash(i) % 730 AS INTEGER), "
            "?[1 + CAST(hash(i * 7) % 6 AS INTEGER)], CASE WHEN i % 2 = 0 THEN 'Iraq' ELSE 'Syria' END, "
            "'Province ' || CAST(hash(i * 13) % 30 AS INTEGER), 30 + (hash(i * 17) % 600) / 100.0, "
            "38 + (hash(i * 19) % 800) / 100.0, CAST(hash(i * 23) % 4 AS INTEGER), 'asserted' FROM range(?) t(i)",
            [TYPES, n],
        )


def timed(fn: object, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(1000 * (time.perf_counter() - start))
    times.sort()
    return statistics.median(times), times[max(0, int(round(0.95 * len(times))) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        build(path, args.events)
        print(f"built {args.events} events in {time.perf_counter() - t0:.1f} s")
        db = Database(path, read_only=False)
        try:
            for name, fn in [
                ("alerts", lambda: alerts(db, {}, with_codes=False)),
                ("alerts country=Iraq", lambda: alerts(db, {"country": "Iraq"}, with_codes=False)),
                ("admin1", lambda: admin1_totals(db, {})),
                ("trend country=Iraq", lambda: trend(db, {"country": "Iraq"})),
                ("trend one province", lambda: trend(db, {"country": "Iraq", "admin1": "Province 4"})),
            ]:
                p50, p95 = timed(fn, args.runs)
                print(f"{name:<22} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
        finally:
            db.close()


if __name__ == "__main__":
    main()
