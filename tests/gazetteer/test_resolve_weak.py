"""A sea is in no country: never abroad when the country is given."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.resolve import Resolver, Toponym


def test_a_sea_is_not_abroad_when_the_country_is_given() -> None:
    resolver = Resolver(load_gazetteer())
    sea = Toponym("Gulf of Aden", 0, 12)
    resolver.resolve([sea], "YE")
    assert sea.entry is not None and sea.entry.feature == "sea"


def test_an_armed_forces_nationality_does_not_choose_the_place() -> None:
    """'Russian forces shelled Novomykhaylivka, Donetsk': Donetsk is Ukraine's, not the Russian town of that name."""
    gaz = load_gazetteer()
    resolver = Resolver(gaz)
    russian = Toponym("Russian", 0, 7, demonym=gaz.country_entry("RU"), actor=True)
    donetsk = Toponym("Donetsk", 40, 47)
    focus, _ = resolver.resolve([russian, donetsk])
    assert donetsk.entry is not None and donetsk.entry.cc == "UA" and focus == "UA"
    # with no other place the force's country is still the article's focus
    alone = Toponym("Russian", 0, 7, demonym=gaz.country_entry("RU"), actor=True)
    assert resolver.resolve([alone])[0] == "RU"


def test_a_word_of_an_unknown_longer_name_does_not_vote_for_the_focus() -> None:
    """'Ghadir al Bostan village, Quneitra': 'Bostan' is no Boston."""
    gaz = load_gazetteer()
    resolver = Resolver(gaz)
    syrian = Toponym("Syrian", 0, 6, demonym=gaz.country_entry("SY"))
    bostan = Toponym("Bostan", 30, 36, partial=True)
    focus, _ = resolver.resolve([syrian, bostan])
    assert focus == "SY" and (bostan.entry is None or bostan.entry.cc == "SY")


def test_a_province_abbreviation_in_brackets_places_its_town() -> None:
    """'Hangu city (Hangu, KPK)': Khyber Pakhtunkhwa's Hangu, not the Chinese town."""
    gaz = load_gazetteer()
    assert gaz.lookup("KPK", loose=False)[0].admin1_code == "PK.03"
    assert gaz.lookup("J&K", loose=False)[0].admin1_code == "IN.12"


def test_an_approximate_spelling_abroad_does_not_make_the_focus() -> None:
    """'Algerian military forces in Tarat, In Amenas, near the Libyan border': the NER's 'Amenas' is only near the
    spelling of Ammenäs (Sweden), which must not outvote the nationality words and land the event in Sweden."""
    gaz = load_gazetteer()
    resolver = Resolver(gaz)
    algerian = Toponym("Algerian", 0, 8, demonym=gaz.country_entry("DZ"), actor=True)
    amenas = Toponym("Amenas", 40, 46)
    libyan = Toponym("Libyan", 60, 66, demonym=gaz.country_entry("LY"), actor=True)
    focus, _ = resolver.resolve([algerian, amenas, libyan])
    assert focus in ("DZ", "LY")
    assert amenas.entry is None or amenas.entry.cc != "SE"


def test_a_name_written_with_its_arabic_article_is_its_own_name() -> None:
    """'Al-Raqqa' is Ar Raqqah with another article and no final h: as much the place's name as 'Raqqa' is, so it
    places the article even though only the transliteration-tolerant look-up finds it."""
    resolver = Resolver(load_gazetteer())
    raqqa = Toponym("Al-Raqqa", 0, 8)
    focus, _ = resolver.resolve([raqqa])
    assert raqqa.exact and raqqa.entry is not None and raqqa.entry.cc == "SY" and focus == "SY"


def test_a_lone_near_spelling_of_a_small_place_is_left_unresolved() -> None:
    """'attacked the village of Amenas' with nothing else to go on: a near spelling of a Swedish hamlet (Ammenäs) is no
    evidence that the event happened in Sweden; a very spelling stays."""
    resolver = Resolver(load_gazetteer())
    amenas = Toponym("Amenas", 0, 6)
    resolver.resolve([amenas])
    assert amenas.entry is None and amenas.reason and "near spelling" in amenas.reason
    paris = Toponym("Paris", 0, 5)
    resolver.resolve([paris])
    assert paris.entry is not None
