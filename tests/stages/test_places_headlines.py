"""Places stage on headline shorthand: a direction abbreviation before a country is a part of it, never a place."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("headline, country", [
    ("Drone strike kills 4 militants in NW Pak", "Pakistan"),
    ("Drone strike kills 4 militants in NW Pakistan", "Pakistan"),
    ("Gunmen kill 2 police officers in N. Nigeria", "Nigeria"),
    ("Bomb blast in SE Turkey kills soldier", "Turkey"),
])
def test_a_direction_abbreviation_is_no_place_of_its_own(run_places, headline: str, country: str) -> None:
    """'NW Pak' was Czechia's Nupaky and 'SE' Macao's Se: the abbreviation only says which part of the country."""
    d = run_places(headline)
    resolved = [p for p in d.places if p.name is not None]
    assert resolved and {p.country for p in resolved} == {country}


def test_a_township_is_in_a_country_with_townships(run_places) -> None:
    """'Kani Township' is Myanmar's (Sagaing), not Japan's town of Kani; a township the gazetteer lacks is left
    unresolved, not matched abroad."""
    kani = next(p for p in run_places("Army shells village in Kani Township").places if p.text.startswith("Kani"))
    assert kani.country == "Myanmar"
    unknown = run_places("Raid in Zzyxmu Township kills 5").places
    assert all(p.name is None for p in unknown)


def test_a_count_opening_a_sentence_is_no_place(run_places) -> None:
    """'Ten supporters were injured': GeoNames also calls Sri Lanka's Southern Province 'Ten'; a count is no place."""
    d = run_places("UPFA supporters clashed after a rally in Colombo. Ten supporters were injured.")
    assert [p.text for p in d.places] == ["Colombo"]
