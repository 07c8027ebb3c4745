"""Participants who come in groups: forces named inside another side's phrase fight on that side."""

from __future__ import annotations


def test_joint_forces_a_force_inside_the_phrase_is_an_ally_not_the_other_side(lead):
    ev = lead("On 2 April 2022, ENDF and Oromia regional special police forces clashed with OLF Shane rebels "
              "near Moyale town (Borana, Oromia).")
    assert ev.sub_event_type == "Armed clash"
    named = {ev.actor1, ev.actor2, *(ev.assoc_actor_1 or "").split("; ")}
    assert any(n and n.startswith("Military Forces of Ethiopia") for n in named)
    assert any(n and n.startswith("Police Forces of Ethiopia") for n in named)
    assert ev.actor2 is not None and "OLF" in ev.actor2


def test_joint_forces_the_government_owning_a_force_is_not_an_ally(lead):
    ev = lead("On 9 February 2026, government security forces (SNA) clashed with Al Shabaab near Moro Gabey "
              "village (Xudur, Bakool).")
    named = [ev.actor1, ev.actor2, *(ev.assoc_actor_1 or "").split("; ")]
    assert not any(n and n.startswith("Government of") for n in named)


def test_joint_forces_a_state_sharing_the_group_s_noun_leads_with_the_group_beside_it(lead):
    ev = lead("On 17 June 2022, Turkish and JWS forces shelled YPG positions in Menagh town in Aleppo countryside. "
              "Casualties unknown.")
    assert ev.actor1 is not None and ev.actor1.startswith("Military Forces of Turkey")
    assert "JWS: Syrian National Army" in (ev.assoc_actor_1 or "")
    assert ev.actor2 is not None and ev.actor2.startswith("YPG")


def test_between_sides_clashes_between_two_forces_name_one_side_each(lead):
    ev = lead("On 26 May 2022, armed clashes took place between Ukrainian and Russian forces in the direction of "
              "Bohorodychne, Donetsk region. Casualties unknown.")
    assert ev.sub_event_type == "Armed clash"
    sides = {ev.actor1, ev.actor2}
    assert any(n and "Ukraine" in n for n in sides)
    assert any(n and "Russia" in n for n in sides)


def test_between_sides_a_name_split_by_the_parser_is_still_one_side(lead):
    ev = lead("On 12 February 2022, clashes between SPLM-IO and SSPDF reported at Mirmir cantonment site (Koch "
              "county, Unity state).")
    assert ev.actor1 is not None and ev.actor1.startswith("SPLM-In Opposition")
    assert ev.actor2 is not None and ev.actor2.startswith("Military Forces of South Sudan")


def test_organisers_the_party_that_called_the_blockade_stands_beside_the_protesters(lead):
    ev = lead("On 23 November 2023, members of BNP staged a protest rally in Dhaka - Badda (Badda), during the "
              "ongoing nationwide blockade announced by the BNP and Jamaat-e-Islami for 22-23 November.")
    named = {ev.actor1, ev.actor2, *(ev.assoc_actor_1 or "").split("; ")}
    assert "JeI: Jamaat-e-Islami" in named
    assert not any(n and n.startswith("Police") for n in named)
