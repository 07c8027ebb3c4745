"""Fixtures for the event rules' tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipe(rules_pipe):
    return rules_pipe
