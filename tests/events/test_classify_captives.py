"""Captives are no side in a fight: torturing them, even fighters held prisoner, is an attack, not a battle."""

from __future__ import annotations

from sitrep.events.classify import Context, sub_event_type


def _torture(inter1: int, inter2: int) -> str:
    return sub_event_type(Context(cls="attack", trigger="torture", cues=set(), doc_cues=set(), inter1=inter1,
                                  inter2=inter2, victims={inter2}, objects=set()))


def test_classify_soldiers_torturing_rebel_prisoners_is_an_attack():
    assert _torture(1, 2) == "Attack"


def test_classify_torture_of_civilians_stays_an_attack():
    assert _torture(3, 7) == "Attack"
