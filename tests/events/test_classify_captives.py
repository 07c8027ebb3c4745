"""Captives are no side in a fight: torturing or executing the people held, even fighters, is an attack."""

from __future__ import annotations

from sitrep.events.classify import Context, sub_event_type


def _torture(inter1: int, inter2: int) -> str:
    return sub_event_type(Context(cls="attack", trigger="torture", cues=set(), doc_cues=set(), inter1=inter1,
                                  inter2=inter2, victims={inter2}, objects=set()))


def test_classify_soldiers_torturing_rebel_prisoners_is_an_attack():
    assert _torture(1, 2) == "Attack"


def test_classify_torture_of_civilians_stays_an_attack():
    assert _torture(3, 7) == "Attack"


def _arrest(cues: set[str]) -> str:
    return sub_event_type(Context(cls="arrest", trigger="arrest", cues=cues, doc_cues=set(), inter1=1, inter2=7,
                                  victims={7}, objects=set()))


def test_classify_people_arrested_and_summarily_executed_is_an_attack():
    assert _arrest({"custody_killing", "state_actor"}) == "Attack"


def test_classify_a_plain_arrest_stays_an_arrest():
    assert _arrest({"state_actor"}) == "Arrests"


def _shooting(cues: set[str]) -> str:
    return sub_event_type(Context(cls="attack", trigger="shoot", cues=cues, doc_cues=set(), inter1=1, inter2=2,
                                  victims={2}, objects=set()))


def test_classify_people_called_unarmed_are_attacked_not_fought():
    assert _shooting({"unarmed", "state_actor"}) == "Attack"


def test_classify_armed_people_shot_at_stay_a_fight():
    assert _shooting({"state_actor"}) == "Armed clash"


def test_classify_people_abducted_and_raped_suffer_sexual_violence():
    ctx = Context(cls="abduction", trigger="abduct", cues={"sexual_harm"}, doc_cues=set(), inter1=3, inter2=7,
                  victims={7}, objects=set())
    assert sub_event_type(ctx) == "Sexual violence"


def test_classify_forces_that_killed_militants_and_arrested_another_fought_an_armed_clash(events_of):
    (ev, *_) = events_of("On 4 June 2022, soldiers killed six militants and arrested another near the border town.")
    assert ev.sub_event_type == "Armed clash"


def test_classify_police_detaining_a_commander_charged_with_killing_is_an_arrest(events_of):
    (ev, *_) = events_of("On 15 April 2022, police detained a militia commander on charges of killing an activist.")
    assert ev.sub_event_type == "Arrests"
