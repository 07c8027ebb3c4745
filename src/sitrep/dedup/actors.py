"""Actor names as dedup compares them: a base name, a country, generic or named.

ACLED names carry qualifiers in parentheses: years of a government
("Military Forces of Iraq (2014-)") and a country for generic or local
actors ("Unidentified Armed Group (Iraq)"). Two reports of one event often
differ only there, or one names a group the other calls "gunmen".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_PARENS = re.compile(r"\(([^()]*)\)")
_YEARS = re.compile(r"^\s*\d{4}\s*-?\s*(\d{4})?\s*$")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Name starts that mean "someone not identified by name": compatible with any
# named actor of a matching kind and country. Civilians, protesters and
# rioters are categories in ACLED, not unknowns, so they are not listed.
GENERIC_PREFIXES = (
    "unidentified",
    "unknown",
    "gunmen",
    "militants",
    "armed group",
    "armed men",
    "attackers",
    "assailants",
)


@dataclass(frozen=True)
class ActorKey:
    base: str  # lower case, no qualifiers: the identity compared
    country: str | None
    generic: bool


@lru_cache(maxsize=65536)
def actor_key(name: str | None) -> ActorKey | None:
    if not name or not name.strip():
        return None
    country = None
    for qualifier in _PARENS.findall(name):
        if not _YEARS.match(qualifier):
            country = qualifier.strip().lower() or None
    base = _NON_WORD.sub(" ", _PARENS.sub(" ", name).lower()).strip()
    if base.startswith("the "):
        base = base[4:]
    generic = base.startswith(GENERIC_PREFIXES)
    return ActorKey(base=base, country=country, generic=generic)


def split_assoc(value: str | None) -> list[str]:
    """ACLED joins several associated actors with '; '."""
    if not value:
        return []
    return [p.strip() for p in value.split(";") if p.strip()]
