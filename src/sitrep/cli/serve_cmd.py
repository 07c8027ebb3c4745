"""``sitrep serve``: the HTTP API and the dashboard over one store file; ``--watch`` also polls the feeds."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import typer

from sitrep.cli import app
from sitrep.cli.common import default_db, fail
from sitrep.errors import SitrepError


def serve(
    db: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    *,
    watch: bool = False,
    workers: int | None = None,
    policy: Any = None,
    tick: float = 1.0,
) -> None:
    """Serve ``db`` until interrupted. Binds to localhost unless told otherwise.

    With ``watch``, this process also polls the store's feeds and ingests and dedupes what they bring
    (DuckDB has one writer, so the server is the one that writes); the API keeps answering meanwhile.
    """
    import uvicorn

    from sitrep.server import create_app

    application = create_app(db, token=token)
    if not watch:
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    from sitrep.engines import make_engine
    from sitrep.feeds import Fetcher
    from sitrep.server.feeds import attach_watcher

    with make_engine(None, workers) as engine:
        attach_watcher(application, engine, Fetcher(policy), tick=tick)
        uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command("serve")
def serve_cmd(
    db: Path = typer.Option(None, "--db", help="store file (default: SITREP_DB or sitrep.duckdb)"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to bind; 0.0.0.0 exposes it to the network"),
    port: int = typer.Option(8000, "--port", help="TCP port"),
    watch: bool = typer.Option(False, "--watch", help="Also poll the feeds (`sitrep feeds add`), ingest and dedupe."),
    workers: int | None = typer.Option(None, "--workers", "-j", min=0, help="--watch: worker processes (0 = here)."),
    tick: float = typer.Option(1.0, "--tick", min=0.05, help="--watch: seconds between checks for due feeds."),
    per_host_delay: float = typer.Option(1.0, "--per-host-delay", min=0, help="--watch: seconds between requests to one host."),
    timeout: float = typer.Option(15.0, "--timeout", min=0.1, help="--watch: seconds to wait for a server."),
    retries: int = typer.Option(2, "--retries", min=0, help="--watch: retries of a timeout, 5xx or 429."),
    backoff: float = typer.Option(1.0, "--backoff", min=0, help="--watch: seconds before the first retry (doubles)."),
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json) and the dashboard.

    Ingest and review endpoints need the bearer token in SITREP_TOKEN; without
    it set, the API is read-only.
    """
    from sitrep.cli.feeds_cmd import make_policy

    path = db or default_db()
    token = os.environ.get("SITREP_TOKEN") or None
    typer.echo(f"sitrep: serving {path} at http://{host}:{port}/ (API docs: /docs)", err=True)
    if watch:
        typer.echo("sitrep: watching the feeds (`sitrep feeds list`; GET /api/feeds)", err=True)
    if not token:
        typer.echo("sitrep: SITREP_TOKEN is not set: ingest and reviews are disabled", err=True)
    try:
        serve(
            path, host=host, port=port, token=token, watch=watch, workers=workers,
            policy=make_policy(per_host_delay, timeout, retries, backoff), tick=tick,
        )
    except SitrepError as exc:
        fail(exc)
