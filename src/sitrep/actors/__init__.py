"""Actor dictionary and matching, shared by the actors stage and anyone normalising actor names.

Public entry points:

- ``normalise_actor(text, country=None, year=None) -> Actor | None`` — the ACLED-style actor an
  arbitrary string stands for ("ISIL" -> "Islamic State (Iraq)" when ``country="Iraq"``, "Turkish
  drones" -> "Military Forces of Turkey (2016-)", "villagers" -> "Civilians (<country>)"), or
  None when nothing in it is an actor. Offsets in the result are relative to ``text``.
- ``find_actors(tokens, context) -> list[Match]`` — every actor mention in a token sequence.
- ``get_matcher()`` — the process-wide matcher over the package data plus the user's data files
  (``SITREP_DATA_PATH``); ``reload()`` rebuilds it after the user files change.
"""

from __future__ import annotations

from functools import lru_cache

from sitrep.actors.dictionary import ActorIndex, GenericRow, build_index, tokenize
from sitrep.actors.matcher import ActorMatcher, Context, Match, Tok
from sitrep.model import Actor
from sitrep.resources import user_data_dirs

__all__ = ["ActorIndex", "ActorMatcher", "Context", "Match", "Tok", "find_actors", "get_matcher",
           "normalise_actor", "reload"]


@lru_cache(maxsize=4)
def _matcher_for(dirs: tuple[str, ...]) -> ActorMatcher:
    return ActorMatcher(build_index())


def get_matcher() -> ActorMatcher:
    """The matcher for the current data folders (built once per set of folders)."""
    return _matcher_for(tuple(str(d) for d in user_data_dirs()))


def reload() -> None:
    _matcher_for.cache_clear()


def find_actors(tokens: list[Tok], context: Context) -> list[Match]:
    return get_matcher().scan(tokens, context)


def normalise_actor(text: str, country: str | None = None, year: int | None = None) -> Actor | None:
    """The actor ``text`` names, in ACLED's conventions (a named actor in it wins over a generic one)."""
    matcher = get_matcher()
    toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
    ctx = Context(focus=country, countries={country} if country else set(), year=year)
    matches = matcher.scan(toks, ctx)
    if not matches:
        # A bare country name used as an actor ("Turkey") stands for its government.
        named = matcher.index.country_names.get(tuple(t.key for t in toks if t.key))
        if named is None:
            return None
        m = matcher.generic([GenericRow("", "{government}", 1, "", "", 0.5)], ctx, named, 0, len(text))
        if m is None:
            return None
        matches = [m]
    # A name beats a generic phrase ("MS-13 gang members" is MS-13), then the longer mention wins.
    best = max(matches, key=lambda m: (m.kind in ("named", "unlisted"), m.end - m.start))
    return Actor(text=text[best.start:best.end], start=best.start, end=best.end, name=best.name, inter=best.inter,
                 country=best.country, sent=0, kind=best.kind, confidence=best.confidence)
