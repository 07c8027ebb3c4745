"""``sitrep alerts``: the week's surges per admin1 × event type, as JSON or a Markdown table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from sitrep.cli import app
from sitrep.cli.common import existing_store, fail, open_output
from sitrep.errors import SitrepError


def store_alerts(db: Path, params: dict[str, str]) -> dict[str, Any]:
    """The same answer ``GET /api/alerts`` gives for these query parameters."""
    import duckdb

    from sitrep.server.alerts import alerts
    from sitrep.server.db import Database

    try:
        database = Database(db)
    except duckdb.IOException:  # a running `sitrep serve` holds the write lock: read alongside it
        database = Database(db, read_only=True)
    try:
        return alerts(database, params)
    finally:
        database.close()


def format_markdown(body: dict[str, Any]) -> str:
    week = body.get("week") or "no events"
    settings = body["settings"]
    head = (f"# Surges, week of {week}\n\n{len(body['alerts'])} flagged of {body['tested']} admin1 × event type "
            f"cells ({body['history_weeks']} weeks of history; p ≤ {settings['alpha']}, at least "
            f"{settings['min_count']} events).\n")
    if not body["alerts"]:
        return head
    lines = [head, "| country | admin1 | event type | events | 4-week avg | 52-week avg | p-value | model |",
             "|---|---|---|---:|---:|---:|---:|---|"]
    for a in body["alerts"]:
        cells = [a["country"], a["admin1"], a["event_type"], a["count"], a["avg_4w"], a["avg_52w"],
                 f"{a['p_value']:.2g}", a["model"]]
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


@app.command("alerts")
def alerts_cmd(
    db: Path = typer.Option(None, "--db", help="the store (default: $SITREP_DB or sitrep.duckdb)"),
    week: str = typer.Option(None, "--week", help="YYYY-MM-DD, a day of the week to test (default: latest week)"),
    fmt: str = typer.Option("md", "--format", help="md | json"),
    where: list[str] = typer.Option(
        [], "--where", help="an ACLED-style filter, e.g. --where country=Iraq --where event_type=Battles"
    ),
    alpha: float = typer.Option(0.01, "--alpha", help="p-value threshold"),
    min_count: int = typer.Option(5, "--min-count", help="fewest events in the week to flag"),
    output: Path = typer.Option(None, "--output", "-o", help="write here instead of stdout"),
) -> None:
    """List the admin1 × event type cells whose week is far above their 4- and 52-week averages."""
    if fmt not in ("md", "json"):
        fail(SitrepError("E401", f"--format: {fmt!r} is not md or json"))
    params: dict[str, str] = {"alpha": str(alpha), "min_count": str(min_count)}
    if week:
        params["week"] = week
    for item in where:
        name, sep, value = item.partition("=")
        if not sep:
            fail(SitrepError("E401", f"--where {item!r}: write column=value"))
        params[name.strip()] = value
    from sitrep.server.filters import FilterError

    try:
        body = store_alerts(existing_store(db), params)
    except FilterError as exc:
        fail(SitrepError("E401", str(exc)))
    with open_output(output) as out:
        out.write(json.dumps(body, indent=2, ensure_ascii=False) + "\n" if fmt == "json" else format_markdown(body))
