"""The units a containing name can mean: "Va.", "Georgia", "(Ilam district)", and ACLED's own spellings of admin1
names ("Kurdistan" for Iran's Kordestan). Shared by the readers of "X, Y" pairs and of ACLED's brackets."""

from __future__ import annotations

import re

from sitrep.gazetteer.names import exact_key
from sitrep.gazetteer.resolve import HINT_FEATURES
from sitrep.gazetteer.store import Gazetteer
from sitrep.gazetteer.toponym import split_unit_word

AREA_HINTS = ("admin1", "country", "admin2", "region")  # what the second name of "X, Y" can be
# words a unit may be named by in many countries ("Northern", "Capital", "Sud-Ouest"): such a name is a unit of one
# country or another, so in a bracket it chooses among a place's namesakes but never rules them all out
_GENERIC_UNIT_WORDS = frozenset(("north", "south", "east", "west", "central", "centre", "center", "northern",
                                 "southern", "eastern", "western", "middle", "far", "nord", "sud", "est", "ouest",
                                 "extreme", "capital", "upper", "lower"))


def generic_unit(name: str) -> bool:
    """A unit named only by compass or capital words ("Capital", "Northern", "Centre-Nord", "North West")."""
    words = re.split(r"[\s-]+", exact_key(name))
    return bool(words) and all(w in _GENERIC_UNIT_WORDS for w in words)


def soft_within(gaz: Gazetteer, name: str, units: list[str], within: set[str]) -> set[str]:
    """``within`` as the units of a bracket allow it, unless they are all generic names ("Sitrah (Capital)": 'Capital'
    is known here only as Argentina's La Capital) or one is known only by an approximate spelling ("Ippy (Ippy,
    Ouka)": a misspelt Ouaka read as Utah), and no reading of ``name`` lies inside them: then they allow all."""
    if not within or not units:
        return within
    approximate = any(not generic_unit(u) and not gaz.lookup(split_unit_word(u)[0], loose=False) for u in units)
    if not approximate and not all(generic_unit(u) for u in units):
        return within
    inside = any(c.admin1_code in within or c.cc in within for c in gaz.lookup(name))
    return within if inside else set()


def areas_within(gaz: Gazetteer, name: str, kinds: tuple[str, ...] = ()) -> set[str]:
    """The admin1 units and countries a containing name ("Va.", "Georgia", "Northamptonshire") can mean; a unit
    word says which kind when one is of that kind ("(Ilam district)": Nepal's district, not Iran's province)."""
    found = [e for e in gaz.lookup(name) if e.feature in AREA_HINTS]
    words = name.split()
    if len(words) > 1 and words[-1].lower() in HINT_FEATURES:
        kinds = kinds or HINT_FEATURES[words[-1].lower()]
        found += [e for e in gaz.lookup(" ".join(words[:-1])) if e.feature in AREA_HINTS]
    typed = [e for e in found if e.feature in kinds]
    if not typed:
        # with no unit word, in one country a province of that name over its districts of that name: "Tezoyuca,
        # Morelos" is in the state of Morelos, not in a Morelos municipality of five other states nor in the
        # state of Mexico's Ecatepec de Morelos ("Washington County" still asks for the counties)
        states = {e.cc for e in found if e.feature == "admin1"}
        found = [e for e in found if e.feature != "admin2" or e.cc not in states]
    return {e.admin1_code or e.cc for e in typed or found}


_ACLED_UNITS: dict[int, dict[str, set[str]]] = {}  # id(gazetteer) -> folded ACLED admin1 name -> unit codes


def acled_units(gaz: Gazetteer, name: str) -> set[str]:
    """The admin1 units ACLED writes as ``name`` where the gazetteer's own name differs: "(Kurdistan)" after an
    Iranian town is Iran's Kordestan province, which the gazetteer knows only as Kordestan (its "Kurdistan" is
    Iraq's Kurdistan Region), so the town's namesake in Iran stays a reading."""
    index = _ACLED_UNITS.get(id(gaz))
    if index is None:
        index = {}
        for code, spelled in gaz.acled_admin1.items():
            index.setdefault(exact_key(spelled), set()).add(code)
        _ACLED_UNITS.clear()
        _ACLED_UNITS[id(gaz)] = index
    return index.get(exact_key(name), set())
