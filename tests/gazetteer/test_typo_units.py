"""A province found only by its near spelling holds the place written before it, as a province the gazetteer
knows would; a name the text puts in a province of the article's country is no namesake elsewhere when it
comes again alone."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.beside_unit import OUTSIDE_UNIT, place_before_typo_unit
from sitrep.gazetteer.resolve import Toponym
from sitrep.gazetteer.settle import one_sense
from sitrep.gazetteer.spelling import Admin1Names


def _pair(text: str, town: str, unit_text: str) -> tuple[list[Toponym], Toponym]:
    gaz = load_gazetteer()
    unit = Admin1Names(gaz).near("Zaporizhia", "UA")
    assert unit is not None
    start = text.index(town)
    cands = [c for c in gaz.lookup(town) if c.cc == "UA"]
    held = Toponym(town, start, start + len(town), candidates=cands, entry=cands[0] if cands else None)
    at = text.index(unit_text)
    province = Toponym(unit_text, at, at + len(unit_text), candidates=[unit], entry=unit)
    tops = [held, province]
    place_before_typo_unit(tops, 1, unit, text)
    return tops, held


def test_a_town_before_a_misspelt_province_is_its_namesake_inside() -> None:
    tops, held = _pair("Russian forces shelled Kamyanske, Zaporizhia, hitting a school.", "Kamyanske", "Zaporizhia")
    assert held.entry is not None and held.entry.admin1_code == tops[1].entry.admin1_code  # type: ignore[union-attr]
    assert held.within == {tops[1].entry.admin1_code}  # type: ignore[union-attr]


def test_a_town_with_no_namesake_inside_is_left_to_the_province() -> None:
    text = "Shelling hit Bilohirya, Zaporizhia region. Later Bilohirya was hit again."
    tops, held = _pair(text, "Bilohirya", "Zaporizhia region")
    assert held.entry is None and (held.reason or "").endswith(OUTSIDE_UNIT)


def test_a_list_of_provinces_is_no_town_in_one() -> None:
    gaz = load_gazetteer()
    unit = Admin1Names(gaz).near("Zaporizhia", "UA")
    assert unit is not None
    text = "Fighting in Kamyanske, Zaporizhia and Kherson."
    cands = [c for c in gaz.lookup("Kamyanske") if c.cc == "UA"]
    first = max(cands, key=lambda c: c.population)
    held = Toponym("Kamyanske", 12, 21, candidates=cands, entry=first)
    tops = [held, Toponym("Zaporizhia", 23, 33, candidates=[unit], entry=unit), Toponym("Kherson", 38, 45)]
    place_before_typo_unit(tops, 1, unit, text)
    assert held.entry is first and not held.within


def test_a_name_put_in_a_province_of_the_focus_stays_unplaced_when_alone() -> None:
    gaz = load_gazetteer()
    sumy = next(c for c in gaz.lookup("Krasnopillya") if c.cc == "UA")
    first = Toponym("Krasnopillia", 0, 12, within={"UA.05"}, reason="no 'Krasnopillia' " + OUTSIDE_UNIT)
    again = Toponym("Krasnopillia", 60, 72, candidates=[sumy], entry=sumy)
    one_sense([first, again], "UA")
    assert again.entry is None
    other = Toponym("Krasnopillia", 60, 72, candidates=[sumy], entry=sumy)
    one_sense([first, other], "RU")  # a unit abroad of the focus says nothing about the name at home
    assert other.entry is sumy
