"""Actor dictionary and matching, shared by the actors stage and anyone normalising actor names.

Public entry points:

- ``normalise_actor(text, country=None, year=None) -> Actor | None`` — the ACLED-style actor an
  arbitrary string stands for ("ISIL" -> "Islamic State (Iraq)" when ``country="Iraq"``, "Turkish
  drones" -> "Military Forces of Turkey (2016-)", "villagers" -> "Civilians (<country>)"), or
  None when nothing in it is an actor. Offsets in the result are relative to ``text``.
- ``find_actors(tokens, context) -> list[Match]`` — every actor mention in a token sequence.
- ``named_actor_alias(text) -> str | None`` — the named actor whose alias is exactly ``text``
  ("IS", "Hamas", "FAMa"), so other stages (places) can leave actor names alone.
- ``get_matcher()`` — the process-wide matcher over the package data plus the user's data files
  (``SITREP_DATA_PATH``); ``reload()`` rebuilds it after the user files change.
"""

from __future__ import annotations

from functools import lru_cache

from sitrep.actors.dictionary import _DROP, ActorIndex, GenericRow, build_index, norm_token, token_key, tokenize
from sitrep.actors.matcher import ActorMatcher, Context, Match, Tok
from sitrep.model import Actor
from sitrep.resources import user_data_dirs

__all__ = ["ActorIndex", "ActorMatcher", "Context", "Match", "Tok", "find_actors", "get_matcher",
           "named_actor_alias", "normalise_actor", "reload"]


@lru_cache(maxsize=4)
def _matcher_for(dirs: tuple[str, ...]) -> ActorMatcher:
    from sitrep.actors.cache import cached_index
    from sitrep.actors.dictionary import READ_NAMES

    return ActorMatcher(cached_index(build_index, READ_NAMES))


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


def named_actor_alias(text: str) -> str | None:
    """The named actor ``text`` is an alias of, as a whole ("IS", "Hamas", "FAMa"), else None.

    Acronym aliases count only in their own capitals ("IS", never "is"); context-bound ("~")
    aliases never count, since alone they name nothing.
    """
    index = get_matcher().index
    entries = index.aliases.get(token_key(text))
    if not entries:
        return None
    forms = tuple(t.translate(_DROP) for t, _, _ in tokenize(text) if norm_token(t))
    names = [index.rows[e.row] for e in entries if not e.restricted and (e.case is None or e.case == forms)]
    # a name still in use before a period's ("ISWAP" is Islamic State (West Africa), not its 2017 name)
    current = [r for r in names if r.end_year is None]
    return (current or names)[0].name if names else None
