"""``sitrep review export``: coders' reviews as training data (one JSON record per reviewed event)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from sitrep.cli import app
from sitrep.cli.common import existing_store, fail, open_output
from sitrep.errors import SitrepError

review_app = typer.Typer(help="Coders' reviews of event codings (made in the dashboard or via the API).", no_args_is_help=True)
app.add_typer(review_app, name="review")


def export_reviews(db: Path, out: Path | None, include_text: bool = False) -> int:
    """Write one record per reviewed event to ``out`` (stdout for None or '-'); returns how many."""
    from sitrep.server.db import Database
    from sitrep.server.reviews import training_records

    database = Database(db)
    n = 0
    try:
        with open_output(out) as f:
            for record in training_records(database, include_text=include_text):
                f.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                n += 1
    finally:
        database.close()
    return n


@review_app.command("export")
def export_command(
    db: Path | None = typer.Option(None, "--db", help="DuckDB store (default $SITREP_DB or sitrep.duckdb)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="JSONL file (default: stdout)."),
    include_text: bool = typer.Option(False, "--text", help="Include each article's full text."),
) -> None:
    """Reviewed events as JSONL: machine coding, the coder's coding, label (accept/correct/reject), evidence."""
    path = existing_store(db)
    try:
        n = export_reviews(path, output, include_text)
    except SitrepError as exc:
        fail(exc)
    typer.echo(f"{n} reviewed events exported", err=True)
