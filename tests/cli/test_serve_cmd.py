"""``sitrep serve`` binds to localhost by default and takes the write token from SITREP_TOKEN."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sitrep.cli import _load_commands, app


def test_serve_binds_localhost_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}

    def fake_run(application: Any, host: str, port: int, log_level: str) -> None:
        # Stands in for the network listener only: the app itself is built for real.
        seen.update(host=host, port=port, token=application.state.token, db=application.state.db.path)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("SITREP_TOKEN", "s3cret")
    _load_commands()
    db = tmp_path / "sitrep.duckdb"
    result = CliRunner().invoke(app, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert seen == {"host": "127.0.0.1", "port": 8000, "token": "s3cret", "db": str(db)}
    monkeypatch.delenv("SITREP_TOKEN")
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", "8123"])
    assert seen["port"] == 8123 and seen["token"] is None
    assert "ingest and reviews are disabled" in result.output
