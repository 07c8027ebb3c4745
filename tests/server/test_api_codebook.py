"""Correction choices come from the codebook data files, and a user's copy extends them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.server.codebook import codebook


@pytest.fixture()
def fresh_codebook() -> Iterator[None]:
    codebook.cache_clear()
    yield
    codebook.cache_clear()


def test_codebook_choices_follow_the_acled_taxonomy(fresh_codebook: None) -> None:
    book = codebook()
    assert book["sub_event_event_type"]["Air/drone strike"] == "Explosions/Remote violence"
    assert book["choices"]["inter1"] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert {10, 12, 17, 60, 88} <= set(book["choices"]["interaction"])
    assert 21 not in book["choices"]["interaction"]  # the lower actor type comes first


def test_a_users_codebook_adds_choices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_codebook: None) -> None:
    (tmp_path / "acled_codebook.yaml").write_text(
        "sub_event_types:\n  Drone sighting: {event_type: Strategic developments, code: DRONE_SIGHT}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    book = codebook()
    assert book["sub_event_event_type"]["Drone sighting"] == "Strategic developments"
    assert "Armed clash" in book["choices"]["sub_event_type"]  # the package's entries stay
