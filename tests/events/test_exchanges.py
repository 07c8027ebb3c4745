"""Shelling or air strikes told with a fight, in an incident summary: one armed clash."""

from __future__ import annotations

CLASH = "Armed clash"


def test_shelling_told_with_a_clash_in_an_incident_summary_is_the_clash(events_of):
    events = events_of("On 4 June 2022, Kata forces used artillery and clashed with Bordo rebels in Ulam. "
                       "Casualties unknown.")
    assert events and all(e.sub_event_type == CLASH for e in events)


def test_shelling_alone_stays_shelling(events_of):
    events = events_of("On 4 June 2022, Kata forces shelled Bordo rebel positions in Ulam. Casualties unknown.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_a_news_story_keeps_its_shelling(events_of):
    # not an incident summary: a story may tell a shelling and a later battle as events of their own
    events = events_of("Kata forces used artillery on Tuesday and clashed with Bordo rebels in Ulam, residents said.")
    assert "Shelling/artillery/missile attack" in [e.sub_event_type for e in events]
