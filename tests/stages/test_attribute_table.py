import pytest
import spacy
from spacy.attrs import IDS
from spacy.tokens import Doc

from sitrep.stages.attribute_table import FACTORY, AttributeTable, compile_rules, replace_ruler

COLUMNS = [IDS[a] for a in ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")]


def _both(ruler, words, tags, deps=None, spaces=None):
    """The doc after spaCy's ruler and after the table built from it."""
    table = AttributeTable(ruler.vocab)
    table.use(compile_rules(ruler))
    heads = list(range(len(words))) if deps else None
    made = [Doc(ruler.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads) for _ in range(2)]
    return ruler(made[0]), table(made[1])


def _ruler(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_attribute_table_later_pattern_wins_per_attribute():
    _, ruler = _ruler(
        [
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
            {"patterns": [[{"LOWER": "rebels", "TAG": "NN"}]], "attrs": {"POS": "PROPN", "LEMMA": "rebel"}},
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "thing"}},
        ]
    )
    spacy_doc, ours = _both(ruler, ["Rebels", "fled", "town"], ["NN", "VBD", "NN"])
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in ours] == [(t.pos_, t.lemma_, str(t.morph)) for t in spacy_doc]
    assert (ours[0].pos_, ours[0].lemma_) == ("PROPN", "thing")  # POS from the word rule, lemma from the last


def test_attribute_table_multi_word_patterns_set_the_indexed_token():
    _, ruler = _ruler(
        [
            {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
            {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
            {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "were"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
            {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
        ]
    )
    words = ["gon", "na", "there", "were", "nothin'", "gon"]
    tags = ["VBG", "TO", "EX", "VBD", "NN", "VBG"]
    deps = ["ROOT", "aux", "expl", "ROOT", "attr", "dep"]
    spacy_doc, ours = _both(ruler, words, tags, deps)
    assert [(t.lemma_, t.pos_) for t in ours] == [(t.lemma_, t.pos_) for t in spacy_doc]
    assert [t.lemma_ for t in ours][:2] == ["go", "to"] and ours[3].pos_ == "VERB" and ours[4].lemma_ == "nothing"
    assert ours[5].lemma_ == ""  # a pattern's first word at the doc's end is no match


def test_attribute_table_whitespace_tokens_and_negated_lists():
    _, ruler = _ruler(
        [
            {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]], "attrs": {"POS": "AUX"}},
            {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
            {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
        ]
    )
    words = ["They", "have", "\n\n", "to", "go"]
    spaces = [True, False, False, True, False]
    tags = ["PRP", "VBP", "NN", "TO", "VB"]
    deps = ["nsubj", "aux", "punct", "aux", "ROOT"]
    spacy_doc, ours = _both(ruler, words, tags, deps, spaces)
    assert (ours.to_array(COLUMNS) == spacy_doc.to_array(COLUMNS)).all()
    assert [t.pos_ for t in ours] == ["", "AUX", "SPACE", "", ""] and ours[2].dep_ == "dep" and ours[2].tag_ == "_SP"


def test_attribute_table_refuses_a_pattern_it_cannot_reproduce():
    nlp, _ = _ruler([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}}])
    assert replace_ruler(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]


def test_attribute_table_replaces_a_supported_ruler_in_place():
    nlp, _ = _ruler([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}])
    nlp.add_pipe("sentencizer")
    assert replace_ruler(nlp) is True
    assert nlp.pipe_names == [FACTORY, "sentencizer"]


@pytest.mark.parametrize(
    "text",
    [
        "There were gunmen in the village, and anyone who's there was told to leave.",
        "I ain't gon na say it , y' all . Let 's go , we got ta run . C'm on !",
        "Nothin' doin' , ol' man said 'em boys 'll come . He 'd gone . It was I and you saw it .",
        "Did they do it? They did.\n\n  The army has had enough   and does too .",
        "GUNMEN KILLED FIVE VILLAGERS IN THE NORTH, POLICE SAID",
    ],
)
def test_attribute_table_equals_the_models_ruler(pipelines, text):
    original, ours = pipelines
    assert FACTORY in ours.pipe_names and "attribute_ruler" not in ours.pipe_names
    a, b = original(text), ours(text)
    assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all()
    assert [str(t.morph) for t in a] == [str(t.morph) for t in b]


def test_attribute_table_without_rules_refuses_to_run():
    nlp = spacy.blank("en")
    table = AttributeTable(nlp.vocab)
    with pytest.raises(RuntimeError):
        table(nlp("Gunmen fled."))
