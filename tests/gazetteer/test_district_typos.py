"""A district written in another spelling than the gazetteer's is that district of the focus country."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.district_typos import Admin2Names, district_typos
from sitrep.gazetteer.toponym import Toponym


def test_a_near_spelling_before_district_is_the_focus_countrys_district() -> None:
    gaz = load_gazetteer()
    names = Admin2Names(gaz)
    text = "cadres staged a demonstration in Dhalkebar town (Dhanusha district), demanding fertilizers."
    found = district_typos(names, text, [], "NP")
    assert [t.text for t in found] == ["Dhanusha"]
    entry = found[0].entry
    assert entry is not None and entry.cc == "NP" and entry.feature == "admin2"


def test_no_district_is_guessed_without_a_focus_or_in_another_country() -> None:
    gaz = load_gazetteer()
    names = Admin2Names(gaz)
    text = "protests in Damauli city (Tanahu district)."
    assert district_typos(names, text, [], None) == []
    assert all(t.entry is None or t.entry.cc == "IN" for t in district_typos(names, text, [], "IN"))


def test_an_unresolved_name_takes_the_district_and_a_resolved_one_is_kept() -> None:
    gaz = load_gazetteer()
    names = Admin2Names(gaz)
    text = "clashes in Tanahu district."
    unresolved = Toponym("Tanahu", 11, 17)
    assert district_typos(names, text, [unresolved], "NP") == []
    assert unresolved.entry is not None and unresolved.entry.cc == "NP"
    town = next(e for e in gaz.lookup("Pokhara") if e.cc == "NP")
    text = "clashes in Pokhara district."
    resolved = Toponym("Pokhara", 11, 18, candidates=[town], entry=town)
    assert district_typos(names, text, [resolved], "NP") == [] and resolved.entry is town
