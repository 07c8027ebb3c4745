"""``sitrep train casing``: rebuild the lower-case word list (``data/lowercase_words.txt``) from ACLED exports."""

from __future__ import annotations

from pathlib import Path

import typer

from sitrep.cli.train_cmd import EXPORTS_ARG, train_app

_DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "lowercase_words.txt"


def train_casing(inputs: list[Path], output: Path = _DEFAULT_OUT, holdout: str | None = None) -> int:
    """Count the training countries' notes under ``inputs`` and write the list; returns its words."""
    from sitrep.learn.acled import read_exports
    from sitrep.learn.casing import build, write_words
    from sitrep.learn.splits import parse_holdout

    held = parse_holdout(holdout)
    words, notes = build(read_exports(inputs), held)
    write_words(words, notes, held, output)
    return len(words)


@train_app.command("casing")
def casing_cmd(
    inputs: list[Path] = EXPORTS_ARG,
    output: Path = typer.Option(_DEFAULT_OUT, "--output", "-o", help="Where to write the word list."),
    holdout: str = typer.Option("default", "--holdout", help="Countries never read: 'default' (the evaluation's "
                                "held-out countries: the word list is not swapped for the evaluation), 'none', 'A,B'."),
) -> None:
    """Learn which words are ordinary lower-case words, for reading Title Case headlines."""
    n = train_casing(inputs, output, holdout)
    typer.echo(f"wrote {n} words to {output}")
