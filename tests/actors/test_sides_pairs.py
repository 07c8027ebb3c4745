"""Names given as alternatives stand on one side (``sitrep.actors.sides_pairs``), on events built by hand."""

from __future__ import annotations

from types import SimpleNamespace

from sitrep.actors.sides_pairs import alternatives


def _doc(text, *names):
    actors = []
    for word, name in names:
        start = text.index(word)
        actors.append(SimpleNamespace(name=name, start=start, end=start + len(word)))
    return SimpleNamespace(article=SimpleNamespace(text=text), actors=actors)


def _ev(text, word, name):
    start = text.index(word)
    return SimpleNamespace(actor1=name, evidence={"actor1": [start, start + len(word)]})


def test_a_name_joined_by_or_stands_with_the_doer():
    text = "presumed ISGS or JNIM militants attacked and burned a fuel tanker"
    doc = _doc(text, ("ISGS", "ISGS"), ("JNIM militants", "JNIM"))
    assert alternatives(_ev(text, "JNIM militants", "JNIM"), doc) == {"ISGS"}


def test_and_or_and_slash_join_too_and_chains_are_followed():
    text = "TTP/LeJ and/or IS-K gunmen fired on an army post"
    doc = _doc(text, ("TTP", "TTP"), ("LeJ", "LeJ"), ("IS-K gunmen", "IS-K"), ("army", "Army"))
    assert alternatives(_ev(text, "TTP", "TTP"), doc) == {"LeJ", "IS-K"}


def test_a_name_joined_by_and_or_with_is_an_other_side():
    text = "JNIM militants clashed with ISGS fighters"
    doc = _doc(text, ("JNIM militants", "JNIM"), ("ISGS fighters", "ISGS"))
    assert alternatives(_ev(text, "JNIM militants", "JNIM"), doc) == set()


def test_the_parts_of_an_uncertain_pair_are_the_doers():
    ev = SimpleNamespace(actor1="JNIM and/or ISGS", evidence={})
    assert alternatives(ev, _doc("x")) == {"JNIM", "ISGS"}
