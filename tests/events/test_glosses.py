"""A vaguely named side glossed in brackets with whom it is taken to be: ACLED codes the glossed actors."""

from __future__ import annotations


def _named(ev):
    return {ev.actor1, ev.actor2, *(ev.assoc_actor_1 or "").split("; "), *(ev.assoc_actor_2 or "").split("; ")}


def test_glosses_gunmen_coded_as_a_named_group_are_that_group(lead):
    ev = lead("On 23 April 2022, gunmen (coded as Al Shabaab) attacked civilians in Afgooye town (Afgooye, "
              "Lower Shabelle).")
    assert ev.actor1 == "Al Shabaab"
    assert not any(n and n.startswith("Unidentified") for n in _named(ev))


def test_glosses_security_forces_keep_the_army_beside_the_glossed_police(lead):
    ev = lead("On 3 May 2022, security forces (presumed police and military) fired teargas canisters at the "
              "demonstrators in Khartoum (Khartoum, Khartoum).")
    named = _named(ev)
    assert any(n and "Military Forces" in n for n in named)
    assert any(n and n.startswith("Police Forces") for n in named)


def test_glosses_a_crowd_stays_the_crowd_with_the_glossed_parties_beside_it(lead):
    ev = lead("On 5 January 2024, rioters (likely supporters of BNP and Jamaat-e-Islami) set fire to a passenger "
              "bus in Chittagong city (Pahartali).")
    assert ev.actor1 == "Rioters (Bangladesh)"
    assert "JeI: Jamaat-e-Islami" in _named(ev)


def test_glosses_a_police_officer_assumed_off_duty_keeps_his_name(lead):
    ev = lead("On 4 June 2022, gunmen shot dead a police officer (assumed off-duty) in Bangui (Bangui, Bangui).")
    assert not any(n and "Darfur" in n for n in _named(ev))
    assert ev.actor2 is not None and not ev.actor2.startswith("Unidentified")
