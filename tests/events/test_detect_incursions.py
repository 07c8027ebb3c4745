"""An incursion into a place is an armed raid on it, not a taking of the place."""

from __future__ import annotations


def test_detect_an_incursion_into_a_village_is_an_attack_not_a_transfer_of_territory(lead) -> None:
    ev = lead("On 17 October 2019, suspected militants made an incursion into the village of Tanga and entered"
              " the residence of a councillor.")
    assert ev.event_type != "Strategic developments"
    assert ev.sub_event_type not in ("Non-violent transfer of territory", "Non-state actor overtakes territory")


def test_detect_entering_a_town_still_reads_as_a_taking_without_an_incursion(events_of) -> None:
    evs = events_of("Rebel fighters entered the town of Tanga without resistance on Monday.")
    assert any(e.event_type == "Strategic developments" for e in evs)
