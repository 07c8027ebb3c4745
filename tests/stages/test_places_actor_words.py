"""Words of an armed group's name, a thing called by a capitalised name, and provinces named without their unit
word: what is a place and where it lies."""

from __future__ import annotations


def test_places_word_of_an_armed_groups_name_is_no_town(run_places):
    d = run_places("Hundreds of Boko Haram fighters attacked a military post near Bosso, killing 24 soldiers.")
    assert "Boko" not in [p.text for p in d.places]
    assert "Bosso" in [p.text for p in d.places]


def test_places_name_with_an_indefinite_article_is_no_place(run_places):
    d = run_places("Protesters tried to free a Holy Man who had been arrested by the police in Maradi.")
    assert "Man" not in [p.text for p in d.places]
    assert "Maradi" in [p.text for p in d.places]


def test_places_name_qualifying_a_noun_keeps_its_place(run_places):
    d = run_places("Gunmen attacked a Kabul hospital on Monday.")
    assert [p.country for p in d.places if p.text.startswith("Kabul")] == ["Afghanistan"]


def test_places_province_named_without_its_unit_word_after_its_town(run_places):
    d = run_places("Students of a university in Mihintale, North Central staged a protest against the IUSF.")
    unit = next(p for p in d.places if p.text == "North Central")
    assert unit.country == "Sri Lanka" and unit.feature == "admin1"


def test_places_arabic_name_spelled_without_article_is_the_city(run_places):
    d = run_places("Unknown militants shot and killed a civilian in Amara city on Sunday.")
    city = next(p for p in d.places if p.text == "Amara")
    assert city.country == "Iraq" and city.admin1 == "Maysan"


def test_places_country_opening_an_armed_groups_name_is_whose_not_where(run_places):
    d = run_places("Israeli forces shelled Palestine Liberation Army positions near Qatana town in rural Damascus.")
    assert d.extras["focus_country"] == "Syria"
    assert [p.country for p in d.places if p.text == "Qatana"] == ["Syria"]
