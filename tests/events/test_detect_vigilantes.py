"""'Vigilante' names a mob only when no organised vigilante militia, group or its members are told."""

from __future__ import annotations


def test_detect_a_wounded_vigilante_militiaman_is_no_mob_event(events_of):
    (ev, *_) = events_of("On 18 January 2022, Boko Haram fighters injured one local vigilante militiaman during an "
                         "attack on the village.")
    assert ev.sub_event_type == "Armed clash"


def test_detect_vigilante_justice_on_a_thief_stays_mob_violence(events_of):
    (ev, *_) = events_of("On 18 January 2022, vigilantes lynched a suspected thief in the market of the town.")
    assert ev.sub_event_type == "Mob violence"
