"""Surge alerts and admin1 totals for a filtered set of events, shared by ``/api/alerts``,
``/api/admin1`` and ``sitrep alerts`` so the API and the CLI cannot disagree."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from sitrep.alerts.surges import Cell, Settings, find_surges
from sitrep.server.db import Database
from sitrep.server.events import events_query
from sitrep.server.filters import FilterError
from sitrep.server.paging import plain_source

log = logging.getLogger("sitrep.server")
# Parameters of these endpoints that are not event filters.
CONTROLS = ("week", "weeks", "alpha", "min_count", "fields", "limit", "page", "next", "format", "_format", "zoom", "bbox")
HISTORY_WEEKS = 52


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def parse_week(raw: str | None) -> date | None:
    if not raw:
        return None
    try:
        return monday(date.fromisoformat(raw.strip()))
    except ValueError:
        raise FilterError(f"week: {raw!r} is not a date YYYY-MM-DD") from None


def parse_settings(params: dict[str, str]) -> Settings:
    try:
        alpha = float(params.get("alpha") or Settings.alpha)
        min_count = int(params.get("min_count") or Settings.min_count)
    except ValueError:
        raise FilterError("alpha must be a number and min_count an integer") from None
    if not 0 < alpha <= 1 or min_count < 1:
        raise FilterError("alpha must be in (0, 1] and min_count at least 1")
    return Settings(alpha=alpha, min_count=min_count)


def filters_only(params: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in params.items() if k not in CONTROLS}


def _resolver() -> Any:
    """The admin1 code resolver, or None when the gazetteer is not built (codes are then left out)."""
    try:
        from sitrep.alerts.admin1 import resolver

        return resolver()
    except Exception as exc:  # noqa: BLE001 - alerts stay useful without codes; say why once
        log.warning("admin1 codes unavailable: %s", exc)
        return None


def alerts(db: Database, params: dict[str, str], with_codes: bool = True) -> dict[str, Any]:
    """The flagged surges of one week (``week``, default the latest week with events) under the filters."""
    settings = parse_settings(params)
    source, where, _, canonical = events_query(db, filters_only(params))
    when = where.sql()
    with db.cursor() as cur:
        source = plain_source(cur, source)
        span = cur.execute(
            f"SELECT min(event_date), max(event_date) FROM {source} WHERE {when} AND event_date IS NOT NULL",
            where.params,
        ).fetchone()
        first, last = (span or (None, None))
        week = parse_week(params.get("week")) or (monday(last) if last else None)
        body: dict[str, Any] = {
            "week": week.isoformat() if week else None,
            "canonical": canonical,
            "settings": {"alpha": settings.alpha, "min_count": settings.min_count},
            "history_weeks": 0,
            "tested": 0,
            "alerts": [],
        }
        if week is None or first is None:
            return body
        # Only the year before counts: a stray 1945 date must not stretch the history back to it.
        recent = cur.execute(
            f"SELECT min(event_date) FROM {source} WHERE {when} AND event_date >= ? AND event_date < ?",
            [*where.params, week - timedelta(weeks=HISTORY_WEEKS), week + timedelta(days=7)],
        ).fetchone()
        first = recent[0] if recent and recent[0] else week
        # The baselines cover the weeks before `week` that the data could have filled: a store that
        # starts 10 weeks ago has a 10-week "52-week" average, not one diluted by 42 empty weeks.
        history = max(0, min(HISTORY_WEEKS, (week - monday(first)).days // 7))
        start = week - timedelta(weeks=history)
        rows = cur.execute(
            "SELECT coalesce(country, ''), admin1, coalesce(event_type, ''), "
            "CAST(date_trunc('week', event_date) AS DATE), count(*), coalesce(sum(fatalities), 0) "
            f"FROM {source} WHERE {when} AND admin1 IS NOT NULL AND admin1 <> '' "
            "AND event_date >= ? AND event_date < ? GROUP BY ALL",
            [*where.params, start, week + timedelta(days=7)],
        ).fetchall()
    cells: dict[tuple[str, str, str], Cell] = {}
    for country, admin1, event_type, wk, n, fat in rows:
        cell = cells.get((country, admin1, event_type))
        if cell is None:
            cell = cells[(country, admin1, event_type)] = Cell(country, admin1, event_type, 0, 0, [0] * history)
        offset = (wk - start).days // 7
        if offset == history:
            cell.count, cell.fatalities = int(n), int(fat)
        else:
            cell.history[offset] = int(n)
    surges = find_surges(cells.values(), settings)
    resolver = _resolver() if with_codes and surges else None
    out = []
    for s in surges:
        row = s.as_dict()
        if resolver is not None:
            code = resolver.code(s.country, s.admin1)
            row["admin1_code"], row["polygon"] = code, resolver.polygon(code)
        out.append(row)
    body.update(history_weeks=history, tested=sum(1 for c in cells.values() if c.history), alerts=out)
    return body


def admin1_totals(db: Database, params: dict[str, str]) -> dict[str, Any]:
    """Events and fatalities per (country, admin1) under the filters, each with its GeoNames code and polygon."""
    source, where, _, canonical = events_query(db, filters_only(params))
    with db.cursor() as cur:
        source = plain_source(cur, source)
        rows = cur.execute(
            f"SELECT coalesce(country, ''), admin1, count(*), coalesce(sum(fatalities), 0) FROM {source} "
            f"WHERE {where.sql()} AND admin1 IS NOT NULL AND admin1 <> '' GROUP BY ALL",
            where.params,
        ).fetchall()
    resolver = _resolver() if rows else None
    data = []
    for country, admin1, n, fat in sorted(rows, key=lambda r: -r[2]):
        code = resolver.code(country, admin1) if resolver else None
        data.append({"country": country, "admin1": admin1, "events": int(n), "fatalities": int(fat),
                     "admin1_code": code, "polygon": resolver.polygon(code) if resolver else None})
    return {"canonical": canonical, "data": data, "unmatched": sum(1 for d in data if d["polygon"] is None)}
