"""``sitrep dedupe``: cluster stored events into canonical events (incremental by default)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from sitrep.cli import app
from sitrep.cli.common import existing_store, fail
from sitrep.errors import SitrepError


def run_dedupe(db: Path, config: Path | None = None, full: bool = False) -> dict[str, Any]:
    """Dedupe the store at ``db``; returns the run's counts and timings."""
    from sitrep.dedup.config import load_config
    from sitrep.dedup.store import dedupe
    from sitrep.store import Store

    cfg = load_config(config)
    with Store(db) as store:
        return dedupe(store.con, cfg, full=full)


@app.command("dedupe")
def dedupe_command(
    db: Path | None = typer.Option(None, "--db", help="DuckDB store (default $SITREP_DB or sitrep.duckdb)."),
    config: Path | None = typer.Option(None, "--config", help="TOML file overriding dedup settings."),
    full: bool = typer.Option(False, "--full", help="Re-cluster every event (existing canonical ids are kept)."),
    as_json: bool = typer.Option(False, "--json", help="Print the run's figures as one JSON line."),
) -> None:
    """Group reports of the same real-world event into canonical events; flag uncertain matches."""
    path = existing_store(db)
    try:
        stats = run_dedupe(path, config, full)
    except SitrepError as exc:
        fail(exc)
    if as_json:
        typer.echo(json.dumps(stats, sort_keys=True))
        return
    typer.echo(
        f"{stats['events']} events considered ({stats['new_events']} new): "
        f"{stats['canonical_total']} canonical events in the store, {stats['updated_canonical']} created or updated, "
        f"{stats['possible_duplicates']} possible duplicates flagged, {stats['aliases']} merged ids kept as aliases "
        f"({stats['seconds_load'] + stats['seconds_cluster'] + stats['seconds_write']:.1f}s)"
    )
