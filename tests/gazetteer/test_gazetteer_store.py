"""The in-memory gazetteer: lookups, additions, aliases, demonyms, user data files.

Unit tests run on a small hand-made base table (fast, independent of the
packages); one test checks the real cache built from the packages.
"""

from __future__ import annotations

from array import array

import pytest

from sitrep.gazetteer.store import Gazetteer, index_names

ROWS = [
    # id, name, feature, cc, admin1, admin2, lat, lon, pop, alternates
    ("gn:99237", "Iraq", "country", "IQ", "", "", 33.0, 44.0, 38_000_000, ["Republic of Iraq"]),
    ("gn:6252001", "United States", "country", "US", "", "", 39.76, -98.5, 327_000_000, []),
    ("gn:99592", "Al Anbār", "admin1", "IQ", "IQ.01", "", 33.76, 42.04, 0, ["Anbar", "Anbar Province"]),
    ("gn:98717", "Ramadi", "town", "IQ", "IQ.01", "IQ.01.98718", 33.42, 43.31, 223_500, ["Ar Ramadi"]),
    ("gn:95788", "Hīt", "town", "IQ", "IQ.01", "", 33.64, 42.83, 31_901, ["Hit"]),
    ("gn:4409896", "Springfield", "town", "US", "US.MO", "", 37.22, -93.30, 170_188, []),
    ("gn:4951788", "Springfield", "town", "US", "US.MA", "", 42.10, -72.59, 154_341, []),
    ("gn:7670999", "Qasr Zorbal District", "admin2", "IQ", "IQ.01", "IQ.01.7670999", 33.0, 40.5, 0, []),
]


def tiny_tables() -> dict:
    cols = list(zip(*ROWS, strict=True))
    names, features, pops = list(cols[1]), list(cols[2]), array("q", cols[8])
    exact, loose = index_names(names, [list(a) for a in cols[9]], features, pops)
    return {
        "ids": list(cols[0]), "names": names, "features": features, "cc": list(cols[3]),
        "admin1": list(cols[4]), "admin2": list(cols[5]), "lat": array("d", cols[6]), "lon": array("d", cols[7]),
        "pop": pops, "exact": exact, "loose": loose,
        "admin_names": {"IQ.01": "Al Anbār", "IQ.01.98718": "Ramadi District"},
        "countries": {
            "IQ": {"name": "Iraq", "numeric": 368, "region": "Middle East", "gid": "99237"},
            "US": {"name": "United States", "numeric": 840, "region": "North America", "gid": "6252001"},
        },
        "historic": ["soviet union", "ussr"],
    }


@pytest.fixture
def gaz(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path / "nothing-here"))
    g = Gazetteer(tiny_tables())
    g.apply_data_files()
    return g


def test_store_lookup_tolerates_transliteration(gaz):
    assert gaz.lookup("Heet")[0].name == "Hīt"
    assert gaz.lookup("al-Ramadi")[0].name == "Ramadi"
    assert gaz.lookup("Anbar Governorate")[0].feature == "admin1"


def test_a_district_named_with_its_unit_word_is_found_by_its_name_alone(gaz):
    """GeoNames writes 'Qasr Zorbal District', a note '(Qasr Zorbal, Anbar)': the name alone finds the district when
    nothing else answers to it; a name some place carries keeps only its own candidates."""
    assert [(e.name, e.feature) for e in gaz.lookup("Qasr Zorbal")] == [("Qasr Zorbal District", "admin2")]
    assert gaz.lookup("Qasr Zorbal District")[0].feature == "admin2"
    assert gaz.lookup("Qasr") == []  # a word of the name is no name
    assert "ramadi" not in gaz.unit_cores()  # only units whose name ends with a unit word


def test_store_lookup_ranks_by_prior(gaz):
    springs = gaz.lookup("Springfield")
    assert [s.admin1_code for s in springs] == ["US.MO", "US.MA"]
    assert gaz.lookup("Nowhereville") == []


def test_store_package_additions_have_admin_codes(gaz):
    karmah = gaz.lookup("Al-Karmah")[0]
    assert karmah.id == "add:iq-karmah"
    assert (karmah.cc, karmah.admin1_code, karmah.precision) == ("IQ", "IQ.01", 1)
    desert = gaz.lookup("Anbar desert")[0]
    assert desert.feature == "desert" and desert.precision == 3


def test_store_admin1_names_as_acled_writes_them(gaz):
    assert gaz.admin1_name("IQ.01") == "Al Anbar"  # the hand-made table wins over everything learned
    assert gaz.admin2_name("IQ.01.98718") == "Ramadi District"


def test_store_demonyms_point_to_places(gaz):
    assert gaz.demonym("Iraqi").cc == "IQ"
    assert gaz.demonym("Iraqis").feature == "country"
    assert gaz.demonym("Anbari").admin1_code == "IQ.01"
    assert gaz.demonym("Martian") is None


def test_store_aliases_put_their_target_first(gaz):
    assert gaz.lookup("U.S.")[0].cc == "US"


def test_store_user_additions_extend_the_package(monkeypatch, tmp_path):
    (tmp_path / "gazetteer_additions.csv").write_text(
        "id,name,alt_names,feature,country,admin1,admin2,latitude,longitude,population,precision\n"
        "test-albu-bali,Albu Bali,Al-Bu Bali|Albubali,village,IQ,IQ.01,Falluja District,33.45,43.65,3000,\n",
        encoding="utf-8")
    (tmp_path / "demonyms.csv").write_text("demonym,target\nRamadian,Ramadi\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    g = Gazetteer(tiny_tables())
    g.apply_data_files()
    village = g.lookup("Al-Bu Bali")[0]
    assert village.id == "add:test-albu-bali" and village.admin2 == "Falluja District"
    assert g.lookup("Karmah")[0].id == "add:iq-karmah"  # the package's rows are still there
    assert g.demonym("Ramadian").name == "Ramadi"


def test_store_bad_user_row_is_a_catalogued_error(monkeypatch, tmp_path):
    from sitrep.errors import SitrepError

    (tmp_path / "gazetteer_additions.csv").write_text(
        "id,name,alt_names,feature,country,admin1,admin2,latitude,longitude,population,precision\n"
        "bad,Nowhere,,town,IQ,IQ.01,,north,east,,\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    with pytest.raises(SitrepError) as err:
        Gazetteer(tiny_tables()).apply_data_files()
    assert err.value.code == "E302"


def test_store_real_cache_knows_conflict_zone_places():
    from sitrep.gazetteer import load_gazetteer

    real = load_gazetteer()
    assert len(real) > 200_000
    fallujah = real.lookup("Falluja")[0]
    assert (fallujah.cc, fallujah.admin1_code) == ("IQ", "IQ.01")
    # Israel is held out: a unit ACLED's record does not spell takes the learned policy's name, not GeoNames'
    assert real.admin1_name("IL.05") not in (None, "Tall Abib")
    assert real.lookup("Soviet Union") == [] and "soviet union" in real.historic
    for name in ("Karmah", "Habbaniyah", "Amiriyat al-Fallujah", "Nukhayb", "Baghdadi", "Kubaysa", "Akashat",
                 "Jurf al-Sakhar", "Hawija", "Tarmiyah", "Wadi Hauran", "Jazira desert"):
        assert real.lookup(name), name


def test_store_abbreviation_matches_as_written(monkeypatch, tmp_path):
    (tmp_path / "gazetteer_aliases.csv").write_text("alias,target\nMo.,US.MO\nMO,Springfield\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    tables = tiny_tables()
    g = Gazetteer(tables)
    g.admin_idx["US.MO"] = 5  # stands in for the state: the tiny table has no admin1 row for it
    g.apply_data_files()
    assert g.lookup("Mo.")[0].admin1_code == "US.MO"
    assert [e.idx for e in g.lookup("MO")] == [5]  # written in capitals: only what the alias says


def test_store_landmark_outranks_small_town_of_the_same_name():
    from sitrep.gazetteer.store import prior

    assert prior("building", 0) > prior("town", 10_000)  # "the White House", not White House, Tenn.
    assert prior("airport", 0) > prior("town", 30_000)  # "Heathrow" the airport, not Heathrow, Fla.


def test_store_large_admin_unit_is_centred_on_all_its_towns():
    from sitrep.gazetteer.build import _centre

    # a province 2,000 km tall whose towns crowd its south: trimming would cut the north off
    south = [(49.0 + i * 0.01, -100.0) for i in range(97)]
    north = [(60.0, -100.0), (62.0, -100.0), (66.0, -100.0)]
    lat, _ = _centre(south + north)
    assert lat > 57
    # a small unit keeps the trimmed box: an outlying town does not move it
    small = [(37.0 + i * 0.01, -78.0) for i in range(97)] + [(37.5, -78.0), (37.6, -78.0), (40.0, -78.0)]
    lat, _ = _centre(small)
    assert lat < 38.0


def test_store_real_cache_knows_inverted_admin_names_and_english_counties():
    from sitrep.gazetteer import load_gazetteer

    real = load_gazetteer()
    dagestan = real.lookup("Dagestan", loose=False)
    assert dagestan and dagestan[0].feature == "admin1" and dagestan[0].cc == "RU"
    london = real.lookup("London", loose=False)[0]
    assert london.feature == "town" and london.cc == "GB"  # "London, City of" does not take the bare name
    berkshire = [e for e in real.lookup("Berkshire") if e.cc == "GB"]
    assert berkshire and berkshire[0].feature == "admin2"


def test_build_gives_a_town_without_province_that_of_its_nearest_neighbour():
    from sitrep.gazetteer.build import _fill_admin1

    # two towns of one country with a province, one without near the first, one without far from both
    ccs = ["PS", "PS", "PS", "PS"]
    adm1 = ["PS.WE", "PS.GZ", "", ""]
    lats = array("d", [32.22, 31.50, 32.46, 29.00])
    lons = array("d", [35.25, 34.46, 35.30, 35.00])
    _fill_admin1(ccs, adm1, lats, lons, 4)
    assert adm1 == ["PS.WE", "PS.GZ", "PS.WE", ""]  # the far one stays without: no guess beyond 30 km


def test_store_entries_are_made_once_per_place(gaz):
    first = gaz.lookup("Ramadi", loose=False)
    again = gaz.lookup("Ramadi", loose=False)
    assert first and first == again and first[0] is again[0] and first is not again
    gaz._entries.clear()
    assert gaz.lookup("Ramadi", loose=False) == first


def test_a_compass_compound_finds_the_province_spelt_in_two_words():
    """"Southwest Region" and "Northwest" are Cameroon's South-West and North-West as well as whatever GeoNames
    spells in one word (a Dubai sector, an Icelandic region)."""
    from sitrep.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert ("CM", "admin1") in {(e.cc, e.feature) for e in gaz.lookup("Southwest Region")}
    assert ("CM", "admin1") in {(e.cc, e.feature) for e in gaz.lookup("Northwest")}
    assert all(e.cc != "CM" for e in gaz.lookup("Northwestern"))  # a word that only starts so is left alone
