"""The gazetteer with ACLED's places and spellings, and the reporting country."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.acled import capital_name
from sitrep.gazetteer.reporting import ReportingCountry
from sitrep.gazetteer.resolve import Resolver, Toponym


def test_conflict_zone_spellings_from_acled_resolve() -> None:
    gaz = load_gazetteer()
    for name in ("Ein Issa", "Tell Abiad"):
        found = gaz.lookup(name, loose=False)
        assert found and found[0].cc == "SY", name
    assert any(e.id.startswith("acled:") for e in gaz.lookup("Ein Issa", loose=False))
    assert gaz.acled_events  # matched GeoNames places carry ACLED's event counts


def test_reporting_country_by_name_or_code() -> None:
    rc = ReportingCountry(load_gazetteer())
    assert rc.iso2("Lebanon") == rc.iso2("LB") == rc.iso2("LBN") == rc.iso2(" lebanon ") == "LB"
    assert rc.iso2("Narnia") is None and rc.iso2("") is None
    assert rc.country("Kenya", "Daily Star Bangladesh") == "KE"  # what the caller says wins over the source
    assert rc.country(None, "Daily Star (Bangladesh)") in (None, "BD")
    assert rc.country(None, "Daily Star Bangladesh; Unknown Outlet") == "BD"


def test_no_place_abroad_without_support_when_the_country_is_given() -> None:
    gaz = load_gazetteer()
    resolver = Resolver(gaz)
    plain = [Toponym("Chorin", 0, 6)]
    resolver.resolve(plain)
    assert plain[0].entry is not None and plain[0].entry.cc == "DE"
    given = [Toponym("Chorin", 0, 6)]
    focus, _ = resolver.resolve(given, "LB")
    assert focus == "LB" and given[0].entry is None and "focus country" in (given[0].reason or "")
    # a town of the given country is kept, and the article's own names still count
    home = [Toponym("Zahle", 0, 5)]
    resolver.resolve(home, "LB")
    assert home[0].entry is not None and home[0].entry.cc == "LB"


def test_a_unit_named_after_its_main_town_takes_the_towns_spelling() -> None:
    gaz = load_gazetteer()
    assert capital_name(gaz, "LB.04", gaz.admin_names["LB.04"]) == "Beirut"
    assert capital_name(gaz, "KE.05", gaz.admin_names["KE.05"]) == "Nairobi"
    assert capital_name(gaz, "LB.05", gaz.admin_names["LB.05"]) is None  # Mount Lebanon is named after no town


def test_inputs_carry_a_reporting_country(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sitrep.io.readers import read_inputs, with_country

    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Protest in Zahle.", "country": "LB"}\n'
                    '{"id": "b", "text": "Protest in Zahle."}\n', encoding="utf-8")
    items = list(with_country(read_inputs([str(path)]), "Kenya"))
    assert [i.article.country for i in items if i.article] == ["LB", "Kenya"]
    assert [i.article.country for i in read_inputs([str(path)]) if i.article] == ["LB", None]


def test_acled_place_takes_the_province_acleds_coders_filed_it_under() -> None:
    """A place of the record whose nearest GeoNames town lies across a provincial border keeps the province ACLED
    wrote for it (Gossi: Tombouctou in the record, Gao by its nearest town)."""
    from sitrep.gazetteer import load_gazetteer
    from sitrep.gazetteer.acled import _nearest_unit, _units_by_name

    gaz = load_gazetteer()
    units = _units_by_name(gaz)
    codes = units[("ML", "tombouctou")]
    assert _nearest_unit(gaz, codes, 15.82, -1.29) == "ML.08"  # Tombouctou itself, not Taoudenit ACLED also calls so
    assert _nearest_unit(gaz, set(), 15.82, -1.29) is None
    gossi = [e for e in gaz.lookup("Gossi", loose=False) if e.id.startswith("acled:")]
    assert gossi and all(gaz.admin1_name(e.admin1_code) == "Tombouctou" for e in gossi)
