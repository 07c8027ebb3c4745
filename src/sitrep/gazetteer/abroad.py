"""When a name's reading abroad loses: tests the resolver applies once the article's focus country is known.

A town or unit abroad that nothing else in the article backs is the likeliest namesake of a place at home: with
the reporting country given, any such place (``unbacked_abroad``); without it, a small town beside other places
of the focus country (``outweighed_abroad``); and, when the source's own name carries a country ("Dawn
(Pakistan)", "News24 (South Africa)"), a place of the very same name there (``home_namesakes``: "Punjab" is
Pakistan's, "North West" South Africa's, "San Salvador" El Salvador's).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from sitrep.gazetteer.names import exact_key
from sitrep.gazetteer.toponym import km_between

if TYPE_CHECKING:
    from sitrep.gazetteer.store import Entry
    from sitrep.gazetteer.toponym import Toponym

SMALL_PLACE = 100_000  # people: a town abroad this small does not outvote the country a source's name carries
BROAD = ("country", "continent", "admin1", "region", "desert", "sea", "ocean", "river")


def small_places_only(strong: list[Toponym], focus: str | None) -> bool:
    """The article places things in ``focus`` only through towns or districts of under 100,000 people: no
    country, province, nationality word or city of it."""
    there = [t for t in strong if t.entry is not None and t.entry.cc == focus]
    return bool(there) and all(t.demonym is None and t.entry is not None and t.entry.feature not in BROAD
                               and t.entry.population < SMALL_PLACE and not names_its_province(t) for t in there)


def names_its_province(top: Toponym) -> bool:
    """The town's name is also its own province's ("Diffa", "Tahoua"): a province is named, not a village that
    could be anyone's namesake, even when the text writes it without a unit word ("in the Diffa area")."""
    entry = top.entry
    key = exact_key(top.text)
    return entry is not None and entry.feature == "town" and any(
        c.feature == "admin1" and c.admin1_code == entry.admin1_code and exact_key(c.name) == key
        for c in top.candidates)


FAR_FROM_OUTLET_KM = 1500  # a national outlet's veto holds against places this far from its country's middle


def _far(entry: Entry, home: Entry) -> bool:
    return km_between(entry, home) > FAR_FROM_OUTLET_KM


def far_from(strong: list[Toponym], focus: str | None, home: Entry | None) -> bool:
    """Every place the article puts in ``focus`` lies over ``FAR_FROM_OUTLET_KM`` from ``home`` (a country's entry):
    a namesake continents away ("Kounde" in a CAR outlet's note is no Koundé of Ivory Coast), not a village across
    the border that a neighbour's national outlet reports on."""
    there = [t.entry for t in strong if t.entry is not None and t.entry.cc == focus]
    return home is not None and bool(there) and all(_far(e, home) for e in there)


def outlets_namesake(top: Toponym, entry: Entry, focus: str, home: Entry | None, named: bool) -> bool:
    """A small town abroad, nothing else in the article backs, in a note whose source reports on ``focus``: a
    namesake when the source's name carries that country, or when the town lies over ``FAR_FROM_OUTLET_KM`` from it
    ("Amou" in a note of a Central African radio is no French village; "Lamu" in a Somali outlet's note is Kenya's;
    "Colombo" in the Canadian Press is Colombo)."""
    return unbacked_abroad(top, entry, focus) and entry.feature not in BROAD and entry.population < SMALL_PLACE \
        and (named or (home is not None and _far(entry, home)))


def unbacked_abroad(top: Toponym, entry: Entry, focus: str) -> bool:
    """With the reporting country known, any town or unit abroad is a namesake unless the article names
    its country or another of its places ("Bar Elias" in a Lebanon note is not Bar, Montenegro)."""
    # a sea or strait is in no country ("the Gulf of Aden" in a Yemen note): it is never abroad
    return top.demonym is None and bool(entry.cc) and entry.cc != focus \
        and entry.feature not in ("country", "continent")


def outweighed_abroad(top: Toponym, entry: Entry, focus: str, placed: dict[str, set[str]]) -> bool:
    """A lone town abroad of under 100,000 people in an article that names another town or unit of the
    focus country: a namesake ("Rampura" beside Dhaka is Dhaka's, not one of India's Rampuras). A country's
    name alone does not count ("demonstrated in Wittenberg against the war in Ukraine"), and a name only one
    town bears is meant ("Saipan" in a story from Washington state)."""
    return top.demonym is None and bool(entry.cc) and entry.cc != focus and entry.feature == "town" \
        and entry.population < SMALL_PLACE and bool(placed.get(focus, set()) - {exact_key(top.text)}) \
        and sum(c.feature == "town" and exact_key(c.name) == exact_key(top.text) for c in top.candidates) > 1


def home_namesakes(toponyms: list[Toponym], home: str, aliased: Mapping[str, Collection[int]]) -> bool:
    """Give a place read abroad its namesake in ``home``, the country the source's own name carries, when no
    other name of the article backs the reading abroad and a place there bears the very name (its own or our
    alias file's; never a loose match), of the same kind where it can. A country's name and a nationality word
    mean that country. Returns whether any place moved."""
    backed: dict[str, set[str]] = {}  # country -> the names placed there
    for t in toponyms:
        if t.entry is not None and t.exact:
            backed.setdefault(t.entry.cc, set()).add(exact_key(t.text))
    moved = False
    for top in toponyms:
        entry, key = top.entry, exact_key(top.text)
        if entry is None or top.demonym is not None or top.actor or not entry.cc or entry.cc == home \
                or entry.feature in ("country", "continent") or backed.get(entry.cc, set()) - {key}:
            continue
        namesakes = [c for c in top.candidates if c.cc == home
                     and (exact_key(c.name) == key or c.idx in aliased.get(key, ()))]
        if namesakes:  # of the same kind where there is one ("Punjab" the province for the province)
            top.entry, moved = min(namesakes, key=lambda c: c.feature != entry.feature), True
    return moved
