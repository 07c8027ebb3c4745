"""The wires' short names for countries place headline-only reports: "C.Africa", "CAR", "Pak"."""

from __future__ import annotations

import pytest

from sitrep.model import Article


@pytest.mark.parametrize(
    ("headline", "country"),
    [
        ("Clashes in C.Africa kill up to 10: army source", "Central African Republic"),
        ("Witnesses: 9 more killed in C. African Republic", "Central African Republic"),
        ("Fighting in CAR kills 10", "Central African Republic"),
        ("15 militants, 1 soldier killed in Pak", "Pakistan"),
        ("A car bomb killed five people in Kabul on Monday.", "Afghanistan"),
        ("CAR BOMB KILLS 5 IN KABUL", "Afghanistan"),
    ],
)
def test_wire_aliases_place_the_headline(pipeline, headline: str, country: str) -> None:
    result = pipeline.process_batch([Article(text=headline, published="2017-05-09")])[0]
    assert result.events and result.events[0].country == country
