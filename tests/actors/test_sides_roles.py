"""Sides a sub-event type fixes (``sitrep.actors.sides_roles``), on events built by hand."""

from __future__ import annotations

from sitrep.actors.sides_roles import civilians_arrested, civilians_targeted, counter_protest, crowd_police
from sitrep.model import Event


def _event(sub, actor1, inter1, actor2=None, inter2=None):
    return Event(event_id="e1", sub_event_type=sub, actor1=actor1, inter1=inter1, actor2=actor2, inter2=inter2,
                 evidence={"actor1": [0, 9]})


def test_civilians_read_as_the_only_side_of_an_arrest_are_the_arrested():
    ev = _event("Arrests", "Civilians (Bahrain)", 7)
    civilians_arrested(ev, "Arrests")
    assert (ev.actor1, ev.actor2, ev.inter2) == (None, "Civilians (Bahrain)", 7)
    assert ev.evidence == {"actor2": [0, 9]}


def test_an_arrest_led_by_police_keeps_its_sides():
    ev = _event("Arrests", "Police Forces of Bahrain", 1, "Civilians (Bahrain)", 7)
    civilians_arrested(ev, "Arrests")
    assert ev.actor1 == "Police Forces of Bahrain"


def test_a_counter_demonstration_puts_protesters_on_both_sides():
    ev = _event("Peaceful protest", "Protesters (Bolivia)", 6)
    counter_protest(ev, "Peaceful protest", "In a counter-demonstration, citizens also staged a protest.")
    assert (ev.actor2, ev.inter2) == ("Protesters (Bolivia)", 6)


def test_a_protest_without_a_counter_demonstration_has_one_side():
    ev = _event("Peaceful protest", "Protesters (Bolivia)", 6)
    counter_protest(ev, "Peaceful protest", "Teachers protested over pay.")
    assert ev.actor2 is None


def test_the_victims_organisation_is_associated_with_the_civilians_of_an_attack():
    ev = _event("Attack", "JNIM: Group for Support of Islam and Muslims", 2, "LCB: Consumers League of Burkina Faso", 6)
    ev.inter2 = 7
    ev.evidence["actor2"] = [40, 60]
    civilians_targeted(ev, "Civilians (Burkina Faso)")
    assert (ev.actor2, ev.inter2) == ("Civilians (Burkina Faso)", 7)
    assert ev.assoc_actor_2 == "LCB: Consumers League of Burkina Faso" and ev.evidence["assoc_actor_2"] == [40, 60]


def test_an_unidentified_group_or_a_crowd_read_as_the_victims_is_dropped():
    for name, inter in (("Unidentified Armed Group (Syria)", 3), ("Rioters (Kenya)", 5)):
        ev = _event("Abduction/forced disappearance", "QSD: Syrian Democratic Forces", 2, name, inter)
        civilians_targeted(ev, "Civilians (Syria)")
        assert (ev.actor2, ev.assoc_actor_2) == ("Civilians (Syria)", None)


def test_civilians_already_on_the_second_side_are_kept():
    ev = _event("Attack", "Unidentified Armed Group (Mali)", 3, "Women (Mali)", 7)
    ev.assoc_actor_2 = "Civilians (Mali)"
    civilians_targeted(ev, "Civilians (Mali)")
    assert (ev.actor2, ev.assoc_actor_2) == ("Women (Mali)", "Civilians (Mali)")


def test_security_forces_facing_a_crowd_are_the_police():
    text = "Security forces fired tear gas at the protesters."
    ev = Event(event_id="e1", sub_event_type="Protest with intervention", actor1="Protesters (Mali)", inter1=6,
               actor2="Military Forces of Mali (2021-)", inter2=1, evidence={"actor2": [0, 15]})
    crowd_police(ev, text, lambda country: f"Police Forces of {country} (2021-)")
    assert ev.actor2 == "Police Forces of Mali (2021-)"


def test_soldiers_facing_a_crowd_stay_the_military_and_a_named_police_keeps_the_other_force():
    ev = Event(event_id="e1", sub_event_type="Protest with intervention", actor1="Protesters (Mali)", inter1=6,
               actor2="Military Forces of Mali (2021-)", inter2=1, evidence={"actor2": [0, 8]})
    crowd_police(ev, "Soldiers fired tear gas at the protesters.", lambda country: f"Police Forces of {country}")
    assert ev.actor2 == "Military Forces of Mali (2021-)"
    both = Event(event_id="e2", sub_event_type="Protest with intervention", actor1="Protesters (Sudan)", inter1=6,
                 actor2="Military Forces of Sudan (2019-)", inter2=1, assoc_actor_2="Police Forces of Sudan (2019-)",
                 evidence={"actor2": [0, 15]})
    crowd_police(both, "Security forces (presumed police and military) fired teargas.",
                 lambda country: f"Police Forces of {country} (2019-)")
    assert both.actor2 == "Military Forces of Sudan (2019-)"


def test_security_forces_facing_a_crowd_are_the_police_of_a_country_named_with_the():
    ev = Event(event_id="e1", sub_event_type="Protest with intervention",
               actor1="Protesters (Central African Republic)", inter1=6,
               actor2="Military Forces of the Central African Republic (2016-)", inter2=1, evidence={"actor2": [0, 15]})
    crowd_police(ev, "Security forces dispersed the protesters.",
                 lambda country: {"Central African Republic": "Police Forces of the Central African Republic (2016-)"}
                 .get(country))
    assert ev.actor2 == "Police Forces of the Central African Republic (2016-)"
