"""A headline's trigger verb that the parser read as a noun is made the verb, with its subject and object."""

from __future__ import annotations

from sitrep.headline_verbs import read_headline_verbs
from sitrep.stages.nlp import load_model


def _verb_parse(text: str) -> list[tuple[str, str, str]]:
    doc = load_model()(text)
    read_headline_verbs(doc)
    return [(t.text, t.dep_, t.head.text) for t in doc if t.dep_ in ("nsubj", "ROOT", "dobj")]


def test_headline_verbs_make_a_base_form_after_a_plural_the_verb() -> None:
    assert _verb_parse("Rebels torch market in Borno") == [
        ("Rebels", "nsubj", "torch"),
        ("torch", "ROOT", "torch"),
        ("market", "dobj", "torch"),
    ]


def test_headline_verbs_leave_the_body_alone() -> None:
    doc = load_model()("Security update\n\nRebels torch market in Borno, residents said on Monday.")
    assert read_headline_verbs(doc) == 0


def test_headline_verbs_keep_sentence_boundaries() -> None:
    doc = load_model()("Rebels torch market in Borno\nThe rebels came at night. Police said so.")
    starts = [t.i for t in doc if t.is_sent_start]
    read_headline_verbs(doc)
    assert [t.i for t in doc if t.is_sent_start] == starts


def test_headline_verbs_read_a_participle_after_the_headlines_noun_as_a_passive() -> None:
    doc = load_model()("Two militants held in Peshawar")
    read_headline_verbs(doc)
    assert [(t.text, t.dep_, t.head.text) for t in doc if t.dep_ in ("nsubjpass", "ROOT")] == [
        ("militants", "nsubjpass", "held"),
        ("held", "ROOT", "held"),
    ]


def test_headline_verbs_leave_a_participle_beside_the_headlines_own_verb() -> None:
    doc = load_model()("Police arrest two militants held in Peshawar")
    assert read_headline_verbs(doc) == 0
