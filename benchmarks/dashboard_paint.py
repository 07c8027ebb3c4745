"""First paint of the dashboard on a store of N events, in the Chromium the browser tests use.

    .venv/bin/python benchmarks/dashboard_paint.py [--events 100000] [--runs 5]

Builds a synthetic store (events over real Iraqi and Syrian governorates, six event types, two years), serves
it with `sitrep serve` in its own process, and opens the dashboard `--runs` times, each in a fresh browser (cold
cache). Times are from the start of navigation, read in the page (performance.now()):

- events: the map shows the events (the first cluster or point drawn), the figure the budget (2 s) is for;
- basemap: the first basemap tile painted;
- loaded: every panel filled (table, timeline, provinces, surges);
- api: the slowest of the dashboard's first API answers, to tell server time from page time.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from sitrep.store import Store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
BUDGET_S = 2.0
MARKS = ("events", "basemap", "loaded", "api")
TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
         "Strategic developments"]
# (country, admin1, lat, lon): the governorates' centres, so the choropleth has real provinces to shade
PLACES = [
    ("Iraq", "Baghdad", 33.31, 44.37), ("Iraq", "Ninewa", 36.34, 43.13), ("Iraq", "Al Anbar", 33.42, 43.30),
    ("Iraq", "Basrah", 30.51, 47.78), ("Iraq", "Diyala", 33.75, 44.61), ("Iraq", "Kirkuk", 35.47, 44.39),
    ("Iraq", "Salah al Din", 34.60, 43.68), ("Iraq", "Babil", 32.47, 44.42), ("Iraq", "Karbala", 32.61, 44.02),
    ("Iraq", "Najaf", 32.00, 44.33), ("Iraq", "Wasit", 32.50, 45.82), ("Iraq", "Maysan", 31.84, 47.14),
    ("Syria", "Aleppo", 36.20, 37.16), ("Syria", "Idlib", 35.93, 36.63), ("Syria", "Homs", 34.73, 36.71),
    ("Syria", "Damascus", 33.51, 36.29), ("Syria", "Deir-ez-Zor", 35.34, 40.14), ("Syria", "Ar-Raqqa", 35.95, 39.01),
    ("Syria", "Hama", 35.13, 36.75), ("Syria", "Dar'a", 32.62, 36.10), ("Syria", "Al-Hasakeh", 36.50, 40.75),
    ("Syria", "Lattakia", 35.52, 35.78),
]

# Waits at most 30 s: a mark never reached is reported as missing (a blank basemap tile, say), not waited on.
FIRST_PAINT = """() => new Promise((resolve) => {
  const seen = {};
  const done = () => {
    const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'))
      .map((e) => e.responseEnd).filter((t) => !seen.loaded || t <= seen.loaded);
    resolve({ ...seen, api: Math.max(0, ...api) });
  };
  const check = () => {
    const now = performance.now();
    if (!seen.events && document.querySelector('#map path.event-cluster, #map path.event-point')) seen.events = now;
    if (!seen.basemap && document.querySelector('#map canvas.leaflet-tile-loaded')) seen.basemap = now;
    if (!seen.loaded && document.body.dataset.loaded === 'true') seen.loaded = now;
    if ((seen.events && seen.basemap && seen.loaded) || now > 30000) done();
    else requestAnimationFrame(check);
  };
  check();
})"""


def build(path: Path, n: int) -> None:
    with Store(path) as store:
        store.con.execute("CREATE TEMP TABLE places (k INTEGER, country TEXT, admin1 TEXT, lat DOUBLE, lon DOUBLE)")
        store.con.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?)",
                              [(k, *p) for k, p in enumerate(PLACES)])
        store.con.execute(
            "INSERT INTO events (event_id, article_id, ordinal, event_date, event_type, country, admin1, latitude, "
            "longitude, fatalities, modality) "
            "SELECT 'e' || i, 'a' || (i // 3), i % 3, DATE '2024-01-01' + CAST(hash(i) % 730 AS INTEGER), "
            "?[1 + CAST(hash(i * 7) % 6 AS INTEGER)], p.country, p.admin1, "
            "p.lat + (CAST(hash(i * 17) % 100 AS INTEGER) - 50) / 100.0, "
            "p.lon + (CAST(hash(i * 19) % 100 AS INTEGER) - 50) / 100.0, "
            "CAST(hash(i * 23) % 4 AS INTEGER), 'asserted' "
            "FROM range(?) t(i) JOIN places p ON p.k = CAST(hash(i * 13) % ? AS INTEGER)",
            [TYPES, n, len(PLACES)],
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"sitrep serve exited with {proc.returncode}")
        try:
            urllib.request.urlopen(f"{url}/api/meta", timeout=5).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("sitrep serve did not answer within 60 s")


def measure(url: str, runs: int) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        for _ in range(runs):
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                page = browser.new_page(viewport={"width": 1500, "height": 950})
                page.goto(url)
                marks = page.evaluate(FIRST_PAINT)
                out.append({k: marks[k] / 1000 if k in marks else float("inf") for k in MARKS})
            finally:
                browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing (run `make install`)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paint.duckdb"
        t0 = time.perf_counter()
        build(path, args.events)
        print(f"built {args.events} events in {time.perf_counter() - t0:.1f} s")
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        sitrep = Path(sys.executable).with_name("sitrep")
        proc = subprocess.Popen([str(sitrep), "serve", "--db", str(path), "--port", str(port)],
                                env={**os.environ, "SITREP_TOKEN": ""}, stdout=subprocess.DEVNULL)
        try:
            _wait_up(url, proc)
            runs = measure(url, args.runs)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    for name in MARKS:
        values = sorted(r[name] for r in runs)
        print(f"{name:<8} median {statistics.median(values):5.2f} s   max {values[-1]:5.2f} s   "
              f"({', '.join(f'{v:.2f}' for v in values)})")
    never = {m: sum(1 for r in runs if r[m] == float("inf")) for m in MARKS}
    if any(never.values()):
        print("never reached within 30 s: " + ", ".join(f"{m} in {n} of {len(runs)} loads" for m, n in never.items() if n))
    worst = max(r["events"] for r in runs)
    verdict = "within" if statistics.median(r["events"] for r in runs) <= BUDGET_S else "OVER"
    print(f"first paint of the map with events: median {verdict} the {BUDGET_S:.0f} s budget (worst {worst:.2f} s)")


if __name__ == "__main__":
    main()
