"""``sitrep feeds add|list|remove|poll``: feeds to watch, kept in the store, and a poll without the server."""

from __future__ import annotations

import json
import signal
import threading
from pathlib import Path
from typing import Any

import typer

from sitrep.cli import app
from sitrep.cli.common import default_db, fail
from sitrep.errors import SitrepError

feeds_app = typer.Typer(help="News feeds (RSS, Atom, JSON Feed) the watcher polls into the store.", no_args_is_help=True)
app.add_typer(feeds_app, name="feeds")

DB_HELP = "DuckDB file (default: SITREP_DB or sitrep.duckdb)."


def make_policy(per_host_delay: float = 1.0, timeout: float = 15.0, retries: int = 2, backoff: float = 1.0) -> Any:
    from sitrep.feeds import FetchPolicy

    return FetchPolicy(host_interval=per_host_delay, timeout=timeout, retries=retries, backoff=backoff)


def add_feed(db: Path, url: str, every: str = "15m", country: str | None = None, source: str | None = None) -> dict[str, Any]:
    """Add (or update) a feed in the store at ``db``."""
    from sitrep.feeds import FeedTables, make_spec
    from sitrep.store import Store

    spec = make_spec(url, every, country, source)
    with Store(db) as store:
        return FeedTables(store.con).add(spec)


def list_feeds(db: Path) -> list[dict[str, Any]]:
    from sitrep.feeds import FeedTables
    from sitrep.store import Store

    if not db.exists():
        return []
    with Store(db) as store:
        return FeedTables(store.con).feeds()


def remove_feed(db: Path, ref: str) -> dict[str, Any]:
    from sitrep.feeds import FeedTables
    from sitrep.store import Store

    with Store(db) as store:
        return FeedTables(store.con).remove(ref)


def poll_feeds(
    db: Path,
    *,
    once: bool = True,
    workers: int | None = None,
    policy: Any = None,
    tick: float = 1.0,
    check_language: bool = True,
) -> dict[str, Any]:
    """Poll the feeds and process what they bring: once (every feed, then an empty queue), or until stopped."""
    from sitrep.engines import make_engine
    from sitrep.feeds import Fetcher, Watcher
    from sitrep.store import Store

    with Store(db) as store, make_engine(None, workers) as engine:
        watcher = Watcher(store, threading.Lock(), engine, Fetcher(policy), tick=tick, check_language=check_language)
        if once:
            results = watcher.poll_once(everything=True)
            watcher.drain()
            return {**watcher.state, "results": [r.to_dict() for r in results], "queue": watcher.tables.queue_counts()}
        previous = signal.signal(signal.SIGTERM, lambda *_: watcher.stopping.set())
        watcher.start()
        try:
            while not watcher.stopping.wait(1.0):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            watcher.stop()
            signal.signal(signal.SIGTERM, previous)
        return {"queue": watcher.tables.queue_counts(), **watcher.state}


def format_feeds(rows: list[dict[str, Any]]) -> str:
    from sitrep.feeds.config import format_duration

    if not rows:
        return "no feeds (add one with `sitrep feeds add URL`)"
    lines = []
    for f in rows:
        state = f"last poll {f['last_polled_at'] or 'never'}"
        if f["last_status"]:
            state += f" (HTTP {f['last_status']})"
        if f["last_error_code"]:
            state += f", failing x{f['failures']}: {f['last_error_code']} {f['last_error']}"
        extra = ", ".join(x for x in (f["country"] and f"country {f['country']}", f["source"] and f"source {f['source']}") if x)
        lines.append(f"{f['feed_id']}  every {format_duration(f['every_seconds'])}  {f['url']}" + (f"  [{extra}]" if extra else ""))
        lines.append(f"    {state}; items {f['processed']} processed, {f['queued']} queued, {f['failed_items']} failed")
    return "\n".join(lines)


@feeds_app.command("add")
def add_command(
    url: str = typer.Argument(..., help="The feed's URL (RSS, Atom or JSON Feed)."),
    db: Path = typer.Option(None, "--db", help=DB_HELP),
    country: str | None = typer.Option(None, "--country", help="The country the feed reports on (Article.country)."),
    source: str | None = typer.Option(None, "--source", help="Publisher name (default: the feed's title)."),
    every: str = typer.Option("15m", "--every", help="Polling interval: 30s, 15m, 1h ..."),
) -> None:
    """Add a feed to watch (adding a known URL again updates its settings)."""
    try:
        feed = add_feed(db or default_db(), url, every, country, source)
    except SitrepError as exc:
        fail(exc)
    typer.echo(f"{feed['feed_id']} {feed['url']}")


@feeds_app.command("list")
def list_command(
    db: Path = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="One JSON array."),
) -> None:
    """The feeds, when each was last polled, and how its items fared."""
    rows = list_feeds(db or default_db())
    typer.echo(json.dumps(rows, default=str) if as_json else format_feeds(rows))


@feeds_app.command("remove")
def remove_command(
    feed: str = typer.Argument(..., help="Feed id (from `feeds list`) or URL."),
    db: Path = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Stop watching a feed (its articles stay in the store)."""
    try:
        removed = remove_feed(db or default_db(), feed)
    except SitrepError as exc:
        fail(exc)
    typer.echo(f"removed {removed['feed_id']} {removed['url']}")


@feeds_app.command("poll")
def poll_command(
    db: Path = typer.Option(None, "--db", help=DB_HELP),
    once: bool = typer.Option(True, "--once/--forever", help="One poll of every feed, or keep polling until stopped."),
    workers: int | None = typer.Option(None, "--workers", "-j", min=0, help="Worker processes (0 = in this process)."),
    per_host_delay: float = typer.Option(1.0, "--per-host-delay", min=0, help="Seconds between requests to one host."),
    timeout: float = typer.Option(15.0, "--timeout", min=0.1, help="Seconds to wait for a server."),
    retries: int = typer.Option(2, "--retries", min=0, help="Retries of a timeout, 5xx or 429."),
    backoff: float = typer.Option(1.0, "--backoff", min=0, help="Seconds before the first retry (doubles)."),
) -> None:
    """Poll the feeds and ingest + dedupe what is new, without serving (use `sitrep serve --watch` to serve too)."""
    try:
        result = poll_feeds(
            db or default_db(), once=once, workers=workers, policy=make_policy(per_host_delay, timeout, retries, backoff)
        )
    except SitrepError as exc:
        fail(exc)
    typer.echo(json.dumps(result, default=str))
