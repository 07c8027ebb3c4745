"""Force used on demonstrators: killing or live fire is excessive force; tear gas, rubber bullets, batons and the
injuries they cause are an intervention. A road blocked with things put across it is a violent demonstration."""

from __future__ import annotations

from sitrep.events.classify import Context, firm, sub_event_type


def _force(*cues: str) -> Context:
    return Context(cls="force", trigger="disperse", cues={"protest_context", "state_actor", *cues}, doc_cues=set(),
                   inter1=1, inter2=6, victims=set(), objects=set())


def test_teargas_with_injuries_and_no_deaths_is_an_intervention():
    assert sub_event_type(_force("intervention", "lethal")) == "Protest with intervention"


def test_killing_or_live_fire_at_a_dispersal_is_excessive_force():
    assert sub_event_type(_force("intervention", "lethal", "deadly_force")) == "Excessive force against protesters"


def test_injuries_told_with_no_crowd_control_stay_excessive_force():
    assert sub_event_type(_force("lethal")) == "Excessive force against protesters"


def test_sentence_with_rubber_bullets_and_wounded_codes_an_intervention(events_of):
    events = events_of("On 3 May 2022, hundreds of students demonstrated in the capital against fee rises. Police "
                       "fired tear gas and rubber bullets to disperse them. Six students were wounded.")
    assert events[0].sub_event_type == "Protest with intervention"


def test_sentence_with_live_bullets_codes_excessive_force(events_of):
    events = events_of("On 3 May 2022, hundreds of students demonstrated in the capital against fee rises. Police "
                       "fired tear gas and live bullets to disperse them. Six students were wounded.")
    assert events[0].sub_event_type == "Excessive force against protesters"


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
