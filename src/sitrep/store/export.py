"""Exports from the store: ACLED CSV, Parquet, GeoJSON, JSONL — streamed.

One SQL query shapes rows into ``sitrep.io.writers.EXPORT_COLUMNS`` (ACLED's
columns in ACLED's order, ours after them with the ``x_`` prefix) and DuckDB
hands them over as Arrow record batches, so memory stays flat however many
events there are. ``export_schema()`` is the Parquet schema; the Spark engine
writes the same one so DuckDB, the API and pandas read either output alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from sitrep.io.writers import EXPORT_COLUMNS, EXTRA_PREFIX, FLOAT_COLUMNS, INT32_COLUMNS, export_schema
from sitrep.store.filters import CANONICAL_COLUMNS, EVENT_COLUMNS, EventFilter, limit_clause, where_clause

FORMATS = ("acled-csv", "parquet", "geojson", "jsonl")
# Events with coders' corrections applied and rejected codings left out (a view in schema.sql).
EVENTS_VIEW = "events_reviewed"
BATCH_ROWS = 4096

def _sql_type(name: str) -> str:
    if name in INT32_COLUMNS:
        return "INTEGER"
    if name in FLOAT_COLUMNS:
        return "DOUBLE"
    if name == "event_date":
        return "DATE"
    if name == "timestamp":
        return "BIGINT"
    if name == EXTRA_PREFIX + "article_ids":
        return "VARCHAR[]"
    return "VARCHAR"


def event_query(filters: EventFilter | None = None) -> tuple[str, list[Any]]:
    """SQL + params giving stored events (as reviewed by coders) as export rows."""
    where, params = where_clause(filters, EVENT_COLUMNS)
    current = "" if filters and filters.include_superseded else " AND a.superseded_by IS NULL"
    special = {
        "event_id_cnty": "e.event_id",
        "year": "year(e.event_date)",
        "source": "coalesce(e.source, a.source)",
        "timestamp": "coalesce(e.timestamp, CAST(epoch(a.ingested_at) AS BIGINT))",
        "x_evidence": "CAST(e.evidence AS VARCHAR)",
        "x_article_ids": "ids.input_ids",
    }
    select = []
    for name in EXPORT_COLUMNS:
        column = name[len(EXTRA_PREFIX) :] if name.startswith(EXTRA_PREFIX) else name
        expr = special.get(name, f"e.{column}")
        select.append(f'CAST({expr} AS {_sql_type(name)}) AS "{name}"')
    sql = (
        "WITH ids AS (SELECT article_id, list_sort(list(input_id)) AS input_ids FROM article_ids GROUP BY article_id) "
        f"SELECT {', '.join(select)} FROM {EVENTS_VIEW} e JOIN articles a USING (article_id) "
        f"LEFT JOIN ids USING (article_id) WHERE {where}{current} "
        f"ORDER BY e.event_date NULLS LAST, e.event_id{limit_clause(filters)}"
    )
    return sql, params


def canonical_query(filters: EventFilter | None = None) -> tuple[str, list[Any]]:
    """SQL + params giving canonical events (after dedup) as export rows.

    Coders' reviews of a canonical event (``review_fixes``, keyed by its id)
    apply: corrected fields win, rejected events are left out. ``x_article_ids``
    lists the input ids of every member event's article (falling back to the
    canonical row's own ``article_ids``).
    """
    where, params = where_clause(filters, CANONICAL_COLUMNS)
    date = "TRY_CAST({} AS DATE)"
    special = {
        "event_id_cnty": "c.canonical_id",
        "year": "year(TRY_CAST({} AS DATE))",
        "x_event_id": "c.canonical_id",
        "x_article_id": "NULL",
        "x_evidence": "c.payload->'evidence'",
        "x_article_ids": "coalesce(ids.input_ids, c.article_ids)",
        "timestamp": "coalesce(TRY_CAST(c.payload->>'timestamp' AS BIGINT), CAST(epoch(c.updated_at) AS BIGINT))",
        "source": "coalesce(NULLIF(c.payload->>'source', ''), array_to_string(c.sources, '; '))",
        "x_modality": "coalesce({}, 'asserted')",
    }
    select = []
    for name in EXPORT_COLUMNS:
        column = name[len(EXTRA_PREFIX) :] if name.startswith(EXTRA_PREFIX) else name
        if name == "year":
            column = "event_date"
        value = f"CASE WHEN json_exists(r.fix, '$.{column}') THEN r.fix->>'{column}' ELSE c.payload->>'{column}' END"
        template = special.get(name, date if name == "event_date" else "{}")
        select.append(f'TRY_CAST({template.format(value)} AS {_sql_type(name)}) AS "{name}"')
    sql = (
        "WITH ids AS (SELECT m.canonical_id, list_sort(list(DISTINCT ai.input_id)) AS input_ids "
        "FROM canonical_members m JOIN events ev ON ev.event_id = m.event_id "
        "JOIN article_ids ai ON ai.article_id = ev.article_id GROUP BY m.canonical_id), "
        f"rows AS (SELECT {', '.join(select)} FROM canonical_events c LEFT JOIN ids USING (canonical_id) "
        "LEFT JOIN review_fixes r ON r.event_id = c.canonical_id "
        "WHERE r.review_status IS DISTINCT FROM 'reject') "
        f'SELECT * FROM rows q WHERE {where} ORDER BY q."event_date" NULLS LAST, q."event_id_cnty"{limit_clause(filters)}'
    )
    return sql, params


def _cursor(con: Any) -> Any:
    """An own cursor (the caller's connection stays usable meanwhile), without DuckDB's progress bar."""
    cursor = con.cursor()
    cursor.execute("SET enable_progress_bar = false")
    return cursor


def record_batches(
    con: Any, filters: EventFilter | None = None, canonical: bool = False, batch_rows: int = BATCH_ROWS
) -> Iterator[Any]:
    """Export rows as Arrow record batches of ``export_schema()``, streamed from DuckDB."""
    sql, params = canonical_query(filters) if canonical else event_query(filters)
    schema = export_schema()
    cursor = _cursor(con)
    try:
        reader = cursor.sql(sql, params=params).to_arrow_reader(batch_rows)
        for batch in reader:
            if batch.num_rows:
                yield batch.cast(schema)
    finally:
        cursor.close()


def rows(con: Any, filters: EventFilter | None = None, canonical: bool = False) -> Iterator[dict[str, Any]]:
    """Export rows as dicts in ``EXPORT_COLUMNS`` order (dates as ISO strings)."""
    for batch in record_batches(con, filters, canonical):
        for row in batch.to_pylist():
            if row.get("event_date") is not None:
                row["event_date"] = row["event_date"].isoformat()
            evidence = row.get("x_evidence")
            if isinstance(evidence, str):
                try:
                    row["x_evidence"] = json.loads(evidence)
                except ValueError:
                    pass
            yield row


def json_texts(
    con: Any, filters: EventFilter | None = None, canonical: bool = False, geojson: bool = False
) -> Iterator[str]:
    """One JSON object per export row (a GeoJSON Feature when ``geojson``), serialised by DuckDB, streamed."""
    sql, params = canonical_query(filters) if canonical else event_query(filters)
    evidence = EXTRA_PREFIX + "evidence"
    fields = [f"'{c}': TRY_CAST(q.\"{c}\" AS JSON)" if c == evidence else f"'{c}': q.\"{c}\"" for c in EXPORT_COLUMNS]
    if geojson:
        props = [f for f, c in zip(fields, EXPORT_COLUMNS, strict=True) if c not in ("latitude", "longitude")]
        obj = (
            "{'type': 'Feature', 'geometry': {'type': 'Point', 'coordinates': [q.longitude, q.latitude]}, "
            f"'properties': {{{', '.join(props)}}}}}"
        )
        where = " WHERE q.latitude IS NOT NULL AND q.longitude IS NOT NULL"
    else:
        obj, where = f"{{{', '.join(fields)}}}", ""
    cursor = _cursor(con)
    try:
        reader = cursor.sql(f"SELECT CAST(to_json({obj}) AS VARCHAR) AS j FROM ({sql}) q{where}", params=params)
        for batch in reader.to_arrow_reader(BATCH_ROWS):
            yield from batch.column(0).to_pylist()
    finally:
        cursor.close()


def write_export(
    con: Any,
    fmt: str,
    out: IO[str] | None,
    filters: EventFilter | None = None,
    canonical: bool = False,
    path: Any = None,
) -> int:
    """Write an export; ``parquet`` needs ``path`` (a binary file), the others write text to ``out``."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        if path is None:
            raise ValueError("parquet export needs an output file")
        n = 0
        with pq.ParquetWriter(str(path), export_schema(), compression="zstd") as writer:
            for batch in record_batches(con, filters, canonical):
                writer.write_batch(batch)
                n += batch.num_rows
        return n
    if out is None:
        raise ValueError(f"{fmt} export needs an output stream")
    if fmt == "acled-csv":
        return _write_csv(con, filters, canonical, out)
    if fmt == "geojson":
        return _write_feature_collection(json_texts(con, filters, canonical, geojson=True), out)
    if fmt == "jsonl":
        n = 0
        for text in json_texts(con, filters, canonical):
            out.write(text + "\n")
            n += 1
        return n
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _write_feature_collection(features: Iterator[str], out: IO[str]) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in features:
        out.write((",\n" if n else "") + feature)
        n += 1
    out.write("\n]}\n")
    return n


def _write_csv(con: Any, filters: EventFilter | None, canonical: bool, out: IO[str]) -> int:
    """ACLED CSV: header as ACLED spells it, then rows written by Arrow's CSV writer batch by batch."""
    import csv
    import io

    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    csv.writer(out, lineterminator="\n").writerow(EXPORT_COLUMNS)
    ids = EXPORT_COLUMNS.index(EXTRA_PREFIX + "article_ids")
    schema = export_schema()
    schema = schema.set(ids, pa.field(EXTRA_PREFIX + "article_ids", pa.string()))
    options = pacsv.WriteOptions(include_header=False)
    n = 0
    for batch in record_batches(con, filters, canonical):
        columns = list(batch.columns)
        columns[ids] = pc.binary_join(columns[ids], "|")  # a list cell as ACLED-style "a|b"
        sink = io.BytesIO()
        pacsv.write_csv(pa.RecordBatch.from_arrays(columns, schema=schema), sink, options)
        out.write(sink.getvalue().decode("utf-8"))
        n += batch.num_rows
    return n


__all__ = ["FORMATS", "export_schema", "json_texts", "record_batches", "rows", "write_export"]
