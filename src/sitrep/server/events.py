"""``GET /api/events`` (ACLED-style list) and ``GET /api/events/{id}`` (one event, its evidence)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from sitrep.dedup import store as dedup_store
from sitrep.server.db import EDITABLE_FIELDS, Database, rows_as_dicts
from sitrep.server.deps import get_db, not_found
from sitrep.server.filters import (
    CANONICAL_EXTRA,
    DERIVED,
    MAX_LIMIT,
    ORDER_BY,
    OUTPUT_COLUMNS,
    FilterError,
    Where,
    build_where,
    cursor_clause,
    encode_cursor,
    parse_bool,
    parse_fields,
    parse_int,
)
from sitrep.server.formats import FORMATS, MEDIA_TYPES, clean_row, stream_rows
from sitrep.server.paging import fetch_page, plain_source

router = APIRouter(prefix="/api", tags=["events"])

FIELDS_PATTERN = "^" + "(" + "|".join(OUTPUT_COLUMNS + CANONICAL_EXTRA) + ")" + r"(\|(" + "|".join(OUTPUT_COLUMNS + CANONICAL_EXTRA) + "))*$"
STREAMED = {MEDIA_TYPES[f].split(";")[0]: {"schema": {"type": "string"}} for f in ("csv", "ndjson")} | {
    MEDIA_TYPES["geojson"]: {"schema": {"type": "object"}}
}

FETCH_BATCH = 2000


def flat_params(request: Request) -> dict[str, str]:
    """Query parameters as one string each; a repeated parameter means several values."""
    out: dict[str, str] = {}
    for key in request.query_params:
        out[key] = "|".join(request.query_params.getlist(key))
    return out


def event_source(db: Database, params: dict[str, str]) -> tuple[str, bool]:
    canonical = parse_bool("canonical", params.get("canonical"))
    if canonical is None:
        canonical = db.has_canonical()  # deduplicated events once dedup has run
    return ("canonical_reviewed" if canonical else "events_reviewed_all"), canonical


def events_query(db: Database, params: dict[str, str]) -> tuple[str, Where, list[str], bool]:
    """(source view, where, output fields, canonical) for a list or stats request."""
    source, canonical = event_source(db, params)
    untimed = False
    if "timestamp" in params and not canonical:
        with db.cursor() as cur:
            untimed = cur.execute("SELECT 1 FROM events WHERE timestamp IS NULL LIMIT 1").fetchone() is not None
    where = build_where(params, untimed=untimed)
    if "modality" not in params:
        where.add("modality = ?", "asserted")  # claims that something happened, as exports do
    if not parse_bool("include_rejected", params.get("include_rejected")):
        where.add("review_status IS DISTINCT FROM 'reject'")
    if not canonical:  # an article's old version keeps its rows, but they are no longer current
        with db.cursor() as cur:
            old = [
                r[0] for r in cur.execute("SELECT article_id FROM articles WHERE superseded_by IS NOT NULL").fetchall()
            ]
        if old:
            where.add("article_id NOT IN (SELECT unnest(?::VARCHAR[]))", old)
    fields = parse_fields(params.get("fields"), canonical)
    return source, where, fields, canonical


@router.get(
    "/events",
    summary="Events, filtered ACLED-style",
    responses={200: {"content": STREAMED, "description": "a page of events (JSON) or every match (streamed)"}},
    description=(
        "Column names are filters (`country=Iraq|Syria`), `<column>_where` sets the comparison "
        "(=, !=, <, <=, >, >=, LIKE, BETWEEN with `low|high`), `actor` matches any actor column, "
        "`fields=a|b` picks columns, `limit`/`page` or the opaque `next` cursor pages (newest first), "
        "`timestamp` returns rows stored at or after it, `canonical` picks deduplicated events "
        "(default: canonical once dedup has run). `format`: json (default), csv, ndjson, geojson (streamed). "
        "`next=<cursor>` (from a previous page's `next`) continues after that page."
    ),
)
def list_events(
    request: Request,
    db: Database = Depends(get_db),
    limit: int | None = Query(None, ge=0, le=MAX_LIMIT, description="rows per page; 0 = all (streamed formats)"),
    page: int | None = Query(None, ge=1, le=10_000_000, description="1-based page (offset paging)"),
    format: Literal["json", "csv", "ndjson", "geojson"] | None = Query(None, description="json (default) or streamed"),
    fields: str | None = Query(None, description="columns to return, separated by |", pattern=FIELDS_PATTERN),
    canonical: bool | None = Query(None, description="true: canonical events; false: per-article events"),
    total: bool | None = Query(None, description="true: also count every matching row"),
) -> Any:
    params = flat_params(request)
    fmt = (params.get("format") or params.get("_format") or "json").lower()
    if fmt not in FORMATS:
        raise FilterError(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    source, where, out_fields, is_canonical = events_query(db, params)
    total_count: int | None = None
    if parse_bool("total", params.get("total")) and fmt == "json":  # every match, not just this page (a scan)
        with db.cursor() as cur:
            counted = plain_source(cur, source)
            row = cur.execute(f"SELECT count(*) FROM {counted} WHERE {where.sql()}", where.params).fetchone()
        total_count = int(row[0]) if row else 0
    streamed = fmt != "json"
    lim = parse_int("limit", params.get("limit"), 0 if streamed else 500, 0, MAX_LIMIT) or (0 if streamed else 500)
    pg = parse_int("page", params.get("page"), 1, 1, 10_000_000)
    if params.get("next"):
        if params.get("page"):
            raise FilterError("give either page or next, not both")
        clause, values = cursor_clause(params["next"])
        where.add(clause, *values)
    needed = ("event_date", "article_id") if "timestamp" in out_fields else ("event_date",)
    select = list(out_fields) + [c for c in needed if c not in out_fields]
    absent = () if is_canonical else CANONICAL_EXTRA  # per-article events have no cluster sources
    columns = ", ".join(f"NULL AS {c}" if c in absent else DERIVED.get(c, c) for c in select)
    values = list(where.params)
    if streamed:
        with db.cursor() as cur:
            source = plain_source(cur, source)
        sql = f"SELECT {columns} FROM {source} WHERE {where.sql()} ORDER BY {ORDER_BY}"
        if lim:
            sql += " LIMIT ? OFFSET ?"
            values += [lim, (pg - 1) * lim]
        return _stream(db, fmt, sql, values, select, out_fields)
    with db.cursor() as cur:
        rows = fetch_page(cur, source, where, columns, lim, (pg - 1) * lim)
        if "timestamp" in out_fields:
            fill_timestamps(cur, rows)
    more = len(rows) > lim
    rows = rows[:lim]
    cursor = encode_cursor(rows[-1]["event_date"], rows[-1]["event_id"]) if more and rows else None
    data = [clean_row({k: r[k] for k in out_fields}) for r in rows]
    body: dict[str, Any] = {"count": len(data), "canonical": is_canonical, "data": data, "next": cursor}
    if total_count is not None:
        body["total"] = total_count
    return body


def fill_timestamps(cur: Any, rows: list[dict[str, Any]]) -> None:
    """Rows stored without a timestamp take their article's ingest time (what the timestamp filter uses)."""
    missing = sorted({r["article_id"] for r in rows if r.get("timestamp") is None and r.get("article_id")})
    if not missing:
        return
    marks = ", ".join("?" for _ in missing)
    ingested = dict(
        cur.execute(
            f"SELECT article_id, CAST(epoch(ingested_at) AS BIGINT) FROM articles WHERE article_id IN ({marks})",
            missing,
        ).fetchall()
    )
    for row in rows:
        if row.get("timestamp") is None:
            row["timestamp"] = ingested.get(row.get("article_id"))


def _stream(db: Database, fmt: str, sql: str, values: list[Any], select: list[str], out: list[str]) -> Any:
    cur = db.con.cursor()
    try:
        cur.execute(sql, values)
    except BaseException:
        cur.close()
        raise
    keep = [select.index(c) for c in out]

    def batches() -> Iterator[list[tuple[Any, ...]]]:
        while True:
            rows = cur.fetchmany(FETCH_BATCH)
            if not rows:
                return
            yield [tuple(r[i] for i in keep) for r in rows]

    body = stream_rows(fmt, out, batches(), cur.close)
    suffix = {"csv": "csv", "ndjson": "ndjson", "geojson": "geojson"}[fmt]
    headers = {"Content-Disposition": f'inline; filename="events.{suffix}"'}
    return StreamingResponse(body, media_type=MEDIA_TYPES[fmt], headers=headers)


# ---------------------------------------------------------------- one event


def _articles(cur: Any, article_ids: list[str]) -> dict[str, dict[str, Any]]:
    if not article_ids:
        return {}
    marks = ", ".join("?" for _ in article_ids)
    rows = cur.execute(
        f"SELECT article_id, title, source, url, published, text FROM articles WHERE article_id IN ({marks})",
        article_ids,
    ).fetchall()
    out = {r[0]: dict(zip(("article_id", "title", "source", "url", "published", "text"), r, strict=True)) for r in rows}
    for aid, input_id in cur.execute(
        f"SELECT article_id, input_id FROM article_ids WHERE article_id IN ({marks}) ORDER BY input_id", article_ids
    ).fetchall():
        out[aid].setdefault("input_ids", []).append(input_id)
    return out


def evidence_view(evidence: Any, text: str | None) -> dict[str, Any]:
    """The evidence sentence and, inside it, each field's span (offsets relative to the sentence)."""
    spans = evidence if isinstance(evidence, dict) else json.loads(evidence or "{}")
    out: dict[str, Any] = {"sentence": None, "highlights": []}
    if not text:
        return out
    sentence = spans.get("sentence")
    s0, s1 = sentence if sentence and len(sentence) == 2 else (0, len(text))
    s0, s1 = max(0, int(s0)), min(len(text), int(s1))
    out["sentence"] = {"start": s0, "end": s1, "text": text[s0:s1]}
    for name, span in spans.items():
        if name == "sentence" or not isinstance(span, list) or len(span) != 2:
            continue
        a, b = int(span[0]), int(span[1])
        entry = {"field": name, "start": a, "end": b, "text": text[a:b] if 0 <= a < b <= len(text) else None}
        if s0 <= a < b <= s1:
            entry["rel_start"], entry["rel_end"] = a - s0, b - s0
        out["highlights"].append(entry)
    return out


def _source_entry(article: dict[str, Any] | None, event: dict[str, Any]) -> dict[str, Any]:
    info = {k: v for k, v in (article or {}).items() if k != "text"}
    info.setdefault("article_id", event.get("article_id"))
    info["event_id"] = event["event_id"]
    info.update(evidence_view(event.get("evidence"), (article or {}).get("text")))
    return clean_row(info)


def _reviews(cur: Any, ids: list[str]) -> list[dict[str, Any]]:
    marks = ", ".join("?" for _ in ids)
    rows = cur.execute(
        f"SELECT review_id, event_id, action, field, before, after, reviewer, reviewed_at, note FROM reviews "
        f"WHERE event_id IN ({marks}) ORDER BY reviewed_at, review_id",
        ids,
    ).fetchall()
    return [clean_row(r) for r in rows_as_dicts(cur, rows)]


def _duplicates(cur: Any, event_id: str, canonical: bool) -> list[dict[str, Any]]:
    """Uncertain matches dedup left apart for review; the link goes to the other canonical event when viewing one."""
    out = []
    for d in dedup_store.possible_duplicates(cur, event_id):
        target = (d.get("other_canonical_id") if canonical else None) or d["other_event_id"]
        out.append(clean_row({**d, "event_id": target, "linked_from": d["event_id"]}))
    return out


@router.get("/events/{event_id}", summary="One event with evidence, sources, duplicates and reviews")
def get_event(event_id: str, db: Database = Depends(get_db)) -> Any:
    with db.cursor() as cur:
        rows = rows_as_dicts(
            cur, cur.execute("SELECT * FROM events_reviewed_all WHERE event_id = ?", [event_id]).fetchall()
        )
        if rows:
            return _article_event(cur, rows[0])
        rows = rows_as_dicts(
            cur, cur.execute("SELECT * FROM canonical_reviewed WHERE event_id = ?", [event_id]).fetchall()
        )
        if rows:
            return _canonical_event(cur, rows[0])
        live = dedup_store.resolve(cur, event_id)  # a canonical id retired by a merge still answers
        if live != event_id:
            rows = rows_as_dicts(
                cur, cur.execute("SELECT * FROM canonical_reviewed WHERE event_id = ?", [live]).fetchall()
            )
            if rows:
                return _canonical_event(cur, rows[0])
    raise not_found(f"no event {event_id!r}")


def _machine(cur: Any, table: str, key: str, event_id: str, reviewed: dict[str, Any]) -> dict[str, Any]:
    """The machine's values of fields a coder changed, for before/after display."""
    if not reviewed.get("review_status"):
        return {}
    source = "canonical_events_flat" if table == "canonical" else "events"
    rows = rows_as_dicts(cur, cur.execute(f"SELECT * FROM {source} WHERE {key} = ?", [event_id]).fetchall())
    if not rows:
        return {}
    original = clean_row(rows[0])
    mine = clean_row(reviewed)
    return {k: v for k, v in original.items() if k in EDITABLE_FIELDS and mine.get(k) != v}


def _article_event(cur: Any, row: dict[str, Any]) -> dict[str, Any]:
    articles = _articles(cur, [row["article_id"]])
    member = cur.execute("SELECT canonical_id FROM canonical_members WHERE event_id = ?", [row["event_id"]]).fetchone()
    canonical_id = member[0] if member else None
    siblings: list[str] = []
    if canonical_id:
        siblings = [
            r[0]
            for r in cur.execute(
                "SELECT event_id FROM canonical_members WHERE canonical_id = ? AND event_id <> ? ORDER BY event_id",
                [canonical_id, row["event_id"]],
            ).fetchall()
        ]
    return {
        "kind": "event",
        "event": clean_row(row),
        "machine": _machine(cur, "event", "event_id", row["event_id"], row),
        "sources": [_source_entry(articles.get(row["article_id"]), row)],
        "canonical_id": canonical_id,
        "same_event": siblings,
        "possible_duplicates": _duplicates(cur, row["event_id"], canonical=False),
        "reviews": _reviews(cur, [row["event_id"]]),
    }


def _canonical_event(cur: Any, row: dict[str, Any]) -> dict[str, Any]:
    members = rows_as_dicts(
        cur,
        cur.execute(
            "SELECT e.* FROM events_reviewed_all e JOIN canonical_members m ON m.event_id = e.event_id "
            "WHERE m.canonical_id = ? ORDER BY e.event_id",
            [row["event_id"]],
        ).fetchall(),
    )
    article_ids = sorted({m["article_id"] for m in members} | set(row.get("article_ids") or []))
    articles = _articles(cur, article_ids)
    sources = [_source_entry(articles.get(m["article_id"]), m) for m in members]
    covered = {m["article_id"] for m in members}
    for aid in article_ids:  # an article listed on the cluster without a member event here
        if aid not in covered and aid in articles:
            sources.append(clean_row({k: v for k, v in articles[aid].items() if k != "text"}))
    return {
        "kind": "canonical",
        "event": clean_row(row),
        "machine": _machine(cur, "canonical", "event_id", row["event_id"], row),
        "sources": sources,
        "canonical_id": row["event_id"],
        "same_event": [m["event_id"] for m in members],
        "possible_duplicates": _duplicates(cur, row["event_id"], canonical=True),
        "reviews": _reviews(cur, [row["event_id"]]),
    }
