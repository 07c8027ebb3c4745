"""The language check on headlines: short English reports pass, short reports in other languages do not.

Every text below was written for this test (none is copied from a dataset)."""

from __future__ import annotations

import pytest

from sitrep.io.language import check_english

ENGLISH = [
    "Blasts in Kirkuk kill 14, including pilgrims",  # langdetect alone reads short lines like this as Swedish
    "Gunmen storm village market, dozens dead",
    "UPDATE 2-Rebels seize border town as army withdraws",
    "Militants ambush convoy near Garissa",
    "Car bomb kills at least 18 worshippers in northern city",
    "Police say six died in weekend clashes",
]
OTHER = [
    "Des hommes armés tuent cinq villageois dans le nord du pays",
    "Dos policías muertos en un ataque contra una comisaría rural",
    "Bewaffnete überfallen ein Dorf im Norden, mehrere Tote gemeldet",
    "Serangan bersenjata di desa itu menewaskan lima orang warga",
    "Attentato in una piazza del mercato, sette morti e molti feriti",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_short_english_headlines_pass(text: str) -> None:
    lang, problem = check_english(text)
    assert problem is None, (text, lang)


@pytest.mark.parametrize("text", OTHER)
def test_short_headlines_in_other_languages_are_refused(text: str) -> None:
    lang, problem = check_english(text)
    assert problem is not None and lang != "en", (text, lang)
