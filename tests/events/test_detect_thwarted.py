"""Thwarting people's attack or advance is a fight; thwarting weapons is disrupted weapons use; a thwarted
assassination keeps its manner of assault."""

from __future__ import annotations


def test_detect_forces_that_thwarted_an_advance_fought_an_armed_clash(lead) -> None:
    ev = lead("On 3 May 2022, government forces thwarted an advance by rebel fighters near the river town.")
    assert ev.sub_event_type == "Armed clash"


def test_detect_police_that_thwarted_a_bomb_plot_disrupted_weapons_use(lead) -> None:
    ev = lead("On 3 May 2022, police thwarted a plot to detonate a bomb at the central market.")
    assert ev.sub_event_type == "Disrupted weapons use"


def test_detect_a_thwarted_assassination_attempt_takes_the_assassination_as_its_mode(lead) -> None:
    ev = lead("An attempt to assassinate the district governor was thwarted in the capital, police said.")
    assert ev.plover_type == "ASSAULT" and ev.plover_mode == "assassinate"
