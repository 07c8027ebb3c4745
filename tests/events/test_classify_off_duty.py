"""State personnel out of service are civilians in ACLED's record: shooting them is an attack, not a battle."""

from __future__ import annotations


def test_classify_militants_firing_at_an_off_duty_policeman_is_an_attack(events_of):
    events = events_of("On 25 May 2022, unidentified militants fired at an off-duty police constable in the town. "
                       "He was killed in the attack.")
    assert events[0].sub_event_type == "Attack"


def test_classify_militants_firing_at_a_police_patrol_stays_an_armed_clash(events_of):
    events = events_of("On 25 May 2022, unidentified militants fired at a police patrol in the town. "
                       "One policeman was killed in the attack.")
    assert events[0].sub_event_type == "Armed clash"
