"""Actors of coded events in ACLED's order (``sitrep.stages.coding_actors``), on short notes of our own."""

from __future__ import annotations

import pytest

from sitrep.model import Article
from sitrep.stages.coding_actors import _INTRA_CUE


def lead(pipe, text, published="2022-03-01"):
    events = [e for e in pipe.process_batch([Article(text=text, published=published)])[0].events
              if e.modality == "asserted"]
    assert events, text
    return events[0]


@pytest.mark.parametrize("text, hit", [
    ("two fighters died in internal clashes near the base", True),
    ("infighting broke out in the camp", True),
    ("clashes between 2 Taliban groups over a checkpoint", True),
    ("fighting between rival factions of the movement", True),
    ("clashes between the army and the rebels", False),
    ("an internal investigation was opened", False),
])
def test_intra_cue_reads_fighting_within_one_actor(text, hit):
    assert bool(_INTRA_CUE.search(text)) is hit


def test_clash_within_one_actor_puts_it_on_both_sides(rules_pipe):
    ev = lead(rules_pipe, "On 2 March 2022, 1 Taliban member was killed and 2 others were wounded during internal "
                          "clashes in Kabul province.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 == ev.actor2 and ev.actor1.startswith("Military Forces of Afghanistan")
    assert ev.interaction == 11


def test_clash_without_the_cue_keeps_an_unidentified_opponent(rules_pipe):
    ev = lead(rules_pipe, "On 2 March 2022, unknown gunmen attacked a Taliban checkpoint in Kabul province.")
    assert ev.actor1 != ev.actor2


def test_rebels_fighting_no_named_doer_face_the_state(rules_pipe):
    ev = lead(rules_pipe, "On 3 March 2022, fighting involving M23 rebels was reported in Rutshuru territory "
                          "(Nord-Kivu). Casualties unknown.")
    assert ev.sub_event_type == "Armed clash"
    assert {ev.inter1, ev.inter2} == {1, 2}
    assert any((a or "").startswith("Military Forces of the Democratic Republic of Congo") for a in (ev.actor1, ev.actor2))


def test_rebels_facing_a_named_state_unit_of_the_sentence_take_it(rules_pipe):
    ev = lead(rules_pipe, "On 14 May 2022, two militants (suspected TTP) were killed in an operation by the CTD in "
                          "Peshawar city (Peshawar, KPK).")
    assert ev.interaction == 12
    assert (ev.actor1 or "").startswith("Police Forces of Pakistan")


def test_force_that_dispersed_a_crowd_stays_its_other_side(rules_pipe):
    ev = lead(rules_pipe, "On 2 January 2022, dozens of traders blocked roads in Goma (Nord-Kivu) to denounce high "
                          "taxes. The FARDC dispersed the protesters, killing one of them with live bullets.")
    assert ev.sub_event_type == "Excessive force against protesters"
    assert {ev.inter1, ev.inter2} == {1, 6}
    assert any((a or "").startswith("Military Forces of the Democratic Republic of Congo") for a in (ev.actor1, ev.actor2))


def test_women_targeted_tag_names_default_civilian_victims_women():
    from sitrep.model import Event
    from sitrep.stages.coding_actors import add_article_identities

    ev = Event(event_id="e1", actor1="Unidentified Armed Group (Chad)", inter1=3, actor2="Civilians (Chad)", inter2=7)
    add_article_identities(ev, "On 4 May 2022, gunmen wounded a girl in a village. [women targeted: girls]")
    assert ev.assoc_actor_2 == "Women (Chad)"
    add_article_identities(ev, "On 4 May 2022, gunmen wounded a girl in a village. [women targeted: girls]")
    assert ev.assoc_actor_2 == "Women (Chad)"  # never twice


def test_no_tag_leaves_default_civilians_without_identity():
    from sitrep.model import Event
    from sitrep.stages.coding_actors import add_article_identities

    ev = Event(event_id="e1", actor1="Unidentified Armed Group (Chad)", inter1=3, actor2="Civilians (Chad)", inter2=7)
    add_article_identities(ev, "On 4 May 2022, gunmen wounded a man in a village.")
    assert ev.assoc_actor_2 is None


def test_named_armed_target_a_noun_governs_is_the_other_side(rules_pipe):
    ev = lead(rules_pipe, "On 14 May 2022, Houthi forces fired two shells from drones on National Resistance forces "
                          "south of Hays district (Al Hudaydah), wounding one fighter.")
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.actor2 == "National Resistance Forces"


def test_unidentified_doer_gives_way_to_the_one_named_armed_group_of_the_sentence(rules_pipe):
    ev = lead(rules_pipe, "On 5 March 2022, gunmen clashed with soldiers near Djibo (Soum); JNIM claimed the attack.")
    assert ev.actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert ev.interaction == 12



def test_allied_state_force_is_not_taken_as_the_unidentified_doer(rules_pipe):
    ev = lead(rules_pipe, "On 13 December 2021, in Hman Yin village (Shwebo, Sagaing), an armed group attacked a "
                          "military convoy with mines. Two police died in the attack.")
    assert not (ev.inter1 == 1 and ev.inter2 == 1)


def test_people_hurt_in_a_clash_are_its_toll_not_a_side(rules_pipe):
    ev = lead(rules_pipe, "On 24 June 2022, in Tenayuca, Zacatecas, there was an armed clash between dozens of armed "
                          "individuals. One person was injured.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.inter2 != 7 and not (ev.actor2 or "").startswith("Civilians")


def test_a_mob_that_beat_a_thief_has_civilians_facing_it(rules_pipe):
    ev = lead(rules_pipe, "On 13 June 2022, in Punchana (Loreto), residents beat up a robber.")
    assert ev.sub_event_type == "Mob violence"
    assert ev.interaction == 57


def test_mobs_that_clash_with_each_other_are_rioters_on_both_sides(rules_pipe):
    ev = lead(rules_pipe, "On 9 May 2022, two mobs clashed with each other in Thaloi village over refilling of LPG "
                          "cylinders. 3 injured.")
    assert ev.sub_event_type == "Mob violence"
    assert ev.interaction == 55


def test_a_force_that_owns_the_target_is_no_side(rules_pipe):
    ev = lead(rules_pipe, "On 29 September 2021, near Pauk Ma village of Sagaing township, the military-owned MyTel "
                          "telecom tower was bombed and destroyed. There were no casualties.")
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.actor2 is None and ev.interaction == 30


def test_a_force_that_owns_the_target_is_not_the_named_armed_target(rules_pipe):
    ev = lead(rules_pipe, "On 10 October 2021, in Hpakant township (Kachin state), an unknown armed group bombed and "
                          "destroyed the Myanmar military-owned Mytel telecom tower.")
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.actor2 is None and ev.interaction == 30


def test_a_force_read_as_the_only_side_of_a_crowd_event_faces_the_crowd(rules_pipe):
    ev = lead(rules_pipe, "On 14 May 2022, police fired tear gas shells to control the cadres of NC, who pelted "
                          "stones at the municipal office in Sanphe Bagar municipality (Achham district), during a "
                          "demonstration against the delay in counting of the votes.")
    assert ev.event_type in ("Riots", "Protests")
    assert ev.inter1 in (5, 6) and ev.inter2 == 1


def test_a_movement_of_forces_has_one_side(rules_pipe):
    ev = lead(rules_pipe, "Movement of forces: On 7 March 2022, Houthi forces deployed an unknown number of fighters "
                          "to Haradh and Abs districts (Hajjah).")
    assert ev.sub_event_type == "Change to group/activity"
    assert ev.actor2 is None and ev.assoc_actor_2 is None


def test_protest_topic_names_no_force_facing_rioters(rules_pipe):
    ev = lead(rules_pipe, "On 23 May 2022, in Belem (Para), residents blocked a highway by setting obstacles on fire "
                          "to demand justice for the case of a man who was shot to death during a military police "
                          "intervention.")
    assert ev.event_type == "Riots"
    assert ev.actor2 is None


def test_people_a_protest_is_about_are_not_the_protesters(rules_pipe):
    ev = lead(rules_pipe, "On 16 February 2022, a protest against the killing of farmers was held in front of the "
                          "police station in Gohatsion (North Shewa, Oromia).")
    assert ev.event_type == "Protests"
    assert "Farmers" not in (ev.assoc_actor_1 or "")


def test_groups_given_as_alternatives_never_fight_each_other(rules_pipe):
    events = rules_pipe.process_batch([Article(text="On 8 March 2020, presumed Ansaroul Islam or ISGS militants attacked "
                                                    "and burned a fuel tanker between Dori and Essakane (Dori, "
                                                    "Oudalan).", published="2020-03-08")])[0].events
    assert events
    for ev in events:
        named = [s for s in (ev.actor1, ev.actor2) if s and ("Ansaroul" in s or "Islamic State" in s)]
        assert len(named) < 2, named


def test_a_verb_joined_to_the_first_shares_its_doer(rules_pipe):
    events = rules_pipe.process_batch([Article(text="On 8 March 2020, presumed Ansaroul Islam or ISGS militants attacked "
                                                    "and burned a fuel tanker between Dori and Essakane (Dori, "
                                                    "Oudalan).", published="2020-03-08")])[0].events
    burned = next(ev for ev in events if ev.trigger == "burned")
    assert "Islamic State" in (burned.actor1 or "")


def test_the_doer_of_a_clause_describing_the_victim_is_no_side(rules_pipe):
    """"a cattle thief arrested by Dozos was shot dead by gendarmes": the victim is the thief, not the Dozos."""
    ev = lead(rules_pipe, "On 12 June 2020, a suspected cattle thief arrested by Dozos was reportedly shot dead by "
                          "gendarmes while trying to escape in Ndorola, Burkina Faso.", published="2020-06-14")
    assert ev.actor1 is not None and ev.actor1.startswith("Police Forces of")
    assert ev.actor2 is not None and ev.actor2.startswith("Civilians") and ev.sub_event_type == "Attack"


def test_the_group_a_later_sentence_says_planted_the_device_is_the_bomber(rules_pipe):
    ev = lead(rules_pipe, "On 10 May 2020, two children travelling on a cart were killed by the explosion of an IED near "
                          "Kain-Ouro, Burkina Faso. The device was likely planted by JNIM militants.",
              published="2020-05-12")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor1 == "JNIM: Group for Support of Islam and Muslims"
    warned = lead(rules_pipe, "On 10 May 2020, two children travelling on a cart were killed by the explosion of an IED "
                              "near Kain-Ouro, Burkina Faso. It came days after JNIM militants warned villagers.",
                  published="2020-05-12")
    assert warned.actor1 != "JNIM: Group for Support of Islam and Muslims"


def test_who_holds_a_place_attacked_is_its_side(rules_pipe):
    """'a base manned by militias': the militias are the other side (the clause tells who holds it, no event)."""
    ev = lead(rules_pipe, "The fighters targeted a base manned by Jubbaland militias in the village.")
    assert ev.actor2 is not None and not ev.actor2.startswith("Civilians")


def test_people_a_force_met_in_a_riot_are_the_rioters_who_lead_it(pipeline):
    ev = lead(pipeline, "On 3 March 2022, police and vendors clashed in Harare. Tear gas was used to break up the "
                        "running battles.", published="2022-03-04")
    assert ev.event_type == "Riots"
    assert (ev.actor1, ev.inter1) == ("Rioters (Zimbabwe)", 5) and ev.actor2.startswith("Police Forces of Zimbabwe")


def test_people_killed_by_a_force_at_a_protest_are_its_protesters(pipeline):
    ev = lead(pipeline, "On 3 March 2022, security forces killed two people in Ambo during an anti-government protest.",
              published="2022-03-04")
    assert ev.sub_event_type == "Excessive force against protesters"
    # the "security forces" a crowd met are the police (``sides_roles.crowd_police``)
    assert ev.actor1.startswith("Police Forces of Ethiopia") and (ev.actor2, ev.inter2) == ("Protesters (Ethiopia)", 6)


def test_a_place_overrun_with_no_other_side_named_is_taken_from_the_state(pipeline):
    ev = lead(pipeline, "On 10 January 2022, M23 rebels overran the town of Bunagana in Rutshuru, North Kivu. Two "
                        "rebels were killed.", published="2022-01-12")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert ev.actor1.startswith("M23") and ev.actor2.startswith("Military Forces of the Democratic Republic of Congo")


def test_a_bomb_defused_by_the_state_was_an_unnamed_groups(pipeline):
    ev = lead(pipeline, "On 7 February 2022, Iraqi police forces defused an IED made using two hand grenades in a "
                        "market in Baghdad.", published="2022-02-09")
    assert ev.sub_event_type == "Disrupted weapons use"
    assert ev.actor1.startswith("Police Forces of Iraq") and (ev.actor2, ev.inter2) == ("Unidentified Armed Group (Iraq)", 3)


def test_a_defused_bombs_owner_named_in_the_next_sentence_is_the_second_side(pipeline):
    text = ("On 9 November 2019, an army unit neutralized an IED on the road between Djibo and Bourzanga. The IED is "
            "believed to have been planted by JNIM.")
    ev = lead(pipeline, text, published="2019-11-10")
    assert ev.sub_event_type == "Disrupted weapons use"
    assert ev.actor2.startswith("JNIM") and text[slice(*ev.evidence["actor2"])] == "JNIM"


def test_a_violent_demonstration_that_harmed_no_one_has_no_second_side(pipeline):
    ev = lead(pipeline, "On 24 February 2022, in Pereira (Risaralda), students demonstrated at a local university "
                        "against the lack of a food subsidy. The group built barricades to block a nearby street and "
                        "burned tyres.", published="2022-02-26")
    assert ev.sub_event_type == "Violent demonstration"
    assert ev.actor1 == "Rioters (Colombia)" and ev.actor2 is None and ev.interaction == 50


def test_the_group_that_laid_a_bomb_is_its_doer(pipeline):
    text = ("On 1 June 2022, a tricycle carrying marketgoers struck an IED presumably planted by Katiba Macina (JNIM) "
            "militants between Aldouma and Dioungani in Mopti.")
    ev = lead(pipeline, text, published="2022-06-03")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor1 == "Katiba Macina" and "Katiba Macina" in text[slice(*ev.evidence["actor1"])]
