"""The force holding an attacked post is the attack's other side when no other side is named."""

from __future__ import annotations


def test_force_holds_post_an_ambushed_army_patrol_gives_the_army(lead):
    text = ("On 19 December 2019, presumed ISGS militants ambushed an army patrol near Tayaret (Oursi), the attack "
            "was repelled and the assailants forced to withdraw, no casualties reported.")
    ev = lead(text)
    assert ev.actor2 is not None and ev.actor2.startswith("Military Forces")


def test_force_holds_post_a_police_station_naming_an_area_is_not_attacked(lead):
    text = ("On 10 May 2022, a group of villagers assaulted a family in Nikeshjore village under Thuamul Rampur "
            "police station limits (Kalahandi, Odisha).")
    ev = lead(text)
    assert ev.actor2 is None or not ev.actor2.startswith("Police Forces")
