"""An admin1 unit's prior follows its size: a tiny unit abroad does not outweigh a capital's prefecture."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.resolve import Resolver, Toponym

_AREA = ("admin1", "country", "admin2", "region")  # what a bracket after a place may name


def _unit(name: str) -> Toponym:
    top = Toponym(name, 0, len(name), hints=_AREA)
    Resolver(load_gazetteer()).resolve([top])
    return top


def test_a_tiny_admin1_unit_abroad_loses_to_a_capitals_prefecture() -> None:
    """'Rabat (Rabat)': Morocco's Rabat, not the Maltese local council (an admin1 unit of 12,000 people)."""
    rabat = _unit("Rabat")
    assert rabat.entry is not None and rabat.entry.cc == "MA"
