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


def run_review(db: Path, same: tuple[str, str] | None = None, different: tuple[str, str] | None = None,
               export: Path | None = None) -> dict[str, Any]:
    """Record a reviewer's verdict on two events and/or export every verdict as training pairs."""
    from sitrep.dedup import decisions
    from sitrep.store import Store

    out: dict[str, Any] = {}
    with Store(db) as store:
        for pair, verdict in ((same, True), (different, False)):
            if pair:
                out = decisions.decide(store.con, pair[0], pair[1], verdict)
        if export is not None:
            out["exported_pairs"] = decisions.export_pairs(store.con, export)
    return out


@app.command("dedupe")
def dedupe_command(
    db: Path | None = typer.Option(None, "--db", help="DuckDB store (default $SITREP_DB or sitrep.duckdb)."),
    config: Path | None = typer.Option(None, "--config", help="TOML file overriding dedup settings."),
    full: bool = typer.Option(False, "--full", help="Re-cluster every event (existing canonical ids are kept)."),
    as_json: bool = typer.Option(False, "--json", help="Print the run's figures as one JSON line."),
    same: tuple[str, str] | None = typer.Option(
        None, "--same", help="Reviewer's verdict: these two event ids are one event (merged at the next run)."),
    different: tuple[str, str] | None = typer.Option(
        None, "--different", help="Reviewer's verdict: these two event ids are different events (never joined)."),
    export_pairs: Path | None = typer.Option(
        None, "--export-pairs", help="Write reviewers' verdicts as labelled training pairs (JSONL) to this file."),
) -> None:
    """Group reports of the same real-world event into canonical events; flag uncertain matches.

    With --same/--different/--export-pairs it records or exports reviewers' verdicts instead of clustering.
    """
    path = existing_store(db)
    if same or different or export_pairs:
        try:
            done = run_review(path, same, different, export_pairs)
        except SitrepError as exc:
            fail(exc)
        typer.echo(json.dumps(done, sort_keys=True))
        return
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
