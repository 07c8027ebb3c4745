"""One page of events, fast on a million rows.

A page is found in two steps: the ids of the page, reading only the filtered
and sorted columns, then the whole rows of those ids alone. For per-article
events the first step also avoids the ``events_reviewed_all`` view: its
UNION of unreviewed and reviewed rows hides the plain ``events`` table from
DuckDB's top-N (which, on a table stored roughly in date order, skips whole
row groups). So the step asks ``events`` for a few more rows than the page
needs (one per reviewed event, which may have to give way) and
``reviewed_events`` for its own best rows, and merges the two in Python.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sitrep.server.db import rows_as_dicts
from sitrep.server.filters import ORDER_BY, Where

# The machine rows, shaped like the view: review columns empty, rowid kept for the fetch.
MACHINE = "(SELECT *, rowid AS _rid, NULL::VARCHAR AS review_status, NULL::TIMESTAMP AS reviewed_at FROM events)"
REVIEWED = "reviewed_events"
# Past this many reviews the over-fetch grows large; the view is then as good.
SPLIT_MAX_REVIEWS = 5000


def plain_source(cur: Any, source: str) -> str:
    """``source``, or the bare events table when no event has been reviewed (the view's anti-join then buys nothing)."""
    if source == "events_reviewed_all" and cur.execute(f"SELECT 1 FROM {REVIEWED} LIMIT 1").fetchone() is None:
        return MACHINE
    return source


def _sort_key(event_date: date | None, event_id: str) -> tuple[bool, date, str]:
    # ORDER_BY in Python: dated rows first, newest first, then by id (all descending).
    return (event_date is not None, event_date or date.min, event_id)


def fetch_page(cur: Any, source: str, where: Where, columns: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Up to ``limit + 1`` rows after ``offset`` in ORDER_BY order (the extra row says there is more)."""
    need = offset + limit + 1
    if source == "events_reviewed_all":
        reviews = cur.execute(f"SELECT count(*) FROM {REVIEWED}").fetchone()[0]
        if reviews <= SPLIT_MAX_REVIEWS:
            return _split_page(cur, where, columns, need, offset, int(reviews))
    sql = f"SELECT event_id FROM {source} WHERE {where.sql()} ORDER BY {ORDER_BY} LIMIT ? OFFSET ?"
    ids = [r[0] for r in cur.execute(sql, [*where.params, limit + 1, offset]).fetchall()]
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    fetched = rows_as_dicts(
        cur, cur.execute(f"SELECT {columns} FROM {source} WHERE event_id IN ({marks})", ids).fetchall()
    )
    by_id = {r["event_id"]: r for r in fetched}
    return [by_id[i] for i in ids if i in by_id]


def _split_page(cur: Any, where: Where, columns: str, need: int, offset: int, reviews: int) -> list[dict[str, Any]]:
    reviewed_ids = {r[0] for r in cur.execute(f"SELECT event_id FROM {REVIEWED}").fetchall()} if reviews else set()
    clause = where.sql()
    machine = cur.execute(
        f"SELECT event_date, event_id, _rid FROM {MACHINE} WHERE {clause} ORDER BY {ORDER_BY} LIMIT ?",
        [*where.params, need + reviews],
    ).fetchall()
    candidates = [(d, i, rid) for d, i, rid in machine if i not in reviewed_ids]
    if reviews:
        fixed = cur.execute(
            f"SELECT event_date, event_id FROM {REVIEWED} WHERE {clause} ORDER BY {ORDER_BY} LIMIT ?",
            [*where.params, need],
        ).fetchall()
        candidates += [(d, i, None) for d, i in fixed]
    candidates.sort(key=lambda c: _sort_key(c[0], c[1]), reverse=True)
    page = candidates[offset:need]
    if not page:
        return []
    rows: dict[str, dict[str, Any]] = {}
    rids = [rid for _, _, rid in page if rid is not None]
    if rids:
        sql = f"SELECT {columns} FROM {MACHINE} WHERE _rid IN (SELECT unnest(?::BIGINT[]))"
        rows.update((r["event_id"], r) for r in rows_as_dicts(cur, cur.execute(sql, [rids]).fetchall()))
    ids = [i for _, i, rid in page if rid is None]
    if ids:
        marks = ", ".join("?" for _ in ids)
        sql = f"SELECT {columns} FROM {REVIEWED} WHERE event_id IN ({marks})"
        rows.update((r["event_id"], r) for r in rows_as_dicts(cur, cur.execute(sql, ids).fetchall()))
    return [rows[i] for _, i, _ in page if i in rows]
