"""ACLED's event read endpoint over sitrep's store, so ``ACLED_API_HOST=http://host:port/api`` scripts run unchanged.

``/api/acled/read`` lists events (canonical once dedup has run, as ``/api/events``)
with ACLED's parameters, envelope, error shape and CSV (``_format=csv``); sitrep's
own columns only when asked for with an ``x_`` prefix. ACLED's list endpoints
(deleted ids, actors, actor types, countries, regions) are in ``acled_lists``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from sitrep.model import ACLED_COLUMNS
from sitrep.server import acled_params as ap
from sitrep.server.db import Database
from sitrep.server.deps import get_db
from sitrep.server.events import events_query, fill_timestamps
from sitrep.server.filters import (
    CANONICAL_EXTRA,
    COLUMNS,
    DERIVED,
    MAX_LIMIT,
    ORDER_BY,
    OUTPUT_COLUMNS,
    TEXT,
    FilterError,
    Where,
)
from sitrep.server.formats import MEDIA_TYPES, clean_value, stream_rows
from sitrep.server.paging import fetch_page, plain_source

router = APIRouter(prefix="/api", tags=["acled"], dependencies=[Depends(ap.check_read_access)])

# Our columns, offered under an x_ prefix; ACLED's own are served by their names.
EXTRA_FIELDS = tuple(f"x_{c}" for c in (*OUTPUT_COLUMNS, *CANONICAL_EXTRA) if c not in ACLED_COLUMNS)
EVENT_FIELDS = ACLED_COLUMNS + EXTRA_FIELDS
EVENT_CONTROL = frozenset({"limit", "page", "fields", "_format", "export_type", *ap.CREDENTIALS})
# sitrep's own switches and filters, x_-prefixed: x_canonical=false lists per-article events.
X_CONTROL = {"x_canonical": "canonical", "x_include_rejected": "include_rejected", "x_actor": "actor"}
MONADIC_DROP = ("actor2", "assoc_actor_2", "inter2")
FETCH_BATCH = 2000

_CSV_CONTENT = {"text/csv": {"schema": {"type": "string"}}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ap.AcledErrorBody, "description": "a parameter ACLED's API would refuse"},
    401: {"model": ap.AcledErrorBody, "description": "reads are not public and no valid token was given"},
}
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": ap.AcledEnvelope, "content": _CSV_CONTENT, "description": "ACLED's envelope, or CSV"},
    **_ERRORS,
}

LimitQ = Query(None, ge=0, le=10**9, description=f"rows per page (default and JSON maximum {MAX_LIMIT}); 0 = all (CSV)")
PageQ = Query(None, ge=1, le=ap.MAX_PAGE, description="1-based page")
FormatQ = Query(None, alias="_format", description="json (default) or csv")
KeyQ = Query(None, description="sitrep's API token, as ACLED's key parameter (when reads are not public)")
EmailQ = Query(None, description="accepted for ACLED clients; not checked")


def _acled_error(exc: FilterError) -> ap.AcledError:
    return ap.AcledError(400, str(exc))


def _translate(name: str) -> str:
    """ACLED (or x_) parameter name → the events filter name."""
    if name == "event_id_cnty":
        return "event_id"
    if name in X_CONTROL:
        return X_CONTROL[name]
    if name in ACLED_COLUMNS and name in COLUMNS:
        return name
    if name.startswith("x_") and name[2:] in COLUMNS and name[2:] not in ACLED_COLUMNS:
        return name[2:]
    raise ap.AcledError(400, f"unknown parameter {name!r}; filters are ACLED's column names, or ours prefixed x_")


def _regions(raw: str) -> str:
    names = []
    for part in raw.split("|"):
        text = part.strip()
        if text.isdigit():
            if int(text) not in ap.REGION_CODES:
                raise ap.AcledError(400, f"region: {text} is not an ACLED region number")
            text = ap.REGION_CODES[int(text)]
        names.append(text)
    return "|".join(names)


def sitrep_params(params: dict[str, str], control: frozenset[str] = EVENT_CONTROL) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, raw in params.items():
        if name in control:
            continue
        where = name.endswith("_where")
        base = _translate(name[: -len("_where")] if where else name)
        if not where and base == "region":
            raw = _regions(raw)
        elif not where and base == "timestamp":
            raw = ap.epoch_value(name, raw)
        out[f"{base}_where" if where else base] = raw
    return out


def acled_query(db: Database, params: dict[str, str], control: frozenset[str] = EVENT_CONTROL) -> tuple[str, Where, bool]:
    try:
        source, where, _, canonical = events_query(db, sitrep_params(params, control))
    except FilterError as exc:
        raise _acled_error(exc) from None
    return source, where, canonical


def _select(fields: list[str], monadic: bool, canonical: bool) -> list[str]:
    """SQL select items: the fields asked for, plus what paging, timestamps and monadic rows need."""
    items = []
    for name in fields:
        if not canonical and name[2:] in CANONICAL_EXTRA:
            items.append(f"NULL AS {name}")  # a per-article event has no cluster sources
        elif name in DERIVED:
            items.append(DERIVED[name])
        elif name.startswith("x_"):
            items.append(f"{name[2:]} AS {name}")
        elif name == "timestamp":
            items.append("timestamp")
        else:
            items.append(name)
    for name in ("event_id", "article_id", *(MONADIC_DROP if monadic else ())):
        if name not in fields:
            items.append(name)
    return items


def _clean(row: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    out = {}
    for name in fields:
        base = name[2:] if name.startswith("x_") else name
        value = clean_value(base, row.get(name))
        if value is None and COLUMNS.get(base, TEXT if base == "event_id_cnty" else "") == TEXT:
            value = ""  # ACLED writes an empty text field as "", never null
        out[name] = value
    return out


def _monadic(rows: list[dict[str, Any]], fields: list[str]) -> list[dict[str, Any]]:
    """ACLED's monadic export: one row per actor, the second actor moved into actor1's columns."""
    keep = [f for f in fields if f not in MONADIC_DROP]
    out = []
    for row in rows:
        out.append({k: row.get(k) for k in keep})
        if row.get("actor2"):
            second = {k: row.get(k) for k in keep}
            for mine, theirs in zip(("actor1", "assoc_actor_1", "inter1"), MONADIC_DROP, strict=True):
                if mine in second:
                    second[mine] = row.get(theirs)
            out.append(second)
    return out


@router.get(
    "/acled/read",
    summary="Events, as ACLED's API lists them",
    response_model=None,
    responses=RESPONSES,
    description=(
        "ACLED's `/acled/read`. Filters are ACLED's column names (`country=Iraq|Syria`, `region=11` or its name, "
        "`event_id_cnty`, `year`, ...), `<column>_where` sets the comparison (=, !=, <, <=, >, >=, LIKE, BETWEEN "
        "with `low|high`), `timestamp` lists rows changed at or after it (Unix seconds or a date). `fields=a|b` picks "
        "columns; sitrep's own (`x_modality`, `x_confidence`, `x_evidence`, ...) appear only when asked for, and "
        "`x_<column>` filters on them. `x_canonical=false` lists per-article events (default: canonical once dedup "
        "has run). Newest first; `limit`/`page` page the list."
    ),
)
def acled_read(
    request: Request,
    db: Database = Depends(get_db),
    limit: int | None = LimitQ,
    page: int | None = PageQ,
    fields: str | None = Query(None, description="columns separated by |", pattern=ap.fields_pattern(EVENT_FIELDS)),
    export_type: Literal["dyadic", "monadic"] | None = Query(None, description="dyadic (default) or monadic"),
    format_: Literal["json", "csv"] | None = FormatQ,
    timestamp: str | None = Query(
        None, description="rows changed at or after this Unix time (or date)", pattern=ap.TIMESTAMP_PATTERN
    ),
    key: str | None = KeyQ,
    email: str | None = EmailQ,
) -> Any:
    params = ap.flat(request)
    fmt = ap.output_format(params)
    lim, pg = ap.page_args(params, fmt, MAX_LIMIT)
    monadic = (params.get("export_type") or "dyadic").strip().lower() == "monadic"
    source, where, canonical = acled_query(db, params)
    out = ap.chosen_fields(params.get("fields"), EVENT_FIELDS, ACLED_COLUMNS)
    select = _select(out, monadic, canonical)
    if fmt == "csv":
        return _csv_events(db, source, where, select, out, monadic, lim, pg)
    with db.cursor() as cur:
        rows = fetch_page(cur, source, where, ", ".join(select), lim, (pg - 1) * lim)[:lim]
        if "timestamp" in out:
            fill_timestamps(cur, rows)
    data = [_clean(r, out + [m for m in MONADIC_DROP if monadic and m not in out]) for r in rows]
    if monadic:
        data = _monadic(data, out)
    return ap.envelope(data, "acled", x_canonical=canonical)


def _csv_events(
    db: Database, source: str, where: Where, select: list[str], out: list[str], monadic: bool, lim: int, pg: int
) -> StreamingResponse:
    stamped = [
        "coalesce(s.timestamp, (SELECT CAST(epoch(a.ingested_at) AS BIGINT) FROM articles a "
        "WHERE a.article_id = s.article_id)) AS timestamp"
        if item == "timestamp"
        else item
        for item in select
    ]
    with db.cursor() as cur:
        source = plain_source(cur, source)
    sql = f"SELECT {', '.join(stamped)} FROM {source} AS s WHERE {where.sql()} ORDER BY {ORDER_BY}"
    values = list(where.params)
    if lim:
        sql += " LIMIT ? OFFSET ?"
        values += [lim, (pg - 1) * lim]
    cur = db.con.cursor()
    try:
        cur.execute(sql, values)
    except BaseException:
        cur.close()
        raise
    names = [d[0] for d in cur.description or ()]
    columns = [f for f in out if not (monadic and f in MONADIC_DROP)]
    wanted = out + [m for m in MONADIC_DROP if monadic and m not in out]

    def batches() -> Iterator[list[tuple[Any, ...]]]:
        while True:
            fetched = cur.fetchmany(FETCH_BATCH)
            if not fetched:
                return
            rows = [_clean(dict(zip(names, r, strict=True)), wanted) for r in fetched]
            if monadic:
                rows = _monadic(rows, out)
            yield [tuple(r[c] for c in columns) for r in rows]

    headers = {"Content-Disposition": 'attachment; filename="sitrep_acled.csv"'}
    return StreamingResponse(stream_rows("csv", columns, batches(), cur.close), media_type=MEDIA_TYPES["csv"], headers=headers)
