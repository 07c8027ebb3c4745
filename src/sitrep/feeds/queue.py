"""The durable queue and the feed tables (``feeds``, ``feed_items``, ``feed_failures``; DDL in schema.sql).

``FeedTables(con, lock)`` wraps one DuckDB connection: every call takes its
own cursor, and writes hold ``lock`` so they serialise with the store's
other writers in the same process (the API's reviews and ingests).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sitrep.errors import SitrepError
from sitrep.feeds.config import FeedSpec, normalise_url, url_key
from sitrep.store import rows as R
from sitrep.store.transaction import locked_transaction, own_cursor

FEED_COLUMNS = (
    "feed_id, url, country, source, every_seconds, added_at, etag, last_modified, last_polled_at, last_ok_at, "
    "last_status, last_error_code, last_error, failures, polls, unchanged, items, next_poll_at"
)
ITEM_FIELDS = ("item_key", "feed_id", "url", "title", "published", "source", "country", "text", "content_hash")
RETRYABLE_CODES = ("E601", "E602", "E607")  # a page that failed this way is tried again on a later poll
MAX_ATTEMPTS = 3


API_PREFIX = "api:"


def api_item(input_id: str, content_hash: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The queue row for an article posted to the API. The key carries the text's hash, so the same text posted
    twice is queued once, while a changed text under the same id is queued again (and stored as a new version)."""
    return {
        "item_key": f"{API_PREFIX}{content_hash[:16]}:{input_id}",
        "feed_id": None,
        "url": fields.get("url"),
        "title": fields.get("title"),
        "published": fields.get("published"),
        "source": fields.get("source"),
        "country": fields.get("country"),
        "text": fields["text"],
        "content_hash": content_hash,
    }


def api_input_id(item_key: str) -> str | None:
    """The id a poster gave (or the text's hash) back from an API item's key; None for feed items."""
    if not item_key.startswith(API_PREFIX):
        return None
    return item_key.split(":", 2)[2]


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class FeedTables:
    def __init__(self, con: Any, lock: threading.Lock | None = None) -> None:
        self.con = con
        self.lock = lock or threading.Lock()

    def _cursor(self) -> contextlib.AbstractContextManager[Any]:
        return own_cursor(self.con)

    def _writing(self) -> contextlib.AbstractContextManager[Any]:
        return locked_transaction(self.con, self.lock)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._cursor() as cur:
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            return [R.plain(dict(zip(names, row, strict=True))) for row in cur.fetchall()]

    # -- configuration ------------------------------------------------------------
    def add(self, spec: FeedSpec) -> dict[str, Any]:
        """Add a feed, or change the interval, country and source of one already there (same URL)."""
        with self._writing() as cur:
            cur.execute(
                "INSERT INTO feeds (feed_id, url, country, source, every_seconds, added_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (feed_id) DO UPDATE SET country = excluded.country, source = excluded.source, "
                "every_seconds = excluded.every_seconds, next_poll_at = NULL",
                [spec.feed_id, spec.url, spec.country, spec.source, spec.every, utcnow()],
            )
        return self.get(spec.feed_id)

    def get(self, ref: str) -> dict[str, Any]:
        """One feed by id or URL; E609 when there is none."""
        key = url_key(normalise_url(ref)) if "://" in ref else ref
        rows = self._rows(f"SELECT {FEED_COLUMNS} FROM feeds WHERE feed_id = ?", [key])
        if not rows:
            raise SitrepError("E609", f"no feed {ref!r} (see `sitrep feeds list`)")
        return rows[0]

    def remove(self, ref: str) -> dict[str, Any]:
        """Stop polling a feed. Its items and articles stay: they are part of the record."""
        feed = self.get(ref)
        with self._writing() as cur:
            cur.execute("DELETE FROM feeds WHERE feed_id = ?", [feed["feed_id"]])
        return feed

    def feeds(self) -> list[dict[str, Any]]:
        """Every feed with its last poll and its queue: items fetched, processed and failed."""
        return self._rows(
            f"SELECT {FEED_COLUMNS}, coalesce(q.fetched, 0) AS queued, coalesce(q.processed, 0) AS processed, "
            "coalesce(q.failed, 0) AS failed_items FROM feeds LEFT JOIN ("
            "SELECT feed_id, count(*) FILTER (state = 'fetched') AS fetched, "
            "count(*) FILTER (state = 'processed') AS processed, count(*) FILTER (state = 'failed') AS failed "
            "FROM feed_items GROUP BY feed_id) q USING (feed_id) ORDER BY url"
        )

    def due(self, now: datetime | None = None) -> list[FeedSpec]:
        rows = self._rows(
            "SELECT url, every_seconds, country, source FROM feeds WHERE next_poll_at IS NULL OR next_poll_at <= ? "
            "ORDER BY next_poll_at NULLS FIRST, url",
            [now or utcnow()],
        )
        return [FeedSpec(r["url"], r["every_seconds"], r["country"], r["source"]) for r in rows]

    def validators(self, feed_id: str) -> tuple[str | None, str | None]:
        with self._cursor() as cur:
            row = cur.execute("SELECT etag, last_modified FROM feeds WHERE feed_id = ?", [feed_id]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    # -- polls ---------------------------------------------------------------------
    def record_poll(
        self,
        spec: FeedSpec,
        *,
        status: int | None,
        etag: str | None = None,
        last_modified: str | None = None,
        items: int = 0,
        error: SitrepError | None = None,
    ) -> None:
        """How a poll went. Validators are replaced only by a successful full answer (status 200)."""
        now = utcnow()
        next_at = now + timedelta(seconds=spec.every)
        with self._writing() as cur:
            if error is None:
                cur.execute(
                    "UPDATE feeds SET last_polled_at = ?, last_ok_at = ?, last_status = ?, last_error_code = NULL, "
                    "last_error = NULL, failures = 0, polls = polls + 1, unchanged = unchanged + ?, "
                    "items = items + ?, next_poll_at = ?, "
                    "etag = CASE WHEN ? = 304 THEN etag ELSE ? END, "
                    "last_modified = CASE WHEN ? = 304 THEN last_modified ELSE ? END WHERE feed_id = ?",
                    [now, now, status, int(status == 304), items, next_at, status, etag, status, last_modified,
                     spec.feed_id],
                )
            else:
                cur.execute(
                    "UPDATE feeds SET last_polled_at = ?, last_status = ?, last_error_code = ?, last_error = ?, "
                    "failures = failures + 1, polls = polls + 1, next_poll_at = ? WHERE feed_id = ?",
                    [now, status, error.code, error.detail, next_at, spec.feed_id],
                )
                cur.execute(
                    "INSERT INTO feed_failures VALUES (?, ?, ?, ?, ?)",
                    [spec.feed_id, spec.url, error.code, error.detail, now],
                )

    def failures(self, feed_id: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        where, params = ("WHERE feed_id = ?", [feed_id]) if feed_id else ("", [])
        return self._rows(
            f"SELECT feed_id, url, code, reason, failed_at FROM feed_failures {where} ORDER BY failed_at DESC LIMIT ?",
            [*params, limit],
        )

    # -- the queue -----------------------------------------------------------------
    def skip_keys(self, keys: Sequence[str]) -> set[str]:
        """Keys not to fetch again: stored, or failed for good (or too often)."""
        if not keys:
            return set()
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT item_key, state, error_code, attempts FROM feed_items "
                "WHERE item_key IN (SELECT unnest(CAST(? AS VARCHAR[])))",
                [list(keys)],
            ).fetchall()
        return {
            key
            for key, state, code, attempts in rows
            if state != "failed" or code not in RETRYABLE_CODES or attempts >= MAX_ATTEMPTS
        }

    def put_item(self, item: dict[str, Any], origin: str = "feed") -> None:
        """Store one fetched item (state 'fetched') in its own transaction: from here on it cannot be lost."""
        values = [item.get(k) for k in ITEM_FIELDS]
        with self._writing() as cur:
            cur.execute(
                f"INSERT INTO feed_items ({', '.join(ITEM_FIELDS)}, state, attempts, origin, fetched_at) "
                f"VALUES ({', '.join('?' * len(ITEM_FIELDS))}, 'fetched', 1, ?, ?) "
                "ON CONFLICT (item_key) DO UPDATE SET text = excluded.text, content_hash = excluded.content_hash, "
                "title = excluded.title, state = 'fetched', attempts = feed_items.attempts + 1, error_code = NULL, "
                "error = NULL, fetched_at = excluded.fetched_at WHERE feed_items.state = 'failed'",
                [*values, origin, utcnow()],
            )

    def fail_item(self, feed: FeedSpec, key: str, url: str | None, error: SitrepError) -> None:
        """An item page that could not be had: kept as 'failed' with the reason, and logged for its feed."""
        now = utcnow()
        with self._writing() as cur:
            cur.execute(
                "INSERT INTO feed_items (item_key, feed_id, url, state, attempts, error_code, error, origin, fetched_at) "
                "VALUES (?, ?, ?, 'failed', 1, ?, ?, 'feed', ?) ON CONFLICT (item_key) DO UPDATE SET "
                "attempts = feed_items.attempts + 1, error_code = excluded.error_code, error = excluded.error, "
                "fetched_at = excluded.fetched_at WHERE feed_items.state = 'failed'",
                [key, feed.feed_id, url, error.code, error.detail, now],
            )
            cur.execute("INSERT INTO feed_failures VALUES (?, ?, ?, ?, ?)", [feed.feed_id, url, error.code, error.detail, now])

    def pending(self, limit: int) -> list[dict[str, Any]]:
        """Fetched items not yet processed, oldest first."""
        return self._rows(
            f"SELECT {', '.join(ITEM_FIELDS)}, origin FROM feed_items WHERE state = 'fetched' "
            "ORDER BY fetched_at, item_key LIMIT ?",
            [limit],
        )

    def mark_processed(self, done: dict[str, str | None]) -> None:
        """``done``: item key -> the article id its text is stored under (None when it was refused)."""
        if not done:
            return
        now = utcnow()
        with self._writing() as cur:
            cur.executemany(
                "UPDATE feed_items SET state = 'processed', processed_at = ?, article_id = ? WHERE item_key = ?",
                [[now, article_id, key] for key, article_id in done.items()],
            )

    def queue_counts(self) -> dict[str, int]:
        with self._cursor() as cur:
            rows = cur.execute("SELECT state, count(*) FROM feed_items GROUP BY state").fetchall()
        counts = {"fetched": 0, "processed": 0, "failed": 0}
        counts.update({str(state): int(n) for state, n in rows})
        return counts
