"""ACLED's bracket of units after a place is read even when a description of the place comes between."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.containers import bracket_units


def test_a_unit_list_after_a_places_description_is_read() -> None:
    text = "Police shot a thief at Kikatsi police station (Kiruhura, Western)."
    names = [t.text for t in bracket_units(load_gazetteer(), text, [])]
    assert "Kiruhura" in names


def test_a_bracket_after_lowercase_words_alone_is_not_read() -> None:
    text = "the men were later released by the police (Kiruhura, Western)."
    assert bracket_units(load_gazetteer(), text, []) == []


def test_a_lone_district_after_a_named_bridge_is_read() -> None:
    text = "townspeople stood on the road at Bisri bridge (Jezzine) to protest."
    names = [t.text for t in bracket_units(load_gazetteer(), text, [])]
    assert names == ["Jezzine"]


def test_a_lone_name_after_a_lowercase_word_that_is_no_site_is_not_read() -> None:
    text = "the men met the Governor of Jezzine privately (Jezzine) last week."
    assert bracket_units(load_gazetteer(), text, []) == []
