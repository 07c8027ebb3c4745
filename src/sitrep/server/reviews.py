"""Coders' reviews: accept, correct (any field, from the codebook's choices) or reject a coding.

Every action is stored in ``reviews`` with who, when, before and after; the
``events_reviewed*`` views (schema.sql) and the ``canonical_reviewed`` table (db.py)
make corrections win over the machine coding everywhere the API reads.
``training_records`` turns reviewed events into training data.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from sitrep.server.codebook import codebook
from sitrep.server.db import EDITABLE_FIELDS, Database, refresh_reviewed, rows_as_dicts
from sitrep.server.deps import get_db, not_found, require_token
from sitrep.server.events import evidence_view, get_event
from sitrep.server.formats import clean_row

router = APIRouter(prefix="/api", tags=["reviews"])


class ReviewIn(BaseModel):
    action: Literal["accept", "correct", "reject"]
    reviewer: str = Field(min_length=1, max_length=200, description="who reviews (the token is shared)")
    changes: dict[str, Any] = Field(default_factory=dict, description="field -> new value (correct only)")
    note: str | None = Field(None, max_length=2000)


def _invalid(message: str) -> HTTPException:
    return HTTPException(status_code=422, detail=message)


def check_value(name: str, value: Any) -> Any:
    """The value a correction stores for ``name``, or a 422 saying why it is not allowed."""
    if name not in EDITABLE_FIELDS:
        raise _invalid(f"{name!r} cannot be corrected; editable fields: {', '.join(EDITABLE_FIELDS)}")
    if value is None or value == "":
        return None
    typ = EDITABLE_FIELDS[name]
    try:
        if typ == "DATE":
            value = date.fromisoformat(str(value)).isoformat()
        elif typ == "INTEGER":
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            value = int(value)
        elif typ == "DOUBLE":
            value = float(value)
        elif not isinstance(value, str):
            raise ValueError
    except (TypeError, ValueError):
        want = {"DATE": "a date YYYY-MM-DD", "INTEGER": "an integer", "DOUBLE": "a number"}.get(typ or "", "text")
        raise _invalid(f"{name}: {value!r} is not {want}") from None
    choices = codebook()["choices"].get(name)
    if choices is not None and value not in choices:
        raise _invalid(f"{name}: {value!r} is not in the codebook; choose from {', '.join(map(str, choices))}")
    if name == "latitude" and not -90 <= value <= 90 or name == "longitude" and not -180 <= value <= 180:
        raise _invalid(f"{name}: {value} is out of range")
    if name == "fatalities" and value < 0:
        raise _invalid("fatalities: must be 0 or more")
    return value


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _current(cur: Any, event_id: str) -> dict[str, Any] | None:
    for view in ("events_reviewed_all", "canonical_reviewed"):
        rows = rows_as_dicts(cur, cur.execute(f"SELECT * FROM {view} WHERE event_id = ?", [event_id]).fetchall())
        if rows:
            return rows[0]
    return None


@router.post(
    "/events/{event_id}/review",
    dependencies=[Depends(require_token)],
    summary="Accept, correct or reject an event's coding (needs the token)",
)
def review_event(event_id: str, review: ReviewIn, db: Database = Depends(get_db)) -> Any:
    if review.action == "correct" and not review.changes:
        raise _invalid("a correction needs at least one field in 'changes'")
    if review.action != "correct" and review.changes:
        raise _invalid(f"'{review.action}' takes no changes; use action 'correct'")
    changes = {name: check_value(name, value) for name, value in review.changes.items()}
    now = datetime.now(UTC).replace(tzinfo=None)
    batch = uuid.uuid4().hex
    with db.writer() as cur:
        current = _current(cur, event_id)
        if current is None:
            raise not_found(f"no event {event_id!r}")
        event_type = changes.get("event_type", current.get("event_type"))
        sub = changes.get("sub_event_type", current.get("sub_event_type"))
        parent = codebook()["sub_event_event_type"].get(sub) if sub else None
        if ("event_type" in changes or "sub_event_type" in changes) and parent and parent != event_type:
            raise _invalid(f"sub_event_type {sub!r} belongs to event_type {parent!r}, not {event_type!r}")
        rows: list[list[Any]] = []
        if review.action == "correct":
            for i, (name, value) in enumerate(sorted(changes.items())):
                before = _as_text(current.get(name))
                rows.append([f"{batch}-{i}", event_id, "correct", name, before, _as_text(value)])
        else:
            rows.append([batch, event_id, review.action, None, None, None])
        cur.executemany(
            "INSERT INTO reviews (review_id, event_id, action, field, before, after, reviewer, reviewed_at, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [r + [review.reviewer, now, review.note] for r in rows],
        )
        refresh_reviewed(cur, event_id)
    return get_event(event_id, db)


@router.get("/codebook", summary="The choices a correction may use, from the codebook data files")
def get_codebook() -> Any:
    return {"fields": list(EDITABLE_FIELDS), **codebook()}


@router.get("/reviews", dependencies=[Depends(require_token)], summary="Review history, newest first")
def list_reviews(
    db: Database = Depends(get_db),
    event_id: str | None = None,
    reviewer: str | None = None,
    limit: int = Query(200, ge=1, le=5000),
) -> Any:
    where, params = ["TRUE"], []
    if event_id:
        where.append("event_id = ?")
        params.append(event_id)
    if reviewer:
        where.append("reviewer = ?")
        params.append(reviewer)
    with db.cursor() as cur:
        rows = cur.execute(
            f"SELECT * FROM reviews WHERE {' AND '.join(where)} ORDER BY reviewed_at DESC, review_id LIMIT ?",
            [*params, limit],
        ).fetchall()
        data = [clean_row(r) for r in rows_as_dicts(cur, rows)]
    return {"count": len(data), "data": data}


def training_records(db: Database, include_text: bool = False) -> Iterator[dict[str, Any]]:
    """One record per reviewed event: the machine coding, the coder's final coding, and the evidence.

    ``label`` is ``reject`` (not an event: the latest action rejected it),
    ``correct`` (``gold`` differs from ``machine`` in ``changed``) or
    ``accept`` (the machine coding stands).
    """
    fields = list(EDITABLE_FIELDS)
    with db.cursor() as cur:
        reviewed = cur.execute(
            "SELECT event_id, review_status, reviewed_at FROM review_fixes ORDER BY reviewed_at, event_id"
        ).fetchall()
        for event_id, status, reviewed_at in reviewed:
            kind, machine = "event", _first(cur, "SELECT * FROM events WHERE event_id = ?", event_id)
            if machine is None:
                kind, machine = (
                    "canonical",
                    _first(cur, "SELECT * FROM canonical_events_flat WHERE event_id = ?", event_id),
                )
            final = _current(cur, event_id)
            if machine is None or final is None:
                continue  # the event was deleted since (re-ingest); its reviews stay in the table
            history = cur.execute(
                "SELECT field, before, after, reviewer, reviewed_at, action FROM reviews WHERE event_id = ? "
                "ORDER BY reviewed_at, review_id",
                [event_id],
            ).fetchall()
            machine, final = clean_row(machine), clean_row(final)
            changed = sorted({h[0] for h in history if h[0] and final.get(h[0]) != machine.get(h[0])})
            record: dict[str, Any] = {
                "event_id": event_id,
                "kind": kind,
                "label": "reject" if status == "reject" else ("correct" if changed else "accept"),
                "status": status,
                "reviewed_at": _as_text(reviewed_at),
                "reviewers": sorted({h[3] for h in history if h[3]}),
                "changed": changed,
                "machine": {f: machine.get(f) for f in fields},
                "gold": {f: final.get(f) for f in fields},
            }
            article_id = machine.get("article_id")
            if article_id:
                row = cur.execute("SELECT text FROM articles WHERE article_id = ?", [article_id]).fetchone()
                text = row[0] if row else None
                record["article_id"] = article_id
                record.update(evidence_view(machine.get("evidence"), text))
                if include_text:
                    record["text"] = text
            yield record


def _first(cur: Any, sql: str, key: str) -> dict[str, Any] | None:
    rows = rows_as_dicts(cur, cur.execute(sql, [key]).fetchall())
    return rows[0] if rows else None


@router.get(
    "/reviews/export",
    dependencies=[Depends(require_token)],
    summary="Reviewed events as training data (NDJSON, one record per event)",
)
def export_reviews(db: Database = Depends(get_db), include_text: bool = False) -> Any:
    def body() -> Iterator[str]:
        for record in training_records(db, include_text=include_text):
            yield json.dumps(record, ensure_ascii=False, default=str) + "\n"

    return StreamingResponse(body(), media_type="application/x-ndjson")


@router.get(
    "/reviews/queue",
    dependencies=[Depends(require_token)],
    summary="Events not reviewed yet, least sure first (the coder model's probability)",
)
def review_queue(db: Database = Depends(get_db), limit: int = Query(50, ge=1, le=5000)) -> Any:
    # the coder's calibrated probability is the event's confidence: the least sure coding gains most from a review
    with db.cursor() as cur:
        rows = cur.execute(
            "SELECT * FROM events WHERE event_id NOT IN (SELECT event_id FROM review_fixes) "
            "ORDER BY confidence ASC NULLS FIRST, event_id LIMIT ?",
            [limit],
        ).fetchall()
        data = [clean_row(r) for r in rows_as_dicts(cur, rows)]
    return {"count": len(data), "data": data}
