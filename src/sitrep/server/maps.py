"""``/api/alerts`` (surges), ``/api/admin1`` (choropleth totals), ``/api/map`` (every event of the
filter, aggregated on a grid server-side)."""

from __future__ import annotations

import math
from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from sitrep.server import alerts as alerts_mod
from sitrep.server import alerts_trend
from sitrep.server.db import Database
from sitrep.server.deps import get_db
from sitrep.server.events import events_query, flat_params
from sitrep.server.filters import FilterError, parse_int
from sitrep.server.paging import plain_source

router = APIRouter(prefix="/api", tags=["alerts and map"])
MAX_CELLS = 20_000
CELLS_PER_TILE = 6  # grid cells across one 256-pixel tile: clusters ~40 px apart on screen


@router.get(
    "/alerts",
    summary="Surges: admin1 × event type cells whose week is far above their 4- and 52-week averages",
    description="Takes the /api/events filters. `week` (any day of it; default the latest week with events). "
    "A cell is flagged when its count reaches `min_count` (default 5) and the upper-tail p-value of a Poisson "
    "(or, for over-dispersed histories, negative-binomial) test against the larger average is ≤ `alpha` "
    "(default 0.01). Only flagged cells are listed, most surprising first.",
)
def get_alerts(
    request: Request,
    db: Database = Depends(get_db),
    week: str | None = Query(None, description="YYYY-MM-DD, a day of the week to test"),
    alpha: str | None = Query(None, description="p-value threshold, default 0.01"),
    min_count: str | None = Query(None, description="fewest events in the week to flag, default 5"),
) -> Any:
    return alerts_mod.alerts(db, flat_params(request))


@router.get(
    "/alerts/trend",
    summary="Weekly counts per event type for the filters (a province, a country) with each week's surge baselines",
    description="Takes the /api/events filters. The last `weeks` weeks (default 26, at most 104) up to `week` "
    "(default the latest week with events), in all and per event type: counts, the 4- and 52-week averages before "
    "each week, the baseline the surge test used and whether the week surged (same test as /api/alerts).",
)
def get_alerts_trend(
    request: Request,
    db: Database = Depends(get_db),
    week: str | None = Query(None, description="YYYY-MM-DD, a day of the last week shown"),
    weeks: str | None = Query(None, description="how many weeks to show, 1..104, default 26"),
    alpha: str | None = Query(None, description="p-value threshold, default 0.01"),
    min_count: str | None = Query(None, description="fewest events in a week to flag, default 5"),
) -> Any:
    return alerts_trend.trend(db, flat_params(request))


@router.get(
    "/admin1",
    summary="Events and fatalities per admin1 for the filters, with GeoNames codes for the map's polygons",
)
def get_admin1(request: Request, db: Database = Depends(get_db)) -> Any:
    return alerts_mod.admin1_totals(db, flat_params(request))


def _bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    if not raw:
        return None
    try:
        west, south, east, north = (float(v) for v in raw.split(","))
    except ValueError:
        raise FilterError("bbox: give west,south,east,north in degrees") from None
    return west, south, east, north


@router.get(
    "/map",
    summary="Every event of the filter on a grid that suits the zoom: counts, fatalities, main event type",
    description="`zoom` (0..18) sets the grid; `bbox=west,south,east,north` limits it to the view. A cell with "
    "one event carries its event_id.",
)
def get_map(
    request: Request,
    db: Database = Depends(get_db),
    zoom: str | None = Query(None, description="map zoom 0..18, default 3"),
    bbox: str | None = Query(None, description="west,south,east,north"),
) -> Any:
    params = flat_params(request)
    z = parse_int("zoom", params.get("zoom"), 3, 0, 18)
    box = _bbox(params.get("bbox"))
    size = 360.0 / (2**z) / CELLS_PER_TILE
    source, where, _, canonical = events_query(db, alerts_mod.filters_only(params))
    where.add("latitude IS NOT NULL AND longitude IS NOT NULL")
    if box:
        west, south, east, north = box
        where.add("latitude BETWEEN ? AND ?", south, north)
        if east - west < 360:  # a view across the antimeridian wraps
            west, east = ((west + 180) % 360) - 180, ((east + 180) % 360) - 180
            clause = "longitude BETWEEN ? AND ?" if west <= east else "(longitude >= ? OR longitude <= ?)"
            where.add(clause, west, east)
    with db.cursor() as cur:
        source = plain_source(cur, source)
        rows = cur.execute(
            "SELECT count(*) AS n, coalesce(sum(fatalities), 0), avg(latitude), avg(longitude), mode(event_type), "
            f"min(event_id), max(event_id) FROM {source} WHERE {where.sql()} "
            "GROUP BY floor(latitude / ?), floor(longitude / ?) ORDER BY n DESC LIMIT ?",
            [*where.params, size, size, MAX_CELLS + 1],
        ).fetchall()
    cells = [
        {"lat": round(lat, 5), "lon": round(lon, 5), "count": int(n), "fatalities": int(fat), "event_type": et,
         "event_id": first if first == last else None}
        for n, fat, lat, lon, et, first, last in rows[:MAX_CELLS]
        if lat is not None and not math.isnan(lat)
    ]
    return {
        "canonical": canonical,
        "zoom": z,
        "cell_degrees": size,
        "events": sum(c["count"] for c in cells),
        "truncated": len(rows) > MAX_CELLS,
        "cells": cells,
    }
