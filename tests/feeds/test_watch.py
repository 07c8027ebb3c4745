"""``sitrep serve --watch`` as a user runs it: new feed items become events while the API answers, and a
``kill -9`` in the middle of a poll loses no fetched item and stores none twice after a restart."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
from feeds_site import Site

from sitrep.cli.feeds_cmd import add_feed

CORPUS = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "samples" / "corpus.jsonl"
SITREP = str(Path(sys.executable).with_name("sitrep"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(db: Path, port: int) -> subprocess.Popen[bytes]:
    args = [SITREP, "serve", "--db", str(db), "--port", str(port), "--watch", "-j", "0", "--tick", "0.3",
            "--per-host-delay", "0", "--timeout", "5", "--retries", "0"]
    return subprocess.Popen(args, env={**os.environ, "SITREP_TOKEN": "t"}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def api(port: int, path: str) -> Any:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as resp:
        return json.loads(resp.read())


def wait_for(check: Callable[[], Any], what: str, proc: subprocess.Popen[bytes], limit: float = 180.0) -> Any:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server exited ({proc.returncode}) waiting for {what}: "
                                 f"{proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
        try:
            value = check()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_watch_live_then_kill_and_restart(site: Site, tmp_path: Path) -> None:
    stories = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    items: list[tuple[str, str]] = []

    def publish(n: int, delay: float = 0.0) -> None:
        story = stories[n]
        site.page(f"/story/{n}", story["title"], story["text"].split("\n\n", 1)[-1], delay=delay)
        items.append((story["title"], f"/story/{n}"))

    for n in range(2):
        publish(n)
    site.rss("/live.xml", items)
    db = tmp_path / "live.duckdb"
    add_feed(db, site.url("/live.xml"), every="1s", country="Iraq")
    port = free_port()

    proc = start(db, port)
    try:
        def processed(count: int) -> Callable[[], bool]:
            return lambda: api(port, "/api/feeds")["queue"]["processed"] >= count

        wait_for(processed(2), "the first two items", proc)
        events_before = api(port, "/api/meta")["counts"]["events"]
        assert events_before > 0
        # Unchanged between polls: the feed answers 304 to the watcher's ETag.
        wait_for(lambda: any(r["status"] == 304 for r in site.requests("/live.xml")), "a 304", proc)

        # New items arrive on slow pages; kill -9 once some (not all) are in the queue.
        for n in range(2, 10):
            publish(n, delay=0.4)
        site.rss("/live.xml", items)
        wait_for(lambda: sum(api(port, "/api/feeds")["queue"].values()) >= 4, "items in the queue", proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    queued_at_kill = duckdb.connect(str(db), read_only=True)
    try:
        in_queue = queued_at_kill.execute("SELECT count(*) FROM feed_items").fetchone()[0]
    finally:
        queued_at_kill.close()
    assert 4 <= in_queue < 10, in_queue  # the kill came mid-poll

    proc = start(db, port)
    try:
        wait_for(processed(10), "all ten items after the restart", proc)
        assert api(port, "/api/meta")["counts"]["events"] > events_before  # new events, same server
        listed = api(port, "/api/feeds")
        assert listed["watching"] and listed["feeds"][0]["last_polled_at"]
        new = api(port, "/api/feeds/new?since=2000-01-01T00:00:00")
        assert new["counts"]["articles"] == 10 and new["latest_events"]
        proc.send_signal(signal.SIGTERM)  # graceful: the watcher stops before the store closes
        # uvicorn shuts down, then re-raises the signal it caught, so -SIGTERM is a clean exit too.
        assert proc.wait(60) in (0, -signal.SIGTERM)
        assert b"Traceback" not in (proc.stderr.read() if proc.stderr else b"")
    finally:
        if proc.poll() is None:
            proc.kill()

    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 10
        assert con.execute("SELECT count(*), count(DISTINCT input_id) FROM article_ids").fetchone() == (10, 10)
        assert con.execute("SELECT state, count(*) FROM feed_items GROUP BY state").fetchall() == [("processed", 10)]
        stored_twice = con.execute(
            "SELECT count(*) FROM (SELECT article_id, ordinal FROM events GROUP BY ALL HAVING count(*) > 1)"
        ).fetchone()[0]
        assert stored_twice == 0
    finally:
        con.close()
    # A page stored before the kill is not fetched again; at most the ones in flight are.
    refetched = sum(len(site.requests(f"/story/{n}")) - 1 for n in range(10))
    assert refetched <= 2, refetched
