"""A town seized is a taking of territory even when weapons are named beside it; a place that "fell under the
control of" a group was taken by it."""

from __future__ import annotations

from sitrep.events.classify import Context, sub_event_type


def _seized(*objects: str) -> Context:
    return Context(cls="disrupted", trigger="seize", cues={"weapon", "territory", "nonstate_actor"}, doc_cues=set(),
                   inter1=2, inter2=None, victims=set(), objects=set(objects))


def test_a_town_seized_beside_weapons_is_a_non_state_takeover():
    assert sub_event_type(_seized("town", "mining")) == "Non-state actor overtakes territory"


def test_weapons_seized_stay_disrupted_weapons_use():
    assert sub_event_type(_seized("weapon", "cache")) == "Disrupted weapons use"


def test_rebels_using_heavy_weapons_to_seize_a_town_take_it(events_of):
    events = events_of("On 5 May 2022, rebels used heavy weapons to seize the small market town of Alindao.")
    assert {e.sub_event_type for e in events} == {"Non-state actor overtakes territory"}


def test_a_fight_whose_villages_fell_under_a_groups_control_is_their_taking(events_of):
    events = events_of("Rebels clashed with local militias near Bouca on Sunday, killing 12. The four villages "
                       "around Bouca fell under the control of the rebels.")
    assert events[0].sub_event_type == "Non-state actor overtakes territory"


def test_classify_the_army_recovering_a_location_regains_territory(events_of):
    (ev, *_) = events_of("On January 28th, the FARDC recovered the location of Nemba.")
    assert ev.sub_event_type == "Government regains territory"
