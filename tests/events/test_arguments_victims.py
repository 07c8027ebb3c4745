"""Whom an act was done to: victims told first stay the second side; guards, off-duty police, youths, crowds."""

from __future__ import annotations


def test_arguments_a_later_mention_does_not_replace_the_victims(lead):
    ev = lead("Members of a gang shot and killed a man on the main road. The attack is believed to be "
              "linked to the internal disputes of the gang in the area.")
    assert ev.sub_event_type == "Attack"
    assert ev.actor2 is not None and ev.actor2.startswith("Civilians")


def test_arguments_a_security_guard_is_private_security_not_a_state_force(lead):
    ev = lead("Two armed men shot and wounded a security guard in front of a bakery.")
    assert ev.actor2 is not None and ev.actor2.startswith("Private Security Forces") and ev.inter2 == 8
    ev = lead("A security guard shot dead a journalist in the town.")
    assert (ev.sub_event_type, ev.inter1) == ("Attack", 8)


def test_arguments_an_off_duty_policeman_attacked_is_a_civilian(lead):
    ev = lead("Militants fired at an off-duty policeman in a targeted attack in the town. He was killed.")
    assert ev.sub_event_type == "Attack"
    assert ev.actor2 is not None and ev.actor2.startswith("Civilians")


def test_arguments_prison_guards_stay_state_forces(lead):
    ev = lead("Gunmen attacked prison guards at the gate of the central prison, killing two of them.")
    assert ev.actor2 is not None and not ev.actor2.startswith("Civilians")


def test_arguments_youths_harmed_are_civilians_not_rioters(lead):
    ev = lead("A minefield explosion near the town killed two youths and wounded five others on Sunday.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor2 is not None and ev.actor2.startswith("Civilians")


def test_arguments_drones_shot_down_are_weapons_disrupted_not_a_clash_with_their_senders(lead):
    assert lead("US forces shot down 1 Houthi drone over the Gulf of Aden.").sub_event_type \
        == "Disrupted weapons use"
    assert lead("Soldiers intercepted armed men near the border, killing two of them.").sub_event_type \
        == "Armed clash"


def test_arguments_an_attack_the_attacked_side_repulsed_is_a_clash_with_it(lead):
    ev = lead("Militiamen attacked the village, killing one villager. Village self-defence groups responded "
              "and repulsed the attack.")
    assert ev.sub_event_type == "Armed clash"
    assert lead("Gunmen attacked a bus in the town, killing three passengers. The attack was condemned by "
                "the governor.").sub_event_type == "Attack"


def test_arguments_a_peaceful_protest_has_no_second_side(lead):
    # "against child abuse" names what the march was about, not civilians it was done to
    ev = lead("On 1 June 2022, 650 police officers, mainly women, marched in Malanje against child abuse.")
    assert (ev.sub_event_type, ev.actor2, ev.inter2) == ("Peaceful protest", None, None)
    # police who march are protesters, their force the associated actor
    assert ev.actor1.startswith("Protesters") and "Police Forces" in (ev.assoc_actor_1 or "")


def test_arguments_members_of_several_groups_name_every_group(lead):
    ev = lead("On 5 March 2023, activists of JUI-F, the PTI and the PPP staged a protest in Multan city.")
    assoc = ev.assoc_actor_1 or ""
    assert "PTI" in assoc and "PPP" in assoc and "JUI-F" in assoc


def test_arguments_unnamed_rivals_fight_their_own_kind(lead):
    ev = lead("On 10 April 2022, in Uniao dos Palmares (Alagoas), a shoot-out between rival gangs took place "
              "in the Padre Donald neighborhood.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 is not None and ev.actor1 == ev.actor2


def test_arguments_an_actor_name_read_as_an_auxiliary_is_no_passive(lead):
    # the parser reads "IS" as "is" (a passive's auxiliary); the name is the attacker all the same
    ev = lead("On 26 April 2022, IS members attacked regime forces positions in Khiwaylia town in Tadmor district in "
              "Homs badia.")
    assert ev.actor1.startswith("Islamic State")
    assert ev.inter1 == 2 and ev.inter2 == 1


def test_arguments_police_protesting_are_protesters_with_their_force_associated(lead):
    ev = lead("About 200 police protested in Nairobi over their unpaid allowances.")
    assert ev.actor1 is not None and ev.actor1.startswith("Protesters")
    assert ev.assoc_actor_1 is not None and ev.assoc_actor_1.startswith("Police Forces")
    ev = lead("Students protested in Nairobi and police dispersed them with tear gas.")
    assert ev.actor2 is not None and ev.actor2.startswith("Police Forces")


def test_arguments_an_off_duty_policeman_keeps_his_force_as_associated_actor(lead):
    ev = lead("Militants fired at an off-duty policeman in a targeted attack in the town. He was killed.")
    assert ev.actor2 is not None and ev.actor2.startswith("Civilians")
    assert ev.assoc_actor_2 is not None and ev.assoc_actor_2.startswith("Police Forces")


def test_arguments_a_headline_participle_with_its_doer_names_the_victim(lead):
    ev = lead("Alleged jihadist commander killed by national guards last night near the river.")
    assert ev.inter2 == 2 and ev.sub_event_type == "Armed clash"


def test_arguments_a_past_verb_read_as_a_participle_without_doer_keeps_its_subject_as_doer(lead):
    ev = lead("On 4 March 2022, border forces targeted with machine guns the village, killing a civilian.")
    assert ev.inter2 != 1
