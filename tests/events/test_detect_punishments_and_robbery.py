"""Words notes use for events the lexicon missed: gunfire exchanged, punishments, robbery, rustling."""

from __future__ import annotations


def test_detect_gunfire_exchanged_with_soldiers_is_a_clash(events_of):
    events = events_of("On May 25, an unidentified armed group exchanged gunfire with soldiers near the "
                       "military camp in Gao.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_detect_a_man_whipped_by_militants_is_an_attack(events_of):
    events = events_of("On December 3, militants whipped two women in the market of the village.")
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_detect_gunmen_robbing_traders_is_looting(events_of):
    events = events_of("On October 16, masked gunmen robbed a group of merchants on the road to the "
                       "village.")
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]
