"""What the coding rules read from one sentence: force and violence count only as things that happened there."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.events.cues import done_lemmas, sentence_cues
from sitrep.events.lexicon import lexicon
from sitrep.stages.nlp import load_model


@pytest.fixture(scope="module")
def first_sentence():
    nlp = load_model()

    def run(text: str) -> Any:
        return next(iter(nlp(text).sents))

    return run


def test_cues_a_protests_cause_is_no_force_used_at_it(first_sentence):
    cues = sentence_cues(first_sentence("Hundreds marched against police brutality in the capital."), lexicon())
    assert "lethal" not in cues
    assert "protest_purpose" in cues


def test_cues_what_protesters_demand_an_end_to_did_not_happen_there(first_sentence):
    sent = first_sentence("Protesters demanded an end to the killings.")
    assert "lethal" not in sentence_cues(sent, lexicon())
    assert "killing" not in done_lemmas(sent)


def test_cues_police_dispersing_the_crowd_is_an_intervention(first_sentence):
    sent = first_sentence("Riot police dispersed the crowd.")
    assert "intervention" in sentence_cues(sent, lexicon())
    assert {"police", "disperse"} <= done_lemmas(sent)


def test_cues_police_who_did_not_intervene_made_no_intervention(first_sentence):
    sent = first_sentence("Police were present but did not intervene.")
    assert "intervention" not in sentence_cues(sent, lexicon())
    assert "intervene" not in done_lemmas(sent)


def test_cues_a_protest_that_turned_violent_holds_violence(first_sentence):
    cues = sentence_cues(first_sentence("The protesters threw stones and the protest turned violent."), lexicon())
    assert {"violence", "violence_vague"} <= cues


@pytest.mark.parametrize("text, chemical", [
    ("Rebels fired two missiles at an oil/chemical products tanker off the coast.", False),
    ("Farmers protested the lack of chemical fertilizers.", False),
    ("Government forces shelled the town with shells containing chemical agents.", True),
    ("Shells filled with chlorine hit the village.", True),
])
def test_cues_chemical_goods_name_no_chemical_weapon(first_sentence, text, chemical):
    assert ("chemical" in sentence_cues(first_sentence(text), lexicon())) is chemical


def test_cues_people_killed_are_hurt_but_no_one_hurt_is_not(first_sentence):
    assert "people_hurt" in sentence_cues(first_sentence("Gunmen killed a farmer and stole his cattle."), lexicon())
    assert "people_hurt" not in sentence_cues(first_sentence("Gunmen stole cattle but did not kill anyone."),
                                              lexicon())
    assert "people_hurt" not in sentence_cues(first_sentence("No one was injured in the raid."), lexicon())


def test_cues_shots_fired_in_the_air_name_no_aircraft(first_sentence):
    sent = first_sentence("Militants attacked the village and fired in the air.")
    assert "aircraft" not in sentence_cues(sent, lexicon())


def test_cues_an_air_strike_beside_shots_in_the_air_still_names_aircraft(first_sentence):
    sent = first_sentence("Soldiers fired into the air after an air strike hit the village.")
    assert "aircraft" in sentence_cues(sent, lexicon())


def test_cues_an_arrest_a_protest_is_about_is_no_intervention_in_it(first_sentence):
    about = first_sentence("People protested in Jaffna condemning the recent arrest of anti-government protesters.")
    assert "protest_arrest" not in sentence_cues(about, lexicon())
    made = first_sentence("Police arrested five protesters during the demonstration in Jaffna.")
    assert "protest_arrest" in sentence_cues(made, lexicon())
