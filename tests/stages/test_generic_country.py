"""Unnamed actors take the country their event is placed in unless the text gives them another."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.model import Event
from sitrep.stages.generic_country import follow_event_country, generic_heads


def _countries() -> set[str]:
    return {str(info["name"]) for info in load_gazetteer().countries.values() if info.get("name")}


def _event(**fields: str) -> Event:
    return Event(country="Sri Lanka", location="Kantale", geo_precision=1, **fields)


def test_generic_country_heads_come_from_the_generic_actors_file() -> None:
    assert {"Protesters", "Civilians", "Unidentified Armed Group", "Students"} <= generic_heads()


def test_generic_country_protesters_placed_abroad_of_their_country_follow_the_place() -> None:
    ev = _event(actor1="Protesters (United States)", assoc_actor_1="Labour Group (United States); MOM: Mass Org")
    follow_event_country(ev, "Thousands of workers protested in Kantale (Trincomalee, Eastern).", load_gazetteer(), _countries())
    assert ev.actor1 == "Protesters (Sri Lanka)"
    assert ev.assoc_actor_1 == "Labour Group (Sri Lanka); MOM: Mass Org"


def test_generic_country_nationality_word_keeps_the_actors_country() -> None:
    ev = Event(country="Palestine", location="Hebron", geo_precision=1, actor1="Settlers (Israel)",
               actor2="Civilians (Israel)")
    follow_event_country(ev, "Israeli settlers assaulted a farmer near Hebron.", load_gazetteer(), _countries())
    assert ev.actor2 == "Civilians (Israel)"


def test_generic_country_foreigners_and_country_level_events_are_left_alone() -> None:
    ev = _event(actor1="Civilians (International)")
    follow_event_country(ev, "Migrants were detained in Kantale.", load_gazetteer(), _countries())
    assert ev.actor1 == "Civilians (International)"
    whole = Event(country="Sri Lanka", location="Sri Lanka", geo_precision=3, actor1="Protesters (India)")
    follow_event_country(whole, "Workers protested.", load_gazetteer(), _countries())
    assert whole.actor1 == "Protesters (India)"
