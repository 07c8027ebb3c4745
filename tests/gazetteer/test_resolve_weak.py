"""A sea is in no country: never abroad when the country is given."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.resolve import Resolver, Toponym


def test_a_sea_is_not_abroad_when_the_country_is_given() -> None:
    resolver = Resolver(load_gazetteer())
    sea = Toponym("Gulf of Aden", 0, 12)
    resolver.resolve([sea], "YE")
    assert sea.entry is not None and sea.entry.feature == "sea"
