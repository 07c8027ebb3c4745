"""Words around a name that say it is no place: a compass word before "of <place>" gives a direction, a
weapon model before "missiles" names a weapon."""

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


def test_a_weapon_model_before_missiles_is_no_place(run_places):
    d = run_places("Russian forces fired artillery and Grad missiles at Kupiansk, Kharkiv. No casualties.")
    assert "Grad" not in [p.text for p in d.places]
    assert any(p.text == "Kharkiv" for p in d.places)


def test_a_compass_word_joined_to_a_named_pair_is_half_of_the_name(run_places):
    """"North and South Kivu": "North" is the first Kivu, not a unit named North (Cameroon's, Ghana's)."""
    d = run_places("Clashes between the army and the M23 in North and South Kivu left ten dead.")
    assert [p.text for p in d.places] == ["South Kivu"]
    assert d.places[0].country == "Democratic Republic of Congo"


def test_a_name_ending_in_a_lower_case_word_is_not_matched_loosely(run_places):
    """"near Ghat on his way": Ghat (Libya), not "Ghat on" read loosely as Gatton (Australia)."""
    d = run_places("A driver was kidnapped by gunmen near Ghat on his way to Ubari and released later.")
    assert "Ghat" in [p.text for p in d.places]
    assert {p.country for p in d.places if p.country} == {"Libya"}


def test_a_compass_compound_region_is_the_province_of_the_article(run_places):
    """"Bamenda, Northwest Region": Cameroon's North-West, not Iceland's Northwest region."""
    d = run_places("Separatists attacked a gendarmerie post in Bamenda, Northwest Region, killing one gendarme.")
    assert {(p.text, p.country) for p in d.places} == {("Bamenda", "Cameroon"), ("Northwest Region", "Cameroon")}


def test_a_word_of_a_title_is_no_place(run_places):
    """"Vice President Mphoko's shop": a title, not Vice (Peru)."""
    d = run_places("A man was accused of looting goods from Vice President Mphoko's shop in Bulawayo.")
    assert [p.text for p in d.places] == ["Bulawayo"]
