"""API latency while the watcher processes a 500-item poll (issue 21).

A local site (127.0.0.1) serves one RSS feed of ``--items`` entries, each a
page whose text is one of the sample corpus's synthetic articles with a
numbered dateline (so every page is a distinct article). ``sitrep serve
--watch`` runs as a separate process over a store pre-filled with
``--events`` synthetic events (the same generator as ``api_latency.py``); the
feed is added through ``POST /api/feeds`` and a client times API calls
before the poll (idle) and until every item is processed.

    .venv/bin/python benchmarks/feeds_api.py                  # 500 items, 100,000 events, 2 workers
    .venv/bin/python benchmarks/feeds_api.py --items 100 --events 20000 -j 1

Budget: p95 of the API calls during the poll ≤ 200 ms (the ACLED endpoint's target on 1M events).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import build_store, free_port, percentile  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "sitrep" / "samples" / "corpus.jsonl"
CALLS = [
    "/api/events?limit=100",
    "/api/events?country=Iraq&limit=100",
    "/api/meta",
    "/api/feeds",
    "/api/feeds/new?since=2000-01-01T00:00:00",
]
BUDGET_MS = 200.0


def site(items: int) -> tuple[ThreadingHTTPServer, str]:
    stories = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    base = f"http://127.0.0.1:{server.server_port}"
    pages: dict[str, bytes] = {}
    entries = []
    for n in range(items):
        story = stories[n % len(stories)]
        body = story["text"].split("\n\n", 1)[-1]
        text = f"BULLETIN {n} - {body}"  # one article per page: the dateline makes each text its own
        pages[f"/p/{n}"] = (
            f"<html><head><title>{escape(story['title'])}</title></head><body><article><h1>{escape(story['title'])}"
            f"</h1><p>{escape(text)}</p></article></body></html>"
        ).encode()
        entries.append(f"<item><title>{escape(story['title'])}</title><link>{base}/p/{n}</link></item>")
    pages["/feed.xml"] = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{"".join(entries)}</channel></rss>'
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

    server.RequestHandlerClass = Handler
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def timed(client: httpx.Client, path: str) -> float:
    started = time.perf_counter()
    resp = client.get(path)
    resp.raise_for_status()
    return (time.perf_counter() - started) * 1000


def report(label: str, values: list[float]) -> str:
    return (f"{label:<12} n={len(values):<5} p50 {percentile(values, 0.50):7.1f} ms  p95 {percentile(values, 0.95):7.1f} ms"
            f"  max {max(values):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("-j", "--workers", type=int, default=2)
    parser.add_argument("--idle-calls", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=1800.0)
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="sitrep-feeds-bench-")
    db = Path(tmp.name) / "bench.duckdb"
    print(f"building a store of {args.events} events ...", flush=True)
    build_store(db, args.events)
    web, base = site(args.items)
    port = free_port()
    token = "bench"
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("sitrep")), "serve", "--db", str(db), "--port", str(port), "--watch",
         "-j", str(args.workers), "--tick", "0.5", "--per-host-delay", "0"],
        env={**os.environ, "SITREP_TOKEN": token}, stdout=subprocess.DEVNULL, stderr=sys.stderr,
    )
    try:
        client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
        deadline = time.monotonic() + 120
        while True:
            try:
                client.get("/api/meta").raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.5)
        idle = [timed(client, CALLS[i % len(CALLS)]) for i in range(args.idle_calls)]
        started = time.monotonic()
        client.post("/api/feeds", json={"url": f"{base}/feed.xml", "every": "1h", "country": "Iraq"},
                    headers={"Authorization": f"Bearer {token}"}).raise_for_status()
        busy: list[float] = []
        processed = 0
        i = 0
        while processed < args.items and time.monotonic() - started < args.timeout:
            busy.append(timed(client, CALLS[i % len(CALLS)]))
            i += 1
            if i % len(CALLS) == 0:
                processed = client.get("/api/feeds").json()["queue"]["processed"]
            time.sleep(0.02)
        took = time.monotonic() - started
    finally:
        proc.terminate()
        proc.wait(60)
        web.shutdown()
    print(report("idle", idle))
    print(report("during poll", busy))
    print(f"{processed} of {args.items} items fetched and processed in {took:.1f} s ({processed / took:.1f} items/s, "
          f"-j {args.workers}); budget p95 ≤ {BUDGET_MS:.0f} ms: "
          f"{'met' if percentile(busy, 0.95) <= BUDGET_MS else 'MISSED'}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
