"""A province's (or country's) weekly counts by event type beside the baselines the surge test used, week by week.

What an analyst asks of a surge alert: how far above its usual weeks is it, and was last month already bad.
Each plotted week is scored exactly as ``/api/alerts`` scores its tested week (``sitrep.alerts.surges.score_cell``
on the 52 weeks before it, counted from the first week the filtered data could have filled), so a week the
alerts flagged is flagged on the chart too when the chart has the alert's filters.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sitrep.alerts.surges import Cell, score_cell
from sitrep.server.alerts import HISTORY_WEEKS, filters_only, monday, parse_settings, parse_week
from sitrep.server.db import Database
from sitrep.server.events import events_query
from sitrep.server.filters import parse_int
from sitrep.server.paging import plain_source

DEFAULT_WEEKS = 26
TOTAL = "All event types"


def _first_weeks(total: list[int]) -> list[int]:
    """Per week, where its history starts: the first week with any event among the 52 before it (or the week
    itself), as ``alerts`` finds it, so a long silence before the data began is not counted as quiet weeks."""
    firsts = []
    for i in range(len(total)):
        lo = max(0, i - HISTORY_WEEKS)
        firsts.append(next((j for j in range(lo, i + 1) if total[j]), i))
    return firsts


def _series(name: str, counts: list[int], shown: int, firsts: list[int], settings: Any) -> dict[str, Any]:
    """The last `shown` weeks of `counts` (oldest first) with each week's baselines and whether it surged."""
    out: dict[str, Any] = {"event_type": name, "counts": [], "avg_4w": [], "avg_52w": [], "baseline": [],
                           "surge": []}
    for i in range(len(counts) - shown, len(counts)):
        history = counts[firsts[i]:i]
        cell = Cell("", "", name, counts[i], 0, history)
        avg4, avg52, baseline, _, p = score_cell(cell)
        flagged = bool(history) and counts[i] >= settings.min_count and counts[i] > baseline and p <= settings.alpha
        out["counts"].append(counts[i])
        out["avg_4w"].append(round(avg4, 2))
        out["avg_52w"].append(round(avg52, 2))
        out["baseline"].append(round(baseline, 2))
        out["surge"].append(flagged)
    return out


def trend(db: Database, params: dict[str, str]) -> dict[str, Any]:
    """Weekly counts per event type (and in all) for the filters, the last `weeks` weeks up to `week`."""
    settings = parse_settings(params)
    shown = parse_int("weeks", params.get("weeks"), DEFAULT_WEEKS, 1, 104)
    source, where, _, canonical = events_query(db, filters_only(params))
    when = where.sql()
    with db.cursor() as cur:
        source = plain_source(cur, source)
        last = cur.execute(
            f"SELECT max(event_date) FROM {source} WHERE {when} AND event_date IS NOT NULL", where.params
        ).fetchone()
        week = parse_week(params.get("week")) or (monday(last[0]) if last and last[0] else None)
        body: dict[str, Any] = {"week": week.isoformat() if week else None, "canonical": canonical,
                                "settings": {"alpha": settings.alpha, "min_count": settings.min_count},
                                "weeks": [], "total": None, "by_event_type": []}
        if week is None:
            return body
        start = week - timedelta(weeks=shown - 1 + HISTORY_WEEKS)
        rows = cur.execute(
            "SELECT coalesce(event_type, ''), CAST(date_trunc('week', event_date) AS DATE), count(*) "
            f"FROM {source} WHERE {when} AND event_date >= ? AND event_date < ? GROUP BY ALL",
            [*where.params, start, week + timedelta(days=7)],
        ).fetchall()
    span = shown + HISTORY_WEEKS
    by_type: dict[str, list[int]] = {}
    total = [0] * span
    for event_type, wk, n in rows:
        i = (wk - start).days // 7
        by_type.setdefault(event_type, [0] * span)[i] += int(n)
        total[i] += int(n)
    firsts = _first_weeks(total)
    weeks: list[date] = [start + timedelta(weeks=i) for i in range(span - shown, span)]
    body["weeks"] = [w.isoformat() for w in weeks]
    body["total"] = _series(TOTAL, total, shown, firsts, settings)
    ordered = sorted(by_type.items(), key=lambda kv: (-sum(kv[1][-shown:]), kv[0]))
    body["by_event_type"] = [_series(t, counts, shown, firsts, settings) for t, counts in ordered if t]
    return body
