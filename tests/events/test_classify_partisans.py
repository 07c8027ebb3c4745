"""Parties' supporters fighting each other riot (ACLED's mob violence); soldiers or fighters among them battle."""

from __future__ import annotations


def test_classify_supporters_of_rival_candidates_clashing_is_mob_violence(events_of):
    events = events_of("On 10 March 2024, supporters of rival candidates clashed using sticks and bricks in "
                       "the town market over the municipal by-election. At least 20 people were injured in "
                       "the clash.")
    assert events[0].sub_event_type == "Mob violence"


def test_classify_armed_forces_clashing_with_supporters_stay_a_battle(events_of):
    events = events_of("Rebel forces clashed with supporters of the former president in the town on "
                       "Saturday. Dozens were killed.")
    assert events[0].sub_event_type == "Armed clash"
