"""Weak matches: a word of a longer unknown name, a sea with the country given."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.resolve import Resolver, Toponym


def test_one_word_of_an_unknown_name_takes_no_alias() -> None:
    resolver = Resolver(load_gazetteer())
    tal = Toponym("Tal", 0, 3, own_name_only=True)  # "Tal Temmer": not At Tall, whose other name is Tal
    resolver.resolve([tal], "SY")
    assert tal.entry is None or tal.entry.name == "Tal"


def test_a_sea_is_not_abroad_when_the_country_is_given() -> None:
    resolver = Resolver(load_gazetteer())
    sea = Toponym("Gulf of Aden", 0, 12)
    resolver.resolve([sea], "YE")
    assert sea.entry is not None and sea.entry.feature == "sea"
