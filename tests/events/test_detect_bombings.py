"""Things bombed and destroyed are explosions; explosives destroyed are disrupted weapons."""

from __future__ import annotations


def test_detect_a_tower_bombed_and_destroyed_is_an_explosion(lead):
    ev = lead("A telecom tower was bombed and destroyed by unidentified assailants in Kalewa township.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"


def test_detect_soldiers_destroying_a_bomb_disrupted_its_use(lead):
    ev = lead("Soldiers destroyed a bomb planted on the road near Kalay.")
    assert ev.sub_event_type == "Disrupted weapons use"
