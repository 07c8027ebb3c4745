"""`sitrep gazetteer lookup`: candidates with ACLED-style admin names, JSON lines, exit codes.

(`sitrep gazetteer build` runs in `make install`, which every test run starts with.)
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sitrep.cli import _load_commands, app

_load_commands()
runner = CliRunner()


def test_lookup_json_gives_candidates_best_first():
    result = runner.invoke(app, ["gazetteer", "lookup", "Kidal", "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert 1 <= len(rows) <= 3
    best = rows[0]
    assert best["country"] == "Mali" and best["name"] == "Kidal"
    assert abs(best["latitude"] - 18.44) < 1.5 and abs(best["longitude"] - 1.41) < 1.5  # the town or its region
    assert {"id", "feature", "admin1", "geo_precision", "population"} <= set(best)


def test_lookup_table_and_transliterations():
    result = runner.invoke(app, ["gazetteer", "lookup", "Al-Ramadi", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "Iraq" in result.stdout and "Ramadi" in result.stdout


def test_lookup_of_an_unknown_name_exits_1():
    result = runner.invoke(app, ["gazetteer", "lookup", "Qqxzzyv Nowhere"])
    assert result.exit_code == 1
    assert "no gazetteer entry" in result.stderr

