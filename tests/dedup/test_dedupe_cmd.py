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


def test_dedupe_command_records_a_verdict_and_exports_it_as_a_training_pair(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store_with(store, demo_reports())
    _load_commands()
    runner = CliRunner()
    assert runner.invoke(app, ["dedupe", "--db", str(db)]).exit_code == 0
    verdict = runner.invoke(app, ["dedupe", "--db", str(db), "--different", "tarmiyah-ied-1-0", "tarmiyah-ied-2-0"])
    assert verdict.exit_code == 0, verdict.output
    assert json.loads(verdict.output)["effect"] == "split at the next sitrep dedupe --full"
    out = tmp_path / "pairs.jsonl"
    exported = runner.invoke(app, ["dedupe", "--db", str(db), "--export-pairs", str(out)])
    assert exported.exit_code == 0 and json.loads(exported.output)["exported_pairs"] == 1
    assert json.loads(out.read_text(encoding="utf-8"))["same"] is False
    unknown = runner.invoke(app, ["dedupe", "--db", str(db), "--same", "tarmiyah-ied-1-0", "nope"])
    assert unknown.exit_code != 0 and "E402" in unknown.output
