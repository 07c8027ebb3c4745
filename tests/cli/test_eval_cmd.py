"""`sitrep eval`: list, a scorer's table and JSON, --check-floors exit codes, unknown names, missing floors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import _load_commands, app
from sitrep.eval import registry

_load_commands()
runner = CliRunner()


@pytest.fixture
def fake_scorer(monkeypatch):
    """A scorer that measures f1 = 0.75 on set "demo", registered for the test only."""
    registry.all_scorers()
    fake = registry.Scorer("tests-fake", lambda base, dataset, limit: [
        registry.Report("tests-fake", "demo", metrics={"f1": 0.75}, counts={"items": limit or 4})
    ], "a fake scorer for CLI tests")
    monkeypatch.setitem(registry._SCORERS, "tests-fake", fake)
    return fake


def _floors(tmp_path, monkeypatch, f1: float):
    path = tmp_path / "floors.toml"
    path.write_text(f'["tests-fake.demo"]\nf1 = {f1}\n')
    monkeypatch.setenv("SITREP_FLOORS", str(path))


def test_eval_list_names_every_registered_scorer():
    result = runner.invoke(app, ["eval", "list"])
    assert result.exit_code == 0, result.output
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert set(registry.all_scorers()) <= listed


def test_eval_prints_the_table_and_one_json_line(fake_scorer):
    result = runner.invoke(app, ["eval", "tests-fake", "--limit", "7"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "tests-fake.demo" and any("0.7500" in line for line in lines)
    report = json.loads(lines[-1])
    assert report == {"scorer": "tests-fake", "dataset": "demo", "metrics": {"f1": 0.75}, "counts": {"items": 7}}


def test_check_floors_exits_1_under_a_floor_and_0_above(fake_scorer, tmp_path, monkeypatch):
    _floors(tmp_path, monkeypatch, 0.8)
    under = runner.invoke(app, ["eval", "tests-fake", "--check-floors"])
    assert under.exit_code == 1
    assert "BELOW FLOOR tests-fake.demo.f1: 0.7500 < 0.8" in under.stderr
    _floors(tmp_path, monkeypatch, 0.7)
    above = runner.invoke(app, ["eval", "tests-fake", "--check-floors"])
    assert above.exit_code == 0 and "BELOW FLOOR" not in above.stderr
    # without --check-floors a figure under its floor is reported, not failed
    _floors(tmp_path, monkeypatch, 0.9)
    assert runner.invoke(app, ["eval", "tests-fake"]).exit_code == 0


def test_check_floors_without_a_floors_file_is_an_error(fake_scorer, tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_FLOORS", str(tmp_path / "missing.toml"))
    result = runner.invoke(app, ["eval", "tests-fake", "--check-floors"])
    assert result.exit_code == 2 and "E302" in result.stderr


def test_unknown_scorer_is_an_error_with_the_known_names():
    result = runner.invoke(app, ["eval", "no-such-scorer"])
    assert result.exit_code == 2
    assert "E109" in result.stderr and "geo" in result.stderr
