"""A place taken with no fighting told: a non-violent transfer in an incident summary or where the report says so."""

from __future__ import annotations

QUIET = "Non-violent transfer of territory"


def test_a_taking_with_no_fighting_in_an_incident_summary_is_a_non_violent_transfer(events_of):
    events = events_of("On 3 May 2023, Kata rebels took control of the village of Bordo (Ulam, Ketra).")
    assert [e.sub_event_type for e in events] == [QUIET]


def test_a_taking_told_with_fighting_stays_a_battle(events_of):
    events = events_of("On 3 May 2023, Kata rebels clashed with the army and took control of the village of Bordo "
                       "(Ulam, Ketra). Two soldiers were killed.")
    assert QUIET not in [e.sub_event_type for e in events]


def test_a_news_sentence_of_a_taking_may_leave_the_fighting_out(events_of):
    # not an incident summary: the sentence is a fragment of the story, the taking stays a battle
    events = events_of("Kata rebels took control of the village of Bordo on Tuesday, residents said.")
    assert QUIET not in [e.sub_event_type for e in events]


def test_a_news_sentence_that_says_there_was_no_fighting_is_a_non_violent_transfer(events_of):
    events = events_of("Kata rebels took control of the village of Bordo on Tuesday. No clashes were reported.")
    assert QUIET in [e.sub_event_type for e in events]
