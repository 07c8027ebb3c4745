"""Output formats for extraction results: JSONL, JSON, ACLED CSV, GeoJSON.

The row shape (ACLED columns in ACLED's order, then our own with an ``x_``
prefix) is defined once here and reused by the store's exports.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import IO, Any

from sitrep.model import ACLED_COLUMNS, Event, Result, json_fields

EXTRA_PREFIX = "x_"
EXTRA_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "modality",
    "confidence",
    "plover_type",
    "plover_mode",
    "cameo_root",
    "trigger",
    "evidence",
    "article_ids",
)
EXPORT_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + tuple(EXTRA_PREFIX + c for c in EXTRA_COLUMNS)

# Column types shared by every Parquet writer (store exports, `sitrep run`).
INT32_COLUMNS = frozenset({"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities"})
FLOAT_COLUMNS = frozenset({"latitude", "longitude", EXTRA_PREFIX + "confidence"})


def export_schema() -> Any:
    """Arrow schema of an export row, column for column ``EXPORT_COLUMNS``."""
    import pyarrow as pa

    fields = []
    for name in EXPORT_COLUMNS:
        if name in INT32_COLUMNS:
            typ = pa.int32()
        elif name in FLOAT_COLUMNS:
            typ = pa.float64()
        elif name == "event_date":
            typ = pa.date32()
        elif name == "timestamp":
            typ = pa.int64()
        elif name == EXTRA_PREFIX + "article_ids":
            typ = pa.list_(pa.string())
        else:
            typ = pa.string()
        fields.append(pa.field(name, typ))
    return pa.schema(fields)


def event_row(event: Event | dict[str, Any], article_ids: list[str] | None = None) -> dict[str, Any]:
    """One export row: ACLED's columns first, ours after them with a prefix."""
    e = event.to_dict() if isinstance(event, Event) else dict(event)
    date = e.get("event_date") or ""
    row: dict[str, Any] = {c: e.get(c) for c in ACLED_COLUMNS}
    row["event_id_cnty"] = e.get("event_id_cnty") or e.get("event_id")
    row["year"] = int(date[:4]) if date[:4].isdigit() else None
    row["timestamp"] = e.get("timestamp") or int(datetime.now(UTC).timestamp())
    for c in EXTRA_COLUMNS:
        row[EXTRA_PREFIX + c] = e.get(c)
    ids = article_ids or e.get("article_ids") or ([e["article_id"]] if e.get("article_id") else [])
    row[EXTRA_PREFIX + "article_ids"] = ids
    return row


def result_events(results: Iterable[Result], include_all: bool = False) -> Iterator[Event]:
    for result in results:
        for event in result.events:
            if include_all or event.modality == "asserted":
                yield event


def write_jsonl(results: Iterable[Result], out: IO[str]) -> int:
    n = 0
    for result in results:
        out.write(json.dumps(result, ensure_ascii=False, default=json_fields) + "\n")
        n += 1
    return n


def write_json(results: Iterable[Result], out: IO[str]) -> int:
    items = list(results)
    json.dump(items, out, ensure_ascii=False, indent=2, default=json_fields)
    out.write("\n")
    return len(items)


def csv_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False) if not isinstance(value, list) else "|".join(map(str, value))
    return "" if value is None else value


def write_acled_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(EXPORT_COLUMNS), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: csv_value(row.get(k)) for k in EXPORT_COLUMNS})
        n += 1
    return n


def geojson_feature(row: dict[str, Any]) -> dict[str, Any] | None:
    lat, lon = row.get("latitude"), row.get("longitude")
    if lat is None or lon is None:
        return None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
        "properties": {k: v for k, v in row.items() if k not in ("latitude", "longitude")},
    }


def write_geojson(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """A FeatureCollection written feature by feature, so memory stays flat."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row in rows:
        feature = geojson_feature(row)
        if feature is None:
            continue
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False, default=str))
        n += 1
    out.write("\n]}\n")
    return n


def write_results(results: Iterable[Result], fmt: str, out: IO[str], include_all: bool = False) -> int:
    if fmt == "jsonl":
        return write_jsonl(results, out)
    if fmt == "json":
        return write_json(results, out)
    rows = (event_row(e) for e in result_events(results, include_all))
    if fmt == "acled-csv":
        return write_acled_csv(rows, out)
    if fmt == "geojson":
        return write_geojson(rows, out)
    raise ValueError(f"unknown format {fmt}")
