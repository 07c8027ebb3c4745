"""``sitrep run``: a whole corpus to partitioned Parquet, in this process or on Spark."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from sitrep.cli import app
from sitrep.cli.common import fail
from sitrep.cli.extract_cmd import check_date
from sitrep.errors import SitrepError


class RunEngine(StrEnum):
    local = "local"
    spark = "spark"


class InputFormat(StrEnum):
    auto = "auto"
    files = "files"
    parquet = "parquet"


def parse_conf(items: list[str]) -> dict[str, str]:
    conf = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"expected KEY=VALUE, got {item!r}")
        conf[key.strip()] = value.strip()
    return conf


def run_corpus(
    engine: str,
    input_path: str,
    output: str,
    master: str | None = None,
    input_format: str = "auto",
    published: str | None = None,
    config: Path | None = None,
    overwrite: bool = False,
    partitions: int | None = None,
    conf: dict[str, str] | None = None,
) -> dict[str, object]:
    """Run ``engine`` over ``input_path`` into ``output``; returns the run summary."""
    if engine == "spark":
        from sitrep.engines.spark import run_spark

        summary = run_spark(
            input_path, output, master=master, config=config, published=published, input_format=input_format,
            overwrite=overwrite, partitions=partitions, conf=conf,
        )  # fmt: skip
    else:
        from sitrep.engines.batch import run_local

        summary = run_local(
            input_path, output, config=config, published=published, input_format=input_format, overwrite=overwrite
        )
    return summary.to_dict()


@app.command()
def run(
    input_path: str = typer.Option(..., "--input", "-i", help="A JSONL/text/HTML file or folder, or Parquet articles."),
    output: str = typer.Option(..., "--output", "-o", help="Output folder: events/ (by country, month), quarantine/."),
    engine: RunEngine = typer.Option(RunEngine.local, "--engine", help="local (this process) or spark."),
    master: str | None = typer.Option(
        None,
        "--master",
        help="Spark master: local[*], local[2], spark://host:7077 … (default: SPARK_REMOTE, else local[*]).",
    ),
    input_format: InputFormat = typer.Option(
        InputFormat.auto,
        "--format",
        help="files = JSONL/.txt/.html; parquet = rows with id, text, title, url, published…",
    ),
    published: str | None = typer.Option(
        None, "--published", callback=check_date, help="Publication date for inputs that give none (YYYY-MM-DD)."
    ),
    config: Path | None = typer.Option(None, "--config", help="Pipeline config (TOML) merged over the default."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace events/ and quarantine/ if they exist."),
    partitions: int | None = typer.Option(None, "--partitions", min=1, help="Spark: tasks to split the corpus into."),
    conf: list[str] = typer.Option([], "--conf", help="Spark: extra setting KEY=VALUE (repeatable)."),
) -> None:
    """Extract events from a whole corpus into partitioned Parquet (the same rows on every engine)."""
    try:
        summary = run_corpus(
            engine.value, input_path, output, master, input_format.value, published, config, overwrite, partitions,
            parse_conf(conf),
        )  # fmt: skip
    except SitrepError as exc:
        fail(exc)
    typer.echo(json.dumps(summary))
