"""The ``sitrep`` command line. Thin: each command wraps an importable function.

Each command lives in its own module under ``sitrep.cli`` and registers
itself on ``app`` when imported; the list below is the whole CLI.
"""

from __future__ import annotations

import importlib
import os

import typer

app = typer.Typer(
    name="sitrep",
    help="Turn news reports about armed conflict into a coded, geocoded, deduplicated event dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = (
    "sitrep.cli.extract_cmd",
    "sitrep.cli.eval_cmd",
    "sitrep.cli.demo_cmd",
    "sitrep.cli.serve_cmd",
    "sitrep.cli.review_cmd",
    "sitrep.cli.ingest_cmd",
    "sitrep.cli.status_cmd",
    "sitrep.cli.export_cmd",
    "sitrep.cli.dedupe_cmd",
    "sitrep.cli.gazetteer_cmd",
    "sitrep.cli.run_cmd",
    "sitrep.cli.train_cmd",
    "sitrep.cli.alerts_cmd",
    "sitrep.cli.feeds_cmd",
)


@app.callback()
def _options(
    strict: bool = typer.Option(
        False, "--strict", help="A stage that raises on an article stops the run (E200) instead of degrading "
        "that article (W200: the other stages' output kept). Same as SITREP_STRICT=1."
    ),
) -> None:
    if strict:
        from sitrep.pipeline import STRICT_ENV

        os.environ[STRICT_ENV] = "1"


def _load_commands() -> None:
    for module in COMMAND_MODULES:
        importlib.import_module(module)


def main() -> None:
    _load_commands()
    app()
