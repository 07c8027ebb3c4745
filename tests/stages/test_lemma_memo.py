import pytest
import spacy
from spacy.attrs import LEMMA
from spacy.tokens import Doc

from sitrep.stages.lemma_memo import FACTORY, LemmaMemo, replace_lemmatizer


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed five villagers and wounded others; the soldiers were attacked twice.",
        "The better armed militias fled. He 'd gone , they'd been going , it was worse .",
        "Police said   nothing \n\n Protesters marched, marching and chanting in the cities.",
    ],
)
def test_lemma_memo_gives_the_lemmatizers_lemmas(pipelines, text):
    original, ours = pipelines
    assert FACTORY in ours.pipe_names and "lemmatizer" not in ours.pipe_names
    a, b = original(text), ours(text)
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_lemma_memo_keeps_a_lemma_already_set(pipelines):
    _, ours = pipelines
    memo = ours.get_pipe(FACTORY)
    doc = Doc(ours.vocab, words=["killed", "villagers"], pos=["VERB", "NOUN"], lemmas=["slay", ""])
    memo(doc)
    assert [t.lemma_ for t in doc] == ["slay", "villager"]


def test_lemma_memo_repeats_its_answer_from_memory(pipelines):
    _, ours = pipelines
    memo = LemmaMemo(ours.vocab)
    memo.use(ours.get_pipe(FACTORY).lemmatizer)
    first = memo(Doc(ours.vocab, words=["attacks"], pos=["NOUN"], morphs=["Number=Plur"]))
    again = memo(Doc(ours.vocab, words=["attacks"], pos=["NOUN"], morphs=["Number=Plur"]))
    assert first[0].lemma_ == again[0].lemma_ == "attack"
    assert (first.to_array([LEMMA]) == again.to_array([LEMMA])).all()


def test_lemma_memo_leaves_a_lookup_lemmatizer_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert replace_lemmatizer(nlp) is False
    assert nlp.pipe_names == ["lemmatizer"]


def test_lemma_memo_without_a_lemmatizer_refuses_to_run():
    nlp = spacy.blank("en")
    with pytest.raises(RuntimeError):
        LemmaMemo(nlp.vocab)(nlp("Gunmen fled."))
