"""``sitrep train actors``: rebuild the ACLED actor table (``data/actors_acled.csv``) from ACLED exports."""

from __future__ import annotations

from pathlib import Path

import typer

from sitrep.cli.train_cmd import EXPORTS_ARG, HOLDOUT_OPT, train_app

_DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "actors_acled.csv"


def train_actors(inputs: list[Path], output: Path = _DEFAULT_OUT, holdout: str | None = None,
                 min_notes: int = 3) -> int:
    """Mine the exports under ``inputs`` (training countries only) and write the table; returns its rows."""
    from sitrep.learn.acled import read_exports
    from sitrep.learn.actors import build_table, hand_aliases, hand_generic_names, write_table
    from sitrep.learn.splits import parse_holdout

    table = build_table(read_exports(inputs), parse_holdout(holdout), min_notes=min_notes, skip=hand_generic_names(),
                        taken=hand_aliases())
    return write_table(table, output)


@train_app.command("actors")
def actors_cmd(
    inputs: list[Path] = EXPORTS_ARG,
    output: Path = typer.Option(_DEFAULT_OUT, "--output", "-o", help="Where to write the table."),
    holdout: str = HOLDOUT_OPT,
    min_notes: int = typer.Option(3, "--min-notes", help="Notes a phrase needs with its actor to be kept."),
) -> None:
    """Learn how ACLED notes name each actor; the hand-made actors.csv still wins where they conflict."""
    rows = train_actors(inputs, output, holdout, min_notes)
    typer.echo(f"wrote {rows} actor rows to {output}")
