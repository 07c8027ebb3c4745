"""Crowds in ACLED's codebook: a clash fought with sticks and stones is a riot, never a battle; a crowd told as
demonstrating (the verb as well as the nouns) makes its violence a violent demonstration."""

from __future__ import annotations


def test_classify_clash_with_crude_weapons_is_mob_violence(events_of):
    events = events_of("On 9 May 2024, members of the ruling party's youth wing clashed with police using bricks "
                       "and sticks in the district town. Ten people were injured.")
    assert events[0].sub_event_type == "Mob violence"


def test_classify_clash_with_guns_stays_a_battle(events_of):
    events = events_of("On 9 May 2024, rebel fighters clashed with soldiers using guns and machetes near the "
                       "border town. Eight people were killed.")
    assert events[0].sub_event_type == "Armed clash"


def test_classify_residents_demonstrating_who_vandalize_are_a_violent_demonstration(events_of):
    events = events_of("On 5 May 2020, a number of residents demonstrating against the nightly curfew "
                       "vandalized a police station in the town.")
    assert events[0].sub_event_type == "Violent demonstration"


def test_classify_police_clashing_with_traders_is_mob_violence_not_a_battle(events_of):
    (ev, *_) = events_of("On 20 January 2022, in the city, there was a clash between the state police and merchants "
                         "after the police took their merchandise.")
    assert ev.sub_event_type == "Mob violence"


def test_classify_police_clashing_with_gunmen_stays_an_armed_clash(events_of):
    (ev, *_) = events_of("On 20 January 2022, in the city, there was a clash between the state police and gunmen "
                         "near the market.")
    assert ev.sub_event_type == "Armed clash"


def test_classify_farmers_and_herders_clashing_is_an_armed_clash_of_communities(events_of):
    (ev, *_) = events_of("Farmers and herders clash in the village, one dead.")
    assert ev.sub_event_type == "Armed clash"
