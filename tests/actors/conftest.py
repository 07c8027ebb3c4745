"""Fixtures of the actor tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitrep.actors import Context, Tok, get_matcher
from sitrep.actors.dictionary import tokenize


def _names_with_org(text: str, org: str, country: str, year: int) -> list[str]:
    """The names the matcher reads in ``text`` whose ``org`` the NER called an organisation, in ``country``."""
    toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
    start = text.index(org)
    ctx = Context(focus=country, countries={country}, year=year)
    ctx.orgs[start] = start + len(org)
    return [m.name for m in get_matcher().scan(toks, ctx)]


@pytest.fixture
def names_with_org() -> Callable[[str, str, str, int], list[str]]:
    return _names_with_org
