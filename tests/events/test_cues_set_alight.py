"""Burning told as what a crowd did ("setting obstacles on fire") is violence; shooting ("opened fire") is not."""

from __future__ import annotations


def test_cues_protesters_blocking_a_road_by_setting_obstacles_on_fire_riot(events_of):
    events = events_of("On 4 March 2022, residents blocked an avenue by setting obstacles on fire to demand "
                       "justice for a man who went missing.")
    assert events[0].sub_event_type == "Violent demonstration"


def test_cues_protesters_blocking_a_road_stay_peaceful(events_of):
    events = events_of("On 4 March 2022, residents blocked an avenue to demand justice for a man who went missing.")
    assert events[0].sub_event_type == "Peaceful protest"


def test_classify_a_protest_against_forces_accused_of_killing_stays_peaceful(events_of):
    events = events_of("On 28 November 2025, residents protested in the village against foreign forces accused of "
                       "killing civilians in the district.")
    assert events[0].sub_event_type == "Peaceful protest"


def test_cues_a_man_setting_himself_on_fire_in_protest_is_no_crowd_violence(events_of):
    events = events_of("On 29 June 2023, a man set himself on fire in front of the ministry to protest his "
                       "dismissal.")
    assert events[0].sub_event_type == "Peaceful protest"
