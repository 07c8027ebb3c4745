"""Shared CLI helpers: error exit, output files, progress bars."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, NoReturn, TypeVar

import typer

from sitrep.errors import SitrepError

T = TypeVar("T")


def fail(exc: SitrepError) -> NoReturn:
    typer.echo(f"error {exc.code}: {exc.detail}", err=True)
    raise typer.Exit(code=2)


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[IO[str]]:
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f


def default_db() -> Path:
    return Path(os.environ.get("SITREP_DB", "sitrep.duckdb"))


def progress_iter(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """Items with a progress bar on stderr when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True, console=None) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)


def existing_store(db: Path | None) -> Path:
    """The store a read command works on (``--db``, else the default); a clear E400 when it is missing."""
    path = db or default_db()
    if not path.exists():
        fail(SitrepError("E400", f"{path}: no such store; run `sitrep ingest` first"))
    return path
