"""Crowd events lead with the crowd, ACLED's way, whoever the text says the crowd is."""

from __future__ import annotations

import sitrep


def lead(text: str, published: str):
    events = [e for e in sitrep.extract(text, published=published, id="t").events if e.modality == "asserted"]
    assert events, text
    return events[0]


def test_party_supporters_in_a_mob_are_rioters_with_the_party_as_associate():
    ev = lead("On 29 December 2023, supporters of Awami League and an independent candidate clashed using "
              "brickbats in Santhia upazila (Pabna, Rajshahi), over electoral rivalry. At least 10 people were injured.",
              "2023-12-29")
    assert ev.event_type == "Riots", (ev.event_type, ev.sub_event_type)
    assert ev.actor1 == "Rioters (Bangladesh)"
    assert "AL: Bangladesh Awami League" in (ev.assoc_actor_1 or "")


def test_striking_teachers_are_protesters_with_their_identity():
    ev = lead("On 3 May 2022, teachers staged a protest in front of the education office in Multan (Punjab) "
              "demanding the payment of salaries.", "2022-05-03")
    assert ev.actor1 == "Protesters (Pakistan)"
    assert "Teachers (Pakistan)" in (ev.assoc_actor_1 or "")


def test_an_off_duty_officer_killed_is_a_civilian_with_the_police_as_associate():
    ev = lead("On 10 April 2022, Maoist rebels stabbed and killed an off-duty police constable with knives at a "
              "weekly market in Mirtur town (Bijapur, Chhattisgarh).", "2022-04-10")
    assert ev.event_type == "Violence against civilians", (ev.event_type, ev.sub_event_type)
    assert ev.actor2 == "Civilians (India)" and ev.inter2 == 7
    assert "Police Forces of India (2014-)" in (ev.assoc_actor_2 or "")
    assert ev.interaction == 27


def test_a_community_protesting_is_protesters_with_the_community_as_associate():
    ev = lead("On 17 June 2022, members of the Muslim community staged a protest march to the collectorate in "
              "Kishangarh town (Ajmer, Rajasthan), demanding the arrest of a spokesperson.", "2022-06-17")
    assert ev.actor1 == "Protesters (India)"
    assert "Muslim Group (India)" in (ev.assoc_actor_1 or "")
