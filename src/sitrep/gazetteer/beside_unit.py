"""A town the text puts in a province that the gazetteer files under a province split from it.

ACLED writes its own admin hierarchy after a town ("Bouca (Bouca Bobo, Ouham)", "Carnot (Mambere-Kadei)"), and
keeps its units through a reform; GeoNames moves towns to the new units (the Central African Republic carved
Ouham-Fafa out of Ouham and Mambere out of Mambere-Kadei in 2020). A town of the unit's country, near the unit,
whose own province is named after the one the text names (or the reverse) is then that town: the event takes the
town's point and keeps the unit the text names, the admin1 ACLED codes. A namesake in an unrelated neighbouring
province is another place (a village the gazetteer lacks), and the unit alone locates the event.
"""

from __future__ import annotations

import re
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


# "Kamianske, Zaporizhia", "Dibrova village, Donetsk": a place, perhaps its kind, a comma, then its province
_BEFORE_UNIT = re.compile(r"(?:\s+(?:town|city|village|district|municipality|township|county|locality|settlement))?"
                          r"\s*,\s*")
_LIST_WORDS = (",", "and", ", and", "or", ", or")


def place_before_typo_unit(toponyms: list[Toponym], k: int, unit: Entry, text: str) -> None:
    """A province found only by its near spelling ("Zaporizhia" for Zaporizhzhia, after resolution) holds the place
    written just before it ("Kamianske, Zaporizhia"), as a province the gazetteer knows would have (the
    resolver's ``within``): that place is its namesake inside the province, else one the gazetteer lacks (the
    province then locates the event), never the larger namesake elsewhere it was first read as (Kamyanske,
    Dnipropetrovsk). Its other mentions alone are the same place."""
    if k == 0 or not text:
        return
    held = toponyms[k - 1]
    if held.demonym is not None or held.facility or held.within or held.admin_hint is not None \
            or not _BEFORE_UNIT.fullmatch(text[held.end:toponyms[k].start]):
        return
    after = toponyms[k + 1] if k + 1 < len(toponyms) else None
    if after is not None and text[toponyms[k].end:after.start].strip() in _LIST_WORDS:
        return  # "Kharkiv, Zaporizhia and Kherson": a list of provinces, not a town in one
    if k > 1 and text[toponyms[k - 2].end:held.start].strip() in _LIST_WORDS:
        return
    if held.entry is not None and held.entry.feature in ("country", "admin1", "continent"):
        return
    key = exact_key(held.text)
    inside = [c for c in held.candidates if c.admin1_code == unit.admin1_code and c.feature not in ("admin1", "country")]
    for t in toponyms:
        if t is not held and (exact_key(t.text) != key or t.within or t.hints or t.demonym is not None):
            continue
        t.within = {unit.admin1_code}
        if inside:
            t.candidates = inside
            t.entry = max(inside, key=lambda c: c.population)
            t.reason = None
        else:
            t.entry = None
            t.reason = f"no '{t.text}' {OUTSIDE_UNIT}"
