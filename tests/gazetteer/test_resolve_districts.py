"""A district no town is linked to has an unknown population, not none, when the text calls it a district."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.resolve import Resolver, Toponym


def test_a_named_district_with_no_linked_towns_is_not_outranked_by_a_small_namesake() -> None:
    """'protested in Nijgadh municipality (Bara district)': Nepal's Bara district, not Sudan's Bara."""
    bara = Toponym("Bara district", 0, 13)
    focus, _ = Resolver(load_gazetteer()).resolve([bara])
    assert focus == "NP" and bara.entry is not None and bara.entry.feature == "admin2"


def test_a_district_without_towns_takes_a_share_of_its_provinces_people() -> None:
    gaz = load_gazetteer()
    resolver = Resolver(gaz)
    nepal = next(e for e in gaz.lookup("Bara") if e.feature == "admin2" and e.cc == "NP")
    assert nepal.population == 0
    province = gaz.admin_entry(nepal.admin1_code)
    assert province is not None and 0 < resolver._district_people(nepal) < province.population
