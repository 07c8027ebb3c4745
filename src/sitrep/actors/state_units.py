"""A state force's unit the dictionary lacks, read from its own name: ACLED's "<force> (<period>) <unit>".

ACLED names a unit of a country's military or police after the force and its period ("Police Forces of Somalia
(2022-) Southwest Special Police Forces", "Military Forces of Syria (2000-) 4th Armored Division"). An organisation
the dictionary does not list whose name says it is such a unit becomes that actor in the article's country:

- a police unit: "Police" in its name ("Galmudug Police Force", "State Police"); training names with the word are a
  state force's unit in 432 of 708, the rest mostly listed actors ("CRPF", "Liyu Police") or "Police Militia";
- an intelligence service: "Intelligence" in its name, a unit in 428 of 428, of the military in most countries;
- a numbered army formation ("4th Armored Division", "22nd Armored Brigade"): a unit in 13 of 16.

A name holding a country or nationality word ("Haitian National Police") is the force itself, no unit of it.
"""

from __future__ import annotations

import re

from sitrep.actors.dictionary import ActorIndex, token_key

_POLICE = re.compile(r"\bPolice\b")
_EXCLUDED = re.compile(r"\b(?:Militia|Private|Former)\b")  # "Police Militia", "Private Security Forces"
_INTELLIGENCE = re.compile(r"\bIntelligence\b")
_FORMATION = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:[A-Z][a-z]+\s+)*(?:Division|Brigade|Battalion|Regiment|Corps)\b")


def unit_kind(name: str) -> str | None:
    """The state force a unit's name says it belongs to ("military" or "police"), or None when it says neither."""
    if _EXCLUDED.search(name):
        return None
    if _POLICE.search(name):
        return "police"
    if _INTELLIGENCE.search(name) or _FORMATION.search(name):
        return "military"
    return None


def state_unit(name: str, country: str | None, year: int | None, index: ActorIndex) -> str | None:
    """ACLED's name for the unit ``name`` of ``country``'s forces, or None when ``name`` names no unit."""
    kind = unit_kind(name)
    if kind is None or not country:
        return None
    words = token_key(name)
    national = {*index.nationalities, *index.country_names}
    if any(words[i:j] in national for i in range(len(words)) for j in range(i + 1, len(words) + 1)):
        return None
    row = index.state_row(country, kind, year)
    force = row.name if row is not None else f"{'Police' if kind == 'police' else 'Military'} Forces of {country}"
    return f"{force} {name}"
