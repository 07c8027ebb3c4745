"""A town, a comma and its province that the NER takes for one organisation is still a place."""

from __future__ import annotations


def test_a_town_and_its_province_tagged_as_an_organisation_is_the_town(run_places):
    d = run_places("On 3 May 2021, close to Silao de la Victoria, Guanajuato, gunmen shot three farmers.")
    town = next(p for p in d.places if p.text == "Silao de la Victoria")
    assert town.feature == "town" and town.admin1 == "Guanajuato"
    assert abs(town.latitude - 20.94) < 0.1
