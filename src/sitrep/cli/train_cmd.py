"""``sitrep train coder|actors|places|dedup``: rebuild a learned artifact from coded data.

Each artifact registers its own sub-command (``sitrep.cli.train_<name>_cmd``) on
``train_app``; the training code lives in ``sitrep.learn`` and needs the
``learn`` extra (scikit-learn, openpyxl). Shipped artifacts are rebuilt by the
documented command in each model card.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

from sitrep.cli import app

# The options every ACLED-trained artifact's command takes, declared once.
EXPORTS_ARG = typer.Argument(..., help="ACLED export files or folders (CSV/XLSX, any schema).")
HOLDOUT_OPT = typer.Option("none", "--holdout",
                           help="Countries never read: 'none' (the package's build), 'default' (the evaluation's "
                                "held-out countries), or 'A,B'.")

train_app = typer.Typer(help="Rebuild a learned artifact (coder, actor table, places, dedup matcher) from coded data.",
                        no_args_is_help=True)
app.add_typer(train_app, name="train")


def _load_train_commands() -> None:
    import sitrep.cli as cli_pkg

    for info in pkgutil.iter_modules(cli_pkg.__path__):
        if info.name.startswith("train_") and info.name.endswith("_cmd"):
            importlib.import_module(f"sitrep.cli.{info.name}")


_load_train_commands()
