"""Headline-only reports: the act a headline tells is asserted, what it only fears or averts is not."""

from __future__ import annotations


def _asserted(events) -> list[str]:
    return [e.trigger for e in events if e.modality == "asserted"]


def test_a_feared_toll_leaves_the_attack_told_as_done(events_of) -> None:
    events = events_of("Gunmen Raid Katsina Village, Dozens Feared Killed", published=None)
    assert events and events[0].modality == "asserted"


def test_what_is_feared_after_the_verb_stays_hypothetical(events_of) -> None:
    events = events_of("Villagers fear reprisal killings after the raid on the market.", published=None)
    assert all(e.trigger != "killings" or e.modality == "hypothetical" for e in events)


def test_a_kill_stays_asserted_beside_an_averted_bombing(events_of) -> None:
    events = events_of("Soldiers Kill Two Gunmen, Avert Deadly Bomb Attack", published=None)
    assert "Kill" in _asserted(events)
    assert any(e.modality == "negated" for e in events)


def test_a_strangling_is_a_killing(events_of) -> None:
    assert _asserted(events_of("A farmer strangled to death by militiamen near Kalemie", published=None))
