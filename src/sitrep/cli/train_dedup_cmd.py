"""``sitrep train dedup``: refit the dedup match model on UCDP GED headlines."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from sitrep.cli.train_cmd import train_app


def run_train_dedup(data_dir: Path | None = None, out: Path | None = None, per_country: int = 5000) -> dict[str, object]:
    """Fit on the fitting countries of ``<data_dir>/ucdp_ged`` and write the artifact to ``out``."""
    from sitrep.errors import SitrepError
    from sitrep.eval.registry import gold_dir
    from sitrep.learn import ucdp
    from sitrep.learn.dedup_train import train

    base = gold_dir(data_dir)
    if not ucdp.files(base / "ucdp_ged"):
        raise SitrepError("E109", f"no UCDP GED files in {base / 'ucdp_ged'}")
    target = out or Path(__file__).resolve().parents[1] / "data" / "models" / "dedup"
    return train(base, target, per_country)


@train_app.command("dedup")
def train_dedup_command(
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Gold data folder holding ucdp_ged/ (default ../shared/data)."),
    out: Path | None = typer.Option(None, "--out", help="Artifact folder (default: the package's data/models/dedup)."),
    per_country: int = typer.Option(5000, "--per-country", help="Headlines sampled per fitting country (5000: about all the usable ones)."),
) -> None:
    """Refit the dedup match model (logistic regression) on UCDP GED multi-report events."""
    from sitrep.cli.common import fail
    from sitrep.errors import SitrepError

    try:
        figures = run_train_dedup(data_dir, out, per_country)
    except SitrepError as exc:
        fail(exc)
    typer.echo(json.dumps(figures, sort_keys=True, default=float))
