"""What a crowd's event is about is no side of it (``sitrep.actors.sides_topics``), on parses of our own notes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sitrep.actors.sides_topics import without_topics


@pytest.fixture(scope="module")
def nlp():
    from sitrep.stages.nlp import build_model

    return build_model()


def _parsed(nlp, text):
    from sitrep.lightdoc import light_of

    return light_of(nlp(text))


def _span(text, word):
    start = text.index(word)
    return (start, start + len(word))


def _protest(text, trigger, event_type="Protests", crowd=None):
    evidence = {"trigger": list(_span(text, trigger))}
    if crowd:
        evidence["actor1"] = list(_span(text, crowd))
    return SimpleNamespace(event_type=event_type, evidence=evidence)


@pytest.mark.parametrize("text, trigger, word", [
    ("Residents held a protest against the killing of farmers in the village.", "protest", "farmers"),
    ("Students demonstrated against the teachers strike in Kinshasa.", "demonstrated", "teachers"),
    ("Residents protested to demand justice for a man whose wife died.", "protested", "wife"),
])
def test_people_named_in_what_a_protest_opposes_are_dropped(nlp, text, trigger, word):
    doc = _parsed(nlp, text)
    identities = {_span(text, word): "X (Y)"}
    assert without_topics(_protest(text, trigger), identities, doc) == {}


@pytest.mark.parametrize("text, trigger, word", [
    ("Farmers protested against the new land law in the capital.", "protested", "Farmers"),
    ("A protest by teachers against unpaid salaries was held in the town.", "protest", "teachers"),
])
def test_the_protesters_own_identity_stays(nlp, text, trigger, word):
    doc = _parsed(nlp, text)
    identities = {_span(text, word): "X (Y)"}
    assert without_topics(_protest(text, trigger), identities, doc) == identities


def test_a_sides_own_mention_stays_even_in_a_topic(nlp):
    text = "A protest against the killing of farmers was held."
    doc = _parsed(nlp, text)
    identities = {_span(text, "farmers"): "Farmers (Y)"}
    assert without_topics(_protest(text, "protest", crowd="farmers"), identities, doc) == identities


def test_events_other_than_crowds_keep_every_identity(nlp):
    text = "Gunmen killed two farmers over a land dispute."
    doc = _parsed(nlp, text)
    identities = {_span(text, "farmers"): "Farmers (Y)"}
    ev = _protest(text, "killed", event_type="Violence against civilians")
    assert without_topics(ev, identities, doc) == identities


def test_a_side_read_from_the_noun_beside_the_mention_keeps_it(nlp):
    text = "Police charged against Muslim community people during their protest over a statement."
    doc = _parsed(nlp, text)
    identities = {_span(text, "Muslim community"): "Muslim Group (Y)"}
    ev = _protest(text, "charged")
    ev.evidence["actor2"] = list(_span(text, "people"))
    assert without_topics(ev, identities, doc) == identities


def test_whom_a_force_act_hit_is_no_topic(nlp):
    text = "Police resorted to baton charge against Muslim community people during their protest."
    doc = _parsed(nlp, text)
    identities = {_span(text, "Muslim community"): "Muslim Group (Y)"}
    ev = _protest(text, "baton charge")
    assert without_topics(ev, identities, doc) == identities


@pytest.mark.parametrize("text, trigger, word", [
    ("Protesters held a sit-in in solidarity with Palestinian prisoners in Jenin.", "sit-in", "prisoners"),
    ("Residents rallied calling for the release of detained students in the capital.", "rallied", "students"),
])
def test_people_a_protest_stands_for_are_dropped(nlp, text, trigger, word):
    doc = _parsed(nlp, text)
    assert without_topics(_protest(text, trigger), {_span(text, word): "X (Y)"}, doc) == {}


def test_people_the_protesters_are_kin_to_are_dropped_even_as_the_sides_mention(nlp):
    text = "On 4 May 2022, relatives of severely ill prisoners staged a protest in Yenisehir town."
    doc = _parsed(nlp, text)
    identities = {_span(text, "prisoners"): "Prisoners (Turkey)"}
    assert without_topics(_protest(text, "protest", crowd="prisoners"), identities, doc) == {}
