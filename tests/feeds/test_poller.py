"""Polls against a local site whose feeds change: new items become events, unchanged feeds cost a 304,
and broken feeds and pages are recorded and skipped while the others go on."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from feeds_site import Site

from sitrep.engines import LocalEngine
from sitrep.feeds import FeedTables, Fetcher, FetchPolicy, Watcher, make_spec
from sitrep.feeds.worker import queue_inputs
from sitrep.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "samples" / "corpus.jsonl"


@pytest.fixture(scope="module")
def stories() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def engine() -> Any:
    with LocalEngine() as local:
        yield local


def publish(site: Site, stories: list[dict[str, Any]], path: str) -> tuple[str, str]:
    story = stories.pop(0)
    body = story["text"].split("\n\n", 1)[-1]
    site.page(path, story["title"], body)
    return story["title"], path


def gazette_row(store: Store) -> dict[str, Any]:
    cur = store.con.execute("SELECT * FROM feed_items WHERE country = 'Iraq' LIMIT 1")
    return dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))


def watcher_for(store: Store, engine: Any) -> Watcher:
    policy = FetchPolicy(host_interval=0.0, timeout=0.5, retries=1, backoff=0.05, max_bytes=1_000_000)
    return Watcher(store, threading.Lock(), engine, Fetcher(policy))


def test_feeds_become_events_and_failures_are_recorded(
    site: Site, stories: list[dict[str, Any]], engine: Any, tmp_path: Path
) -> None:
    stories = list(stories)
    rss_items = [publish(site, stories, f"/news/{n}") for n in range(2)]
    rss_items.append(("A very large page", "/news/huge"))
    site.set("/news/huge", huge=50_000_000)
    site.rss("/iraq.xml", rss_items)
    site.atom("/wire.atom", [publish(site, stories, "/wire/1")])
    site.json_feed("/desk.json", [publish(site, stories, "/desk/1")])
    site.set("/slow.xml", "<rss/>", delay=2.0)
    site.set("/down.xml", "down", status=500)
    site.set("/loop.xml", redirect="/loop2.xml")
    site.set("/loop2.xml", redirect="/loop.xml")
    site.set("/bad.xml", '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut', content_type="application/rss+xml")

    with Store(tmp_path / "s.duckdb") as store:
        watcher = watcher_for(store, engine)
        tables: FeedTables = watcher.tables
        tables.add(make_spec(site.url("/iraq.xml"), "1s", country="Iraq", source="Test Gazette"))
        for path in ("/wire.atom", "/desk.json", "/slow.xml", "/down.xml", "/loop.xml", "/bad.xml"):
            tables.add(make_spec(site.url(path), "1s"))

        results = {r.url.split("/")[-1]: r for r in watcher.poll_once(everything=True)}
        watcher.drain()

        assert results["iraq.xml"].new_items == 2 and results["iraq.xml"].codes == ["E604"]
        assert results["wire.atom"].new_items == 1 and results["desk.json"].new_items == 1
        assert results["slow.xml"].codes == ["E601"]
        assert results["down.xml"].codes == ["E602"] and results["down.xml"].status == 500
        assert results["loop.xml"].codes == ["E603"]
        assert results["bad.xml"].codes == ["E606"]
        feeds = {f["url"].split("/")[-1]: f for f in tables.feeds()}
        assert feeds["down.xml"]["last_error_code"] == "E602" and feeds["down.xml"]["failures"] == 1
        assert feeds["iraq.xml"]["last_error_code"] is None and feeds["iraq.xml"]["processed"] == 2
        assert {f["code"] for f in tables.failures()} >= {"E601", "E602", "E603", "E604", "E606"}

        articles = store.con.execute(
            "SELECT a.url, q.country, a.source, a.published FROM articles a JOIN feed_items q ON q.article_id = "
            "a.article_id ORDER BY a.url"
        ).fetchall()
        assert len(articles) == 4
        gazette = [a for a in articles if "/news/" in a[0]]
        assert all(a[1] == "Iraq" and a[2] == "Test Gazette" for a in gazette)
        assert str(gazette[0][3]) == "2025-03-04"  # the feed's date
        assert all("utm_source" not in a[0] for a in articles)  # tracking parameters are not part of the key
        assert queue_inputs(watcher.tables.pending(10) or [dict(gazette_row(store))])[0].article.country == "Iraq"
        events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        assert events > 0
        assert store.con.execute("SELECT count(*) FROM canonical_events").fetchone()[0] > 0

        # Nothing changed: the feeds answer 304 and no page is fetched again.
        pages_before = {p: len(site.requests(p)) for p in ("/news/0", "/news/1", "/wire/1", "/desk/1")}
        again = {r.url.split("/")[-1]: r for r in watcher.poll_once(everything=True)}
        assert again["wire.atom"].status == 304 and again["desk.json"].status == 304
        assert again["iraq.xml"].status == 304  # the oversized page failed for good: no reason to re-read
        assert {p: len(site.requests(p)) for p in pages_before} == pages_before

        # The feed changes: only the new item is fetched, and it becomes events without a restart.
        rss_items.append(publish(site, stories, "/news/2"))
        site.rss("/iraq.xml", rss_items)
        third = {r.url.split("/")[-1]: r for r in watcher.poll_once(everything=True)}
        watcher.drain()
        assert third["iraq.xml"].status == 200 and third["iraq.xml"].new_items == 1
        assert third["iraq.xml"].skipped == 3
        assert len(site.requests("/news/0")) == 1 and len(site.requests("/news/2")) == 1
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] > events
        assert tables.queue_counts() == {"fetched": 0, "processed": 5, "failed": 1}


def test_the_same_text_at_two_urls_is_one_article(
    site: Site, stories: list[dict[str, Any]], engine: Any, tmp_path: Path
) -> None:
    story = stories[5]
    body = story["text"].split("\n\n", 1)[-1]
    site.page("/a/story", story["title"], body)
    site.page("/b/story-copy", story["title"], body)
    site.rss("/a.xml", [(story["title"], "/a/story")])
    site.rss("/b.xml", [(story["title"], "/b/story-copy")])
    with Store(tmp_path / "s.duckdb") as store:
        watcher = watcher_for(store, engine)
        watcher.tables.add(make_spec(site.url("/a.xml"), "1m"))
        watcher.tables.add(make_spec(site.url("/b.xml"), "1m"))
        watcher.poll_once(everything=True)
        watcher.drain()
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert store.con.execute("SELECT count(*) FROM article_ids").fetchone()[0] == 2
