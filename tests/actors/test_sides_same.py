"""One named armed group on both sides of a clash (``sitrep.actors.sides_same``), on events built by hand."""

from __future__ import annotations

from types import SimpleNamespace

from sitrep.actors.sides_same import two_mentions_of_one_group


def _ev(name, inter, one, two):
    return SimpleNamespace(actor1=name, actor2=name, inter1=inter, inter2=inter,
                           evidence={"actor1": one, "actor2": two})


def test_two_mentions_of_one_militia_in_a_clash_are_both_sides():
    # "Twic Dinka militia clashed with a Ngok Dinka militia"
    assert two_mentions_of_one_group(_ev("Dinka Ethnic Militia", 4, [0, 17], [35, 52]), "Armed clash")


def test_one_mention_read_twice_is_a_misread_argument():
    assert not two_mentions_of_one_group(_ev("Dinka Ethnic Militia", 4, [0, 17], [0, 17]), "Armed clash")


def test_state_forces_and_other_sub_events_are_left_alone():
    assert not two_mentions_of_one_group(_ev("Military Forces of Sudan", 1, [0, 8], [30, 38]), "Armed clash")
    assert not two_mentions_of_one_group(_ev("Dinka Ethnic Militia", 4, [0, 17], [35, 52]), "Attack")


def test_a_side_without_its_mention_is_not_taken_as_two():
    assert not two_mentions_of_one_group(_ev("ISGS", 2, [0, 4], None), "Armed clash")
