"""ACLED's "X town in Y countryside": a name the NER missed before "town in <unit>" is a place inside that unit."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.areas import acled_units, areas_within
from sitrep.gazetteer.resolve import Toponym
from sitrep.gazetteer.unit_phrases import names_before_units


def _unit(text: str, name: str) -> Toponym:
    start = text.index(name)
    return Toponym(name, start, start + len(name))


def test_a_missed_name_before_town_in_a_unit_is_a_place_inside_it() -> None:
    """'Turkish forces shelled Mare' town in Aleppo countryside': Mare' is a place held by Aleppo governorate, and
    the sentence's 'Turkish' does not join its name."""
    gaz = load_gazetteer()
    text = "On 17 June 2022, Turkish forces shelled Mare town in Aleppo countryside."
    (mare,) = names_before_units(gaz, text, [_unit(text, "Aleppo")])
    assert mare.text == "Mare" and text[mare.start:mare.end] == "Mare"
    assert mare.within == areas_within(gaz, "Aleppo") | acled_units(gaz, "Aleppo")


def test_a_name_the_unit_does_not_hold_or_one_already_found_adds_nothing() -> None:
    gaz = load_gazetteer()
    text = "Regime forces shelled Zzyxqor town in Idleb countryside."
    assert names_before_units(gaz, text, [_unit(text, "Idleb")]) == []
    text = "Turkish forces shelled Mare town in Aleppo countryside."
    found = [_unit(text, "Mare"), _unit(text, "Aleppo")]
    assert names_before_units(gaz, text, found) == []
