"""Row values to JSON-ready values, and streamed CSV / NDJSON / GeoJSON bodies."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from sitrep.io.writers import csv_value, geojson_feature

FORMATS = ("json", "csv", "ndjson", "geojson")
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson",
    "geojson": "application/geo+json",
}
JSON_COLUMNS = frozenset({"evidence", "payload", "reasons"})


def clean_value(name: str, value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if name in JSON_COLUMNS and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def clean_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: clean_value(k, v) for k, v in row.items()}


def stream_rows(
    fmt: str, columns: list[str], batches: Iterable[list[tuple[Any, ...]]], on_close: Callable[[], None]
) -> Iterator[str]:
    """The body of a streamed response, one chunk per fetched batch.

    ``on_close`` runs however the stream ends (finished or client gone), so the
    request's database cursor is always released.
    """
    try:
        if fmt == "csv":
            yield from _csv_chunks(columns, batches)
        elif fmt == "ndjson":
            for batch in batches:
                yield "".join(
                    json.dumps(clean_row(dict(zip(columns, r, strict=True))), ensure_ascii=False, default=str) + "\n"
                    for r in batch
                )
        elif fmt == "geojson":
            yield from _geojson_chunks(columns, batches)
        else:
            raise ValueError(fmt)
    finally:
        on_close()


def _csv_chunks(columns: list[str], batches: Iterable[list[tuple[Any, ...]]]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for batch in batches:
        for r in batch:
            row = clean_row(dict(zip(columns, r, strict=True)))
            writer.writerow([csv_value(row[c]) for c in columns])
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    if buf.tell():
        yield buf.getvalue()


def _geojson_chunks(columns: list[str], batches: Iterable[list[tuple[Any, ...]]]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for batch in batches:
        parts = []
        for r in batch:
            feature = geojson_feature(clean_row(dict(zip(columns, r, strict=True))))
            if feature is None:
                continue  # no coordinates: not a map feature
            parts.append(("" if first else ",") + "\n" + json.dumps(feature, ensure_ascii=False, default=str))
            first = False
        if parts:
            yield "".join(parts)
    yield "\n]}\n"
