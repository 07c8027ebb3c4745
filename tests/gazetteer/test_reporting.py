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
