"""Named actors the parse left unattached are placed by position (``sitrep.events.linear_fallback``)."""

from __future__ import annotations


def test_linear_fallback_a_name_standing_before_the_trigger_unattached_is_the_agent(lead):
    ev = lead("Al-Shabaab: an attack on Monday near Mogadishu left the police post burned.")
    assert ev.trigger == "attack"
    assert ev.actor1 == "Al Shabaab"


def test_linear_fallback_the_source_of_the_report_is_no_party_to_the_event(lead):
    ev = lead("According to the police, an attack on Monday near Kirkuk killed two people.")
    assert ev.actor1 is not None and not ev.actor1.startswith("Police")




def test_linear_fallback_a_by_phrase_hung_on_another_verb_still_names_the_doer(events_of):
    # the parse hangs "by ... militants" on "driving" and the victim's phrase on the place name: the militants did
    # it to the worker, they are not the target
    ev = events_of("On 2 March 2022, between Jowhar and Balcad, Middle Shabelle, a worker of a water company was shot "
                   "and killed while driving the company's truck by Al Shabaab militants in a drive-by shooting.")[0]
    assert ev.sub_event_type == "Attack"
    assert ev.actor1 == "Al Shabaab"
