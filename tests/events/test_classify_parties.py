"""A political party's people fighting a rival party's, or beating people, are a mob (ACLED's mob violence); the
same acts by an armed group stay a battle or an attack."""

from __future__ import annotations

from sitrep.events.classify import PARTY, PARTY_TARGET, Context, firm, sub_event_type
from sitrep.events.frames import Arg
from sitrep.events.parties import civil_organisation, party_side


def _ctx(cls: str, inter1: int | None, inter2: int | None, party1: bool, party2: bool, **more) -> Context:
    cues = {"people_hurt", *([PARTY_TARGET] if party2 else []), *more.pop("cues", ())}
    return Context(cls=cls, trigger=more.pop("trigger", "clash"), cues=cues, doc_cues=set(), inter1=inter1,
                   inter2=inter2, victims=more.pop("victims", set()), objects=set(),
                   agent_cues={PARTY} if party1 else set())


def test_two_parties_members_clashing_is_mob_violence_the_rules_hold():
    c = _ctx("clash", 3, 3, party1=True, party2=True)
    assert sub_event_type(c) == "Mob violence"
    assert firm(c, "Mob violence")


def test_a_party_clashing_with_an_armed_group_stays_an_armed_clash():
    assert sub_event_type(_ctx("clash", 3, 3, party1=True, party2=False)) == "Armed clash"
    assert sub_event_type(_ctx("clash", 3, 2, party1=True, party2=False)) == "Armed clash"


def test_a_party_clash_with_soldiers_or_fighters_named_stays_an_armed_clash():
    c = _ctx("clash", 3, 3, party1=True, party2=True, cues={"nonstate_actor"})
    assert sub_event_type(c) == "Armed clash"


def test_a_party_beating_people_is_mob_violence():
    c = _ctx("attack", 3, 7, party1=True, party2=False, trigger="assault")
    assert sub_event_type(c) == "Mob violence"
    assert firm(c, "Mob violence")


def test_an_armed_group_beating_people_stays_an_attack():
    assert sub_event_type(_ctx("attack", 3, 7, party1=False, party2=False, trigger="assault")) == "Attack"


def test_a_party_attacking_the_police_is_no_mob_beating():
    assert sub_event_type(_ctx("attack", 3, 1, party1=True, party2=False, trigger="attack")) != "Mob violence"


def test_party_known_by_dictionary_kind_and_unlisted_head_words():
    assert civil_organisation("BNP: Bangladesh Nationalist Party")  # a hand-made row of kind party
    assert not civil_organisation("Anti-Balaka")
    assert civil_organisation("Jubo Dal", unlisted=True)  # a party's head word, no armed one
    assert not civil_organisation("Karen National Union")  # a dictionary name is not judged by its head words


def test_party_side_needs_a_crowd_or_militia_code():
    assert party_side(Arg("AL: Bangladesh Awami League", 3, 0, 10))
    assert not party_side(Arg("AL: Bangladesh Awami League", 1, 0, 10))
    assert not party_side(None)


def test_party_members_clash_in_a_note_is_mob_violence(events_of):
    events = events_of("On 3 May 2023, members of the Awami League clashed with members of the BNP in the bazar of "
                       "a small town over a local committee. Eight people were injured in the clash.")
    assert events[0].sub_event_type == "Mob violence"
