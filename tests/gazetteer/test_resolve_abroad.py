"""A lone small town abroad loses to the focus country that the article's other towns and units place it in."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.abroad import outweighed_abroad
from sitrep.gazetteer.resolve import Resolver, Toponym


def _resolve(*names: str) -> tuple[str | None, list[Toponym]]:
    tops = []
    pos = 0
    for name in names:
        tops.append(Toponym(name, pos, pos + len(name)))
        pos += len(name) + 10
    focus, _ = Resolver(load_gazetteer()).resolve(tops)
    return focus, tops


def test_a_small_town_abroad_beside_a_home_city_takes_the_home_namesake() -> None:
    """'in El Porvenir ... Lima': Peru's El Porvenir, not Mexico's."""
    focus, (_, porvenir) = _resolve("Lima", "El Porvenir")
    assert focus == "PE" and porvenir.entry is not None and porvenir.entry.cc == "PE"


def test_a_small_town_abroad_with_no_home_namesake_stays_unresolved() -> None:
    """'Colombo ... Rampura': not one of India's Rampuras."""
    focus, (_, rampura) = _resolve("Colombo", "Rampura")
    assert focus == "LK" and rampura.entry is None and rampura.reason


def test_a_country_named_alone_does_not_outweigh_a_town() -> None:
    """'demonstrated in Wittenberg against the war in Ukraine': Wittenberg stays German."""
    _, (wittenberg, _) = _resolve("Wittenberg", "Ukraine")
    assert wittenberg.entry is not None and wittenberg.entry.cc == "DE"


def test_a_name_only_one_town_bears_is_no_namesake() -> None:
    """'Washington communities ... trips to Saipan': the one Saipan is meant; one of many Rampuras is not."""
    gaz = load_gazetteer()
    placed = {"US": {"tacoma"}, "LK": {"colombo"}}
    saipan = Toponym("Saipan", 0, 6, candidates=gaz.lookup("Saipan"))
    town = next(c for c in saipan.candidates if c.feature == "town")
    assert not outweighed_abroad(saipan, town, "US", placed)
    rampura = Toponym("Rampura", 0, 7, candidates=gaz.lookup("Rampura"))
    indian = next(c for c in rampura.candidates if c.cc == "IN")
    assert outweighed_abroad(rampura, indian, "LK", placed)


def test_a_unit_known_only_abroad_of_the_given_country_does_not_rule_out_the_place() -> None:
    """'Bijar city (Kurdistan)' in a note from Iran, where the only 'Kurdistan' known is Iraq's region: the bracket
    named a namesake abroad, and Bijar is still Iran's; without the country the bracket holds as before."""
    gaz = load_gazetteer()
    bijar = Toponym("Bijar", 0, 5, within={"IQ"})
    Resolver(gaz).resolve([bijar], given="IR")
    assert bijar.entry is not None and bijar.entry.cc == "IR"
    held = Toponym("Bijar", 0, 5, within={"IQ"})
    Resolver(gaz).resolve([held])
    assert held.entry is None
