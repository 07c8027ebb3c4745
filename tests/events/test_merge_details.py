"""What the same agent does next, to no one new, is more of the event just told, not a second one."""

from __future__ import annotations


def test_merge_the_attackers_firing_into_the_air_is_part_of_the_abduction(events_of):
    events = events_of("Gunmen abducted 23 students from a boarding school in Kaura Namoda in Zamfara state on "
                       "Monday night, police said.\n\nResidents said the attackers arrived on motorcycles and "
                       "fired into the air.")
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]


def test_merge_the_same_agent_with_new_victims_is_still_its_own_event(events_of):
    events = events_of("Gunmen abducted 23 students from a boarding school in Kaura Namoda on Monday night. "
                       "On Wednesday the gunmen killed two farmers near Gusau.")
    assert len(events) == 2
