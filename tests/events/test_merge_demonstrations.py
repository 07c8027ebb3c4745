"""A demonstration told over several sentences: the force that answers it is its other side."""

from __future__ import annotations

from sitrep.model import Article


def test_merge_force_beating_protesters_in_a_later_sentence_is_the_other_side(pipe):
    text = ("Hundreds of unemployed graduates protested in Tahrir Square in Baghdad on Tuesday demanding jobs. "
            "Security forces beat protesters with batons and detained several of them.")
    events = pipe.process_batch([Article(text=text, published="2025-09-30")])[0].events
    assert len(events) == 1
    ev = events[0]
    assert ev.inter1 in (5, 6)  # the crowd leads (the rules alone may call the beating a riot)
    assert ev.inter2 == 1  # the security forces, not the graduates told as civilians


def test_merge_protest_without_a_force_keeps_no_second_side(pipe):
    text = ("Hundreds of unemployed graduates protested in Tahrir Square in Baghdad on Tuesday demanding jobs. "
            "The protesters marched to the ministry of labour.")
    events = pipe.process_batch([Article(text=text, published="2025-09-30")])[0].events
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]
    assert events[0].actor2 is None


def test_merge_force_answering_a_protest_later_keeps_the_allies_its_words_named(pipe):
    text = ("On 3 April 2022, hundreds of demonstrators marched in Omdurman (Khartoum state) against the rise in "
            "bread prices. Security forces (presumed police and military) fired tear gas to disperse them.")
    ev = pipe.process_batch([Article(text=text, published=None, country="Sudan")])[0].events[0]
    assert (ev.actor2 or "").startswith("Military Forces of Sudan")
    assert (ev.assoc_actor_2 or "").startswith("Police Forces of Sudan")
