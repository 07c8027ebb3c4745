"""``sitrep demo``: run the main job on the bundled synthetic sample corpus."""

from __future__ import annotations

from pathlib import Path

from sitrep.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def sample_corpus() -> Path:
    return SAMPLES / "corpus.jsonl"


def summarise(results: list, console: object | None = None) -> None:  # type: ignore[type-arg]
    """Print a readable table of the asserted events."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="sitrep demo: events in the sample corpus (synthetic)")
    for column in ("article", "date", "event type / sub-event", "actor 1", "actor 2", "location", "fatal."):
        table.add_column(column)
    for result in results:
        for e in result.asserted_events():
            table.add_row(
                result.id,
                e.event_date or "",
                f"{e.event_type or ''} / {e.sub_event_type or ''}",
                e.actor1 or "",
                e.actor2 or "",
                ", ".join(x for x in (e.location, e.admin1, e.country) if x),
                str(e.fatalities),
            )
    out = console if isinstance(console, Console) else Console()
    out.print(table)
    failed = [r for r in results if r.errors]
    out.print(f"{len(results)} articles, {sum(len(r.asserted_events()) for r in results)} events, {len(failed)} errors")


@app.command()
def demo() -> None:
    """Extract the bundled sample corpus and print a summary of its events."""
    from sitrep.extraction import extract_inputs
    from sitrep.io.readers import read_inputs

    results = list(extract_inputs(read_inputs([str(sample_corpus())])))
    summarise(results)
