"""The dedup tests' store fixture (test data lives in dedup_fixtures.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sitrep.store import Store


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s
