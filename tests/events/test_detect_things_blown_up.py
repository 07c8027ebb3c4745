"""Things set alight or dropped from the air are events of their own, not a bare "no casualties"."""

from __future__ import annotations


def test_detect_a_church_set_alight_is_property_destruction(events_of):
    events = events_of("On 3 May 2022, unidentified individuals set a church alight in the town. No casualties.",
                       published="2022-05-20")
    assert events[0].sub_event_type == "Looting/property destruction"


def test_detect_warplanes_dropping_incendiary_balloons_is_an_air_strike(events_of):
    events = events_of("On 2 May 2022, warplanes dropped incendiary balloons on the hills near the town.",
                       published="2022-05-20")
    assert events[0].sub_event_type == "Air/drone strike"

