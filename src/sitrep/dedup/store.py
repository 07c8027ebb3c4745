"""Dedup over a DuckDB store: read asserted events, write canonical events.

Tables (DDL in ``sitrep/store/schema.sql``):

- ``canonical_events(canonical_id, payload, article_ids, sources, n_events,
  n_articles, created_at, updated_at)``: one row per real-world event;
  ``payload`` holds the merged Event fields (Event.to_dict() keys) plus
  ``event_ids``, ``sources`` and ``provenance`` (which member gave the date,
  the place and the kind of event, and every source's fatality count).
- ``canonical_members(canonical_id, event_id, article_id, added_at)``: which
  per-article event belongs to which canonical event.
- ``canonical_aliases(old_id, canonical_id, merged_at)``: ids retired when
  two canonical events turned out to be one; ``resolve(con, id)`` follows
  them, so an id once handed out keeps working.
- ``possible_duplicates(event_a, event_b, canonical_a, canonical_b, score,
  reasons, created_at)``: uncertain pairs left apart for a reviewer, with the
  score and the reasons (what agreed, what did not).

``dedupe(con)`` is incremental: events not yet in ``canonical_members`` are
scored against the stored events near them in time and place and join or
found canonical events; nothing else is recomputed. ``full=True`` re-clusters
everything and hands old ids to the clusters that hold most of their members.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from sitrep.dedup.config import DedupConfig
from sitrep.dedup.core import DedupResult, dedupe_records
from sitrep.errors import SitrepError

_EVENT_FIELDS = (
    "event_id", "article_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source_scale", "notes", "fatalities", "tags", "timestamp", "modality", "confidence", "plover_type",
    "plover_mode", "cameo_root", "trigger",
)
# The evidence sentence, cut from the article text by its span.
_SENTENCE = (
    "CASE WHEN json_exists(e.evidence, '$.sentence') THEN substring(a.text, "
    "TRY_CAST(e.evidence->'sentence'->>0 AS INTEGER) + 1, TRY_CAST(e.evidence->'sentence'->>1 AS INTEGER) "
    "- TRY_CAST(e.evidence->'sentence'->>0 AS INTEGER)) END"
)


def _source_view(con: Any) -> str:
    """Events with reviewers' corrections applied and rejections left out, when the store has the view."""
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return "events_reviewed" if "events_reviewed" in names else "events"


def _current_events_sql(con: Any) -> str:
    """Asserted events, and one report unit per current article without any.

    A report unit (``unit = 'report'``, id ``doc:<article_id>``) lets a report
    that asserts no event — a headline the extractor read as hypothetical, or
    none at all — still join the event other outlets' reports describe. It
    takes the place, actors and date of the article's most confident event of
    any modality when there is one, else the publication day; its text is the
    title and the start of the article.
    """
    view = _source_view(con)
    cols = ", ".join(f"e.{c}" for c in _EVENT_FIELDS)
    other = ", ".join(f"o.{c}" for c in _EVENT_FIELDS if c not in ("event_id", "article_id", "event_date",
                                                                    "time_precision"))
    asserted = "coalesce(modality, 'asserted') = 'asserted'"
    return (
        f"SELECT {cols}, coalesce(e.source, a.source) AS source, CAST(e.evidence AS VARCHAR) AS evidence, "
        f"coalesce({_SENTENCE}, e.notes) AS text, 'event' AS unit, length(a.text) AS article_chars "
        f"FROM {view} e JOIN articles a USING (article_id) "
        f"WHERE coalesce(e.modality, 'asserted') = 'asserted' AND a.superseded_by IS NULL "
        "UNION ALL "
        "SELECT 'doc:' || a.article_id AS event_id, a.article_id, coalesce(o.event_date, a.published) AS event_date, "
        f"greatest(coalesce(o.time_precision, 2), 2) AS time_precision, {other}, "
        "coalesce(o.source, a.source) AS source, NULL AS evidence, "
        "left(coalesce(a.title || '. ', '') || a.text, 400) AS text, 'report' AS unit, length(a.text) AS article_chars "
        "FROM articles a LEFT JOIN ("
        f"  SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY confidence DESC NULLS LAST, event_id) AS rk "
        f"  FROM {view} WHERE NOT {asserted}) o ON o.article_id = a.article_id AND o.rk = 1 "
        "WHERE a.superseded_by IS NULL AND coalesce(o.event_date, a.published) IS NOT NULL "
        f"AND a.article_id NOT IN (SELECT article_id FROM {view} WHERE {asserted})"
    )


def _load(con: Any, full: bool) -> tuple[pa.Table, set[str] | None, list[str], set[str]]:
    """(events to cluster, the new ones among them or None for all, members whose event is gone,
    canonical events that lost members and need their fields merged again)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE dd_current AS {_current_events_sql(con)}")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE dd_gone AS SELECT event_id, canonical_id FROM canonical_members "
        "WHERE event_id NOT IN (SELECT event_id FROM dd_current)"
    )
    gone_rows = con.execute("SELECT event_id, canonical_id FROM dd_gone").fetchall()
    gone, shrunk = [r[0] for r in gone_rows], {r[1] for r in gone_rows}
    if full:
        return con.sql("SELECT * FROM dd_current ORDER BY event_id").to_arrow_table(), None, gone, shrunk
    con.execute(
        "CREATE OR REPLACE TEMP TABLE dd_new AS SELECT event_id, country, event_date FROM dd_current "
        "WHERE event_id NOT IN (SELECT event_id FROM canonical_members)"
    )
    new = {r[0] for r in con.execute("SELECT event_id FROM dd_new").fetchall()}
    from sitrep.dedup.decisions import pending_merges_sql

    window = 40  # wider than any date window: the neighbours a new event can match
    table = con.sql(
        f"""
        WITH span AS (SELECT min(event_date) - INTERVAL {window} DAY AS lo, max(event_date) + INTERVAL {window} DAY AS hi
                      FROM dd_new),
        near AS (
            SELECT c.event_id FROM dd_current c, span
            WHERE c.event_id IN (SELECT event_id FROM dd_new)
               OR (c.country IN (SELECT country FROM dd_new) AND c.event_date BETWEEN span.lo AND span.hi)
            UNION  -- what is left of canonical events that lost members
            SELECT event_id FROM canonical_members WHERE canonical_id IN (SELECT canonical_id FROM dd_gone)
            UNION  -- reviewers' "same" verdicts not yet applied
            {pending_merges_sql()}
        ),
        family AS (  -- every member of a canonical event any nearby event belongs to
            SELECT m2.event_id FROM canonical_members m1 JOIN canonical_members m2 USING (canonical_id)
            WHERE m1.event_id IN (SELECT event_id FROM near)
        )
        SELECT * FROM dd_current WHERE event_id IN (SELECT event_id FROM near UNION SELECT event_id FROM family)
        ORDER BY event_id
        """
    ).to_arrow_table()
    return table, new, gone, shrunk


def dedupe(con: Any, config: DedupConfig | None = None, full: bool = False) -> dict[str, Any]:
    """Cluster the store's asserted events into canonical events; returns counts and timings."""
    from sitrep.dedup import decisions

    t0 = time.perf_counter()
    decisions.ensure_table(con)
    con.execute("BEGIN TRANSACTION")
    try:
        table, new, gone, shrunk = _load(con, full)
        t1 = time.perf_counter()
        ids = table.column("event_id").to_pylist()
        con.register("dd_loaded", table.select(["event_id"]))
        existing = dict(con.execute(
            "SELECT m.event_id, m.canonical_id FROM canonical_members m JOIN dd_loaded l USING (event_id)"
        ).fetchall())
        con.unregister("dd_loaded")
        created = dict(con.execute("SELECT canonical_id, CAST(created_at AS VARCHAR) FROM canonical_events").fetchall())
        result = dedupe_records(table, config, existing=existing, created=created, new=new, incremental=not full,
                                refresh=shrunk, decisions=decisions.load(con))
        t2 = time.perf_counter()
        _write(con, result, existing, gone, full)
        con.execute("COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        if isinstance(exc, SitrepError):
            raise
        raise SitrepError("E400", f"dedupe: {exc}") from exc
    t3 = time.perf_counter()
    stats: dict[str, Any] = {k: int(v) for k, v in result.stats.items()}
    stats.update({
        # report units not yet in a canonical event are looked at again each run: they are not new events
        "new_events": sum(1 for e in (ids if new is None else new) if not str(e).startswith("doc:")),
        "updated_canonical": len(result.canonical),
        "aliases": len(result.aliases),
        "removed_events": len(gone),
        "seconds_load": round(t1 - t0, 2),
        "seconds_cluster": round(t2 - t1, 2),
        "seconds_write": round(t3 - t2, 2),
    })
    stats["canonical_total"] = con.execute("SELECT count(*) FROM canonical_events").fetchall()[0][0]
    return stats


def _write(con: Any, result: DedupResult, existing: dict[str, str], gone: list[str], full: bool) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    if gone:
        con.execute("DELETE FROM canonical_members WHERE event_id IN (SELECT unnest(?))", [gone])
        con.execute("DELETE FROM possible_duplicates WHERE event_a IN (SELECT unnest(?)) OR event_b IN (SELECT unnest(?))",
                    [gone, gone])
    dropped = [e for e in result.unlinked if e in existing]  # report units whose event went away
    if dropped:
        con.execute("DELETE FROM canonical_members WHERE event_id IN (SELECT unnest(?))", [dropped])
    moved = {e: c for e, c in result.members.items() if existing.get(e) != c}  # only what changed is written
    con.register("dd_moved", pa.table({
        "canonical_id": pa.array(list(moved.values()), pa.string()),
        "event_id": pa.array(list(moved.keys()), pa.string()),
    }))
    if existing:
        con.execute("DELETE FROM canonical_members WHERE event_id IN (SELECT event_id FROM dd_moved)")
    con.execute(
        "INSERT INTO canonical_members (canonical_id, event_id, article_id, added_at) "
        "SELECT m.canonical_id, m.event_id, c.article_id, ? FROM dd_moved m JOIN dd_current c USING (event_id)",
        [now],
    )
    if result.aliases:
        con.register("dd_aliases", pa.table({"old_id": list(result.aliases), "canonical_id": list(result.aliases.values())}))
        con.execute(
            "UPDATE canonical_aliases SET canonical_id = a.canonical_id FROM dd_aliases a "
            "WHERE canonical_aliases.canonical_id = a.old_id"
        )
        con.execute("DELETE FROM canonical_aliases WHERE old_id IN (SELECT old_id FROM dd_aliases)")
        con.execute("INSERT INTO canonical_aliases SELECT old_id, canonical_id, ? FROM dd_aliases", [now])
        con.execute("DELETE FROM canonical_events WHERE canonical_id IN (SELECT old_id FROM dd_aliases)")
        con.unregister("dd_aliases")
    rows = result.canonical
    if rows:
        table = pa.table({
            "canonical_id": list(rows),
            "payload": [json.dumps(p, default=str, ensure_ascii=False) for p in rows.values()],
            "article_ids": [p["article_ids"] for p in rows.values()],
            "sources": [p["sources"] for p in rows.values()],
            "n_events": [len(p["event_ids"]) for p in rows.values()],
            "n_articles": [len(p["article_ids"]) for p in rows.values()],
        })
        con.register("dd_canonical", table)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE dd_created AS SELECT canonical_id, created_at FROM canonical_events "
            "WHERE canonical_id IN (SELECT canonical_id FROM dd_canonical)"
        )
        con.execute("DELETE FROM canonical_events WHERE canonical_id IN (SELECT canonical_id FROM dd_created)")
        con.execute(
            "INSERT INTO canonical_events (canonical_id, payload, article_ids, sources, n_events, n_articles, "
            "created_at, updated_at) SELECT d.canonical_id, CAST(d.payload AS JSON), d.article_ids, d.sources, "
            "d.n_events, d.n_articles, coalesce(o.created_at, ?), ? FROM dd_canonical d "
            "LEFT JOIN dd_created o USING (canonical_id)",
            [now, now],
        )
        con.unregister("dd_canonical")
    if gone:  # canonical events whose every member was removed
        con.execute("DELETE FROM canonical_events WHERE canonical_id NOT IN (SELECT canonical_id FROM canonical_members)")
    _write_possible(con, result, full, bool(existing), now)
    con.unregister("dd_moved")


def _write_possible(con: Any, result: DedupResult, full: bool, had_members: bool, now: datetime) -> None:
    if full:
        con.execute("DELETE FROM possible_duplicates")
    elif had_members:
        # links follow their events' new canonical ids
        for side in ("a", "b"):
            con.execute(
                f"UPDATE possible_duplicates SET canonical_{side} = m.canonical_id FROM dd_moved m "
                f"WHERE possible_duplicates.event_{side} = m.event_id"
            )
    if result.possible:
        table = pa.table({
            "event_a": [p["event_a"] for p in result.possible],
            "event_b": [p["event_b"] for p in result.possible],
            "score": [p["score"] for p in result.possible],
            "reasons": [json.dumps(p["reasons"]) for p in result.possible],
            "canonical_a": [p["canonical_a"] for p in result.possible],
            "canonical_b": [p["canonical_b"] for p in result.possible],
        })
        con.register("dd_possible", table)
        if had_members and not full:
            con.execute(
                "DELETE FROM possible_duplicates p USING dd_possible d "
                "WHERE p.event_a = d.event_a AND p.event_b = d.event_b"
            )
        con.execute(
            "INSERT INTO possible_duplicates (event_a, event_b, score, reasons, canonical_a, canonical_b, created_at) "
            "SELECT event_a, event_b, score, CAST(reasons AS JSON), canonical_a, canonical_b, ? FROM dd_possible",
            [now],
        )
        con.unregister("dd_possible")
    if had_members:  # pairs now inside one canonical event are settled
        con.execute("DELETE FROM possible_duplicates WHERE canonical_a = canonical_b")


def resolve(con: Any, canonical_id: str) -> str:
    """The live canonical id for an id handed out earlier (follows aliases)."""
    rows = con.execute("SELECT canonical_id FROM canonical_aliases WHERE old_id = ?", [canonical_id]).fetchall()
    return str(rows[0][0]) if rows else canonical_id


def canonical_for(con: Any, event_id: str) -> str | None:
    rows = con.execute("SELECT canonical_id FROM canonical_members WHERE event_id = ?", [event_id]).fetchall()
    return str(rows[0][0]) if rows else None


def possible_duplicates(con: Any, id: str) -> list[dict[str, Any]]:
    """Uncertain matches of an event (event_id) or of a canonical event (canonical_id, aliases followed).

    Each: ``event_id`` (the given event, or the canonical event's member),
    ``other_event_id``, ``other_canonical_id``, ``score`` and ``reasons``;
    best first.
    """
    cid = resolve(con, id)
    is_canonical = bool(con.execute("SELECT 1 FROM canonical_events WHERE canonical_id = ?", [cid]).fetchall())
    mine = "canonical" if is_canonical else "event"
    key = cid if is_canonical else id
    rows = con.execute(
        f"""
        SELECT event_a, event_b, canonical_b, score, reasons FROM possible_duplicates WHERE {mine}_a = ?
        UNION ALL
        SELECT event_b, event_a, canonical_a, score, reasons FROM possible_duplicates WHERE {mine}_b = ?
        ORDER BY score DESC, 2
        """,
        [key, key],
    ).fetchall()
    return [
        {"event_id": a, "other_event_id": b, "other_canonical_id": c, "score": s, "reasons": json.loads(r or "{}")}
        for a, b, c, s, r in rows
    ]
