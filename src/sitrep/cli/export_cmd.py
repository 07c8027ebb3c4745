"""``sitrep export``: stored (or canonical) events as ACLED CSV, Parquet, GeoJSON or JSONL."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from sitrep.cli import app
from sitrep.cli.common import default_db, fail, open_output
from sitrep.cli.extract_cmd import check_date
from sitrep.errors import SitrepError


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    parquet = "parquet"
    geojson = "geojson"
    jsonl = "jsonl"


def run_export(
    db: Path,
    fmt: str,
    output: Path | None,
    *,
    canonical: bool = False,
    all_modalities: bool = False,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    event_type: str | None = None,
    actor: str | None = None,
    memory_limit: str | None = "512MB",
) -> int:
    """Write the export; returns the number of rows (features for GeoJSON)."""
    from sitrep.store import EventFilter, Store
    from sitrep.store.export import write_export

    if not db.exists():
        raise SitrepError("E402", f"{db}: no store here yet (run `sitrep ingest` first)")
    filters = EventFilter.build(
        all_modalities=all_modalities,
        since=since,
        until=until,
        country=country,
        admin1=admin1,
        event_type=event_type,
        actor=actor,
    )
    # Capped so DuckDB sorts out of core: the export's memory does not grow with the store.
    with Store(db, read_only=True, memory_limit=memory_limit) as store:
        if fmt == "parquet":
            if output is None or str(output) == "-":
                raise SitrepError("E401", "parquet needs --output FILE")
            return write_export(store.con, fmt, None, filters, canonical, path=output)
        with open_output(output) as out:
            return write_export(store.con, fmt, out, filters, canonical)


@app.command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.acled_csv, "--format", "-f", help="Output format."),
    db: Path = typer.Option(None, "--db", help="DuckDB file (default: SITREP_DB or sitrep.duckdb)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    canonical: bool = typer.Option(False, "--canonical", help="Export canonical (deduplicated) events."),
    all_modalities: bool = typer.Option(
        False, "--all-modalities", help="Also negated, hypothetical and future events (default: asserted only)."
    ),
    since: str | None = typer.Option(None, "--since", callback=check_date, help="Events on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", callback=check_date, help="Events on or before YYYY-MM-DD."),
    country: str | None = typer.Option(None, "--country", help="Country name, as in the data."),
    admin1: str | None = typer.Option(None, "--admin1", help="First-level region, as in the data."),
    event_type: str | None = typer.Option(None, "--event-type", help="ACLED event type."),
    actor: str | None = typer.Option(None, "--actor", help="Part of an actor's name (actor1/2 or associated)."),
    memory_limit: str = typer.Option("512MB", "--memory-limit", help="Cap on DuckDB's memory (it spills to disk)."),
) -> None:
    """Export events: ACLED's columns in ACLED's order, then ours prefixed x_; streamed."""
    try:
        n = run_export(
            db or default_db(),
            fmt.value,
            output,
            canonical=canonical,
            all_modalities=all_modalities,
            since=since,
            until=until,
            country=country,
            admin1=admin1,
            event_type=event_type,
            actor=actor,
            memory_limit=memory_limit,
        )
    except SitrepError as exc:
        fail(exc)
    except BrokenPipeError:
        sys.stderr.close()
        return
    if output is not None and str(output) != "-":
        typer.echo(f"exported {n} {'canonical ' if canonical else ''}events to {output}", err=True)
