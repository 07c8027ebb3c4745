"""Pairs of names where the second contains the first: "Alexandria, Va.", "Hit, Anbar", "Silverstone,
Northamptonshire". The first is looked for inside the second; the second is read as the province, county or
country, never as a town of the same name ("Tacoma, Washington" is the state)."""

from __future__ import annotations

from typing import Any

from sitrep.gazetteer.resolve import TOWN_FEATURES, Toponym
from sitrep.gazetteer.store import Gazetteer

AREA_HINTS = ("admin1", "country", "admin2", "region")  # what the second name of "X, Y" can be


def mark_containers(gaz: Gazetteer, text: str, found: list[Toponym]) -> None:
    """'Alexandria, Va.' / 'Hit, Anbar' / 'Tbilisi, Georgia': the second name contains the first."""
    for k, (a, b) in enumerate(zip(found, found[1:], strict=False)):
        if a.demonym is not None or b.demonym is not None or text[a.end:b.start].strip() != ",":
            continue
        after = found[k + 2] if k + 2 < len(found) else None
        if after is not None and text[b.end:after.start].strip() in (",", "and", ", and", "or", ", or"):
            continue  # "Washington, New York and Boston" is a list, not a town in a state
        if k > 0 and text[found[k - 1].end:a.start].strip() in (",", "and", ", and"):
            continue
        first = gaz.lookup(a.text)
        if not first or first[0].feature in ("country", "admin1", "continent"):
            continue
        within = areas_within(gaz, b.text)
        if within:
            a.within = within
            b.hints = b.hints or AREA_HINTS  # "Tacoma, Washington" is the state, not the capital


def areas_within(gaz: Gazetteer, name: str) -> set[str]:
    """The admin1 units and countries a containing name ("Va.", "Georgia", "Northamptonshire") can mean."""
    return {e.admin1_code or e.cc for e in gaz.lookup(name) if e.feature in AREA_HINTS}


def names_before_areas(gaz: Gazetteer, doc: Any, found: list[Toponym]) -> list[Toponym]:
    """'Silverstone, Northamptonshire', 'Valemount, B.C.': a capitalised name the NER missed, right before
    ', <province or county>', is a place when the gazetteer has a town of that name inside it."""
    covered = {k for t in found for k in range(t.start, t.end)}
    out: list[Toponym] = []
    for b in found:
        if b.demonym is not None or b.facility:
            continue
        span = doc.char_span(b.start, b.end, alignment_mode="expand")
        if span is None or span.start < 2 or doc[span.start - 1].text != ",":
            continue
        comma = span.start - 1
        within: set[str] | None = None
        for width in (3, 2, 1):
            i = comma - width
            if i < 0 or not all(doc[k].text[:1].isupper() and doc[k].idx not in covered for k in range(i, comma)):
                continue
            if within is None:
                within = areas_within(gaz, b.text)
                if not within:
                    break
            name = doc[i:comma]
            if any(c.feature in TOWN_FEATURES and (c.admin1_code in within or c.cc in within)
                   for c in gaz.lookup(name.text, loose=False)):
                top = Toponym(name.text, name.start_char, name.end_char, -1, within=within)
                out.append(top)
                b.hints = b.hints or AREA_HINTS
                break
    return out
