"""`sitrep dedupe` on a store file."""

from __future__ import annotations

import json

from dedup_fixtures import demo_reports, store_with
from typer.testing import CliRunner

from sitrep.cli import _load_commands, app
from sitrep.store import Store


def test_dedupe_command_reports_canonical_events_and_is_idempotent(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store_with(store, demo_reports())
    _load_commands()
    runner = CliRunner()
    first = runner.invoke(app, ["dedupe", "--db", str(db), "--json"])
    assert first.exit_code == 0, first.output
    stats = json.loads(first.output)
    assert stats["canonical_total"] == 3 and stats["new_events"] == 6
    again = runner.invoke(app, ["dedupe", "--db", str(db)])
    assert again.exit_code == 0 and "0 new" in again.output


def test_dedupe_command_fails_cleanly_without_a_store(tmp_path):
    _load_commands()
    result = CliRunner().invoke(app, ["dedupe", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2 and "E400" in result.output
