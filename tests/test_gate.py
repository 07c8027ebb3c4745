"""The gate's own rules: which skips fail under CI=true with ../shared present."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest
import tests_gate


def _root_conftest():
    # by path: with the whole suite collected, a bare "conftest" import can resolve to a sub-folder's conftest
    spec = importlib.util.spec_from_file_location("sitrep_root_conftest", Path(__file__).with_name("conftest.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_fail_gated_skip = _root_conftest()._fail_gated_skip


def _skipped(nodeid: str):
    return SimpleNamespace(nodeid=nodeid, skipped=True, outcome="skipped",
                           longrepr=("x.py", 1, "Skipped: data not present"))


@pytest.mark.parametrize(
    ("nodeid", "fixtures", "markers", "expected"),
    [
        ("tests/eval/test_geo.py::test_x", (), (), True),
        ("tests/test_seed_end_to_end.py::test_x", (), (), True),
        ("tests/stages/test_geocode.py::test_seed_events", ("seed_text",), (), True),
        ("tests/engines/test_spark.py", (), (), True),
        ("tests/engines/test_other.py::test_x", (), ("spark",), True),
        ("tests/web/test_dashboard_browser.py::test_x", (), ("browser",), False),
        ("tests/io/test_readers.py::test_x", (), (), False),
    ],
)
def test_which_tests_are_gated(nodeid, fixtures, markers, expected):
    assert tests_gate.gated(nodeid, fixtures, markers) is expected


def test_gated_skip_fails_only_under_ci_with_shared(monkeypatch):
    monkeypatch.setattr(tests_gate, "SHARED", tests_gate.Path(__file__).parent)  # "present"
    monkeypatch.setenv("CI", "true")
    report = _skipped("tests/eval/test_geo.py::test_x")
    _fail_gated_skip(report)
    assert report.outcome == "failed" and "data not present" in report.longrepr

    other = _skipped("tests/io/test_readers.py::test_x")
    _fail_gated_skip(other)
    assert other.outcome == "skipped"

    monkeypatch.setenv("CI", "false")
    local = _skipped("tests/eval/test_geo.py::test_x")
    _fail_gated_skip(local)
    assert local.outcome == "skipped"

    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(tests_gate, "SHARED", tests_gate.Path("/nonexistent/shared"))
    absent = _skipped("tests/eval/test_geo.py::test_x")
    _fail_gated_skip(absent)
    assert absent.outcome == "skipped"  # no ../shared: a plain checkout may skip
