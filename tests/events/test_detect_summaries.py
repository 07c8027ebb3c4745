"""An incident summary reports one event by its form: detection never leaves it without one."""

from __future__ import annotations


def test_a_summary_without_a_known_trigger_still_reports_its_event(events_of) -> None:
    text = ("On 6 June 2022, residents of the Khalaf neighborhood cut the road leading to the port for the second "
            "consecutive day to denounce recurrent electricity and water cuts in the city.")
    events = events_of(text, published="2022-06-06")
    assert len(events) == 1
    assert events[0].modality == "asserted"
    assert events[0].evidence["trigger"][0] == text.index("cut")  # the first sentence's main verb stands for it


def test_news_without_a_trigger_reports_no_event(events_of) -> None:
    assert events_of("Residents cut the road leading to the port on Monday, officials said.") == []


def test_a_summary_with_a_trigger_keeps_only_its_own_events(events_of) -> None:
    text = "On 6 June 2022, gunmen attacked a police post near the port. 2 fatalities."
    events = events_of(text, published="2022-06-06")
    assert [e.evidence["trigger"][0] for e in events] == [text.index("attacked")]
