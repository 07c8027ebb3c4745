"""``sitrep review export`` writes coders' reviews as training records."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitrep.cli import _load_commands, app
from sitrep.server import create_app

SERVER_TESTS = Path(__file__).resolve().parents[1] / "server"


def _build_store(path: Path) -> None:
    sys.path.insert(0, str(SERVER_TESTS))
    try:
        spec = importlib.util.spec_from_file_location("server_fixture", SERVER_TESTS / "conftest.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(SERVER_TESTS))
    module.build_store(path)


def test_review_export_writes_one_record_per_reviewed_event(tmp_path: Path) -> None:
    db = tmp_path / "sitrep.duckdb"
    _build_store(db)
    auth = {"Authorization": "Bearer t"}
    with TestClient(create_app(db, token="t")) as client:
        body = {"action": "correct", "reviewer": "li", "changes": {"fatalities": 7}}
        assert client.post("/api/events/a3-000/review", json=body, headers=auth).status_code == 200
        body = {"action": "reject", "reviewer": "li"}
        assert client.post("/api/events/c-basra/review", json=body, headers=auth).status_code == 200
    _load_commands()
    out = tmp_path / "reviews.jsonl"
    result = CliRunner().invoke(app, ["review", "export", "--db", str(db), "--output", str(out), "--text"])
    assert result.exit_code == 0, result.output
    records = {r["event_id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert records["a3-000"]["label"] == "correct"
    assert records["a3-000"]["gold"]["fatalities"] == 7 and records["a3-000"]["machine"]["fatalities"] == 4
    assert records["a3-000"]["text"].startswith("Fighting at Ramadi")
    assert records["c-basra"]["label"] == "reject" and records["c-basra"]["kind"] == "canonical"


def test_review_export_refuses_a_missing_store(tmp_path: Path) -> None:
    _load_commands()
    result = CliRunner().invoke(app, ["review", "export", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
