"""ACLED's record as gazetteer data: places matched or added, admin spellings voted, sources, holdout kept out."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sitrep.gazetteer import load_gazetteer
from sitrep.learn.acled import ATTRIBUTION, AcledRecord, record_from_row
from sitrep.learn.places import build_places, elect_admin_names, source_countries


def _row(i: int, country: str, location: str, lat: float, lon: float, admin1: str, admin2: str = "",
         source: str = "Fictional Syria Times") -> AcledRecord:
    rec = record_from_row({"event_id_cnty": f"X{i}", "event_date": "2021-03-0" + str(1 + i % 9),
                           "event_type": "Battles", "sub_event_type": "Armed clash", "country": country,
                           "admin1": admin1, "admin2": admin2, "location": location, "latitude": str(lat),
                           "longitude": str(lon), "geo_precision": "1", "source": source,
                           "notes": f"Clashes near {location}."}, "fixture.csv")
    assert rec is not None
    return rec


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = [_row(i, "Syria", "Manbij", 36.528, 37.955, "Aleppo Gov", "Menbij") for i in range(4)]
    records += [_row(10 + i, "Syria", "Qaryat Fictiva", 36.41, 38.91, "Ar-Raqqa") for i in range(2)]
    records += [_row(20, "Kenya", "Garissa", -0.453, 39.646, "Garissa", source="Kenyan Fiction Daily")]
    out = tmp_path_factory.mktemp("places")
    counts = build_places(records, out, holdout=("Kenya",), gaz=load_gazetteer())
    assert counts["training_events"] == 6
    return out


def test_known_town_is_matched_and_a_new_name_is_added(built: Path) -> None:
    rows = {r["name"]: r for r in _read(built / "gazetteer_acled.csv")}
    assert rows["Manbij"]["geonames"].startswith("gn:") and rows["Manbij"]["events"] == "4"
    assert rows["Qaryat Fictiva"]["geonames"] == "" and rows["Qaryat Fictiva"]["country"] == "SY"
    assert rows["Qaryat Fictiva"]["admin1_code"].startswith("SY.")
    assert "Garissa" not in rows  # a held-out country never reaches the shipped tables


def test_admin_units_take_the_majority_spelling(built: Path) -> None:
    gaz = load_gazetteer()
    manbij = next(e for e in gaz.lookup("Manbij") if e.cc == "SY")
    names = {r["code"]: r["name"] for r in _read(built / "gazetteer_acled_admin.csv")}
    assert names[manbij.admin1_code] == "Aleppo Gov"


def test_tables_carry_the_attribution(built: Path) -> None:
    for name in ("gazetteer_acled.csv", "gazetteer_acled_admin.csv", "gazetteer_admin_policy.csv",
                 "sources_country.csv", "gazetteer_admin_words.csv"):
        assert ATTRIBUTION in (built / name).read_text(encoding="utf-8")


def test_a_source_is_a_country_prior_only_when_it_reports_on_one_country() -> None:
    one = [_row(i, "Syria", "Manbij", 36.5, 37.9, "Aleppo") for i in range(6)]
    mixed = [_row(30 + i, c, "X", 0.0, 0.0, "Y", source="Wire Service") for i, c in
             enumerate(["Syria", "Iraq", "Syria", "Yemen", "Syria", "Iraq"])]
    few = [_row(40, "Syria", "Manbij", 36.5, 37.9, "Aleppo", source="Tiny Outlet")]
    found = source_countries(one + mixed + few)
    assert found["fictional syria times"][0] == "Syria"
    assert found["wire service"][0] == "" and "tiny outlet" not in found  # several countries: international


def test_a_renamed_unit_takes_the_name_of_its_recent_years() -> None:
    votes = {"NP.3": [("Central", 400, 2017), ("Bagmati", 19, 2022)], "NP.2": [("Central", 300, 2017)]}
    assert elect_admin_names(votes)["NP.3"][0] == "Bagmati"  # the record's current name, not its majority
    assert elect_admin_names(votes, recent=False)["NP.3"][0] == "Central"


def test_a_recent_neighbours_name_is_spill_over_not_a_rename() -> None:
    votes = {"SS.02": [("Eastern Equatoria", 280, 2018), ("Jonglei", 5, 2022)], "SS.05": [("Jonglei", 900, 2022)]}
    assert elect_admin_names(votes)["SS.02"][0] == "Eastern Equatoria"


def test_a_renamed_unit_keeps_its_earlier_name_for_the_years_it_held_it_alone() -> None:
    from sitrep.learn.places import elect_admin_eras

    votes = {"NP.3": [("Central", 400, 2017), ("Bagmati", 19, 2022)],
             "PK.03": [("Khyber Pakhtunkhwa", 300, 2016), ("Federally Administered Tribal Areas", 350, 2017),
                       ("Khyber Pakhtunkhwa", 400, 2022)]}
    eras = elect_admin_eras(votes, elect_admin_names(votes))
    assert eras["NP.3"] == ("Central", 2017)
    assert "PK.03" not in eras  # the old name held only part of the unit: no era
