"""``sitrep extract``: articles in, coded events out (no store needed)."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path

import typer

from sitrep.cli import app
from sitrep.cli.common import fail, open_output, progress_iter
from sitrep.errors import SitrepError


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    acled_csv = "acled-csv"
    geojson = "geojson"


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter("expected YYYY-MM-DD") from exc


def run_extract(
    inputs: list[str],
    published: str | None,
    fmt: str,
    output: Path | None,
    config: Path | None = None,
    include_all: bool = False,
) -> int:
    """Extract every input and write ``fmt`` to ``output`` (stdout when None)."""
    from sitrep.extraction import extract_inputs
    from sitrep.io.readers import read_inputs
    from sitrep.io.writers import write_results
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline(config)
    results = extract_inputs(read_inputs(inputs), published=published, pipeline=pipeline)
    with open_output(output) as out:
        return write_results(progress_iter(results, "extracting"), fmt, out, include_all=include_all)


@app.command()
def extract(
    inputs: list[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl) or - for stdin."),
    published: str | None = typer.Option(None, "--published", callback=check_date, help="Publication date YYYY-MM-DD."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    config: Path | None = typer.Option(None, "--config", help="Pipeline config (TOML) merged over the default."),
    include_all: bool = typer.Option(
        False, "--all-modalities", help="CSV/GeoJSON: also write negated, hypothetical and future events."
    ),
) -> None:
    """Extract coded events, actors, places, dates and quotes from articles."""
    try:
        run_extract(inputs, published, fmt.value, output, config, include_all)
    except SitrepError as exc:
        fail(exc)
    except BrokenPipeError:
        sys.stderr.close()
