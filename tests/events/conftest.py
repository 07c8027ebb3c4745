"""Fixtures for the event rules' tests."""

from __future__ import annotations

import pytest

from sitrep.model import Article


@pytest.fixture(scope="module")
def pipe(rules_pipe):
    return rules_pipe


@pytest.fixture(scope="module")
def events_of(pipe):
    """The events the rules find in one text, published on a fixed day (so weekday dates resolve)."""

    def run(text, published="2025-02-11"):
        return pipe.process_batch([Article(text=text, published=published)])[0].events

    return run


@pytest.fixture(scope="module")
def lead(events_of):
    """The first event of an undated text."""

    def run(text):
        return events_of(text, published=None)[0]

    return run
