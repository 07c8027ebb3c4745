"""A temporal clause with the main act's doer tells when that act was done, not a second event."""

from __future__ import annotations


def test_merge_an_abduction_told_when_they_attacked_is_one_abduction(events_of):
    events = events_of("Armed bandits abducted four farmers when they attacked Kware village in Sokoto state.")
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]


def test_merge_a_clause_with_another_doer_stays_apart(events_of):
    events = events_of("Soldiers arrested two traders after the gunmen attacked a market in Maiduguri.")
    assert len(events) == 2


def test_merge_an_ambush_whose_targets_exchanged_fire_is_a_clash(events_of):
    events = events_of("Unidentified gunmen ambushed a convoy of the district commissioner near Gereida. "
                       "The bodyguards exchanged fire with the attackers.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]
