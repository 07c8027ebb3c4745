"""LightDoc must read exactly like the spaCy Doc it copies: the event rules run on either."""

from __future__ import annotations

import random

import pytest

from sitrep.lightdoc import LIGHT_KEY, LightDoc, light_doc, light_of
from sitrep.model import Article, Document
from sitrep.stages.nlp import load_model

TEXTS = [
    "Gunmen killed two policemen and wounded three civilians in Kirkuk on Monday, officials said.\n\n"
    "The attack, which no group claimed, came after clashes between the army and Islamic State fighters.",
    "Protesters blocked the main road (Ramadi, Anbar) and  burned tyres; police fired tear gas to disperse them.",
    "UPDATE 3-Car bomb kills at least 18 in Kirkuk",
    "Hello.\n\nWorld   war two!  ",
]
TOKEN_ATTRS = ("i", "idx", "text", "whitespace_", "text_with_ws", "lower_", "lemma_", "pos_", "tag_", "dep_",
               "ent_type_", "ent_iob_", "is_alpha", "is_lower", "is_upper", "is_title", "is_stop", "is_punct", "is_space",
               "like_num", "is_sent_start", "n_lefts", "n_rights")
TOKEN_LINKS = ("children", "lefts", "rights", "subtree", "ancestors", "conjuncts")


@pytest.fixture(scope="module")
def parsed():
    nlp = load_model()
    return [(doc, LightDoc(doc)) for doc in nlp.pipe(TEXTS)]


def _span(s):
    return (s.start, s.end, s.text, s.label_, s.root.i if len(s) else None)


def test_lightdoc_tokens_read_as_spacy_tokens(parsed):
    for doc, light in parsed:
        assert light.text == doc.text and len(light) == len(doc)
        for tok, mine in zip(doc, light, strict=True):
            for attr in TOKEN_ATTRS:
                assert getattr(mine, attr) == getattr(tok, attr), (attr, tok.i, tok.text)
            for link in TOKEN_LINKS:
                assert [t.i for t in getattr(mine, link)] == [t.i for t in getattr(tok, link)], (link, tok.i)
            assert mine.head.i == tok.head.i
            assert (mine.left_edge.i, mine.right_edge.i) == (tok.left_edge.i, tok.right_edge.i)
            assert (mine.sent.start, mine.sent.end) == (tok.sent.start, tok.sent.end)


def test_lightdoc_sentences_and_entities_match_spacy(parsed):
    for doc, light in parsed:
        assert [_span(s) for s in light.sents] == [_span(s) for s in doc.sents]
        assert [_span(e) for e in light.ents] == [_span(e) for e in doc.ents]


def test_lightdoc_char_span_aligns_as_spacy_in_every_mode(parsed):
    rng = random.Random(7)
    for doc, light in parsed:
        n = len(doc.text)
        for _ in range(300):
            start = rng.randint(0, n)
            end = rng.randint(start, min(n, start + 30))
            for mode in ("strict", "contract", "expand"):
                theirs = doc.char_span(start, end, alignment_mode=mode)
                mine = light.char_span(start, end, alignment_mode=mode)
                assert (None if mine is None else _span(mine)) == (None if theirs is None else _span(theirs))


def test_lightdoc_slices_have_spacy_roots_and_sentences(parsed):
    rng = random.Random(11)
    for doc, light in parsed:
        for _ in range(100):
            start = rng.randint(0, len(doc) - 1)
            end = rng.randint(start + 1, min(len(doc), start + 8))
            theirs, mine = doc[start:end], light[start:end]
            assert _span(mine) == _span(theirs)
            assert (mine.sent.start, mine.sent.end) == (theirs.sent.start, theirs.sent.end)
            assert [t.i for t in reversed(mine)] == [t.i for t in reversed(theirs)]


def test_lightdoc_neighbour_past_the_end_raises(parsed):
    _, light = parsed[2]
    assert light[0].nbor(1).i == 1
    with pytest.raises(IndexError):
        light[len(light) - 1].nbor(1)


def test_light_doc_is_made_once_per_parse_and_remade_for_a_new_one(parsed):
    doc, _ = parsed[0]
    document = Document(article=Article(text=TEXTS[0]), doc=doc)
    first = light_doc(document)
    assert first is light_doc(document)
    document.doc = parsed[1][0]
    assert light_doc(document) is not first
    assert parsed[1][0].user_data[LIGHT_KEY] is light_doc(document)
    assert light_doc(Document(article=Article(text="x"))) is None


def test_light_of_a_parse_is_shared_and_a_light_doc_is_its_own(parsed):
    doc, _ = parsed[0]
    light = light_of(doc)
    assert light_of(doc) is light
    assert light_of(light) is light
    assert light_doc(Document(article=Article(text=TEXTS[0]), doc=doc)) is light


def test_sentence_numbers_starts_and_words_read_as_spacy_sentences(parsed):
    for doc, light in parsed:
        sents = list(doc.sents)
        assert light.sent_start_chars() == [s.start_char for s in sents]
        assert [light.sent_number(t.i) for t in doc] == [k for k, s in enumerate(sents) for _ in s]
        assert light.has_words() == any(not s.text.isspace() for s in sents)
    blank = load_model()("   \n\n  ")
    assert not LightDoc(blank).has_words() and not any(not s.text.isspace() for s in blank.sents)


def test_lightdoc_subtree_asked_again_reads_the_same_and_leaves_are_their_own_edges(parsed):
    for doc, light in parsed:
        for tok, mine in zip(doc, light, strict=True):
            first = [t.i for t in mine.subtree]
            assert first == [t.i for t in mine.subtree] == [t.i for t in tok.subtree]
            assert (mine.left_edge.i, mine.right_edge.i) == (tok.left_edge.i, tok.right_edge.i)


def test_lightdoc_span_roots_read_again_are_the_same_as_spacy(parsed):
    for doc, light in parsed:
        for a in range(len(doc)):
            for b in range(a + 1, min(len(doc), a + 6) + 1):
                assert light[a:b].root.i == light[a:b].root.i == doc[a:b].root.i
