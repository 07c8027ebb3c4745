"""``sitrep demo``: ingest the bundled synthetic corpus, dedupe it and serve the dashboard.

The whole path a user takes, on data shipped with the package: extract and
store every article, group reports of the same incident into canonical
events, print what came out, then serve the API and dashboard at
http://127.0.0.1:8000 (``--no-serve`` stops after the summary).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import typer

from sitrep.cli import app
from sitrep.cli.common import fail
from sitrep.errors import SitrepError

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DEFAULT_DB = Path("out") / "demo.duckdb"


def sample_corpus() -> Path:
    return SAMPLES / "corpus.jsonl"


def build_demo_store(db: Path, workers: int | None = None) -> dict[str, Any]:
    """Ingest the sample corpus into ``db`` and dedupe it (both idempotent); returns both runs' figures."""
    from sitrep.cli.dedupe_cmd import run_dedupe
    from sitrep.cli.ingest_cmd import run_ingest_command

    ingest = run_ingest_command([str(sample_corpus())], db, workers=workers, quiet=True)
    dedupe = run_dedupe(db)  # incremental: a rerun finds nothing new and keeps every canonical id
    return {"ingest": ingest, "dedupe": dedupe}


def summarise(db: Path, figures: dict[str, Any], console: Any = None) -> None:
    """Print the canonical events (with how many sources report each) and the run's figures."""
    from rich.console import Console
    from rich.table import Table

    from sitrep.store import Store

    out = console if isinstance(console, Console) else Console(width=None if os.isatty(1) else 150)
    with Store(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT payload->>'event_date', payload->>'event_type', payload->>'sub_event_type', payload->>'actor1', "
            "payload->>'actor2', concat_ws(', ', payload->>'location', payload->>'admin1', payload->>'country'), "
            "payload->>'fatalities', len(article_ids) FROM canonical_events "
            "ORDER BY payload->>'event_date', canonical_id"
        ).fetchall()
        counts = store.counts()
    table = Table(title="sitrep demo: deduplicated events in the sample corpus (synthetic)")
    for column in ("date", "event type", "sub-event", "actors", "location", "fatal.", "sources"):
        table.add_column(column)
    for date, etype, sub, a1, a2, where, fatalities, n in rows:
        actors = f"{a1} vs {a2}" if a1 and a2 else a1 or a2 or ""
        table.add_row(date or "", etype or "", sub or "", actors, where or "", fatalities or "0", str(n))
    out.print(table)
    ingest = figures["ingest"]
    out.print(
        f"{counts['articles']} articles ({ingest['new']} new this run, {counts['quarantined']} quarantined), "
        f"{counts['asserted_events']} asserted events -> {counts['canonical_events']} canonical events, "
        f"{counts['possible_duplicates']} possible duplicates flagged for review. Store: {db}"
    )


@app.command()
def demo(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="demo store file (created if missing)"),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="serve the dashboard after the summary"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to bind"),
    port: int = typer.Option(8000, "--port", help="TCP port"),
    workers: int | None = typer.Option(None, "--workers", "-j", help="ingest worker processes (default: one per core)"),
) -> None:
    """Ingest and dedupe the bundled synthetic corpus, print a summary, then serve the dashboard."""
    try:
        figures = build_demo_store(db, workers)
        summarise(db, figures)
    except SitrepError as exc:
        fail(exc)
    if not serve:
        return
    from sitrep.cli.serve_cmd import serve as run_server

    # Reviews need a token; the demo makes one up unless SITREP_TOKEN is set, and
    # hands it to the page in the URL fragment (which never reaches the server's logs).
    token = os.environ.get("SITREP_TOKEN") or secrets.token_urlsafe(16)
    typer.echo(f"\nDashboard: http://{host}:{port}/#token={token}")
    typer.echo(f"API: http://{host}:{port}/api/events  (OpenAPI: /openapi.json, docs: /docs)  Ctrl-C stops.")
    try:
        run_server(db, host=host, port=port, token=token)
    except SitrepError as exc:
        fail(exc)
