"""``/api/feeds``: the watched feeds, their last poll and failures, what is new since a visit; and the
watcher wired into the app (``attach_watcher``) for ``sitrep serve --watch``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from sitrep.errors import SitrepError
from sitrep.feeds import FeedTables, Fetcher, Watcher, make_spec
from sitrep.server.db import Database, refresh_canonical, rows_as_dicts
from sitrep.server.deps import get_db, require_token
from sitrep.server.formats import clean_row

router = APIRouter(prefix="/api", tags=["feeds"])
log = logging.getLogger("sitrep.server")
NEW_LIMIT = 20


def _tables(db: Database) -> FeedTables:
    return FeedTables(db.con, db.write_lock)


@router.get("/feeds", summary="Watched feeds: last poll, HTTP status, failures and queue; the watcher's state")
def list_feeds(request: Request, db: Database = Depends(get_db)) -> Any:
    tables = _tables(db)
    watcher: Watcher | None = getattr(request.app.state, "watcher", None)
    return {
        "watching": watcher is not None,
        "watcher": dict(watcher.state) if watcher else None,
        "queue": tables.queue_counts(),
        "feeds": [clean_row(f) for f in tables.feeds()],
        "recent_failures": [clean_row(f) for f in tables.failures(limit=20)],
    }


@router.get("/feeds/new", summary="What arrived since a time (the dashboard passes the user's last visit)")
def new_since(
    since: datetime = Query(description="ISO timestamp (UTC), e.g. the user's last visit"),
    db: Database = Depends(get_db),
) -> Any:
    when = since.replace(tzinfo=None) if since.tzinfo is None else since.astimezone(UTC).replace(tzinfo=None)
    with db.cursor() as cur:

        def one(sql: str) -> int:
            row = cur.execute(sql, [when]).fetchone()
            return int(row[0]) if row else 0

        counts = {
            "articles": one("SELECT count(*) FROM articles WHERE ingested_at > ?"),
            "events": one(
                "SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE a.ingested_at > ?"
            ),
            "canonical_events": one("SELECT count(*) FROM canonical_events WHERE created_at > ?"),
            "feeds_polled": one("SELECT count(*) FROM feeds WHERE last_polled_at > ?"),
        }
        latest = rows_as_dicts(
            cur,
            cur.execute(
                "SELECT e.event_id, e.event_date, e.event_type, e.sub_event_type, e.country, e.admin1, e.location, "
                "e.actor1, e.fatalities, a.title, a.url, a.source, a.ingested_at FROM events e "
                "JOIN articles a USING (article_id) WHERE a.ingested_at > ? AND e.modality = 'asserted' "
                "ORDER BY a.ingested_at DESC, e.event_id LIMIT ?",
                [when, NEW_LIMIT],
            ).fetchall(),
        )
        row = cur.execute("SELECT max(ingested_at) FROM articles").fetchone()
    return {
        "since": when.isoformat(),
        "counts": counts,
        "latest_events": [clean_row(r) for r in latest],
        "last_ingest": row[0].isoformat() if row and row[0] else None,
    }


class FeedIn(BaseModel):
    url: str = Field(description="the feed's URL (RSS, Atom or JSON Feed)")
    country: str | None = Field(None, description="the country it reports on")
    source: str | None = Field(None, description="publisher name")
    every: str = Field("15m", description="polling interval: 30s, 15m, 1h ...")


@router.post("/feeds", dependencies=[Depends(require_token)], status_code=201, summary="Watch a feed (needs the token)")
def add_feed(body: FeedIn, request: Request, db: Database = Depends(get_db)) -> Any:
    try:
        feed = _tables(db).add(make_spec(body.url, body.every, body.country, body.source))
    except SitrepError as exc:
        raise HTTPException(status_code=422, detail=exc.detail) from exc
    return clean_row(feed)


@router.delete("/feeds/{feed_id}", dependencies=[Depends(require_token)], summary="Stop watching a feed")
def remove_feed(feed_id: str, db: Database = Depends(get_db)) -> Any:
    try:
        return clean_row(_tables(db).remove(feed_id))
    except SitrepError as exc:
        raise HTTPException(status_code=404, detail=exc.detail) from exc


def attach_watcher(app: FastAPI, engine: Any, fetcher: Fetcher, **options: Any) -> Watcher:
    """Run a Watcher on the app's store while the app runs; stopped before the store is closed."""
    db: Database = app.state.db
    watcher: Watcher

    def after_dedup(since: datetime) -> None:
        # The API reads canonical events through a materialised table; bring it up to date, then the alerts.
        with db.write_lock, db.cursor() as cur:
            refresh_canonical(cur, since)
        from sitrep.server.alerts import alerts

        body = alerts(db, {}, with_codes=False)
        watcher.state["alerts"] = {"week": body["week"], "count": len(body["alerts"])}

    watcher = Watcher(db.store, db.write_lock, engine, fetcher, after_dedup=after_dedup, **options)
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(application: FastAPI) -> AsyncIterator[Any]:
        async with inner(application) as state:
            watcher.start()
            try:
                yield state
            finally:
                await run_in_threadpool(watcher.stop)

    app.router.lifespan_context = lifespan
    app.state.watcher = watcher
    return watcher
