"""``sitrep status``: what the store holds, and what was quarantined and why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from sitrep.cli import app
from sitrep.cli.common import default_db, fail
from sitrep.errors import CATALOGUE, SitrepError


def store_status(db: Path) -> dict[str, Any]:
    """Counts (articles, events, quarantined, canonical_events, by_reason ...) of the store at ``db``."""
    from sitrep.store import Store

    if not db.exists():
        raise SitrepError("E402", f"{db}: no store here yet (run `sitrep ingest` first)")
    with Store(db, read_only=True) as store:
        status = store.counts()
        status["db"] = str(db)
        status["recent_quarantine"] = store.quarantined(limit=10)
        last = store.con.execute(
            "SELECT started_at, finished_at, new, unchanged, updated, aliases, quarantined FROM ingest_runs "
            "ORDER BY finished_at DESC LIMIT 1"
        ).fetchone()
        keys = ("started_at", "finished_at", "new", "unchanged", "updated", "aliases", "quarantined")
        status["last_ingest"] = (
            {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in zip(keys, last, strict=True)}
            if last
            else None
        )
        status["feeds"] = _feeds_status(store)
    return status


def _feeds_status(store: Any) -> dict[str, Any]:
    """Watched feeds: how many, which are failing and why, and the queue (fetched, processed, failed)."""
    from sitrep.feeds import FeedTables

    tables = FeedTables(store.con)
    feeds = tables.feeds()
    failing = [
        {"url": f["url"], "code": f["last_error_code"], "reason": f["last_error"], "failures": f["failures"]}
        for f in feeds
        if f["last_error_code"]
    ]
    polled = [f["last_polled_at"] for f in feeds if f["last_polled_at"]]
    return {"count": len(feeds), "last_poll": max(polled) if polled else None, "failing": failing,
            "queue": tables.queue_counts()}


def format_status(status: dict[str, Any]) -> str:
    lines = [
        f"store {status['db']}",
        f"  articles          {status['articles']} ({status['current_articles']} current versions, "
        f"{status['article_ids']} input ids)",
        f"  events            {status['events']} ({status['asserted_events']} asserted)",
        f"  canonical events  {status['canonical_events']}",
        f"  quarantined       {status['quarantined']}",
    ]
    for code, n in status["by_reason"].items():
        lines.append(f"    {code} {CATALOGUE.get(code, '?'):<38} {n}")
    last = status.get("last_ingest")
    if last:
        lines.append(
            f"  last ingest       {last['finished_at']}: {last['new']} new, {last['unchanged']} unchanged, "
            f"{last['updated']} updated, {last['quarantined']} quarantined"
        )
    feeds = status.get("feeds") or {}
    if feeds.get("count"):
        queue = feeds["queue"]
        lines.append(
            f"  feeds             {feeds['count']} (last poll {feeds['last_poll'] or 'never'}; items {queue['processed']} "
            f"processed, {queue['fetched']} queued, {queue['failed']} failed)"
        )
        for f in feeds["failing"]:
            lines.append(f"    failing x{f['failures']} {f['code']} {f['url']}: {f['reason']}")
    if status["recent_quarantine"]:
        lines.append("  latest quarantined:")
        for row in status["recent_quarantine"][:5]:
            lines.append(f"    {row['code']} {row['origin'] or row['input_id']}: {row['message']}")
    return "\n".join(lines)


@app.command()
def status(
    db: Path = typer.Option(None, "--db", help="DuckDB file (default: SITREP_DB or sitrep.duckdb)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Counts of articles, events, canonical events and quarantined inputs (by reason)."""
    try:
        result = store_status(db or default_db())
    except SitrepError as exc:
        fail(exc)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, default=str))
    else:
        typer.echo(format_status(result))
