"""``sitrep train name-country``: refit the place-name -> country model (``data/name_country.npz``)."""

from __future__ import annotations

from pathlib import Path

import typer

from sitrep.cli.train_cmd import train_app

_DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "name_country.npz"


@train_app.command("name-country")
def name_country_cmd(
    output: Path = typer.Option(_DEFAULT_OUT, "--output", "-o", help="Where to write the model."),
) -> None:
    """Learn which country a place name sounds like, from the gazetteer's GeoNames names (no ACLED rows)."""
    from sitrep.learn.name_country import build

    counts = build(output)
    typer.echo(f"wrote {output}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
