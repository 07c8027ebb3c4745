"""Armed men taking travellers' goods with nobody hurt loot; people attacked and raped suffer sexual violence."""

from __future__ import annotations

from sitrep.events.classify import Context, sub_event_type


def _ctx(cls: str, cues: set[str], inter1: int | None = 3, inter2: int | None = 7, doc_cues: set[str] | None = None,
         victims: set[int] | None = None) -> Context:
    return Context(cls=cls, trigger="attack", cues=cues, doc_cues=doc_cues or set(), inter1=inter1, inter2=inter2,
                   victims=victims or set(), objects={"truck"})


def test_classify_gunmen_attacking_a_truck_and_taking_the_goods_loot():
    assert sub_event_type(_ctx("attack", {"taking", "nonstate_actor", "firearm"}, inter2=None)) \
        == "Looting/property destruction"


def test_classify_gunmen_intercepting_a_policeman_and_seizing_his_weapon_stay_disrupted_weapons_use():
    assert sub_event_type(_ctx("disrupted", {"taking", "weapon"}, inter2=1)) == "Disrupted weapons use"


def test_classify_a_robbery_with_people_wounded_stays_an_attack():
    assert sub_event_type(_ctx("attack", {"taking", "people_hurt"})) == "Attack"


def test_classify_soldiers_attacking_and_seizing_a_truck_are_no_robbers():
    assert sub_event_type(_ctx("attack", {"taking", "state_actor"}, inter1=1, inter2=None)) \
        != "Looting/property destruction"


def test_classify_women_stopped_and_raped_suffer_sexual_violence():
    assert sub_event_type(_ctx("disrupted", set(), doc_cues={"sexual_harm"})) == "Sexual violence"


def test_classify_villagers_killed_and_raped_suffer_sexual_violence():
    assert sub_event_type(_ctx("kill", {"sexual_harm", "people_hurt"}, victims={7})) == "Sexual violence"


def test_classify_a_protest_against_a_rape_is_no_sexual_violence():
    assert sub_event_type(_ctx("attack", {"sexual_harm", "protest_context"})) != "Sexual violence"


def test_classify_civilians_attacked_and_robbed_suffer_an_attack():
    ctx = Context(cls="attack", trigger="attack", cues={"taking", "nonstate_actor"}, doc_cues=set(), inter1=4,
                  inter2=7, victims={7}, objects={"civilian"})
    assert sub_event_type(ctx) == "Attack"


def test_classify_gunmen_opening_fire_on_a_vehicle_and_taking_effects_stay_an_attack():
    ctx = Context(cls="attack", trigger="opened fire", cues={"taking", "nonstate_actor"}, doc_cues=set(), inter1=3,
                  inter2=None, victims=set(), objects={"ambulance"})
    assert sub_event_type(ctx) == "Attack"
