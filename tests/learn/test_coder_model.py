"""The coder model's words layer reads joined sentences from each sentence's own features, to the same bits."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from sitrep.learn import load
from sitrep.learn.coder_model import SentencesText

SENTENCES = [
    "Gunmen killed 12 villagers and wounded 3 in an attack on the village of Kidal on Monday.",
    "",
    "Police police police fired tear gas.",
    "Protesters",
    "The army said 12 soldiers were killed, 12 more wounded; the attack was the deadliest this year.",
    "ΟΔΟΣ İstanbul — residents marched.",
]


@pytest.fixture(scope="module")
def coder():
    model = load("coder")
    if model is None:
        pytest.skip("no coder artifact")
    return model


@pytest.mark.parametrize("window", [SENTENCES, SENTENCES[:1], SENTENCES[1:4], SENTENCES[2:], SENTENCES[3:4],
                                    SENTENCES[1:2], [*SENTENCES, *SENTENCES]])
def test_joined_sentences_score_to_the_same_bits_as_their_text(coder, window) -> None:
    joined = " ".join(window)
    expected = coder._word_scores(joined)
    assert np.array_equal(coder._word_scores(SentencesText(window)).view(np.uint32), expected.view(np.uint32))
    assert np.array_equal(coder._word_scores(SentencesText(window)).view(np.uint32), expected.view(np.uint32))


def test_sentences_text_is_its_joined_text_and_survives_pickling() -> None:
    text = SentencesText(["One two.", "Three."])
    assert text == "One two. Three." and type(str(text)) is str
    again = pickle.loads(pickle.dumps(text))
    assert again == text and again.parts == ("One two.", "Three.")


def test_several_events_scored_together_get_the_same_bits_as_one_by_one(coder) -> None:
    names = list(coder.rule_index)
    feats = [names[:7], [], [names[-1], "no such feature", names[3], names[-1]], ["no such feature"]]
    events = [(SentencesText(SENTENCES[:2]), feats[0], SENTENCES[0]), (SENTENCES[2], feats[1], None),
              (SentencesText(SENTENCES), feats[2], SentencesText(SENTENCES[3:5])), ("", feats[3], "")]
    together = coder.probabilities_many(events)
    for row, (text, rule_feats, own) in zip(together, events, strict=True):
        alone = coder.probabilities(text, rule_feats, own)
        assert np.array_equal(row.view(np.uint32), alone.view(np.uint32))
    assert coder.probabilities_many([]).shape == (0, len(coder.labels))


def test_events_without_rule_features_scored_together_get_the_same_bits_as_one_by_one(coder) -> None:
    events = [(SentencesText(SENTENCES[:3]), [], None), (SENTENCES[4], ["no such feature"], SENTENCES[4])]
    together = coder.probabilities_many(events)
    for row, (text, rule_feats, own) in zip(together, events, strict=True):
        assert np.array_equal(row.view(np.uint32), coder.probabilities(text, rule_feats, own).view(np.uint32))


def test_a_word_said_more_often_than_the_count_table_holds_is_weighed_by_its_logarithm(coder) -> None:
    word = next(w for w in ("killed", "attack", "police") if w in coder.vocab)
    text = " ".join([word] * 300 + ["police"])
    rows, found = coder._found(text)
    assert max(found) == 300
    val = np.array([1.0 + np.log(n) for n in found], dtype=np.float32) * coder.idf[rows]
    val /= float(np.linalg.norm(val)) or 1.0
    expected = val @ coder.words_w[rows] + coder.words_b
    assert np.array_equal(coder._word_scores(text).view(np.uint32), expected.view(np.uint32))
    assert np.array_equal(coder._word_scores(SentencesText([text])).view(np.uint32), expected.view(np.uint32))


def test_a_documents_texts_scored_together_get_the_same_bits_as_one_by_one(coder) -> None:
    texts = [SentencesText(SENTENCES[:2]), "", SENTENCES[2], SentencesText(SENTENCES[1:2]), SentencesText(SENTENCES),
             SENTENCES[2], " ".join(["police"] * 300)]
    coder._scores.clear()
    together = coder._word_scores_of(texts)
    assert list(together) == list(dict.fromkeys(texts))
    for text in texts:
        assert np.array_equal(together[text].view(np.uint32), coder._word_scores(text).view(np.uint32))
        assert coder.word_scores(text) is together[text]  # kept for the gate's later questions
