"""Possible duplicates for review, and reviewers' verdicts on them (``sitrep.dedup.decisions``).

The dedup leaves apart pairs it is unsure of; ``GET /api/duplicates`` lists them,
most likely first, so a reviewer works down from the pairs that matter most.
``POST /api/duplicates/verdict`` records "same event" or "different events"
(needs the token): the pair leaves the list, the next ``sitrep dedupe`` honours
it, and ``sitrep dedupe --export-pairs`` turns verdicts into training pairs.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, Field

from sitrep.dedup import decisions
from sitrep.errors import SitrepError
from sitrep.server.db import Database
from sitrep.server.deps import get_db, require_token

router = APIRouter(prefix="/api", tags=["duplicates"])


class VerdictIn(BaseModel):
    event_a: str = Field(min_length=1, max_length=200)
    event_b: str = Field(min_length=1, max_length=200)
    same: bool = Field(description="true: one real event; false: two events, never to be joined")


@router.get("/duplicates", summary="Possible duplicates the dedup left apart, most likely first")
def list_duplicates(db: Database = Depends(get_db), limit: int = Query(50, ge=1, le=5000)) -> Any:
    with db.cursor() as cur:
        rows = cur.execute(
            "SELECT event_a, event_b, canonical_a, canonical_b, score, reasons FROM possible_duplicates "
            "ORDER BY score DESC, event_a, event_b LIMIT ?", [limit]).fetchall()
    return {"duplicates": [
        {"event_a": a, "event_b": b, "canonical_a": ca, "canonical_b": cb, "score": s, "reasons": json.loads(r or "{}")}
        for a, b, ca, cb, s, r in rows]}


@router.post("/duplicates/verdict", dependencies=[Depends(require_token)],
             summary="Record that two events are the same or different (needs the token)")
def record_verdict(verdict: VerdictIn, db: Database = Depends(get_db)) -> Any:
    try:
        with db.writer() as cur:
            effect = decisions.decide(cur, verdict.event_a, verdict.event_b, verdict.same)
    except SitrepError as exc:
        raise HTTPException(status_code=404 if exc.code == "E402" else 422, detail=exc.detail) from exc
    return effect
