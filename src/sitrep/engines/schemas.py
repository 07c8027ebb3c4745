"""Arrow schemas of a batch run's tables and the coercion of plain rows to them (see ``sitrep.engines.batch``).

Split from ``batch`` so that module holds the row rules and the local run; ``batch`` re-exports every name here.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sitrep.io.writers import export_schema


def events_schema() -> Any:
    """Arrow schema of an event row: the export schema (``EXPORT_COLUMNS``) then the ``month`` partition column."""
    import pyarrow as pa

    return export_schema().append(pa.field("month", pa.string()))


def quarantine_schema() -> Any:
    """Arrow schema of the quarantine table (the store's ``quarantine`` columns)."""
    import pyarrow as pa

    names = ("quarantine_id", "input_id", "origin", "code", "message", "stage", "content_hash")
    return pa.schema([*(pa.field(n, pa.string()) for n in names), pa.field("quarantined_at", pa.timestamp("us"))])


def articles_schema() -> Any:
    """Arrow schema of the articles table: one row per distinct text processed without error."""
    import pyarrow as pa

    return pa.schema(
        [
            *(pa.field(n, pa.string()) for n in ("article_id", "input_id", "origin", "url", "title", "source")),
            pa.field("published", pa.date32()),
            pa.field("language", pa.string()),
            pa.field("text", pa.string()),
            pa.field("input_ids", pa.list_(pa.string())),
            pa.field("events", pa.int32()),
            pa.field("ingested_at", pa.timestamp("us")),
        ]
    )


def input_schema() -> Any:
    """One decoded input between reading and processing (an article, or why not)."""
    import pyarrow as pa

    names = ("input_id", "origin", "content_hash", "fail_code", "fail_message", "fail_stage", "text", "url", "title",
             "source", "published", "language")  # fmt: skip
    return pa.schema([*(pa.field(n, pa.string()) for n in names), pa.field("input_ids", pa.list_(pa.string()))])


def output_schema() -> Any:
    """What a worker emits: ``kind`` ('event' | 'quarantine' | 'article' | 'stats'), event columns, ``q_``
    quarantine columns, ``a_`` article columns, and per-batch counts (``n_inputs``) on the one 'stats' row."""
    import pyarrow as pa

    quarantine = [pa.field("q_" + f.name, f.type) for f in quarantine_schema()]
    articles = [pa.field("a_" + f.name, f.type) for f in articles_schema()]
    counts = [pa.field("n_inputs", pa.int64())]
    return pa.schema([pa.field("kind", pa.string()), *events_schema(), *quarantine, *articles, *counts])


def coerce(value: Any, typ: Any) -> Any:
    """``value`` as Arrow accepts it for ``typ``, or None: one odd value never fails a batch."""
    import pyarrow as pa

    if value is None:
        return None
    try:
        if pa.types.is_integer(typ):
            return int(value)
        if pa.types.is_floating(typ):
            return float(value)
        if pa.types.is_date32(typ):
            return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        if pa.types.is_timestamp(typ):
            return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        if pa.types.is_list(typ):
            return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
    except (TypeError, ValueError, OverflowError):
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def with_month(row: dict[str, Any]) -> dict[str, Any]:
    d = row.get("event_date")
    row["month"] = f"{d.year:04d}-{d.month:02d}" if isinstance(d, date) else None
    return row


def record_batch(rows: list[dict[str, Any]], schema: Any) -> Any:
    import pyarrow as pa

    columns = [[coerce(r.get(f.name), f.type) for r in rows] for f in schema]
    return pa.RecordBatch.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)],
                                      schema=schema)  # fmt: skip


def typed_events(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows with values coerced to the schema and ``month`` derived from the typed date."""
    schema = events_schema()
    return [with_month({f.name: coerce(r.get(f.name), f.type) for f in schema}) for r in rows]
