"""Victims whose words name a community or an organisation but whose role is civil: ACLED codes them civilians."""

from __future__ import annotations


def test_civil_roles_clan_elders_killed_are_civilians_with_their_clan_beside_them(lead):
    ev = lead("On 4 May 2022, Al Shabaab militants killed two clan elders in Afgooye town (Afgooye, Lower Shabelle).")
    assert ev.actor2 is not None and ev.actor2.startswith("Civilians")
    assert ev.assoc_actor_2 is not None and ev.assoc_actor_2.startswith("Unidentified Clan Group")
    assert ev.interaction == 27


def test_civil_roles_a_un_staff_member_attacked_is_a_civilian_beside_the_un(lead):
    ev = lead("On 4 May 2022, gunmen attacked a UN staff member in Bossangoa (Bossangoa, Ouham).")
    assert ev.actor2 is not None and ev.actor2.startswith("Civilians")
    assert ev.assoc_actor_2 is not None and "United Nations" in ev.assoc_actor_2
