"""Facility names (streets, buildings, sites, road numbers) found in parsed text."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import facilities
from sitrep.gazetteer.facilities import facility_spans, facility_words


@pytest.fixture(scope="module")
def nlp():
    from sitrep.stages.nlp import load_model

    return load_model()


def names(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [doc[s:e].text for s, e in facility_spans(doc)]


def test_facilities_street_and_building_names_end_on_a_facility_word(nlp):
    found = names(nlp, "The fire spread from Royal Street to the Karl Bremer Hospital before crews arrived.")
    assert "Royal Street" in found
    assert "Karl Bremer Hospital" in found


def test_facilities_name_with_facility_word_and_of_is_one_name(nlp):
    found = names(nlp, "John Taylor, a professor at the University of St. Thomas in Houston, said so.")
    assert "University of St. Thomas" in found


def test_facilities_name_that_goes_on_after_the_word_is_an_organisation(nlp):
    found = names(nlp, "Figures from the American Farm Bureau Federation were published on Monday.")
    assert not any(name.endswith("Farm") for name in found)


def test_facilities_lower_case_word_after_a_name_counts(nlp):
    found = names(nlp, "The couple went on their first date to the Pioneer cinema in Dewsbury.")
    assert "Pioneer cinema" in found


def test_facilities_road_numbers_need_road_wording(nlp):
    assert "A417" in names(nlp, "The A417 southbound carriageway will be closed tonight.")
    assert names(nlp, "He flew on the A380 to Dubai last week.") == []


def test_facilities_user_file_adds_words(monkeypatch, tmp_path):
    (tmp_path / "gazetteer_facility_words.csv").write_text("word,kind\nkasbah,site\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    facility_words.cache_clear()
    try:
        words = facility_words()
        assert words["kasbah"] == "site" and words["street"] == "street"
    finally:
        monkeypatch.undo()
        facilities.facility_words.cache_clear()
