"""Sides a sub-event type fixes (``sitrep.actors.sides_roles``), on events built by hand."""

from __future__ import annotations

from sitrep.actors.sides_roles import civilians_arrested, counter_protest
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
