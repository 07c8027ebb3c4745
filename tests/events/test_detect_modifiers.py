"""A participle hung on a noun or an infinitive of purpose tells background or intent: the clause's own act
leads; a count with a participle ("four people abducted") is a toll told headline-style and stays the event."""

from __future__ import annotations


def test_detect_a_captive_taken_earlier_does_not_make_his_killing_a_capture(lead) -> None:
    ev = lead("Militants claimed to have killed a foreign hostage captured in November 2012.")
    assert ev.event_type == "Violence against civilians"


def test_detect_an_operation_to_rescue_kidnapped_people_is_not_an_abduction(lead) -> None:
    ev = lead("On 24 January 2022, soldiers carried out a military operation against rebel militants to rescue "
              "the civilians kidnapped by the rebels. The soldiers killed several rebel militants.")
    assert ev.sub_event_type != "Abduction/forced disappearance"


def test_detect_people_abducted_told_headline_style_are_still_an_abduction(lead) -> None:
    ev = lead("Four people abducted by the LRA in the village.")
    assert ev.sub_event_type == "Abduction/forced disappearance"


def test_detect_the_crowd_a_firing_was_meant_to_quell_still_leads(lead) -> None:
    ev = lead("Police fired 64 rounds in the air to quell the frenzied mob in the city.")
    assert ev.trigger == "mob"


def test_detect_an_operation_told_with_its_arrests_is_the_arrests(lead) -> None:
    # "security" is a word of the trigger's own phrase, not the operation's doer: both acts are QSD's
    ev = lead("On 28 March 2022, QSD started a security operation and detained forty young men at their "
              "checkpoints in Ar-Raqqa city.")
    assert ev.trigger == "detained"
