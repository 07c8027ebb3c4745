"""A drug dealer or trafficker shot at is a criminal armed group's member: ACLED codes the violence as an armed
clash between gangs, told in the event's sentence or in one describing the victim after it."""

from __future__ import annotations


def test_classify_a_victim_described_as_a_drug_dealer_makes_an_armed_clash(events_of):
    (ev, *_) = events_of("On 7 May 2022, in the town, armed men opened fire on a man near the market. "
                         "The victim was a drug dealer in the sector. No fatalities.")
    assert ev.sub_event_type == "Armed clash" and ev.inter2 == 3


def test_classify_a_victim_involved_in_drug_trafficking_makes_an_armed_clash(events_of):
    (ev, *_) = events_of("On 9 May 2022, in the city, a man was shot and killed at a bar by two armed individuals. "
                         "The victim was involved in drug trafficking activities. 1 fatality.")
    assert ev.sub_event_type == "Armed clash"


def test_classify_a_trafficker_shot_by_unknown_men_is_an_armed_clash(events_of):
    (ev, *_) = events_of("On 3 May 2022, in the city, a drug trafficker was shot and killed in the neighborhood by "
                         "unknown armed individuals. 1 fatality.")
    assert ev.sub_event_type == "Armed clash"


def test_classify_traffickers_shooting_a_man_stay_an_attack(events_of):
    (ev, *_) = events_of("On 22 June 2022, in the city, a man was shot and killed in the neighborhood by two drug "
                         "traffickers. 1 fatality.")
    assert ev.sub_event_type == "Attack"


def test_classify_a_victim_who_used_drugs_stays_a_civilian(events_of):
    (ev, *_) = events_of("On 27 January 2022, in the city, a man was shot and injured by armed individuals on a "
                         "motorcycle. The victim was a drug user.")
    assert ev.sub_event_type == "Attack"


def test_classify_a_victim_kidnapped_by_traffickers_is_no_description_of_him(events_of):
    (ev, *_) = events_of("On 6 March 2022, in the city, armed men shot and killed a man. The victim was kidnapped "
                         "by drug traffickers before.")
    assert ev.sub_event_type == "Attack"
