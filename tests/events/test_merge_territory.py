"""The fighting for a place taken, told again in a later sentence, is part of the taking."""

from __future__ import annotations

from sitrep.model import Article


def test_merge_the_fighting_after_a_town_is_taken_adds_its_toll_to_the_taking(pipe):
    text = ("M23 rebels entered the city of Goma in North Kivu on Monday after clashes with the Congolese army, "
            "residents said. Dozens of people were killed in the fighting.")
    events = pipe.process_batch([Article(text=text, published="2025-01-27")])[0].events
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]
    assert events[0].fatalities and events[0].fatalities > 0
    assert events[0].inter2 == 1  # the army that lost the town, never civilians as a side of the fighting


def test_merge_a_new_clash_with_its_own_sides_after_a_town_is_taken_stays_apart(pipe):
    text = ("M23 rebels entered the city of Goma in North Kivu on Monday. "
            "On Wednesday, FARDC soldiers clashed with Wazalendo militiamen near Sake.")
    events = pipe.process_batch([Article(text=text, published="2025-01-27")])[0].events
    assert len(events) == 2
