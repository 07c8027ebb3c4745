"""A process that loaded the gazetteer exits quietly."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("duckdb")


def test_gazetteer_exit_leaves_no_leak_report_from_duckdb() -> None:
    # DuckDB imported first, as `sitrep ingest` does: its objects were frozen with the gazetteer's tables and,
    # never freed, made its bindings print "leaked instances" on every exit
    code = "import duckdb\nfrom sitrep.gazetteer import load_gazetteer\nload_gazetteer()\nprint('loaded')\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.strip() == "loaded"
    assert "leaked" not in done.stderr
