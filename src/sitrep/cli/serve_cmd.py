"""``sitrep serve``: the HTTP API and the dashboard over one store file."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from sitrep.cli import app
from sitrep.cli.common import default_db, fail
from sitrep.errors import SitrepError


def serve(db: Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve ``db`` until interrupted. Binds to localhost unless told otherwise."""
    import uvicorn

    from sitrep.server import create_app

    application = create_app(db, token=token)
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command("serve")
def serve_cmd(
    db: Path = typer.Option(None, "--db", help="store file (default: SITREP_DB or sitrep.duckdb)"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to bind; 0.0.0.0 exposes it to the network"),
    port: int = typer.Option(8000, "--port", help="TCP port"),
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json) and the dashboard.

    Ingest and review endpoints need the bearer token in SITREP_TOKEN; without
    it set, the API is read-only.
    """
    path = db or default_db()
    token = os.environ.get("SITREP_TOKEN") or None
    typer.echo(f"sitrep: serving {path} at http://{host}:{port}/ (API docs: /docs)", err=True)
    if not token:
        typer.echo("sitrep: SITREP_TOKEN is not set: ingest and reviews are disabled", err=True)
    try:
        serve(path, host=host, port=port, token=token)
    except SitrepError as exc:
        fail(exc)
