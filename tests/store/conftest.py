"""Fixtures for store tests."""

from __future__ import annotations

import pytest

from sitrep.model import Actor


@pytest.fixture
def store(tmp_path):
    from sitrep.store import Store

    with Store(tmp_path / "test.duckdb") as s:
        yield s


@pytest.fixture
def gunmen_actor():
    return Actor(text="Gunmen", start=0, end=6, name="Unidentified Armed Group (Mali)", inter=3)
