"""Batch runs to partitioned Parquet: the layout ``sitrep run`` writes, whatever the engine.

``OUT/events/country=…/month=YYYY-MM/*.parquet`` holds one row per event, in
the columns of ``sitrep export --format parquet`` (``EXPORT_COLUMNS``; ``country``
and ``month`` live in the directory names, hive style). ``OUT/quarantine/``
holds one row per input that could not be processed, in the columns of the
store's quarantine table. ``OUT/articles/`` holds one row per distinct text
processed (the store's ``articles`` columns + every input id and the event
count), so evidence spans can be cut from the text without the input.
``OUT/_sitrep_run.json`` summarises the run.

Everything here is plain Python + pyarrow so the local engine and the Spark
workers share it line for line; ``sitrep.engines.spark`` only moves Arrow
batches around. The row rules mirror the store's (article id = hash of the
normalised text, event id = article id + ordinal, one article per distinct
text listing every input id that carried it), so Spark output and a store
export of the same input agree.
"""

from __future__ import annotations

import json
import os
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from sitrep import resources

# the Arrow side, split into schemas.py: re-exported, importers of ``batch`` read it from here too
from sitrep.engines.schemas import articles_schema as articles_schema
from sitrep.engines.schemas import coerce as coerce
from sitrep.engines.schemas import events_schema as events_schema
from sitrep.engines.schemas import input_schema as input_schema
from sitrep.engines.schemas import output_schema as output_schema
from sitrep.engines.schemas import quarantine_schema as quarantine_schema
from sitrep.engines.schemas import record_batch as record_batch
from sitrep.engines.schemas import typed_events as typed_events
from sitrep.engines.schemas import with_month as with_month
from sitrep.errors import SitrepError
from sitrep.io.readers import Input, article_from_record, read_jsonl_lines, read_text_document
from sitrep.io.writers import event_row
from sitrep.model import Article, ErrorInfo, Result, text_hash

TEXT_SUFFIXES = (".jsonl", ".ndjson", ".txt", ".text", ".html", ".htm")
PARQUET_COLUMNS = ("id", "url", "title", "source", "published", "date", "language", "text")
PARTITION_COLUMNS = ("country", "month")
SUMMARY_FILE = "_sitrep_run.json"
OUTPUT_TABLES = ("events", "articles", "quarantine")

# ---------------------------------------------------------------- reading


def relative_name(file_path: str, root: str) -> str:
    """The name ids are built from: the path below the input root (its file name for a single file).

    Both arguments may be URIs (``file:/…``, ``s3a://bucket/…``) or plain paths.
    """

    def path_part(p: str) -> str:
        parsed = urlparse(p)
        raw = unquote(parsed.path) if parsed.scheme and len(parsed.scheme) > 1 else p
        return posixpath.normpath(raw) if raw else raw

    file_part, root_part = path_part(file_path), path_part(root)
    if file_part == root_part or not file_part.startswith(root_part.rstrip("/") + "/"):
        return posixpath.basename(file_part)
    return posixpath.relpath(file_part, root_part)


def inputs_from_file(raw: bytes, name: str) -> Iterator[Input]:
    """Inputs from one file's bytes, exactly as ``sitrep extract`` reads that file."""
    suffix = posixpath.splitext(name)[1].lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl_lines(iter(raw.splitlines()), name)
    else:
        yield read_text_document(raw, name, suffix)


def input_from_record(record: dict[str, Any], name: str, row_index: int) -> Input:
    """An Input from one Parquet row (``row_index`` 0-based in its file; ids say ``name:row`` 1-based)."""
    fallback = f"{name}:{row_index + 1}"
    return article_from_record(record, fallback, origin=fallback)


def input_row(item: Input, default_published: str | None = None) -> dict[str, Any]:
    """An Input as a flat row of ``input_schema()``."""
    row: dict[str, Any] = {"input_id": item.id, "origin": item.origin, "input_ids": [item.id]}
    a = item.article
    if a is None:
        failure = item.failure or ErrorInfo(code="E101", message="input has no text")
        raw_hash = getattr(item, "raw_hash", None)
        row.update(fail_code=failure.code, fail_message=failure.message, fail_stage=failure.stage)
        row["content_hash"] = raw_hash or text_hash(item.id)
        return row
    row.update(text=a.text, url=a.url, title=a.title, source=a.source, language=a.language)
    row["published"] = a.published or default_published
    row["content_hash"] = a.content_hash
    return row


def article_of(row: dict[str, Any]) -> Article:
    return Article(
        text=row["text"],
        id=row["input_id"],
        url=row.get("url"),
        title=row.get("title"),
        source=row.get("source"),
        published=row.get("published"),
        language=row.get("language"),
    )


def first_per_text(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per distinct text: the one with the smallest (input_id, origin), listing every input id.

    Failed inputs pass through untouched. The Spark engine applies the same
    rule with ``min_by`` + ``collect_set`` so both engines pick the same row.
    """
    chosen: dict[str, dict[str, Any]] = {}
    ids: dict[str, set[str]] = {}
    failed: list[dict[str, Any]] = []
    for row in rows:
        if row.get("fail_code"):
            failed.append(row)
            continue
        h = row["content_hash"]
        ids.setdefault(h, set()).add(row["input_id"])
        best = chosen.get(h)
        if best is None or (row["input_id"], row["origin"]) < (best["input_id"], best["origin"]):
            chosen[h] = row
    for h, row in chosen.items():
        row["input_ids"] = sorted(ids[h])
    return [*chosen.values(), *failed]


# ---------------------------------------------------------------- processing


@dataclass
class RunSettings:
    """What every worker needs to process rows: plain JSON, shipped once per task."""

    config: dict[str, Any]
    timestamp: int  # the run's start (epoch s): events' ``timestamp`` and ``quarantined_at``

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> RunSettings:
        return cls(**json.loads(text))

    @classmethod
    def for_run(cls, config: str | Path | dict[str, Any] | None = None, timestamp: int | None = None) -> RunSettings:
        """Resolve the config on the driver (user file, SITREP_DATA_PATH) so workers need no environment."""
        from sitrep.pipeline import load_config

        resolved = json.loads(json.dumps(config if isinstance(config, dict) else load_config(config)))
        settings = resolved.setdefault("pipeline", {})
        dirs = [str(d) for d in settings.get("data_dirs", [])]
        dirs += [str(d) for d in resources.user_data_dirs() if str(d) not in dirs]
        settings["data_dirs"] = [os.path.abspath(d) for d in dirs]
        ts = int(datetime.now(UTC).timestamp()) if timestamp is None else int(timestamp)
        return cls(config=resolved, timestamp=ts)


_PIPELINES: dict[str, Any] = {}


def pipeline_for(config: dict[str, Any]) -> Any:
    """The Pipeline for ``config``, built once per process (a Spark Python worker reuses it across tasks)."""
    key = json.dumps(config, sort_keys=True)
    pipe = _PIPELINES.get(key)
    if pipe is None:
        from sitrep.pipeline import Pipeline

        pipe = _PIPELINES[key] = Pipeline(json.loads(key))
    return pipe


@dataclass
class Output:
    events: list[dict[str, Any]] = field(default_factory=list)
    quarantine: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)  # distinct texts processed without error
    inputs: int = 0  # input ids covered (a text carried by two ids counts twice)


def process_rows(rows: list[dict[str, Any]], settings: RunSettings) -> Output:
    """Run the pipeline over decoded input rows; failures become quarantine rows, never exceptions."""
    out = Output(inputs=sum(len(r.get("input_ids") or [1]) for r in rows))
    ok = [r for r in rows if not r.get("fail_code")]
    for r in rows:
        if r.get("fail_code"):
            failure = ErrorInfo(code=r["fail_code"], message=r.get("fail_message") or "", stage=r.get("fail_stage"))
            out.quarantine.append(quarantine_row(r, failure, settings.timestamp))
    if not ok:
        return out
    pipe = pipeline_for(settings.config)
    for start in range(0, len(ok), pipe.batch_size):
        chunk = ok[start : start + pipe.batch_size]
        results: list[Result] = pipe.process_batch([article_of(r) for r in chunk])
        for row, result in zip(chunk, results, strict=True):
            if result.failures:  # W200 (a stage degraded) is not a failure: the article's events still count
                out.quarantine.append(quarantine_row(row, result.failures[0], settings.timestamp))
                continue
            events = event_rows(row, result, settings.timestamp)
            out.events.extend(events)
            out.articles.append(article_row(row, len(events), settings.timestamp))
    return out


def event_rows(row: dict[str, Any], result: Result, timestamp: int) -> list[dict[str, Any]]:
    """Export rows for one article's events, with the store's ids and fallbacks."""
    h = row["content_hash"]
    rows = []
    for ordinal, event in enumerate(result.events):
        e = event.to_dict()
        e["event_id"] = e["event_id_cnty"] = f"{h}-{ordinal:03d}"
        e["article_id"] = h
        e["source"] = e.get("source") or row.get("source")
        e["evidence"] = json.dumps(e.get("evidence") or {}, ensure_ascii=False)
        e["timestamp"] = e.get("timestamp") or timestamp
        rows.append(event_row(e, article_ids=list(row["input_ids"])))
    return rows


def article_row(row: dict[str, Any], events: int, timestamp: int) -> dict[str, Any]:
    keep = ("input_id", "origin", "url", "title", "source", "published", "language", "text", "input_ids")
    return {
        "article_id": row["content_hash"],
        **{k: row.get(k) for k in keep},
        "events": events,
        "ingested_at": datetime.fromtimestamp(timestamp, UTC).replace(tzinfo=None),
    }


def quarantine_row(row: dict[str, Any], failure: ErrorInfo, timestamp: int) -> dict[str, Any]:
    import hashlib

    chash = row.get("content_hash") or text_hash(row["input_id"])
    key = f"{row['input_id']}\0{failure.code}\0{chash}"
    return {
        "quarantine_id": hashlib.sha256(key.encode("utf-8")).hexdigest()[:20],
        "input_id": row["input_id"],
        "origin": row.get("origin"),
        "code": failure.code,
        "message": failure.message,
        "stage": failure.stage,
        "content_hash": chash,
        "quarantined_at": datetime.fromtimestamp(timestamp, UTC).replace(tzinfo=None),
    }


def output_batch(out: Output) -> Any:
    """One worker batch of ``output_schema()`` holding events, quarantine rows and a per-batch article count."""
    rows: list[dict[str, Any]] = [{"kind": "event", **r} for r in typed_events(out.events)]
    rows += [{"kind": "quarantine", **{"q_" + k: v for k, v in q.items()}} for q in out.quarantine]
    rows += [{"kind": "article", **{"a_" + k: v for k, v in a.items()}} for a in out.articles]
    rows.append({"kind": "stats", "n_inputs": out.inputs})
    return record_batch(rows, output_schema())


# ---------------------------------------------------------------- the local engine


@dataclass
class RunSummary:
    engine: str
    input: str
    output: str
    inputs: int = 0  # decoded inputs, failed ones included
    articles: int = 0  # distinct texts processed without error
    events: int = 0
    quarantined: int = 0
    seconds: float = 0.0
    timestamp: int = 0
    master: str | None = None
    partitions: int | None = None

    @property
    def articles_per_second(self) -> float:
        return (self.articles + self.quarantined) / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "articles_per_second": round(self.articles_per_second, 2)}


def detect_format(path: str) -> str:
    """'parquet' for a .parquet file or a local folder holding one, else 'files' (JSONL / text / HTML)."""
    if path.rstrip("/").lower().endswith(".parquet"):
        return "parquet"
    p = Path(path)
    if p.is_dir() and list_files(p, (".parquet",)):
        return "parquet"
    return "files"


def list_files(root: Path, suffixes: tuple[str, ...] | None) -> list[Path]:
    """Files below ``root`` as Spark lists them: recursive, skipping names starting with '.' or '_'."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise SitrepError("E108", f"{root}: no such file or folder")
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            if name.startswith((".", "_")):
                continue
            if suffixes is None or name.endswith(suffixes):  # case-sensitive, like Spark's glob
                found.append(Path(dirpath) / name)
    return found


def write_summary(output: str, summary: RunSummary) -> None:
    parsed = urlparse(output)
    if parsed.scheme and parsed.scheme != "file" and len(parsed.scheme) > 1:
        return  # remote output: the summary is printed only
    path = Path(unquote(parsed.path) if parsed.scheme == "file" else output) / SUMMARY_FILE
    path.write_text(json.dumps(summary.to_dict(), indent=2) + "\n", encoding="utf-8")
