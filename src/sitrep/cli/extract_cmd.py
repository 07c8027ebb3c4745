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
    workers: int | None = None,
    country: str | None = None,
) -> int:
    """Extract every input and write ``fmt`` to ``output`` (stdout when None).

    ``workers``: processes (None = one per core, 0 = in this process); one file of a few
    articles runs here, since starting workers would cost more than it saves.
    """
    from sitrep.engines import make_engine
    from sitrep.io.sizing import estimate_count
    from sitrep.pipeline import load_config

    settings = load_config(config)
    batch_size = int(settings.get("pipeline", {}).get("batch_size", 32))
    if workers is None and "-" not in inputs:
        total = estimate_count(inputs)
        if total is not None and total <= batch_size:
            workers = 0
    with make_engine(settings, workers) as engine:
        # imported once the engine's fork server is building the workers' pipeline, so the two overlap
        from sitrep.extraction import extract_inputs
        from sitrep.io.readers import read_inputs, with_country
        from sitrep.io.writers import write_results

        results = extract_inputs(with_country(read_inputs(inputs), country), published=published, engine=engine, batch_size=batch_size)
        with open_output(output) as out:
            return write_results(progress_iter(results, "extracting"), fmt, out, include_all=include_all)


@app.command()
def extract(
    inputs: list[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl) or - for stdin."),
    published: str | None = typer.Option(None, "--published", callback=check_date, help="Publication date YYYY-MM-DD."),
    country: str | None = typer.Option(None, "--country",
                                       help="Reporting country (name or ISO code) for inputs that give none."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    config: Path | None = typer.Option(None, "--config", help="Pipeline config (TOML) merged over the default."),
    include_all: bool = typer.Option(
        False, "--all-modalities", help="CSV/GeoJSON: also write negated, hypothetical and future events."
    ),
    workers: int | None = typer.Option(
        None, "--workers", "-j", min=0, help="Worker processes (default: one per core; 0 = in this process)."
    ),
) -> None:
    """Extract coded events, actors, places, dates and quotes from articles."""
    try:
        run_extract(inputs, published, fmt.value, output, config, include_all, workers, country)
    except SitrepError as exc:
        fail(exc)
    except BrokenPipeError:
        sys.stderr.close()
