"""Bodies found are a killing in ACLED's record (an attack), even with no marks of violence told; whose body it
was is the one killed, never the doer."""

from __future__ import annotations


def test_bodies_found_with_no_marks_told_are_an_attack(events_of):
    events = events_of("On 4 April 2021, the bodies of three men missing for a week were found in a well near "
                       "Bambari.")
    assert events and events[0].sub_event_type == "Attack"


def test_the_owner_of_a_found_body_is_not_its_killer(events_of):
    events = events_of("On 4 April 2021, a young man's body was found on a road outside the town, killed by "
                       "unknown gunmen.")
    assert events and events[0].sub_event_type == "Attack"
    assert not (events[0].actor1 or "").startswith("Civilians")


def test_bodies_found_after_a_fight_stay_part_of_the_fight(events_of):
    events = events_of("On 4 April 2021, soldiers clashed with rebels near the town, killing six. The bodies of "
                       "the six rebels were recovered the next day.")
    assert events[0].sub_event_type == "Armed clash"
