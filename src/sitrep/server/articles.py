"""``GET /api/articles/{id}`` (the text with every span) and ``POST /api/articles`` (ingest).

Under ``sitrep serve --watch`` a post goes into the durable queue the feed
watcher drains (202: stored, processed in the background, never lost on a
crash); without a watcher it is processed before the answer (201).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from sitrep.dedup.store import dedupe
from sitrep.io.readers import Input, article_from_record
from sitrep.model import Result, text_hash
from sitrep.server.db import Database, refresh_canonical, rows_as_dicts
from sitrep.server.deps import get_db, not_found, require_token
from sitrep.server.formats import clean_row

router = APIRouter(prefix="/api", tags=["articles"])

# What the article view labels each mention kind with (the payload's own field names).
LABEL_FIELD = {"actor": "name", "place": "name", "date": "date", "quote": "speaker", "entity": "label"}
MAX_ARTICLES_PER_POST = 100


def _spans(cur: Any, article_id: str, text: str) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = []
    for kind, start, end, payload in cur.execute(
        "SELECT kind, start_char, end_char, CAST(payload AS VARCHAR) FROM mentions WHERE article_id = ? "
        "ORDER BY start_char, kind",
        [article_id],
    ).fetchall():
        info = json.loads(payload) if payload else {}
        if start is None or end is None or not 0 <= start < end <= len(text):
            continue
        label = info.get(LABEL_FIELD.get(kind, ""), None)
        spans.append({"kind": kind, "start": start, "end": end, "label": label, "info": info})
        if kind == "quote" and info.get("speaker_start") is not None and info.get("speaker_end") is not None:
            s, e = int(info["speaker_start"]), int(info["speaker_end"])
            if 0 <= s < e <= len(text):
                spans.append({"kind": "speaker", "start": s, "end": e, "label": info.get("speaker_role"), "info": {}})
    return spans


@router.get("/articles/{article_id}", summary="An article's text with every mention, event, place and quote as spans")
def get_article(article_id: str, db: Database = Depends(get_db)) -> Any:
    with db.cursor() as cur:
        rows = rows_as_dicts(
            cur,
            cur.execute(
                "SELECT article_id, url, title, source, published, language, text, ingested_at, version, superseded_by "
                "FROM articles WHERE article_id = ? OR article_id IN (SELECT article_id FROM article_ids WHERE input_id = ?) "
                "ORDER BY superseded_by NULLS FIRST, version DESC LIMIT 1",
                [article_id, article_id],
            ).fetchall(),
        )
        if not rows:
            raise not_found(f"no article {article_id!r}")
        article = clean_row(rows[0])
        aid, text = article["article_id"], article["text"]
        ids = cur.execute(
            "SELECT input_id, source, url FROM article_ids WHERE article_id = ? ORDER BY input_id", [aid]
        ).fetchall()
        article["input_ids"] = [r[0] for r in ids]
        article["sources"] = sorted({r[1] for r in ids if r[1]} | ({article["source"]} if article["source"] else set()))
        spans = _spans(cur, aid, text)
        events = rows_as_dicts(
            cur,
            cur.execute(
                "SELECT e.event_id, e.event_date, e.event_type, e.sub_event_type, e.actor1, e.actor2, e.location, "
                "e.admin1, e.country, e.fatalities, e.modality, e.review_status, e.evidence, m.canonical_id "
                "FROM events_reviewed_all e LEFT JOIN canonical_members m ON m.event_id = e.event_id "
                "WHERE e.article_id = ? ORDER BY e.event_id",
                [aid],
            ).fetchall(),
        )
    out_events = []
    for event in events:
        event = clean_row(event)
        evidence = event.pop("evidence") or {}
        for name, span in evidence.items() if isinstance(evidence, dict) else ():
            if isinstance(span, list) and len(span) == 2 and 0 <= span[0] < span[1] <= len(text):
                kind = "event" if name == "sentence" else "evidence"
                spans.append(
                    {
                        "kind": kind,
                        "start": span[0],
                        "end": span[1],
                        "label": name,
                        "event_id": event["event_id"],
                        "info": {},
                    }
                )
        event["evidence"] = evidence
        out_events.append(event)
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return {"article": article, "spans": spans, "events": out_events}


class ArticleIn(BaseModel):
    text: str = Field(description="the article text")
    id: str | None = Field(None, description="your id for it (kept alongside ours)")
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="publisher")
    published: str | None = Field(None, description="YYYY-MM-DD; anchors relative dates")
    country: str | None = Field(None, description="the country the report is about, when known (helps places)")


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES_PER_POST)


@router.post(
    "/articles",
    dependencies=[Depends(require_token)],
    status_code=201,
    summary="Ingest articles through the pipeline into the store (needs the token)",
)
def post_articles(
    body: ArticleIn | ArticlesIn, request: Request, response: Response, db: Database = Depends(get_db)
) -> Any:
    from sitrep.extraction import default_pipeline

    records = body.articles if isinstance(body, ArticlesIn) else [body]
    watcher = getattr(request.app.state, "watcher", None)
    if watcher is not None:
        response.status_code = 202
        return _enqueue(records, watcher)
    # Without an id or URL the text's own hash names the input, so two different
    # anonymous posts are never taken for versions of one article.
    inputs: list[Input] = [
        article_from_record(r.model_dump(exclude_none=True), fallback_id=text_hash(r.text), origin="api")
        for r in records
    ]
    with db.cursor() as cur:
        hashes = [i.article.content_hash for i in inputs if i.article is not None]
        known = {
            r[0]
            for r in cur.execute(
                "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(CAST(? AS VARCHAR[])))", [hashes]
            ).fetchall()
        }
    # The parse runs outside the write lock: readers and other reviewers are not held up by spaCy.
    todo = [i.article for i in inputs if i.article is not None and i.article.content_hash not in known]
    processed = iter(default_pipeline().process_batch(todo)) if todo else iter(())
    results: list[Result | None] = [
        next(processed) if i.article is not None and i.article.content_hash not in known else None for i in inputs
    ]
    with db.write_lock:
        summary = db.store.write_batch(inputs, results)
        if summary.events and db.has_canonical():
            # New events join (or found) canonical events right away, as `sitrep dedupe` would do.
            since = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=1)
            dedupe(db.con)
            with db.cursor() as cur:
                refresh_canonical(cur, since)
    articles = []
    for item, result in zip(inputs, results, strict=True):
        entry: dict[str, Any] = {"input_id": item.id}
        if item.article is not None:
            entry["article_id"] = item.article.content_hash
            entry["events"] = len(result.events) if result else None
        errors = (result.errors if result else []) or ([item.failure] if item.failure else [])
        if errors:
            entry["errors"] = [e.to_dict() for e in errors]
        articles.append(entry)
    return {"summary": summary.to_dict(), "articles": articles}


def _enqueue(records: list[ArticleIn], watcher: Any) -> dict[str, Any]:
    """Put posted articles into the watcher's durable queue; the processor is woken rather than waiting a tick."""
    from sitrep.feeds.queue import api_item

    articles = []
    for record in records:
        fields = record.model_dump(exclude_none=True)
        checked = article_from_record(fields, fallback_id=text_hash(record.text), origin="api")
        if checked.article is None:  # refused here, as ingest would, so nothing useless waits in the queue
            failure = checked.failure.to_dict() if checked.failure else {}
            articles.append({"input_id": checked.id, "state": "refused", "errors": [failure]})
            continue
        item = api_item(checked.id, checked.article.content_hash, fields)
        watcher.tables.put_item(item, origin="api")
        articles.append({"input_id": checked.id, "item_key": item["item_key"], "state": "queued"})
    watcher.wake.set()
    queued = sum(a["state"] == "queued" for a in articles)
    return {"queued": queued, "queue": watcher.tables.queue_counts(), "articles": articles}
