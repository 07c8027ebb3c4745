"""Fixtures for the stage tests."""

from __future__ import annotations

import pytest

from sitrep.model import Article, Document
from sitrep.registry import get


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
