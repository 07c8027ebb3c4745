"""A compass word before "of <place>" gives a direction from that place; it names no unit called by the word."""

from __future__ import annotations


def test_a_compass_word_before_of_a_place_is_no_unit(run_places):
    d = run_places("Gunmen took over the area South-East of Ngaoundaye and villagers fled.")
    assert [p.text for p in d.places] == ["Ngaoundaye"]
    town = d.places[0]
    assert town.country == "Central African Republic" and town.geo_precision == 2
    assert d.extras["focus_country"] == "Central African Republic"


def test_a_compass_unit_with_no_of_after_it_stays_a_place(run_places):
    d = run_places("Protesters marched in Bamenda, North-West, on Monday.")
    assert any(p.text == "North-West" for p in d.places)
