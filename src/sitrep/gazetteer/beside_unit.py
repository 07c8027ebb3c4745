"""A town the text puts in a province that the gazetteer files under a province split from it.

ACLED writes its own admin hierarchy after a town ("Bouca (Bouca Bobo, Ouham)", "Carnot (Mambere-Kadei)"), and
keeps its units through a reform; GeoNames moves towns to the new units (the Central African Republic carved
Ouham-Fafa out of Ouham and Mambere out of Mambere-Kadei in 2020). A town of the unit's country, near the unit,
whose own province is named after the one the text names (or the reverse) is then that town: the event takes the
town's point and keeps the unit the text names, the admin1 ACLED codes. A namesake in an unrelated neighbouring
province is another place (a village the gazetteer lacks), and the unit alone locates the event.
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.gazetteer.names import exact_key
from sitrep.gazetteer.store import Entry, Gazetteer
from sitrep.gazetteer.toponym import Toponym, km_between

# how far from a province's middle a town filed under a split-off unit may lie: about a province's radius
BESIDE_KM = 150.0
# the reason the resolver gives a name it found only outside the unit the text puts it in
OUTSIDE_UNIT = "inside the unit the text puts it in"


def _words(name: str) -> frozenset[str]:
    return frozenset(exact_key(name).split())


def split_from(one: str, other: str) -> bool:
    """One unit's name words are all in the other's, as a unit split from another keeps its name ("Ouham" and
    "Ouham-Fafa"; "Mambere" and "Haute-Sangha / Mambere-Kadei"); "North Kivu" and "South Kivu" are not."""
    a, b = _words(one), _words(other)
    return bool(a) and bool(b) and (a <= b or b <= a)


def towns_beside_units(gaz: Gazetteer, found: list[Entry], within: set[str]) -> list[Entry]:
    """The towns of ``found`` filed under a province split from (or into) a province code of ``within``, near
    that province, re-filed under it (no district: theirs belongs to the other province)."""
    out = []
    for code in sorted(c for c in within if "." in c):
        unit = gaz.admin_entry(code)
        if unit is None or unit.feature != "admin1":
            continue
        for c in found:
            own = gaz.admin_entry(c.admin1_code) if c.feature == "town" and c.cc == unit.cc else None
            if own is not None and own.idx != unit.idx and split_from(own.name, unit.name) \
                    and km_between(c, unit) <= BESIDE_KM:
                out.append(replace(c, admin1_code=code, admin2=""))
    return out


def refind_in_unit(gaz: Gazetteer, held: Toponym, unit: Entry) -> None:
    """A place left out because the unit after it was first read abroad ("Bijar city (Kurdistan)": Iraq's region)
    is looked for again once that unit reads as a province of the focus country (Iran's Kordestan): its namesake
    there is the place (the most populous of several)."""
    if held.entry is not None or not (held.reason or "").endswith(OUTSIDE_UNIT):
        return
    inside = [c for c in gaz.lookup(held.text, loose=False)
              if c.admin1_code == unit.admin1_code and c.feature not in ("admin1", "country")]
    if inside:
        held.candidates = inside
        held.entry = max(inside, key=lambda c: c.population)
        held.reason = None
        held.within = {unit.admin1_code}
