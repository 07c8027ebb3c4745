"""ACLED's list endpoints over sitrep's store: what left the dataset and what the events name.

``/api/deleted/read`` lists ids that left the dataset: canonical ids merged into
another by dedup, events a reviewer rejected, and events of an article that a
newer version replaced, each with the time it happened; ``/api/actor``,
``actortype``, ``country`` and ``region`` list what the events name, with first
and last event dates and counts. Same envelope, errors and CSV as ``acled_api``.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Literal

import pycountry
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from sitrep.server import acled_params as ap
from sitrep.server.acled_api import RESPONSES, EmailQ, FormatQ, KeyQ, LimitQ, PageQ, acled_query
from sitrep.server.codebook import codebook
from sitrep.server.db import Database, rows_as_dicts
from sitrep.server.deps import get_db
from sitrep.server.filters import DATE, INT, MAX_LIMIT, TEXT
from sitrep.server.formats import MEDIA_TYPES
from sitrep.server.paging import plain_source

router = APIRouter(prefix="/api", tags=["acled"], dependencies=[Depends(ap.check_read_access)])

LIST_KINDS = {"first_event_date": DATE, "last_event_date": DATE, "event_count": INT}
LIST_DEFAULTS = {"event_count": ">=", "deleted_timestamp": ">="}  # ACLED: at least / since
LIST_CONTROL = frozenset({"limit", "page", "_format", "x_canonical"})


def _list_response(
    rows: list[dict[str, Any]],
    params: dict[str, str],
    kinds: dict[str, str],
    name: str,
    default: list[str],
    extra: tuple[str, ...] = (),
) -> Any:
    order = ap.chosen_fields(params.pop("fields", None), (*default, *extra), tuple(default))
    fmt = ap.output_format(params)
    lim, pg = ap.page_args(params, fmt, MAX_LIMIT)
    kept = ap.filter_rows(rows, params, kinds, LIST_DEFAULTS, LIST_CONTROL)
    page = ap.dates_to_text(kept[(pg - 1) * lim : pg * lim] if lim else kept)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(order)
        writer.writerows([["" if r.get(c) is None else r.get(c) for c in order] for r in page])
        headers = {"Content-Disposition": f'attachment; filename="sitrep_{name}.csv"'}
        return StreamingResponse(iter([buf.getvalue()]), media_type=MEDIA_TYPES["csv"], headers=headers)
    return ap.envelope([{c: r.get(c) for c in order} for r in page], name)


def _aggregate(db: Database, params: dict[str, str], inner: str, outer: str) -> list[dict[str, Any]]:
    """``outer`` run over ``inner`` (a select from the current events, ``{src}`` and ``{where}`` filled in)."""
    source, where, _ = acled_query(db, {k: v for k, v in params.items() if k == "x_canonical"}, frozenset())
    with db.cursor() as cur:
        source = plain_source(cur, source)
        sql = f"WITH ev AS ({inner.format(src=source, where=where.sql())}) {outer}"
        return rows_as_dicts(cur, cur.execute(sql, where.params).fetchall())


_SPAN = "min(event_date) AS first_event_date, max(event_date) AS last_event_date, count(DISTINCT event_id) AS event_count"


@router.get("/deleted/read", summary="Ids that left the dataset, with when", response_model=None, responses=RESPONSES)
def deleted_read(
    request: Request,
    db: Database = Depends(get_db),
    limit: int | None = LimitQ,
    page: int | None = PageQ,
    format_: Literal["json", "csv"] | None = FormatQ,
    deleted_timestamp: str | None = Query(
        None, description="deleted at or after this Unix time (or date)", pattern=ap.TIMESTAMP_PATTERN
    ),
    event_id_cnty: str | None = Query(None, description="an id (LIKE with event_id_cnty_where=LIKE)"),
    key: str | None = KeyQ,
    email: str | None = EmailQ,
) -> Any:
    params = ap.flat(request)
    sql = (
        "SELECT old_id AS event_id_cnty, CAST(epoch(merged_at) AS BIGINT) AS deleted_timestamp, "
        "'merged' AS x_reason, canonical_id AS x_replaced_by FROM canonical_aliases "
        "UNION ALL SELECT event_id, CAST(epoch(reviewed_at) AS BIGINT), 'rejected', NULL FROM review_fixes "
        "WHERE review_status = 'reject' "
        "UNION ALL SELECT e.event_id, CAST(epoch(n.ingested_at) AS BIGINT), 'superseded', o.superseded_by "
        "FROM events e JOIN articles o ON o.article_id = e.article_id JOIN articles n ON n.article_id = o.superseded_by "
        "ORDER BY deleted_timestamp DESC NULLS LAST, event_id_cnty"
    )
    with db.cursor() as cur:
        rows = rows_as_dicts(cur, cur.execute(sql).fetchall())
    kinds = {"event_id_cnty": TEXT, "deleted_timestamp": INT, "x_reason": TEXT}
    default = ["event_id_cnty", "deleted_timestamp"]
    return _list_response(rows, params, kinds, "deleted", default, ("x_reason", "x_replaced_by"))


@router.get("/actor/read", summary="Actors the events name", response_model=None, responses=RESPONSES)
def actor_read(
    request: Request,
    db: Database = Depends(get_db),
    limit: int | None = LimitQ,
    page: int | None = PageQ,
    format_: Literal["json", "csv"] | None = FormatQ,
    actor_name: str | None = Query(None, description="a name (LIKE with actor_name_where=LIKE)"),
    key: str | None = KeyQ,
    email: str | None = EmailQ,
) -> Any:
    params = ap.flat(request)
    inner = "SELECT event_id, event_date, actor1, actor2, assoc_actor_1, assoc_actor_2 FROM {src} WHERE {where}"
    assoc = "SELECT event_id, event_date, trim(unnest(string_split({c}, ';'))) AS name FROM ev"
    outer = (
        "SELECT name AS actor_name, " + _SPAN + " FROM ("
        "SELECT event_id, event_date, actor1 AS name FROM ev UNION ALL SELECT event_id, event_date, actor2 FROM ev "
        f"UNION ALL {assoc.format(c='assoc_actor_1')} UNION ALL {assoc.format(c='assoc_actor_2')}"
        ") WHERE name IS NOT NULL AND name <> '' GROUP BY name ORDER BY event_count DESC, actor_name"
    )
    rows = _aggregate(db, params, inner, outer)
    kinds = {"actor_name": TEXT, **LIST_KINDS}
    return _list_response(rows, params, kinds, "actor", ["actor_name", *LIST_KINDS])


@router.get("/actortype/read", summary="Actor types (ACLED inter codes) in the events", response_model=None, responses=RESPONSES)
def actortype_read(
    request: Request,
    db: Database = Depends(get_db),
    limit: int | None = LimitQ,
    page: int | None = PageQ,
    format_: Literal["json", "csv"] | None = FormatQ,
    key: str | None = KeyQ,
    email: str | None = EmailQ,
) -> Any:
    params = ap.flat(request)
    inner = "SELECT event_id, event_date, inter1, inter2 FROM {src} WHERE {where}"
    outer = (
        "SELECT code AS actor_type_id, " + _SPAN + " FROM (SELECT event_id, event_date, inter1 AS code FROM ev "
        "UNION ALL SELECT event_id, event_date, inter2 FROM ev) WHERE code BETWEEN 1 AND 8 GROUP BY code ORDER BY code"
    )
    names = codebook()["inter_names"]
    rows = [{**r, "actor_type_name": names.get(str(r["actor_type_id"]), "")} for r in _aggregate(db, params, inner, outer)]
    kinds = {"actor_type_id": INT, "actor_type_name": TEXT, **LIST_KINDS}
    return _list_response(rows, params, kinds, "actortype", ["actor_type_id", "actor_type_name", *LIST_KINDS])


def _iso3(iso: Any) -> str:
    if iso is None:
        return ""
    country = pycountry.countries.get(numeric=f"{int(iso):03d}")
    return country.alpha_3 if country else ""


@router.get("/country/read", summary="Countries of the events", response_model=None, responses=RESPONSES)
def country_read(
    request: Request,
    db: Database = Depends(get_db),
    limit: int | None = LimitQ,
    page: int | None = PageQ,
    format_: Literal["json", "csv"] | None = FormatQ,
    country: str | None = Query(None, description="a name (LIKE with country_where=LIKE)"),
    key: str | None = KeyQ,
    email: str | None = EmailQ,
) -> Any:
    params = ap.flat(request)
    inner = "SELECT event_id, event_date, country, iso FROM {src} WHERE {where}"
    outer = (
        "SELECT country, max(iso) AS iso, " + _SPAN + " FROM ev WHERE country IS NOT NULL AND country <> '' "
        "GROUP BY country ORDER BY country"
    )
    rows = [{**r, "iso3": _iso3(r["iso"])} for r in _aggregate(db, params, inner, outer)]
    kinds = {"country": TEXT, "iso": INT, "iso3": TEXT, **LIST_KINDS}
    return _list_response(rows, params, kinds, "country", ["country", "iso", "iso3", *LIST_KINDS])


@router.get("/region/read", summary="ACLED regions of the events", response_model=None, responses=RESPONSES)
def region_read(
    request: Request,
    db: Database = Depends(get_db),
    limit: int | None = LimitQ,
    page: int | None = PageQ,
    format_: Literal["json", "csv"] | None = FormatQ,
    key: str | None = KeyQ,
    email: str | None = EmailQ,
) -> Any:
    params = ap.flat(request)
    inner = "SELECT event_id, event_date, region FROM {src} WHERE {where}"
    outer = "SELECT region AS region_name, " + _SPAN + " FROM ev WHERE region IS NOT NULL AND region <> '' GROUP BY region"
    rows = [{**r, "region": ap.REGION_NUMBERS.get(str(r["region_name"]).lower())} for r in _aggregate(db, params, inner, outer)]
    rows.sort(key=lambda r: (r["region"] is None, r["region"] or 0, r["region_name"]))
    kinds = {"region": INT, "region_name": TEXT, **LIST_KINDS}
    return _list_response(rows, params, kinds, "region", ["region", "region_name", *LIST_KINDS])
