"""A town the note puts in a province that GeoNames split after ACLED fixed its units: the town is found, with the
province the note names."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.beside_unit import refind_in_unit, split_from
from sitrep.gazetteer.containers import areas_within
from sitrep.gazetteer.resolve import Resolver, Toponym


def test_a_unit_split_from_another_keeps_its_name_words() -> None:
    assert split_from("Ouham", "Ouham-Fafa")
    assert split_from("Haute-Sangha / Mambéré-Kadéï", "Mambere")
    assert not split_from("North Kivu", "South Kivu")  # neighbours sharing a word, not a split
    assert not split_from("Jalisco", "Zacatecas")


def test_a_town_filed_under_a_split_off_province_is_found_in_the_province_named() -> None:
    gaz = load_gazetteer()
    within = areas_within(gaz, "Mambere-Kadei")
    carnot = Toponym("Carnot", 0, 6, within=within)  # GeoNames files the town under the newer Mambere
    Resolver(gaz).candidates(carnot)
    assert carnot.candidates and all(c.admin1_code in within for c in carnot.candidates)
    assert any(c.feature == "town" and abs(c.latitude - 4.94) < 0.1 for c in carnot.candidates)


def test_a_namesake_in_an_unrelated_neighbouring_province_stays_out() -> None:
    gaz = load_gazetteer()
    zacatecas = areas_within(gaz, "Zacatecas")
    town = Toponym("Tenayuca", 0, 8, within=zacatecas)  # GeoNames has its Tenayuca in Jalisco only
    Resolver(gaz).candidates(town)
    assert all(c.admin1_code in zacatecas for c in town.candidates)


def _bijar_and_province():
    gaz = load_gazetteer()
    town = next(e for e in gaz.lookup("Bijar", loose=False) if e.cc == "IR")
    return gaz, gaz.admin_entry(town.admin1_code)


def test_a_place_left_out_while_its_unit_read_abroad_is_found_in_the_province_it_reads_as_later() -> None:
    gaz, province = _bijar_and_province()
    held = Toponym("Bijar", 0, 5, within={"IQ"})  # "(Kurdistan)" first read as Iraq's region
    held.reason = "no 'Bijar' inside the unit the text puts it in"
    refind_in_unit(gaz, held, province)
    assert held.entry is not None and held.entry.cc == "IR" and held.entry.feature == "town"
    assert held.reason is None and held.within == {province.admin1_code}


def test_a_place_unknown_for_another_reason_is_not_looked_for_again() -> None:
    gaz, province = _bijar_and_province()
    held = Toponym("Bijar", 0, 5)
    held.reason = "no gazetteer entry for 'Bijar'"
    refind_in_unit(gaz, held, province)
    assert held.entry is None
