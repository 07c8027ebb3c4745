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


def test_a_toll_feared_in_told_attacks_leaves_them_asserted(events_of) -> None:
    events = events_of("12 Villagers Feared Killed In Two Separate Raids In Zamfara", published=None)
    assert _asserted(events)


def test_a_present_tense_headline_verb_is_read_as_a_verb(events_of) -> None:
    assert _asserted(events_of("Militia Executes Three Farmers In Ituri", published=None))


def test_people_an_act_was_done_to_are_not_what_is_prevented(events_of) -> None:
    events = events_of("Soldiers Prevent Burial Of Massacred Villagers In Kayah", published=None)
    assert _asserted(events)
    assert all(e.modality == "negated" for e in events_of("Police prevented an attack on the market.", published=None))


def test_fighters_dislodged_is_a_clash(events_of) -> None:
    assert _asserted(events_of("Troops free 40 hostages after dislodging bandits from forest camp", published=None))


def test_a_base_form_verb_after_a_plural_subject_is_the_headlines_act(events_of) -> None:
    # the parser reads "rebels torch market" as one noun phrase
    assert "torch" in _asserted(events_of("Rebels torch market in Borno", published=None))


def test_a_present_tense_verb_read_as_a_plural_noun_is_the_headlines_act(events_of) -> None:
    events = events_of("Myanmar Warplane Targets School, Hospital in Sagaing Village", published=None)
    assert [e.sub_event_type for e in events if e.modality == "asserted"] == ["Air/drone strike"]


def test_a_plural_noun_before_and_stays_a_noun(events_of) -> None:
    from sitrep.headline_verbs import read_headline_verbs
    from sitrep.stages.nlp import load_model

    doc = load_model()("Army Attacks and Landslides in the North")
    assert read_headline_verbs(doc) == 0


def test_a_headline_passive_without_its_auxiliary_is_told_as_done(events_of) -> None:
    assert "held" in _asserted(events_of("Two militants held in Peshawar", published=None))
