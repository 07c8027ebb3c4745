"""After resolution: what the article's own statements settle about its names.

A facility takes the town that contains it (``place_facilities``); a bracketed unit or a province after a comma
holds the place before it (``hints_hold``, ``containers_hold``), in the focus country when it can
(``within_at_home``); a name the text pins down once means the same place where it stands alone (``one_sense``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.gazetteer.names import exact_key
from sitrep.gazetteer.store import Entry
from sitrep.gazetteer.toponym import LANDMARK_FEATURES, TOWN_FEATURES, Toponym, km_between

_NEAR_KM = 150.0
# "Salem, north of Timbuktu", "Zora, 22 km south of Paoua", "Boni near Douentza": the place before is near the one after
_ANCHORED = re.compile(
    r",?\s*(?:(?:about|some|around|approximately)\s+)?(?:\d[\d.,]*\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|near|outside(?: of)?)"
    r"\s+(?:the\s+)?(?:(?:town|city|village|locality) of\s+)?$", re.I)
_ANCHOR_KM = 300.0  # further than this from the place it is said to be near, a namesake is another place


def place_facilities(toponyms: list[Toponym], focus: str | None) -> None:
    """Give each facility the town that contains it: the place the text puts it in, else a town its own name
    carries when that town is named elsewhere in the article or near its other towns (or it names no other), else the
    nearest town mentioned before it (after it when none is before), preferring the article's focus country.
    Precision 2: a part of a town. The names inside a placed facility are dropped (it replaces them)."""
    anchors = [t for t in toponyms if not t.facility and t.demonym is None and t.entry is not None
               and t.entry.feature in TOWN_FEATURES + LANDMARK_FEATURES]
    home = [t for t in anchors if t.entry is not None and t.entry.cc == focus] or anchors
    # the article's own province, when several names agree on one: a stray namesake elsewhere is no anchor
    votes: dict[str, int] = {}
    for t in toponyms:
        if not t.facility and t.demonym is None and t.entry is not None and t.entry.admin1_code:
            votes[t.entry.admin1_code] = votes.get(t.entry.admin1_code, 0) + 1
    local = max(votes, key=lambda k: votes[k]) if votes else ""
    if votes.get(local, 0) >= 2:
        home = [t for t in home if t.entry is not None and t.entry.admin1_code == local] or home
    areas = sorted((t.entry for t in toponyms if not t.facility and t.demonym is None and t.entry is not None
                    and t.entry.feature in ("admin2", "admin1") and (t.entry.cc == focus or focus is None)),
                   key=lambda e: e.feature != "admin2")
    # last first: a facility placed in another one ("... on Collins Avenue in Miami Beach") takes its town
    for top in reversed(toponyms):
        if not top.facility:
            continue
        entry: Entry | None = None
        box = top.container.entry if top.container is not None else None
        if box is not None and box.feature in (*TOWN_FEATURES, *LANDMARK_FEATURES, "admin2"):
            entry = box
        elif box is not None:  # "... in Peru", "..., Kentucky": a town of the article inside it, else the area
            inside = [t.entry for t in home if t.entry is not None and box.cc == t.entry.cc
                      and (box.feature == "country" or box.admin1_code == t.entry.admin1_code)]
            entry = inside[0] if inside else box
        else:
            own = [t.entry for t in top.parts if t.entry is not None and t.entry.feature in TOWN_FEATURES]
            # "University of Toronto": the name says whose it is
            owned = [t.entry for t in top.parts if t.entry is not None and t.entry.feature in TOWN_FEATURES
                     and t.start - top.start >= 4 and top.text[t.start - top.start - 4:t.start - top.start] == " of "]
            others = [t.entry for t in home if t.entry is not None and not any(t is p for p in top.parts)]
            named = {t.entry.idx for t in anchors if t.entry is not None and not any(t is p for p in top.parts)}
            near = [e for e in own if not others or e.idx in named
                    or any(km_between(e, o) <= _NEAR_KM for o in others)]
            entry = owned[0] if owned else near[0] if near else None
        if entry is None and home:
            before = [t for t in home if t.start < top.start and not any(t is p for p in top.parts)]
            nearest = before[-1] if before else min(home, key=lambda t: t.start)
            entry = nearest.entry
        if entry is None and areas:  # no town at all: the county or province the article names
            entry = areas[0]
        if entry is None:
            top.reason = f"'{top.text}' is a street, building or site and no town in the article contains it"
            continue
        top.entry = replace(entry, precision=max(2, entry.precision))


def hints_hold(toponyms: list[Toponym]) -> None:
    """'Makariv (Kyiv)': the bracketed unit is the one that holds the place (Kyiv oblast, not Kyiv city)."""
    for t in toponyms:
        held = t.admin_hint.entry if t.admin_hint is not None else None
        if held is None or t.entry is None:
            continue
        holds = [c for c in t.candidates if c.cc == held.cc and (
            (c.feature == "admin1" and c.admin1_code == held.admin1_code)
            or (c.feature == "admin2" and c.admin2 and c.admin2 == held.admin2)
            or c.feature == "country")]
        if holds and not any(c.idx == t.entry.idx for c in holds):
            t.entry = holds[0]


def containers_hold(toponyms: list[Toponym]) -> None:
    """'Vyshhorod, Kyiv': the province after a place is the one that holds it (Kyiv oblast, not Kyiv city)."""
    for a, b in zip(toponyms, toponyms[1:], strict=False):
        if not a.within or a.entry is None or b.entry is None or not 0 <= b.start - a.end <= 3 \
                or b.entry.feature != "admin1" or b.entry.admin1_code == a.entry.admin1_code:
            continue
        holds = [c for c in b.candidates if c.feature == "admin1" and c.admin1_code == a.entry.admin1_code]
        if holds:
            b.entry = holds[0]


def within_at_home(toponyms: list[Toponym], focus: str | None) -> None:
    """A place the text puts in a unit whose name is known in several countries is read in the article's focus
    country when the unit can be one there ("Merida (Merida)" in a note about Venezuela: the town of Merida state,
    not the larger Merida of Yucatan, whose municipality shares the name)."""
    if not focus:
        return
    for top in toponyms:
        if top.entry is None or top.entry.cc == focus or not any(code.split(".")[0] == focus for code in top.within):
            continue
        home = [c for c in top.candidates if c.cc == focus]  # (the candidates are already those inside the unit)
        if home:
            top.entry = home[0]


def one_sense(toponyms: list[Toponym], focus: str | None = None) -> None:
    """One sense per article: a name the text pins down once ("Tacoma, Washington"; "the town of Hit") means
    the same place where it stands alone."""
    pinned: dict[str, Entry] = {}
    # a name the text puts in a unit that holds no place of that name ("Lalpur upazila (Natore, Rajshahi)") is
    # no namesake elsewhere when it comes again alone (Lalpur, India)
    # (only a name typed by a unit word: "Moscow, SANA" or "Arlington, Nadia" are no such statement)
    # (or one the text puts in a province of the article's country: "near Krasnopillia, Donetsk region ... shelled
    # near Krasnopillia" is not Krasnopillya, Sumy)
    nowhere = {exact_key(t.text): t.reason for t in toponyms
               if t.within and (t.hints or any(code.split(".")[0] == focus for code in t.within if "." in code))
               and t.entry is None and not t.candidates}
    for t in toponyms:
        if t.entry is not None and (t.hints or t.within) and t.demonym is None and not t.facility:
            pinned.setdefault(exact_key(t.text), t.entry)
    if not pinned and not nowhere:
        return
    for t in toponyms:
        if t.within or t.demonym is not None or t.facility or t.entry is None:
            continue
        key = exact_key(t.text)
        if key in nowhere and key not in pinned:
            t.entry, t.reason = None, nowhere[key]
            continue
        entry = pinned.get(key)
        if entry is not None and not t.hints and any(c.idx == entry.idx for c in t.candidates):
            t.entry = entry


def anchored_near(toponyms: list[Toponym], text: str) -> None:
    """'Salem, north of Timbuktu': a place the text says is near another is not a namesake far from it (Salem,
    India). Its namesake near that place, else none: the event then takes the place it is near."""
    for a, b in zip(toponyms, toponyms[1:], strict=False):
        # the place it is near is the better known one, trusted when matched as written
        if a.entry is None or b.entry is None or a.demonym is not None or b.demonym is not None or a.facility \
                or a.within or not b.exact or b.partial \
                or b.entry.feature in ("country", "continent") or not 0 < b.start - a.end <= 60 \
                or not _ANCHORED.fullmatch(text, a.end, b.start):
            continue
        if a.entry.feature in ("country", "continent", "admin1", "region") or km_between(a.entry, b.entry) <= _ANCHOR_KM:
            continue
        near = [c for c in a.candidates if c.feature in TOWN_FEATURES + ("admin2",) and km_between(c, b.entry) <= _ANCHOR_KM]
        if near:
            a.entry = near[0]
        else:
            a.reason = f"'{a.text}' is said to be near {b.text}, and no place of that name is"
            a.entry = None
