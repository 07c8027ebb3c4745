"""CI gate: every registered scorer runs on ../shared/data and meets floors.toml.

Scorers skip cleanly when their data is absent, so on a machine without ../shared the floor tests pass with
skipped reports. Under CI (``CI=true`` with ../shared present; see tests/conftest.py) the gate cannot go
quiet: a skipped report fails, every floors.toml key must match a report that measured something, and a
missing floors.toml fails collection (``registry.load_floors`` raises E302).
"""

from __future__ import annotations

import pytest
from tests_gate import SHARED, ci_gate

from sitrep.eval import registry

SCORERS = sorted(registry.all_scorers())
FLOORS = registry.load_floors()
_REPORTS: dict[str, list[registry.Report]] = {}  # filled by the scorer tests, read by the key check


def _reports(name: str) -> list[registry.Report]:
    if name not in _REPORTS:
        _REPORTS[name] = registry.run(name)
    return _REPORTS[name]


def test_floors_file_exists_and_only_names_registered_scorers():
    assert registry.FLOORS_FILE.exists(), f"{registry.FLOORS_FILE} is missing"
    assert FLOORS, "floors.toml has no floors"
    known = set(SCORERS)
    for key in FLOORS:
        assert key.split(".")[0] in known, f"floors.toml names unknown scorer {key}"


@pytest.mark.slow
@pytest.mark.parametrize("name", SCORERS)
def test_scorer_meets_its_floors(name):
    reports = _reports(name)
    assert reports
    if ci_gate():
        skipped = [f"{r.key}: {r.skipped}" for r in reports if r.skipped]
        assert not skipped, f"scorer skipped under CI: {skipped}"
    problems = [p for r in reports for p in r.below_floors(FLOORS)]
    assert not problems, problems
    measured = [r for r in reports if not r.skipped]
    for report in measured:
        assert report.metrics, f"{report.key} measured nothing"


@pytest.mark.slow
def test_every_floors_key_matches_a_report():
    """A typo or a renamed dataset leaves a floor nothing is held to: fail instead of passing quietly."""
    if not SHARED.is_dir():
        pytest.skip("no ../shared: scorers report skips whose keys need not match")
    reports = [r for name in SCORERS for r in _reports(name)]
    known = {r.key for r in reports}
    assert not sorted(set(FLOORS) - known), f"floors.toml keys no scorer reports: {sorted(set(FLOORS) - known)}"
    if ci_gate():
        unmeasured = registry.unmeasured_floors(FLOORS, reports)
        assert not unmeasured, f"floors.toml keys no report measured: {unmeasured}"


def test_unmeasured_floors_names_typos_and_skips():
    reports = [registry.Report("geo", "lgl", metrics={"acc161": 0.8}), registry.Report("geo", "gwn", skipped="gone")]
    floors = {"geo.lgl": {"acc161": 0.7}, "geo.gwn": {"acc161": 0.8}, "geo.lgll": {"acc161": 0.7}}
    assert registry.unmeasured_floors(floors, reports) == ["geo.gwn", "geo.lgll"]


def test_missing_floors_file_is_an_error(tmp_path):
    from sitrep.errors import SitrepError

    with pytest.raises(SitrepError) as info:
        registry.load_floors(tmp_path / "floors.toml")
    assert info.value.code == "E302"
    bad = tmp_path / "bad.toml"
    bad.write_text("[geo.lgl\nacc161 = ")
    with pytest.raises(SitrepError):
        registry.load_floors(bad)
