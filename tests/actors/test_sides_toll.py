"""Civilians hurt by an explosion as its other side (``sitrep.actors.sides_toll``), on frames built by hand."""

from __future__ import annotations

from types import SimpleNamespace

from sitrep.actors.sides_toll import toll_is_civilians


def _frame(sent, *inters):
    return SimpleNamespace(sent=sent, victims=[SimpleNamespace(inter=i) for i in inters])


def test_people_hurt_in_a_later_sentence_are_the_toll():
    bomb = _frame(0)
    assert toll_is_civilians(bomb, [bomb, _frame(1, 7)])


def test_soldiers_among_the_hurt_make_no_civilian_toll():
    bomb = _frame(0)
    assert not toll_is_civilians(bomb, [bomb, _frame(1, 7, 1)])


def test_people_hurt_before_the_event_are_not_its_toll():
    bomb = _frame(2)
    assert not toll_is_civilians(bomb, [_frame(0, 7), bomb])
