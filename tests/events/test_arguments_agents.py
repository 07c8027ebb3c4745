"""Who did it: agents read from phrases the trigger only modifies."""

from __future__ import annotations


def test_arguments_the_planter_of_a_device_named_after_its_blast_is_the_attacker(lead):
    ev = lead("Three people were killed in an IED blast planted by Baloch Liberation Army at the main bazar.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor1 is not None and "Baloch Liberation Army" in ev.actor1


def test_arguments_a_force_that_clashed_read_as_a_clause_of_its_noun_is_the_agent_its_backer_beside_it(lead):
    ev = lead("On 24 November 2021, FACA forces, supported by Wagner Group mercenaries, clashed with CPC rebels "
              "near Bria (Samba-Boungou, Haute-Kotto).")
    assert ev.actor1 is not None and ev.actor1.startswith("Military Forces of the Central African Republic")
    assert ev.assoc_actor_1 == "Wagner Group"
    assert ev.actor2 is not None and ev.actor2.startswith("CPC")


def test_arguments_each_object_of_a_list_is_the_subject_s_act_not_the_ally_s(lead):
    ev = lead("On 8 February 2022, UPDF forces, in cooperation with the FARDC, fired missiles and bombs from a base "
              "in Uganda to ADF bases in Makolo-Makolo forest, near Zunguluka (Irumu, Ituri).")
    assert ev.actor1 is not None and ev.actor1.startswith("Military Forces of Uganda")
    assert ev.assoc_actor_1 is not None and "Democratic Republic of Congo" in ev.assoc_actor_1


def test_arguments_forces_that_were_deployed_are_the_side_whose_activity_changed(lead):
    ev = lead("Movement of forces: On 4 January 2026, government security forces (SNA) were deployed in Tiffow area "
              "near Xawaadleey village (Balcad, Middle Shabelle).")
    assert ev.sub_event_type == "Change to group/activity"
    assert ev.actor1 is not None and "Military Forces" in ev.actor1  # the forces, not their target
    assert ev.actor2 is None


def test_arguments_a_side_that_was_sighted_is_the_one_whose_activity_it_is(lead):
    ev = lead("Movement of forces: On 3 May 2025, 40 Al Shabaab were sighted patrolling the roads near Afgooye "
              "town (Afgooye, Lower Shabelle).")
    assert ev.actor1 == "Al Shabaab"
    assert ev.actor2 is None


def test_arguments_who_claimed_an_attack_the_trigger_names_the_kind_of_is_its_agent(lead):
    ev = lead("Ansar Dine claimed an IED attack against French forces in the Abeibara locality.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor1 == "Ansar Dine"


def test_arguments_agents_a_by_phrase_on_the_last_conjoined_passive_is_every_verbs_agent(lead):
    ev = lead("On 21 March 2022, 6 civilians were beaten and tortured by Taliban forces for playing music in "
              "Kandahar city.")
    assert ev.actor1 is not None and not ev.actor1.startswith("Unidentified")
    assert ev.actor2 is not None and ev.actor2.startswith("Civilians")
