"""``sitrep ingest``: files, folders, feeds or stdin into the store, idempotently."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from sitrep.cli import app
from sitrep.cli.common import default_db, fail
from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from sitrep.store.ingest import Progress as IngestProgress


@contextmanager
def progress_reporter(total: int | None, quiet: bool) -> Iterator[Callable[[IngestProgress], None]]:
    """A callback for ``ingest_inputs``: a live bar on a terminal, a line every few seconds otherwise."""
    if quiet:
        yield lambda progress: None
        return
    if sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        columns = (
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} articles/s"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, transient=True) as bar:
            task = bar.add_task("ingest", total=total, rate=0.0)

            def update(progress: IngestProgress) -> None:
                bar.update(task, completed=progress.inputs, rate=progress.rate)

            yield update
        return
    last = [0.0]

    def line(p: IngestProgress) -> None:
        now = time.monotonic()
        if p.batches > 1 and now - last[0] < 2.0:
            return
        last[0] = now
        eta = ""
        if total and p.rate > 0:
            eta = f", ETA {max(0, total - p.inputs) / p.rate:.0f}s"
        print(
            f"ingest: batch {p.batches} committed, {p.inputs}{'/' + str(total) if total else ''} inputs, "
            f"{p.rate:.1f} articles/s{eta}",
            file=sys.stderr,
            flush=True,
        )

    yield line


def run_ingest_command(
    paths: list[str],
    db: Path,
    config: Path | None = None,
    workers: int | None = None,
    batch_size: int = 64,
    quiet: bool = False,
    check_language: bool = True,
    memory_limit: str | None = "512MB",
    country: str | None = None,
) -> dict[str, object]:
    """Ingest ``paths`` into ``db``; returns the run's summary as a dict."""
    from sitrep.engines import make_engine
    from sitrep.io.sizing import check_paths, estimate_count

    check_paths(paths)
    total = estimate_count(paths)
    if workers is None and total is not None and total <= batch_size:
        workers = 0  # one batch: starting worker processes would cost more than it saves
    # The engine first: its fork server builds the workers' pipeline (~3 s) while this process imports
    # the store and opens it, instead of after.
    with make_engine(config, workers) as engine:
        from sitrep.io.readers import read_inputs, with_country
        from sitrep.store import Store
        from sitrep.store.ingest import run_ingest

        with Store(db, memory_limit=memory_limit) as store, progress_reporter(total, quiet) as report:
            progress = run_ingest(
                with_country(read_inputs(paths, tolerant=True), country),  # an unreadable file is quarantined
                store,
                engine,
                paths,
                batch_size=batch_size,
                check_language=check_language,
                on_batch=report,
            )
    summary: dict[str, object] = dict(progress.summary.to_dict())
    summary["inputs"] = progress.inputs
    summary["seconds"] = round(progress.elapsed, 2)
    summary["articles_per_second"] = round(progress.rate, 2)
    return summary


def format_summary(summary: dict[str, object]) -> str:
    reasons = summary.get("reasons") or {}
    why = ", ".join(f"{code}: {n}" for code, n in sorted(reasons.items())) if isinstance(reasons, dict) else ""
    return (
        f"ingested {summary['inputs']} inputs in {summary['seconds']}s ({summary['articles_per_second']} articles/s): "
        f"{summary['new']} new, {summary['unchanged']} unchanged, {summary['updated']} updated, "
        f"{summary['aliases']} new ids for known articles, {summary['quarantined']} quarantined"
        + (f" ({why})" if why else "")
        + f"; {summary['events']} events"
        + (f"; {summary['degraded']} stored with a stage degraded (W200)" if summary.get("degraded") else "")
    )


@app.command()
def ingest(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders (.txt .html .jsonl .xml/.rss/.atom .csv), or - for stdin."
    ),
    db: Path = typer.Option(None, "--db", help="DuckDB file (default: SITREP_DB or sitrep.duckdb)."),
    config: Path | None = typer.Option(None, "--config", help="Pipeline config (TOML) merged over the default."),
    workers: int | None = typer.Option(
        None, "--workers", "-j", min=0, help="Worker processes (default: one per core; 0 = in this process)."
    ),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per batch (= per transaction)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
    no_language_check: bool = typer.Option(False, "--no-language-check", help="Do not quarantine non-English text."),
    memory_limit: str = typer.Option(
        "512MB", "--memory-limit", help="Cap on DuckDB's cache and indexes in the ingest process (DuckDB syntax)."
    ),
    country: str | None = typer.Option(None, "--country",
                                       help="Reporting country (name or ISO code) for inputs that give none."),
) -> None:
    """Ingest articles into the store: new ones are processed, known ones skipped, bad ones quarantined."""
    try:
        summary = run_ingest_command(
            paths, db or default_db(), config, workers, batch_size, quiet, not no_language_check, memory_limit, country
        )
    except SitrepError as exc:
        fail(exc)
    except KeyboardInterrupt:
        typer.echo("interrupted: every committed batch is kept; run the same command again to finish", err=True)
        raise typer.Exit(code=130) from None
    typer.echo(format_summary(summary), err=True)
