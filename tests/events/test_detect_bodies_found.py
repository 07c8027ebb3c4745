"""A body found with marks of violence is an attack; whose body it was is the one killed, never the doer."""

from __future__ import annotations


def test_the_owner_of_a_found_body_is_not_its_killer(events_of):
    events = events_of("On 4 April 2021, a young man's body was found with gunshot wounds on a road outside the "
                       "town.")
    assert events and events[0].sub_event_type == "Attack"
    assert not (events[0].actor1 or "").startswith("Civilians")
