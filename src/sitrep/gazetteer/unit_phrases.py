"""ACLED's "X town in Y countryside", "X axis in Y governorate": a capitalised name the NER missed, right before a
place word and "in Y", is the place of the event when the gazetteer has a town of that name inside Y. Without it
the event went to Y's city ("Sfuhen town in Idleb countryside" placed at Idlib, 40 km away)."""

from __future__ import annotations

import re

from sitrep.gazetteer.areas import acled_units, areas_within
from sitrep.gazetteer.resolve import TOWN_FEATURES, Toponym
from sitrep.gazetteer.store import Gazetteer

# "<Name> town in (the) " right before the unit's name; up to three capitalised words for the name
_BEFORE_UNIT = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)\s+(?:town|village|city|axis|camp|area)\s+"
                          r"(?:in|of)\s+(?:the\s+)?$")
_UNIT_WORDS = ("governorate", "province", "countryside", "state", "region", "district")


def names_before_units(gaz: Gazetteer, text: str, found: list[Toponym]) -> list[Toponym]:
    """The missed names before "town in <unit>" that the gazetteer has inside that unit (longest first, so
    "Lower Amiqa" before "Amiqa", and a sentence's "Turkish" or "Regime" never joins the name)."""
    covered = {k for t in found for k in range(t.start, t.end)}
    out: list[Toponym] = []
    for b in found:
        if b.demonym is not None or b.facility:
            continue
        m = _BEFORE_UNIT.search(text, max(0, b.start - 90), b.start)
        if m is None:
            continue
        unit = b.text.rsplit(" ", 1)[0] if b.text.lower().endswith(_UNIT_WORDS) else b.text
        # ACLED's own spelling of the unit too ("Idleb" where the gazetteer writes Idlib)
        within = areas_within(gaz, unit) | acled_units(gaz, unit) or areas_within(gaz, b.text)
        if not within:
            continue
        words = list(re.finditer(r"\S+", m.group(1)))
        for first in range(len(words)):  # the longest name first
            start = m.start(1) + words[first].start()
            name = text[start:m.end(1)]
            if any(k in covered for k in range(start, m.end(1))):
                continue  # a name found already ("Turkish" of "Turkish Mare town"), or the whole one
            if any(c.feature in TOWN_FEATURES + ("admin2",) and (c.admin1_code in within or c.cc in within)
                   for c in gaz.lookup(name)):  # loose: spellings vary, and the unit keeps namesakes out
                out.append(Toponym(name, start, m.end(1), -1, within=set(within)))
                break
    return out
