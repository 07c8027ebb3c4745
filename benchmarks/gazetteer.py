"""Gazetteer benchmark: cache build time, load time, and name lookup latency.

Run: ``.venv/bin/python benchmarks/gazetteer.py [--build]``. Targets (issue 4):
build <= 60 s, median lookup <= 50 us. ``--build`` rebuilds the cache first
(otherwise the existing cache is loaded, built if missing).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

# A mix of hits (plain, transliterated, ambiguous, with "Province") and misses.
NAMES = [
    "Ramadi", "Falluja", "Al-Fallujah", "Heet", "Anbar Province", "Anbar desert", "Springfield", "Paris",
    "Washington", "Georgia", "Mosul", "Nineveh", "Karmah", "Jurf as-Sakhar", "Kubaisa", "Soviet Union",
    "Nowhereville", "Rapides Parish", "Deir ez-Zor", "Tbilisi",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", action="store_true", help="rebuild the cache first and time it")
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()

    from sitrep.gazetteer import build_cache, load_gazetteer

    out: dict[str, float] = {}
    if args.build:
        out["build_seconds"] = round(build_cache(), 2)
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    out["load_seconds"] = round(time.perf_counter() - t0, 2)
    timings = []
    for _ in range(args.rounds):
        for name in NAMES:
            t = time.perf_counter_ns()
            gaz.lookup(name)
            timings.append(time.perf_counter_ns() - t)
    timings.sort()
    out["lookup_median_us"] = round(statistics.median(timings) / 1000, 2)
    out["lookup_p99_us"] = round(timings[int(len(timings) * 0.99)] / 1000, 2)
    out["places"] = len(gaz)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
