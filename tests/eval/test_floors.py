"""CI gate: every registered scorer runs on ../shared/data and meets floors.toml.

Scorers skip cleanly when their data is absent, so this passes on a machine
without ../shared; with it, a figure under its floor fails the build.
"""

from __future__ import annotations

import pytest

from sitrep.eval import registry

SCORERS = sorted(registry.all_scorers())
FLOORS = registry.load_floors()


def test_floors_file_only_names_registered_scorers():
    known = set(SCORERS)
    for key in FLOORS:
        assert key.split(".")[0] in known, f"floors.toml names unknown scorer {key}"


@pytest.mark.slow
@pytest.mark.parametrize("name", SCORERS)
def test_scorer_meets_its_floors(name):
    reports = registry.run(name)
    assert reports
    problems = [p for r in reports for p in r.below_floors(FLOORS)]
    assert not problems, problems
    measured = [r for r in reports if not r.skipped]
    for report in measured:
        assert report.metrics, f"{report.key} measured nothing"
