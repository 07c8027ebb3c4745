"""Model objects ⇄ table rows, with types coerced so one odd value never fails a batch."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sitrep.model import Article, Event, Result

MENTION_KINDS = (
    ("actors", "actor"),
    ("places", "place"),
    ("dates", "date"),
    ("quotes", "quote"),
    ("entities", "entity"),
)


def arrow_type(duckdb_type: str) -> Any:
    import pyarrow as pa

    t = duckdb_type.upper()
    if t.endswith("[]"):
        return pa.list_(arrow_type(t[:-2]))
    simple = {
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "SMALLINT": pa.int16(),
        "DOUBLE": pa.float64(),
        "FLOAT": pa.float32(),
        "BOOLEAN": pa.bool_(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
    }
    return simple.get(t, pa.string())  # VARCHAR, JSON


def arrow_schema_for(columns: list[tuple[str, str]]) -> Any:
    import pyarrow as pa

    return pa.schema([(name, arrow_type(dtype)) for name, dtype in columns])


def coerce(value: Any, typ: Any) -> Any:
    """``value`` as something Arrow accepts for ``typ``, or None when it can't be."""
    import pyarrow as pa

    if value is None:
        return None
    try:
        if pa.types.is_integer(typ):
            return int(value) if not isinstance(value, bool) else int(value)
        if pa.types.is_floating(typ):
            return float(value)
        if pa.types.is_date32(typ):
            if isinstance(value, datetime):
                return value.date()
            if isinstance(value, date):
                return value
            return date.fromisoformat(str(value)[:10])
        if pa.types.is_timestamp(typ):
            return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        if pa.types.is_list(typ):
            return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
        if pa.types.is_boolean(typ):
            return bool(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def arrow_table(rows: list[dict[str, Any]], schema: Any) -> Any:
    """Rows (missing keys = NULL) as an Arrow table of exactly ``schema``."""
    return arrow_columns({f.name: [r.get(f.name) for r in rows] for f in schema}, schema)


def arrow_columns(columns: dict[str, list[Any]], schema: Any) -> Any:
    """Columns (one list per column name, all as long; a missing name = NULLs) as an Arrow table of ``schema``.

    Arrow converts a well-typed column in C; only a column it refuses (a date
    as text, a number as a string ...) is coerced value by value.
    """
    import pyarrow as pa

    length = max((len(v) for v in columns.values()), default=0)
    arrays = []
    for f in schema:
        values = columns.get(f.name)
        if values is None:
            arrays.append(pa.nulls(length, type=f.type))
            continue
        try:
            # a dict or list in a text column (a JSON payload) is refused by Arrow (ArrowTypeError) and JSON-encoded
            # by ``coerce``: no need to look for one first (that look was a tenth of the ingest parent's time)
            arrays.append(pa.array(values, type=f.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
            arrays.append(pa.array([coerce(v, f.type) for v in values], type=f.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def fields_of(item: Any) -> dict[str, Any]:
    """A model object's fields as a new dict (shallow: nested values are JSON-encoded later anyway)."""
    return dict(fields_view(item))


def fields_view(item: Any) -> dict[str, Any]:
    """A model object's fields, read-only: its own ``__dict__`` when it has one (no copy)."""
    if isinstance(item, dict):
        return item
    try:
        return vars(item)
    except TypeError:  # slotted or foreign objects
        return item.to_dict()  # type: ignore[no-any-return]


def article_row(
    article: Article, article_id: str, version: int, supersedes: str | None, now: datetime
) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published": article.published_date,
        "language": article.language,
        "text": article.text,
        "ingested_at": now,
        "version": version,
        "supersedes": supersedes,
        "superseded_by": None,
    }


def event_rows(result: Result, article_id: str, article: Article, timestamp: int | None = None) -> list[dict[str, Any]]:
    """Events keyed by the store's article id; ``event_id`` = article id + ordinal (stable).

    ``timestamp`` (epoch seconds of the ingest) is ACLED's "row last changed",
    which incremental sync (`/api/events?timestamp=`) filters on.
    """
    rows = []
    for ordinal, event in enumerate(result.events):
        row = fields_of(event) if isinstance(event, (Event, dict)) else event.to_dict()
        row["event_id"] = f"{article_id}-{ordinal:03d}"
        row["article_id"] = article_id
        row["ordinal"] = ordinal
        row["source"] = row.get("source") or article.source
        row["timestamp"] = row.get("timestamp") or timestamp
        row["evidence"] = _to_json(row.get("evidence") or {})
        rows.append(row)
    return rows


MENTION_COLUMNS = ("article_id", "kind", "ordinal", "start_char", "end_char", "payload")


def mention_rows(result: Result, article_id: str) -> list[dict[str, Any]]:
    columns: dict[str, list[Any]] = {name: [] for name in MENTION_COLUMNS}
    add_mentions(columns, result, article_id)
    return [dict(zip(MENTION_COLUMNS, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def add_mentions(columns: dict[str, list[Any]], result: Result, article_id: str) -> None:
    """``mention_rows`` appended to one list per column (``MENTION_COLUMNS``).

    An article has ~150 mentions: a dict per row, then a list per column out of
    those dicts, cost the ingest parent more than the Arrow conversion itself.
    """
    ids, kinds, ordinals, starts, ends, payloads = (columns[name] for name in MENTION_COLUMNS)
    for attr, kind in MENTION_KINDS:
        items = list(getattr(result, attr))
        for item in items:
            payload = fields_view(item)
            starts.append(payload.get("start"))
            ends.append(payload.get("end"))
            payloads.append(_to_json(payload))
        ids.extend([article_id] * len(items))
        kinds.extend([kind] * len(items))
        ordinals.extend(range(len(items)))


def _json_default(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


# ``json.dumps`` with options builds a new encoder per call: one made once writes the same text (the parent
# encodes every mention of every article, ~30 per article)
_to_json_py = json.JSONEncoder(ensure_ascii=False, default=_json_default).encode


def _c_encoder() -> Any:
    """The C encoder ``_to_json_py`` makes anew on every call, made once (a fifth of the encoding time).

    Same text: same separators, ``default`` and escaping. Without a circular
    check (payloads are model objects' fields, never cyclic).
    """
    try:
        from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
    except ImportError:
        return None
    if c_make_encoder is None:
        return None
    return c_make_encoder(None, _json_default, encode_basestring, None, ": ", ", ", False, False, True)


_C_ENCODE = _c_encoder()


def _to_json(value: Any) -> str:
    if _C_ENCODE is None or isinstance(value, str):
        return _to_json_py(value)
    return "".join(_C_ENCODE(value, 0))


def plain(record: dict[str, Any]) -> dict[str, Any]:
    """JSON-friendly values: dates as ISO strings."""
    out = {}
    for key, value in record.items():
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        out[key] = value
    return out


def event_dict(record: dict[str, Any]) -> dict[str, Any]:
    """A stored event row as Event field names (evidence parsed, dates as ISO strings)."""
    out = plain(record)
    evidence = out.get("evidence")
    if isinstance(evidence, str):
        try:
            out["evidence"] = json.loads(evidence)
        except ValueError:
            out["evidence"] = {}
    return out
