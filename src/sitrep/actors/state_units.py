"""A state force's unit the dictionary lacks, read from its own name: ACLED's "<force> (<period>) <unit>".

ACLED names a unit of a country's military or police after the force and its period ("Police Forces of Somalia
(2022-) Southwest Special Police Forces", "Military Forces of Syria (2000-) 4th Armored Division"). An organisation
the dictionary does not list whose name says it is such a unit becomes that actor in the article's country:

- a police unit: "Police" in its name ("Galmudug Police Force", "State Police"); training names with the word are a
  state force's unit in 432 of 708, the rest mostly listed actors ("CRPF", "Liyu Police") or "Police Militia";
- an intelligence service: "Intelligence" in its name, a unit in 428 of 428, of the military in most countries;
- a numbered army formation ("4th Armored Division", "22nd Armored Brigade"): a unit in 13 of 16;
- a branch of the military: "Air Force" or "Navy" in its name, a unit in 72 of 72 training names (as actor or
  associate).

A name holding a country or nationality word ("Haitian National Police") is the force itself, no unit of it.

Also here, the other ways notes name a state's forces beyond a nationality word before them: the country after them
("the military forces of Chad", "troops from Burundi": ``forces_of_country``), and their mutiny ("Mutiny of ...",
"mutinying soldiers": ``mutiny``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitrep.actors.dictionary import ActorIndex, token_key
from sitrep.actors.mentions import Context, Match, Tok

if TYPE_CHECKING:
    from sitrep.actors.matcher import ActorMatcher

_FORCE_PREFIXES = ("Military Forces of", "Police Forces of")
_STATE_PREFIXES = (*_FORCE_PREFIXES, "Government of")

_POLICE = re.compile(r"\bPolice\b")
_EXCLUDED = re.compile(r"\b(?:Militia|Private|Former)\b")  # "Police Militia", "Private Security Forces"
_INTELLIGENCE = re.compile(r"\bIntelligence\b")
_BRANCH = re.compile(r"\b(?:Air Forces?|Navy)\b")  # "the Air Forces conducted airstrikes"
_FORMATION = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:[A-Z][a-z]+\s+)*(?:Division|Brigade|Battalion|Regiment|Corps)\b")


def unit_kind(name: str) -> str | None:
    """The state force a unit's name says it belongs to ("military" or "police"), or None when it says neither."""
    if _EXCLUDED.search(name):
        return None
    if _POLICE.search(name):
        return "police"
    if _INTELLIGENCE.search(name) or _FORMATION.search(name) or _BRANCH.search(name):
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


# the state's own forces in revolt: ACLED's "Mutiny of Military Forces of X (period)", written so in notes or said
# of them ("mutinying soldiers": 7 of 9 training notes saying it code the mutiny)
_MUTINY_CUES = (("mutiny", "of"), ("mutinying",))


def mutiny(match: Match, toks: Sequence[Tok], content: list[int], i: int) -> None:
    """'Mutiny of Military Forces of Mali (2021-)', 'mutinying soldiers': the force's mutiny (in place)."""
    if match.inter != 1 or not match.name.startswith(_FORCE_PREFIXES):
        return
    for cue in _MUTINY_CUES:
        if i >= len(cue) and tuple(toks[content[k]].key for k in range(i - len(cue), i)) == cue:
            match.name, match.start = f"Mutiny of {match.name}", toks[content[i - len(cue)]].start
            return


# "the military forces of Tajikistan", "troops from Burundi": a state's forces named by the country after them
_OF = frozenset({"of", "from"})
_NOUNS = frozenset({"forces", "troops", "soldiers", "personnel", "units"})


def forces_of_country(matcher: ActorMatcher, keys: Sequence[str], texts: Sequence[str], content: list[int],
                      toks: Sequence[Tok], i: int, ctx: Context) -> tuple[int, int, Match] | None:
    """A state generic at ``i`` followed by "of"/"from" and a country's name: that country's force, as the
    nationality word before it would make it ("Tajik military forces"); (end, rank, match) or None."""
    for end, rows in reversed(matcher.generic_hits(keys, i)):
        of = end + (end < len(keys) and keys[end] in _NOUNS)  # "the military forces of": the pattern is "the military"
        at = of + 1 + (of + 1 < len(keys) and keys[of + 1] == "the")
        if of >= len(keys) or keys[of] not in _OF or at >= len(keys):
            continue
        names = [(c_end, country) for c_end, (country, adj) in matcher.nationality_hits(keys, texts, at) if not adj]
        if not names:
            continue
        c_end, country = names[-1]
        m = matcher.generic(rows, ctx, country, toks[content[i]].start, toks[content[c_end - 1]].end)
        if m is not None and m.name.startswith(_STATE_PREFIXES):
            return (c_end, 3, m)
    return None
