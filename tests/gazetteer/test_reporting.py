"""The reporting country of an input read from its source's name before ACLED's learned source table."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.reporting import ReportingCountry


@pytest.fixture(scope="module")
def reporting() -> ReportingCountry:
    return ReportingCountry(load_gazetteer())


@pytest.mark.parametrize(("source", "cc"), [
    ("Nation (Pakistan)", "PK"),  # ACLED writes an outlet's country after it
    ("Daily News (Thailand)", "TH"),
    ("Pakistan Press International", "PK"),  # a country's name inside the outlet's
    ("Afghan Peace Watch", "AF"),  # a nationality word
    ("South Asia Terrorism Portal; Nation (Pakistan)", "PK"),  # the name decides over a learned row
    ("Balochistan Express", "PK"),  # a province of one country, after the learned table
])
def test_source_name_says_its_country(reporting: ReportingCountry, source: str, cc: str) -> None:
    assert reporting.from_source(source) == cc


def test_sources_naming_two_countries_say_none(reporting: ReportingCountry) -> None:
    assert reporting.from_source("Nation (Pakistan); Daily News (Thailand)") is None


def test_an_international_source_says_no_country_by_its_name(reporting: ReportingCountry) -> None:
    reporting.international.add("france 24")
    assert reporting.named_country("France 24") == "FR"
    assert reporting.from_source("France 24") is None


def test_only_the_source_name_vouches_for_a_country(reporting: ReportingCountry) -> None:
    assert reporting.named_by_source("URN (Uganda)") == "UG"
    assert reporting.named_by_source("Balochistan Express") is None  # a province: the guess, not the name's word
    assert reporting.named_by_source(None) is None


def test_country_a_source_name_carries_outranks_a_lone_small_town_abroad() -> None:
    """'Ngoro village' in a note from 'URN (Uganda)' is no Ngoro of Indonesia; a city or a country the text
    names still decides."""
    from sitrep.gazetteer.resolve import Resolver, Toponym

    resolver = Resolver(load_gazetteer())
    village = Toponym("Ngoro", 0, 5)
    focus, _ = resolver.resolve([village], None, fallback="UG", source_named=True)
    assert focus == "UG" and (village.entry is None or village.entry.cc == "UG")
    guessed = Toponym("Ngoro", 0, 5)
    resolver.resolve([guessed], None, fallback="UG")  # a learned guess is one vote: it leaves the place a reading
    assert guessed.entry is not None
    abroad = Toponym("Chorin", 0, 6)
    resolver.resolve([abroad], None, fallback="UG")  # ... even one known only abroad
    assert abroad.entry is not None and abroad.entry.cc == "DE"
    city = Toponym("Jakarta", 0, 7)
    focus, _ = resolver.resolve([city], None, fallback="UG", source_named=True)
    assert focus == "ID" and city.entry is not None and city.entry.cc == "ID"


def test_a_national_outlet_of_long_record_vouches_for_its_country_a_small_one_does_not(
        reporting: ReportingCountry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reporting, "sources", {**reporting.sources, "gazette x": "CF", "gazette y": "CF"})
    monkeypatch.setattr(reporting, "national", {"gazette x": "CF"})
    assert reporting.national_outlet("Gazette X") == "CF"
    assert reporting.national_outlet("Gazette Y") is None  # learned, but from few events
    assert reporting.from_source("Gazette Y") == "CF"  # still the guess


def test_national_outlets_are_read_from_the_learned_table_by_their_count(tmp_path, monkeypatch) -> None:
    from sitrep.gazetteer import reporting as module

    (tmp_path / "sources_country.csv").write_text(
        "source,country,events,share\nbig paper,Mali,250,1.0\nsmall paper,Mali,12,1.0\nmixed paper,Mali,300,0.95\n",
        encoding="utf-8")
    monkeypatch.setenv("SITREP_LEARNED_DIR", str(tmp_path))
    table = module.ReportingCountry(load_gazetteer())
    assert table.national == {"big paper": "ML"}


def test_a_national_outlet_outranks_a_far_namesake_but_not_a_village_across_the_border() -> None:
    from sitrep.gazetteer.abroad import far_from
    from sitrep.gazetteer.resolve import Toponym

    gaz = load_gazetteer()
    ivory = next(e for e in gaz.lookup("Kounde") if e.cc == "CI")
    far = Toponym("Kounde", 0, 6, candidates=[ivory], entry=ivory)
    assert far_from([far], "CI", gaz.country_entry("CF"))
    mandera = next(e for e in gaz.lookup("Mandera") if e.cc == "KE")
    near = Toponym("Mandera", 0, 7, candidates=[mandera], entry=mandera)
    assert not far_from([near], "KE", gaz.country_entry("SO"))


def test_a_un_agency_or_international_ngo_says_no_country(reporting: ReportingCountry) -> None:
    """OCHA reports from every crisis, however few countries the training exports show it on; a UN mission named
    for one country still says its country."""
    assert reporting.from_source("UNOCHA") is None
    assert reporting.from_source("OCHA; Human Rights Watch") is None
    assert reporting.national_outlet("UNOCHA") is None
    assert reporting.from_source("UN MINUSMA") == "ML"


def test_an_edition_of_a_wire_is_international_unless_national_at_length(tmp_path, monkeypatch) -> None:
    """"AFP English", seen only on Morocco in a record that lacks the countries AFP mostly covers, says no country:
    AFP reports on many. An edition the record shows on one country at length keeps it."""
    from sitrep.gazetteer import reporting as module

    (tmp_path / "sources_country.csv").write_text(
        "source,country,events,share\nafp,,1790,0.398\nafp english,Morocco,10,1.0\nafp sahel desk,Mali,400,1.0\n"
        "the nation,,336,0.726\nthe nation weekend,Nigeria,12,1.0\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_LEARNED_DIR", str(tmp_path))
    table = module.ReportingCountry(load_gazetteer())
    assert table.from_source("AFP English") is None
    assert table.from_source("AFP Sahel Desk") == "ML"
    assert table.from_source("The Nation Weekend") == "NG"  # "The Nation" is no wire: many papers, each national


def test_a_region_across_borders_in_a_source_name_says_no_country(reporting: ReportingCountry) -> None:
    """"L'Oeil du Sahel" is a Cameroonian paper: the Sahel spans a dozen countries, though Burkina Faso has a
    province of that name."""
    assert reporting.named_province("L'Oeil du Sahel") is None
    assert reporting.named_province("Balochistan Express") == "PK"
