"""``sitrep eval NAME``: run a scorer against ../shared/data and check its floors."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from sitrep.cli import app
from sitrep.cli.common import fail
from sitrep.errors import SitrepError


@app.command("eval")
def eval_command(
    name: str = typer.Argument(..., help="Scorer name, or 'all'. `sitrep eval list` shows them."),
    dataset: str | None = typer.Option(None, "--dataset", help="Dataset variant, e.g. lgl or gwn for geo."),
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Gold data folder (default ../shared/data)."),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N items (quick look)."),
    check_floors: bool = typer.Option(False, "--check-floors", help="Exit 1 when a metric is under its floor."),
) -> None:
    """Score sitrep on a public gold dataset; prints a table and a JSON line."""
    from sitrep.eval import registry as scorers

    if name == "list":
        for key, scorer in sorted(scorers.all_scorers().items()):
            typer.echo(f"{key:16} {scorer.description}")
        return
    try:
        reports = scorers.run(name, dataset=dataset, data_dir=data_dir, limit=limit)
    except SitrepError as exc:
        fail(exc)
    failed = False
    try:
        floors = scorers.load_floors() if check_floors else {}  # a missing floors file is an error, not a pass
    except SitrepError as exc:
        fail(exc)
    for report in reports:
        typer.echo(report.table())
        if report.details.get("confusions"):
            typer.echo("  confusions (gold -> predicted, count):")
            for row in report.details["confusions"]:
                # scorers give (gold, predicted, count) or ((gold, predicted), count)
                (gold, pred), count = (row[0], row[1]) if len(row) == 2 else ((row[0], row[1]), row[2])
                typer.echo(f"    {gold} -> {pred} ({count})")
        typer.echo(json.dumps(report.to_json(), sort_keys=True))
        if check_floors:
            for problem in report.below_floors(floors):
                typer.echo(f"BELOW FLOOR {problem}", err=True)
                failed = True
    if failed:
        raise typer.Exit(code=1)
