"""The Spark engine: the same stages on a cluster (``sitrep run --engine spark``).

Spark only moves Arrow batches. Every decision about an article (how a file is
read, which inputs fail, what the stages find, how a row looks) is made by
``sitrep.engines.batch`` inside the Python workers, so the output is the local
engine's, row for row. The job:

1. read: ``binaryFile`` (JSONL / text / HTML files, decoded exactly as
   ``sitrep extract`` decodes them) or Parquet rows → decoded input rows;
2. one row per distinct text (``min_by`` / ``collect_set``, the local rule);
3. ``repartition`` → ``mapInArrow``: the pipeline, built once per Python
   worker and reused across tasks (nothing large is pickled: each task ships
   the config as a JSON string);
4. write events partitioned by country and month, and the quarantine.

With ``SPARK_REMOTE`` set (and no ``--master``), it runs over Spark Connect;
the server's Python workers then need sitrep installed.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sitrep.engines import batch as B
from sitrep.errors import SitrepError

ARROW_BATCH_ROWS = 32  # rows per Arrow batch into the workers: one pipeline batch


def local_cores(master: str) -> int:
    """Worker threads a ``local[N]`` / ``local[*]`` master asks for (1 for other masters)."""
    if master.startswith("local["):
        spec = master[len("local[") :].split(",")[0].rstrip("]")
        return (os.cpu_count() or 1) if spec == "*" else max(1, int(spec))
    return 1 if master == "local" else 0


def session_conf(master: str) -> dict[str, str]:
    """Settings for a session we start: offline, quiet, small shuffles, workers on this venv's Python."""
    conf = {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.parquet.compression.codec": "zstd",
        "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
        "spark.sql.execution.arrow.maxRecordsPerBatch": str(ARROW_BATCH_ROWS),
        "spark.python.worker.reuse": "true",
    }
    cores = local_cores(master)
    if cores:
        conf.update(
            {
                "spark.driver.host": "127.0.0.1",
                "spark.driver.bindAddress": "127.0.0.1",
                "spark.sql.shuffle.partitions": str(max(2, 2 * cores)),
            }
        )
    return conf


def java_available() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(shutil.which("java") or (home and Path(home, "bin", "java").exists()))


def start_session(master: str | None = None, conf: dict[str, str] | None = None, app_name: str = "sitrep") -> Any:
    """A SparkSession: Spark Connect when ``SPARK_REMOTE`` is set and no master is given, else classic."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SitrepError("E501", "pyspark is not installed: pip install 'sitrep[spark]'") from exc
    remote = os.environ.get("SPARK_REMOTE")
    if remote and not master:
        session = SparkSession.builder.remote(remote).appName(app_name).getOrCreate()
        for key, value in (conf or {}).items():
            session.conf.set(key, value)
        return session
    os.environ.pop("SPARK_REMOTE", None)  # an explicit --master wins
    if not java_available():
        raise SitrepError("E501", "Java 17+ is not installed (make install adds openjdk-17-jre-headless)")
    master = master or "local[*]"
    if local_cores(master) and not os.environ.get("PYSPARK_PYTHON"):
        # Workers must run this interpreter (the one with sitrep installed), not whatever `python3` is on PATH.
        os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = SparkSession.builder.master(master).appName(app_name)
    for key, value in {**session_conf(master), **(conf or {})}.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def is_connect(spark: Any) -> bool:
    return type(spark).__module__.startswith("pyspark.sql.connect")


def spark_schema(arrow_schema: Any) -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema)


# ---------------------------------------------------------------- worker functions (run in Python workers)


def decode_files(batches: Iterator[Any], root: str, published: str | None) -> Iterator[Any]:
    """binaryFile rows (path, content) → decoded input rows."""
    schema = B.input_schema()
    for arrow in batches:
        rows = []
        for path, content in zip(arrow.column("path").to_pylist(), arrow.column("content").to_pylist(), strict=True):
            for item in B.inputs_from_file(content, B.relative_name(path, root)):
                rows.append(B.input_row(item, published))
        yield B.record_batch(rows, schema)


def decode_records(batches: Iterator[Any], root: str, published: str | None) -> Iterator[Any]:
    """Parquet article rows (+ ``_file``, ``_row``) → decoded input rows."""
    schema = B.input_schema()
    for arrow in batches:
        rows = []
        for record in arrow.to_pylist():
            name = B.relative_name(record.pop("_file"), root)
            item = B.input_from_record(record, name, int(record.pop("_row")))
            rows.append(B.input_row(item, published))
        yield B.record_batch(rows, schema)


def process(batches: Iterator[Any], settings_json: str) -> Iterator[Any]:
    """Decoded input rows → events, quarantine rows and counts (``batch.output_schema()``)."""
    settings = B.RunSettings.from_json(settings_json)
    for arrow in batches:
        yield B.output_batch(B.process_rows(arrow.to_pylist(), settings))


# ---------------------------------------------------------------- the driver


def qualified(path: str) -> str:
    """Local paths made absolute (workers may not share our working directory); URIs as given."""
    parsed = urlparse(path)
    return path if parsed.scheme and len(parsed.scheme) > 1 else os.path.abspath(path)


def read_inputs(spark: Any, input_path: str, fmt: str, published: str | None) -> Any:
    """A DataFrame of ``batch.input_schema()`` rows, one per decoded input."""
    from pyspark.sql import functions as F

    root = qualified(input_path)
    schema = spark_schema(B.input_schema())
    if fmt == "parquet":
        reader = spark.read.option("recursiveFileLookup", "true").option("pathGlobFilter", "*.parquet")
        frame = reader.parquet(root)
        present = [c for c in B.PARQUET_COLUMNS if c in frame.columns]
        frame = frame.select(
            *present, F.col("_metadata.file_path").alias("_file"), F.col("_metadata.row_index").alias("_row")
        )
        return frame.mapInArrow(partial(decode_records, root=root, published=published), schema)
    suffixes = ",".join(s.lstrip(".") for s in B.TEXT_SUFFIXES)
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", f"*.{{{suffixes}}}")
        .load(root)
        .select("path", "content")
    )
    return files.mapInArrow(partial(decode_files, root=root, published=published), schema)


def one_per_text(inputs: Any) -> Any:
    """The local engine's ``first_per_text`` in Spark: smallest (input_id, origin) per text, all its ids."""
    from pyspark.sql import functions as F

    columns = [c for c in B.input_schema().names if c != "input_ids"]
    ok = inputs.filter(F.col("fail_code").isNull())
    firsts = ok.groupBy("content_hash").agg(
        F.min_by(F.struct(*columns), F.struct("input_id", "origin")).alias("first"),
        F.array_sort(F.collect_set("input_id")).alias("ids"),
    )
    firsts = firsts.select(*(F.col("first." + c).alias(c) for c in columns), F.col("ids").alias("input_ids"))
    return firsts.unionByName(inputs.filter(F.col("fail_code").isNotNull()))


def default_partitions(spark: Any, master: str | None) -> int:
    """A few tasks per core, so one slow batch does not leave cores idle at the end."""
    cores = 0
    if not is_connect(spark):
        cores = int(spark.sparkContext.defaultParallelism)
    elif master:
        cores = local_cores(master)
    return max(2, 4 * (cores or 8))


def run_spark(
    input_path: str,
    output: str,
    master: str | None = None,
    config: str | Path | dict[str, Any] | None = None,
    published: str | None = None,
    input_format: str = "auto",
    overwrite: bool = False,
    timestamp: int | None = None,
    partitions: int | None = None,
    spark: Any = None,
    conf: dict[str, str] | None = None,
) -> B.RunSummary:
    """``sitrep run --engine spark``: read, process and write with Spark; returns what was done.

    Pass ``spark`` to reuse a session (it is then left running); otherwise one is
    started from ``master`` / ``SPARK_REMOTE`` and stopped at the end.
    """
    from pyspark import StorageLevel

    settings = B.RunSettings.for_run(config, timestamp)
    check_stages(settings.config)
    fmt = B.detect_format(input_path) if input_format == "auto" else input_format
    own_session = spark is None
    session = start_session(master, conf) if own_session else spark
    try:
        started = time.perf_counter()
        for key, value in session_conf(master or "").items():
            if key.startswith("spark.sql.") and key != "spark.sql.shuffle.partitions":
                session.conf.set(key, value)  # runtime settings, also on a session we did not start
        out_root = qualified(output).rstrip("/")
        mode = "overwrite" if overwrite else "errorifexists"
        if not overwrite and not urlparse(out_root).scheme:
            for sub in B.OUTPUT_TABLES:
                if Path(out_root, sub).exists():
                    raise SitrepError("E500", f"{out_root}/{sub} (use --overwrite to replace it)")
        n = partitions or default_partitions(session, master)
        todo = one_per_text(read_inputs(session, input_path, fmt, published)).repartition(n)
        results = todo.mapInArrow(partial(process, settings_json=settings.to_json()), spark_schema(B.output_schema()))
        results = results.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            by_kind = write_outputs(results, out_root, mode)
        except SitrepError:
            raise
        except Exception as exc:  # noqa: BLE001 - a failed job surfaces as a catalogue error, not a JVM trace
            raise job_error(exc) from exc
        finally:
            results.unpersist()
        stats = by_kind.get("stats")
        summary = B.RunSummary(
            engine="spark",
            input=input_path,
            output=output,
            inputs=int(stats["inputs"] or 0) if stats else 0,
            articles=int(by_kind["article"]["rows"]) if "article" in by_kind else 0,
            events=int(by_kind["event"]["rows"]) if "event" in by_kind else 0,
            quarantined=int(by_kind["quarantine"]["rows"]) if "quarantine" in by_kind else 0,
            seconds=round(time.perf_counter() - started, 3),
            timestamp=settings.timestamp,
            master=master or os.environ.get("SPARK_REMOTE") or "local[*]",
            partitions=n,
        )
        B.write_summary(out_root, summary)
        return summary
    finally:
        if own_session:
            session.stop()


def write_outputs(results: Any, out_root: str, mode: str) -> dict[str, Any]:
    """Write events and quarantine from the (persisted) worker output; returns counts by kind."""
    from pyspark.sql import functions as F

    events = results.filter(F.col("kind") == "event").select(*B.events_schema().names)
    (
        events.repartition(*B.PARTITION_COLUMNS)
        .sortWithinPartitions("x_event_id")
        .write.mode(mode)
        .partitionBy(*B.PARTITION_COLUMNS)
        .parquet(out_root + "/events")
    )
    quarantine = results.filter(F.col("kind") == "quarantine").select(
        *(F.col("q_" + name).alias(name) for name in B.quarantine_schema().names)
    )
    quarantine.coalesce(1).sortWithinPartitions("input_id", "code").write.mode(mode).parquet(out_root + "/quarantine")
    articles = results.filter(F.col("kind") == "article").select(
        *(F.col("a_" + name).alias(name) for name in B.articles_schema().names)
    )
    articles.sortWithinPartitions("article_id").write.mode(mode).parquet(out_root + "/articles")
    counts = results.groupBy("kind").agg(F.count(F.lit(1)).alias("rows"), F.sum("n_inputs").alias("inputs"))
    return {row["kind"]: row for row in counts.collect()}


def check_stages(config: dict[str, Any]) -> None:
    """Unknown stage names fail here, on the driver, before any task starts."""
    from sitrep import registry

    for name in config.get("pipeline", {}).get("stages", []):
        registry.get(name)


def job_error(exc: Exception) -> SitrepError:
    """The catalogue error a worker raised (config, data file …) or E501 with the job's first message line."""
    text = str(exc)
    found = re.search(r"SitrepError: (E\d{3}): (.+)", text)
    if found:
        return SitrepError(found.group(1), found.group(2).strip())
    first = next((line.strip() for line in text.splitlines() if line.strip()), type(exc).__name__)
    return SitrepError("E501", f"the Spark job failed: {first[:500]}")
