"""A verb joined to an earlier one with no subject of its own takes that verb's doer, even one placed by position
(``sitrep.events.arguments.share_joined_doers``)."""

from __future__ import annotations

import pytest

from sitrep.events.arguments import Frame, share_joined_doers
from sitrep.events.frames import Arg
from sitrep.events.lexicon import Trigger


@pytest.fixture(scope="module")
def nlp():
    from sitrep.stages.nlp import load_model

    return load_model()


def _frames(doc, words):
    out = []
    for w in words:
        tok = next(t for t in doc if t.lower_ == w)
        out.append(Frame("attack", Trigger(words=(tok.lemma_,), cls="attack"), tok, 0, (0, len(doc)), "asserted"))
    return out


def test_arguments_a_joined_verb_takes_the_doer_placed_by_position(nlp) -> None:
    doc = nlp("Presumed militants attacked and burned a fuel tanker near the town.")
    attacked, burned = _frames(doc, ["attacked", "burned"])
    if burned.tok.dep_ != "conj" or burned.tok.head.i != attacked.tok.i:
        pytest.skip("the parse did not join the verbs")
    attacked.actor1, attacked.a1_guessed = Arg("Unidentified Armed Group", 3, 0, 2), True
    share_joined_doers([attacked, burned])
    assert burned.actor1 is attacked.actor1 and burned.a1_guessed


def test_arguments_a_joined_passive_verb_does_not_take_the_first_doer(nlp) -> None:
    doc = nlp("Militants attacked the police post and were repelled.")
    attacked, repelled = _frames(doc, ["attacked", "repelled"])
    attacked.actor1 = Arg("Unidentified Armed Group", 3, 0, 1)
    share_joined_doers([attacked, repelled])
    assert repelled.actor1 is None


def test_arguments_a_joined_verb_with_its_own_subject_keeps_none_from_the_first(nlp) -> None:
    doc = nlp("Militants attacked the village and the soldiers fled.")
    attacked, fled = _frames(doc, ["attacked", "fled"])
    attacked.actor1 = Arg("Unidentified Armed Group", 3, 0, 1)
    share_joined_doers([attacked, fled])
    assert fled.actor1 is None
