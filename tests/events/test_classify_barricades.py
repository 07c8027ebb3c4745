"""A road blocked with things put across it (stones, logs, tyres, benches) is a barricade: a violent
demonstration, where people standing in the road protest peacefully."""

from __future__ import annotations

from sitrep.events.classify import Context, firm


def test_road_blocked_with_logs_and_benches_is_a_violent_demonstration(events_of):
    events = events_of("On 9 June 2022, residents of a town blocked the main road with logs and benches and "
                       "demonstrated over a long power cut.")
    assert events[0].sub_event_type == "Violent demonstration"


def test_road_blocked_by_people_standing_in_it_stays_a_peaceful_protest(events_of):
    events = events_of("On 9 June 2022, residents of a town blocked the main road and demonstrated over a long "
                       "power cut.")
    assert events[0].sub_event_type == "Peaceful protest"


def test_a_barricade_holds_against_the_model():
    c = Context(cls="protest", trigger="block", cues={"barricade", "violence"}, doc_cues=set(), inter1=6,
                inter2=None, victims=set(), objects=set())
    assert firm(c, "Violent demonstration")
