"""Detection of demonstrations by who did the act: people march, block and occupy; armed men do not."""

from __future__ import annotations

import pytest


def subs(events_of, text):
    return [e.sub_event_type for e in events_of(text, published=None)]


@pytest.mark.parametrize("text", [
    "Members and supporters of the opposition marched from the square to the presidential residence.",
    "Drivers carried out a motorcade through the city to demand better fees.",
    "A group blocked a road near the town to complain about the rise in fuel prices.",
    "Environmental activists continued to block a construction site near the lake to oppose the works.",
    "Three activists occupied the forest near the town against the construction of a highway.",
])
def test_detect_people_who_march_block_or_occupy_are_demonstrating(events_of, text):
    assert subs(events_of, text) == ["Peaceful protest"]


def test_detect_a_lower_case_act_that_is_also_a_name_is_still_an_act(events_of):
    # "climate strike" is in ACLED's actor list; written in lower case it names the strike itself
    assert subs(events_of, "A Fridays for Future climate strike took place by the parliament, demanding action.") \
        == ["Peaceful protest"]


def test_detect_notes_parse_without_a_subject_still_find_the_people(events_of):
    # the parser hangs "teachers" on the place as an apposition and gives "blocked" no subject
    assert subs(events_of, "On 26 April 2022, in Morelia, Michoacan de Ocampo, teachers and members of the SNTE "
                      "blocked roads close to the ministry of finance to demand the payment of salaries.") \
        == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "Soldiers marched through the town.",
    "Rebels marched on the capital on Sunday.",
    "An armed group blocked the road to the town and demanded money from drivers.",
])
def test_detect_armed_men_marching_or_blocking_are_no_demonstration(events_of, text):
    assert "Peaceful protest" not in subs(events_of, text)


def test_detect_rebels_occupying_a_town_capture_it(events_of):
    assert subs(events_of, "M23 rebels occupied the town of Bunagana.") == ["Non-state actor overtakes territory"]


def test_detect_police_present_who_did_not_intervene_make_no_intervention(events_of):
    assert subs(events_of, "Activists demonstrated in the town to oppose multiculturalism. Police personnel were present "
                      "at the venue but did not intervene.") == ["Peaceful protest"]


def test_detect_peasants_marching_and_a_peace_march_are_demonstrations(events_of):
    assert subs(events_of, "Dozens of peasants marched from the square towards the land institute.") == ["Peaceful protest"]
    assert subs(events_of, "Students took part, alongside their parents, in a peace march between the two towns.") \
        == ["Peaceful protest"]


def test_detect_a_march_people_take_part_in_is_a_demonstration_a_military_one_is_not(events_of):
    assert subs(events_of, "Dozens of members of the church participated in a march for peace and faith values.") \
        == ["Peaceful protest"]
    assert subs(events_of, "Soldiers held a march past at the parade ground.") == []


def test_detect_an_average_of_residents_are_people(events_of):
    assert subs(events_of, "For the fourth day in a row, an average of 50 residents blocked the highway at the turnoff "
                      "to the town to demand to overturn the resolution.") == ["Peaceful protest"]


def test_detect_a_patrol_told_as_a_movement_is_a_change_of_activity_an_ambushed_one_a_clash(events_of):
    assert subs(events_of, "A US military patrol took place in the countryside of the town.") == ["Change to group/activity"]
    assert subs(events_of, "Militants ambushed an army patrol near the town, killing two soldiers.") == ["Armed clash"]


def test_detect_a_killing_told_of_whom_the_protesters_mourn_is_their_cause_not_an_event(events_of):
    events = events_of("On 6 February 2022, in the town, dozens of family members and friends of a man who was shot "
                       "to death by a police officer after a discussion carried out a protest to demand justice.")
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_detect_stones_thrown_by_the_residents_who_chased_a_mayor_stay_their_act(events_of):
    events = events_of("A local mayor attempting to evict people occupying the hospital was chased out by the angry "
                       "residents who threw stones at his vehicle as he left the area.")
    assert any(e.sub_event_type == "Mob violence" for e in events)
