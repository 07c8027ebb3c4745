"""Who did it: agents read from phrases the trigger only modifies."""

from __future__ import annotations


def test_arguments_the_planter_of_a_device_named_after_its_blast_is_the_attacker(lead):
    ev = lead("Three people were killed in an IED blast planted by Baloch Liberation Army at the main bazar.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor1 is not None and "Baloch Liberation Army" in ev.actor1
