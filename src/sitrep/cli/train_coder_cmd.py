"""``sitrep train coder``: rebuild the coder model from ACLED exports (and review exports)."""

from __future__ import annotations

from pathlib import Path

import typer

from sitrep.cli.train_cmd import HOLDOUT_OPT, train_app
from sitrep.learn.splits import parse_holdout


def train_coder(data: list[Path], out: Path | None, holdout: str = "default", reviews: list[Path] | None = None,
                old_rows: bool = False, per_class: int = 500, eval_per_country: int = 50,
                cache: Path | None = None, char_features: int | None = None) -> dict[str, float]:
    """Plain function behind the command: train, print held-out figures, write the artifact to ``out``."""
    from sitrep.learn.coder import Options, train

    opts = Options(holdout=parse_holdout(holdout), per_class=per_class, old_rows=old_rows,
                   eval_per_country=eval_per_country, cache=cache, reviews=list(reviews or []))
    if char_features is not None:
        opts.max_char_features = char_features
    return train(list(data), out, opts, log=typer.echo)


@train_app.command("coder")
def coder_command(
    data: list[Path] = typer.Argument(..., help="ACLED export files or folders (CSV/XLSX, any schema)"),
    out: Path = typer.Option(None, "--out", help="artifact folder (default: your data folder's models/coder)"),
    holdout: str = HOLDOUT_OPT,
    reviews: list[Path] = typer.Option(None, "--reviews", help="`sitrep review export` file(s) to learn from"),
    old_rows: bool = typer.Option(False, "--old-rows", help="also learn from older rows whose type maps cleanly"),
    per_class: int = typer.Option(500, help="notes per sub-type run through the pipeline for rule features"),
    eval_per_country: int = typer.Option(50, help="held-out notes scored per country"),
    cache: Path = typer.Option(None, help="pickle file caching pipeline inputs between runs"),
    char_features: int = typer.Option(None, "--char-features",
                                      help="character 3-5-gram features of the words layer at most (0: words only)"),
) -> None:
    """Learn ACLED sub-event types from coded notes; prints held-out figures and writes a model with its card."""
    target = out or Path("models/coder")
    train_coder(data, target, holdout, reviews, old_rows, per_class, eval_per_country, cache, char_features)
