"""Fixtures for the stage tests."""

from __future__ import annotations

import pytest

from sitrep.model import Article, Document
from sitrep.registry import get
from sitrep.stages.nlp import build_model


@pytest.fixture(scope="module")
def run_places():
    """Text -> a Document parsed and through the places stage."""
    nlp = get("sitrep.nlp.v1").factory({})
    places = get("sitrep.places.v1").factory({})

    def run(text: str) -> Document:
        document = Document(article=Article(text=text))
        nlp([document])
        places([document])
        return document

    return run


@pytest.fixture(scope="session")
def pipelines():
    """The model as spaCy ships it and as sitrep runs it (attribute table and lemma memo in place of the ruler and
    the rule lemmatizer), built once for every test that compares them."""
    return build_model(cheaper=False), build_model()
