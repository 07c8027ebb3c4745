"""A town the note puts in a province that GeoNames split after ACLED fixed its units: the town is found, with the
province the note names."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.beside_unit import split_from
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
