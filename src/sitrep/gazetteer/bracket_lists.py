"""ACLED's brackets of units, written smallest first ("(Muse Township, Muse District, Shan State)",
"(coded to Mokambo, Mahagi, Ituri)"): the outermost known unit holds the names before it."""

from __future__ import annotations

import re

from sitrep.gazetteer.areas import acled_units, areas_within, generic_unit
from sitrep.gazetteer.resolve import Toponym
from sitrep.gazetteer.store import Gazetteer


def outer_holds(inner: list[Toponym], areas: list[set[str]]) -> None:
    """A bracket of units is written smallest first: the outermost known one, a province of one country, holds the
    others too ("(Muse Township, Muse District, Shan State)": no Muse abroad). A name that is itself a province
    elsewhere is a list's peer, not a unit inside it ("(Aleppo, Idleb, Hama)"), and stays as it is."""
    outer = next((unit for unit in reversed(areas) if unit), set())
    if not any("." in code for code in outer) or len({code.split(".")[0] for code in outer}) != 1:
        return  # a country, or provinces of several ("(Sebha, South)"), holds nothing for sure
    for b, unit in zip(inner, areas, strict=True):
        if unit is not outer and not b.within and (not unit or unit & outer):
            b.within = outer


def mark_bracket_lists(gaz: Gazetteer, text: str, found: list[Toponym]) -> None:
    """ACLED's bracket of units after a name the NER missed ("in Nia-Nia (Bandaka, Mambasa, Ituri)") or after the
    place it coded ("(coded to Mokambo, Mahagi, Ituri)"): the outermost known unit holds the others, so "Bandaka"
    is no Mbandaka, nor "Mokambo" the Mokambo of Haut-Katanga."""
    k = 0
    while k < len(found):
        a = found[k]
        if a.within or a.demonym is not None or not _BRACKET_OPENS.search(text[max(0, a.start - 20):a.start]):
            k += 1
            continue
        inner = [a]
        while k + len(inner) < len(found) and _LIST_GAP.fullmatch(text[inner[-1].end:found[k + len(inner)].start]):
            inner.append(found[k + len(inner)])
        k += len(inner)
        if len(inner) < 2 or not _BRACKET_CLOSES.match(text, inner[-1].end) \
                or any(b.demonym is not None for b in inner):
            continue
        # a generic unit ("Capital", "Northern": units of many countries) holds nothing for sure
        outer_holds(inner, [set() if generic_unit(b.text) else areas_within(gaz, b.text, b.hints)
                            | acled_units(gaz, b.text) for b in inner])


# "(Bandaka, ...", and ACLED's "(coded to Mokambo, Mahagi, Ituri)", "[coded as Kamango, Beni, Nord-Kivu]"
_BRACKET_OPENS = re.compile(r"(?:[(\[]|[(\[]\s*(?:geo-?)?coded (?:as|to|at)(?: the)?)\s*$")
_LIST_GAP = re.compile(r"\s*,\s*")
_BRACKET_CLOSES = re.compile(r"\s*[)\]]")
