"""The local engine of ``sitrep run`` (no Spark), and reading a run's Parquet back.

Writes the layout described in ``sitrep.engines.batch`` with the same row
functions the Spark workers use, so both engines' outputs compare equal.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.engines.batch import (
    OUTPUT_TABLES,
    PARQUET_COLUMNS,
    PARTITION_COLUMNS,
    TEXT_SUFFIXES,
    RunSettings,
    RunSummary,
    articles_schema,
    detect_format,
    events_schema,
    first_per_text,
    input_from_record,
    input_row,
    inputs_from_file,
    list_files,
    process_rows,
    quarantine_schema,
    record_batch,
    relative_name,
    typed_events,
    write_summary,
)
from sitrep.errors import SitrepError
from sitrep.io.readers import Input
from sitrep.io.writers import EXTRA_PREFIX


def read_local_inputs(path: str, fmt: str) -> Iterator[Input]:
    root = os.path.abspath(path)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        for f in list_files(Path(root), (".parquet",)):
            pf = pq.ParquetFile(f)
            columns = [c for c in PARQUET_COLUMNS if c in pf.schema_arrow.names]
            row = 0
            for batch in pf.iter_batches(columns=columns, batch_size=1024):
                name = relative_name(str(f), root)
                for record in batch.to_pylist():
                    yield input_from_record(record, name, row)
                    row += 1
        return
    for f in list_files(Path(root), TEXT_SUFFIXES):
        try:
            raw = f.read_bytes()
        except OSError as exc:
            raise SitrepError("E108", f"{f}: {exc.strerror or exc}") from exc
        yield from inputs_from_file(raw, relative_name(str(f), root))


def prepare_output(output: Path, overwrite: bool) -> None:
    for sub in OUTPUT_TABLES:
        target = output / sub
        if target.exists():
            if not overwrite:
                raise SitrepError("E500", f"{target} (use --overwrite to replace it)")
            shutil.rmtree(target)
    output.mkdir(parents=True, exist_ok=True)


def run_local(
    input_path: str,
    output: str,
    config: str | Path | dict[str, Any] | None = None,
    published: str | None = None,
    input_format: str = "auto",
    overwrite: bool = False,
    timestamp: int | None = None,
    chunk_articles: int = 2000,
) -> RunSummary:
    """``sitrep run --engine local``: the Spark engine's layout, in this process, without Spark."""
    import time

    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    settings = RunSettings.for_run(config, timestamp)
    fmt = detect_format(input_path) if input_format == "auto" else input_format
    started = time.perf_counter()
    out_dir = Path(output)
    prepare_output(out_dir, overwrite)
    summary = RunSummary("local", input_path, output, timestamp=settings.timestamp)
    todo = first_per_text(input_row(i, published) for i in read_local_inputs(input_path, fmt))
    partitioning = ds.partitioning(pa_partition_schema(), flavor="hive")
    quarantine: list[dict[str, Any]] = []
    (out_dir / "events").mkdir()
    (out_dir / "articles").mkdir()
    for number, start in enumerate(range(0, len(todo), chunk_articles)):
        done = process_rows(todo[start : start + chunk_articles], settings)
        summary.articles += len(done.articles)
        if done.articles:
            done.articles.sort(key=lambda a: a["article_id"])
            pq.write_table(pa.Table.from_batches([record_batch(done.articles, articles_schema())]),
                           out_dir / "articles" / f"part-{number:05d}.parquet", compression="zstd")  # fmt: skip
        summary.inputs += done.inputs
        quarantine += done.quarantine
        events = typed_events(done.events)
        summary.events += len(events)
        if events:
            events.sort(key=lambda r: (r["country"] or "", r["month"] or "", r[EXTRA_PREFIX + "event_id"]))
            table = pa.Table.from_batches([record_batch(events, events_schema())])
            ds.write_dataset(table, out_dir / "events", format="parquet", partitioning=partitioning,
                             basename_template=f"part-{number:05d}-{{i}}.parquet",
                             existing_data_behavior="overwrite_or_ignore",
                             file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"))  # fmt: skip
    summary.quarantined = len(quarantine)
    (out_dir / "quarantine").mkdir()
    quarantine.sort(key=lambda q: (q["input_id"], q["code"]))
    qtable = pa.Table.from_batches([record_batch(quarantine, quarantine_schema())])
    pq.write_table(qtable, out_dir / "quarantine" / "part-00000.parquet", compression="zstd")
    summary.seconds = round(time.perf_counter() - started, 3)
    write_summary(output, summary)
    return summary


# ---------------------------------------------------------------- reading a run back


def read_events(output: str | Path) -> Any:
    """The events of a run (either engine) as one Arrow table: ``EXPORT_COLUMNS`` + ``month``, by event id."""
    import pyarrow.dataset as ds

    partitioning = ds.partitioning(pa_partition_schema(), flavor="hive")
    table = ds.dataset(Path(output) / "events", format="parquet", partitioning=partitioning).to_table()
    table = table.select(events_schema().names).cast(events_schema())
    return table.sort_by(EXTRA_PREFIX + "event_id")


def read_quarantine(output: str | Path) -> Any:
    """The quarantine of a run as one Arrow table, by input id and code."""
    import pyarrow.dataset as ds

    table = ds.dataset(Path(output) / "quarantine", format="parquet").to_table()
    return table.select(quarantine_schema().names).cast(quarantine_schema()).sort_by([("input_id", "ascending"),
                                                                                     ("code", "ascending")])  # fmt: skip


def read_articles(output: str | Path) -> Any:
    """The articles of a run as one Arrow table, by article id."""
    import pyarrow.dataset as ds

    table = ds.dataset(Path(output) / "articles", format="parquet").to_table()
    return table.select(articles_schema().names).cast(articles_schema()).sort_by("article_id")


def pa_partition_schema() -> Any:
    import pyarrow as pa

    return pa.schema([(c, pa.string()) for c in PARTITION_COLUMNS])
