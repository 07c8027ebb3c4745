"""``GET /api/stats``: weekly counts by event type, top admin1 areas and actors, and change
against the 4- and 52-week averages (the comparison ACLED's dashboards show)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from sitrep.server.db import Database
from sitrep.server.deps import get_db
from sitrep.server.events import events_query, flat_params
from sitrep.server.filters import FilterError
from sitrep.server.paging import plain_source

router = APIRouter(prefix="/api", tags=["stats"])

PAGING = ("fields", "limit", "page", "next", "format", "_format", "as_of", "top")


def _change(current: float, average: float) -> float | None:
    """Relative change in percent; None when there is no baseline to compare with."""
    return None if average == 0 else round(100.0 * (current - average) / average, 1)


def _weeks_before(day: date, k: int) -> date:
    # Before the calendar starts there are no events; date.min counts as such a week.
    return day - timedelta(weeks=k) if day.toordinal() > 7 * k else date.min


def _trend(weeks: dict[date, dict[str, int]], as_of: date, types: list[str]) -> dict[str, Any]:
    def count(week: date, event_type: str | None) -> int:
        row = weeks.get(week, {})
        return sum(row.values()) if event_type is None else row.get(event_type, 0)

    def entry(event_type: str | None) -> dict[str, Any]:
        now = count(as_of, event_type)
        avg4 = sum(count(_weeks_before(as_of, k), event_type) for k in range(1, 5)) / 4
        avg52 = sum(count(_weeks_before(as_of, k), event_type) for k in range(1, 53)) / 52
        return {
            "count": now,
            "avg_4w": round(avg4, 2),
            "avg_52w": round(avg52, 2),
            "change_4w_pct": _change(now, avg4),
            "change_52w_pct": _change(now, avg52),
        }

    return {
        "week": as_of.isoformat(),
        "total": entry(None),
        "by_event_type": [{"event_type": t, **entry(t)} for t in types],
    }


@router.get(
    "/stats",
    summary="Counts by week × event type, by admin1, by actor, and change vs 4- and 52-week averages",
    description="Takes the same filters as /api/events. `as_of` (YYYY-MM-DD) picks the week the change is "
    "measured for (default: the latest week with events); `top` caps the admin1 and actor lists.",
)
def get_stats(
    request: Request,
    db: Database = Depends(get_db),
    as_of: date | None = Query(None, description="a day in the week to compare (default: latest week)"),
    top: int | None = Query(None, ge=1, le=500, description="rows in the admin1 and actor lists (default 20)"),
) -> Any:
    params = {k: v for k, v in flat_params(request).items() if k not in PAGING}
    source, where, _, canonical = events_query(db, params)
    limit = top or 20
    raw_day = request.query_params.get("as_of")
    if raw_day and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw_day):  # a bare number would pass as Unix time
        raise FilterError(f"as_of: {raw_day!r} is not a date YYYY-MM-DD")
    when = where.sql()
    with db.cursor() as cur:
        source = plain_source(cur, source)
        weekly = cur.execute(
            f"SELECT CAST(date_trunc('week', event_date) AS DATE) AS week, coalesce(event_type, '') AS event_type, "
            f"count(*), coalesce(sum(fatalities), 0) FROM {source} WHERE {when} AND event_date IS NOT NULL "
            "GROUP BY ALL ORDER BY week, event_type",
            where.params,
        ).fetchall()
        admin1 = cur.execute(
            f"SELECT country, admin1, count(*) AS n, coalesce(sum(fatalities), 0) FROM {source} WHERE {when} "
            "GROUP BY ALL ORDER BY n DESC, country, admin1 LIMIT ?",
            [*where.params, limit],
        ).fetchall()
        actors = cur.execute(
            f"SELECT actor, count(*) AS n FROM (SELECT unnest([actor1, actor2]) AS actor FROM {source} WHERE {when}) "
            "WHERE actor IS NOT NULL AND actor <> '' GROUP BY actor ORDER BY n DESC, actor LIMIT ?",
            [*where.params, limit],
        ).fetchall()
        total = cur.execute(
            f"SELECT count(*), coalesce(sum(fatalities), 0) FROM {source} WHERE {when}", where.params
        ).fetchone()
    weeks: dict[date, dict[str, int]] = {}
    for week, event_type, n, _ in weekly:
        weeks.setdefault(week, {})[event_type] = int(n)
    if as_of:
        week_of: date | None = as_of - timedelta(days=as_of.weekday()) if as_of >= date(1, 1, 8) else date(1, 1, 1)
    else:
        week_of = max(weeks) if weeks else None
    types = sorted({t for row in weeks.values() for t in row})
    return {
        "canonical": canonical,
        "events": int(total[0]) if total else 0,
        "fatalities": int(total[1]) if total else 0,
        "weekly": [
            {"week": w.isoformat(), "event_type": t, "count": int(n), "fatalities": int(f)} for w, t, n, f in weekly
        ],
        "by_admin1": [{"country": c, "admin1": a, "count": int(n), "fatalities": int(f)} for c, a, n, f in admin1],
        "by_actor": [{"actor": a, "count": int(n)} for a, n in actors],
        "change": _trend(weeks, week_of, types) if week_of else None,
    }
