"""State personnel out of service are civilians in ACLED's record: shooting them is an attack, not a battle; ranks and
units on duty are armed targets."""

from __future__ import annotations


def test_classify_militants_firing_at_an_off_duty_policeman_is_an_attack(events_of):
    events = events_of("On 25 May 2022, unidentified militants fired at an off-duty police constable in the town. "
                       "He was killed in the attack.")
    assert events[0].sub_event_type == "Attack"


def test_classify_militants_firing_at_a_police_patrol_stays_an_armed_clash(events_of):
    events = events_of("On 25 May 2022, unidentified militants fired at a police patrol in the town. "
                       "One policeman was killed in the attack.")
    assert events[0].sub_event_type == "Armed clash"


def test_classify_gunmen_killing_a_former_police_officer_is_an_attack_on_a_civilian(events_of):
    (ev, *_) = events_of("On 27 February 2022, a former police officer was killed by unidentified gunmen in the city.")
    assert ev.sub_event_type == "Attack" and ev.inter2 == 7


def test_classify_a_retired_soldier_shot_dead_is_an_attack(events_of):
    (ev, *_) = events_of("On 3 March 2022, gunmen shot dead a retired soldier at his home in the village.")
    assert ev.sub_event_type == "Attack"


def test_classify_former_rebels_attacked_keep_their_armed_side(events_of):
    (ev, *_) = events_of("On 3 March 2022, soldiers attacked former rebels of the movement near the border town.")
    assert ev.inter2 != 7


def test_classify_a_gendarme_killed_in_a_groups_attack_is_an_armed_clash(events_of):
    (ev, *_) = events_of("One gendarme killed in attack by Ansar Dine near the town.")
    assert ev.sub_event_type == "Armed clash"


def test_classify_an_officer_by_rank_or_a_unit_attacked_is_an_armed_clash(events_of):
    (ev, *_) = events_of("A lieutenant was killed on Sunday in the village. The attackers were presumably militiamen.")
    assert ev.sub_event_type == "Armed clash"
    (ev, *_) = events_of("An unknown armed group attacked Brigade 456 in the town. No casualties were reported.")
    assert ev.sub_event_type == "Armed clash"
