"""Fixtures for the gazetteer tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitrep.gazetteer.resolve import Toponym


@pytest.fixture(scope="session")
def spans() -> Callable[[str, list[str]], list[Toponym]]:
    """Text and its place names in order -> one Toponym per name, at its next occurrence."""

    def find(text: str, names: list[str]) -> list[Toponym]:
        out, pos = [], 0
        for name in names:
            start = text.index(name, pos)
            out.append(Toponym(name, start, start + len(name)))
            pos = start + len(name)
        return out

    return find
