"""An attack the attacked side fights off is one event, an armed clash, with those who fought back."""

from __future__ import annotations


def test_merge_an_attack_repelled_in_the_same_sentence_is_one_clash(events_of):
    events = events_of("On 8 June, suspected militiamen attacked farmers escorted by a village self-defence "
                       "group near the village of Bamba, the self-defence group repelled the attack. "
                       "No casualties reported.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_merge_an_attack_the_guards_fought_back_in_the_next_sentence_is_one_clash(events_of):
    events = events_of("Gunmen attacked a hotel housing foreign trainers in the capital. Soldiers and police "
                       "fought back, killing one of the gunmen.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_merge_an_attack_without_an_answer_stays_an_attack(events_of):
    events = events_of("Gunmen attacked a hotel in the capital, killing two guests. Police later "
                       "arrived at the scene.")
    assert events[0].sub_event_type == "Attack"


def test_merge_suicide_bombers_exchanging_gunfire_is_one_suicide_bombing(events_of):
    events = events_of("Attackers set off suicide bombs and exchanged gunfire outside a cafe in the capital "
                       "on Thursday, police said.")
    assert [e.sub_event_type for e in events][:1] == ["Suicide bomb"]
