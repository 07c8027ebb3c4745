"""An operation told with people killed is coded by its fighting; an assassination is violence against civilians."""

from __future__ import annotations

from sitrep.events.classify import Context, sub_event_type


def _operation(cues: set[str], doc_cues: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    return sub_event_type(Context(cls="change_group", trigger="operation", cues=cues, doc_cues=set(doc_cues),
                                  inter1=1, inter2=None, victims=set(), objects=set()))


def test_classify_an_operation_that_killed_fighters_is_an_armed_clash():
    assert _operation({"killing", "state_actor"}) == "Armed clash"


def test_classify_an_operation_whose_killings_are_told_in_the_next_sentence_is_an_armed_clash():
    assert _operation({"state_actor"}, {"killing"}) == "Armed clash"


def test_classify_an_operation_with_nobody_killed_stays_a_change_to_group_activity():
    assert _operation({"state_actor"}) == "Change to group/activity"


def test_classify_a_deployment_with_killings_nearby_stays_a_change_to_group_activity():
    ctx = Context(cls="change_group", trigger="deploy", cues={"killing"}, doc_cues=set(), inter1=1, inter2=None,
                  victims=set(), objects=set())
    assert sub_event_type(ctx) == "Change to group/activity"


def test_classify_an_attempt_to_assassinate_a_group_coordinator_is_an_attack():
    ctx = Context(cls="attack", trigger="assassinate", cues={"firearm"}, doc_cues=set(), inter1=2, inter2=2,
                  victims=set(), objects={"coordinator"})
    assert sub_event_type(ctx) == "Attack"



def test_classify_the_assassination_of_a_militias_member_is_an_armed_clash():
    # training notes telling an assassination whose victim ACLED coded as an armed group's (inter 2-4): 53 armed
    # clashes, no attack
    ctx = Context(cls="attack", trigger="assassinate", cues={"firearm"}, doc_cues=set(), inter1=2, inter2=3,
                  victims=set(), objects={"militiaman"})
    assert sub_event_type(ctx) == "Armed clash"
