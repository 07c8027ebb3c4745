"""Notes stage: an ACLED-style sentence written from the final coded fields."""

from __future__ import annotations

from sitrep.model import Article, Document, Event
from sitrep.registry import get
from sitrep.stages.notes import write_note


def test_notes_reads_like_acled():
    ev = Event(
        event_date="2020-05-08", time_precision=1, sub_event_type="Armed clash",
        actor1="TMF: Tribal Mobilization Forces", assoc_actor_1="Military Forces of Iraq (2018-)",
        actor2="Islamic State (Iraq)", location="Rutba", admin1="Al Anbar", fatalities=15,
    )
    assert write_note(ev) == (
        "On 8 May 2020, TMF: Tribal Mobilization Forces (with Military Forces of Iraq (2018-)) clashed with "
        "Islamic State (Iraq) in Rutba (Al Anbar). 15 fatalities."
    )
    assert ev.notes == write_note(ev)


def test_notes_month_precision_and_sole_protest():
    ev = Event(event_date="2021-03-01", time_precision=3, sub_event_type="Peaceful protest",
               actor1="Protesters (Sudan)", country="Sudan")
    assert write_note(ev) == "In March 2021, Protesters (Sudan) demonstrated in Sudan."


def test_notes_say_when_an_event_is_not_asserted():
    ev = Event(sub_event_type="Attack", actor1="Islamic State (Iraq)", actor2="Civilians (Iraq)",
               modality="hypothetical")
    note = write_note(ev)
    assert note.startswith("On an unreported date, Islamic State (Iraq) attacked Civilians (Iraq).")
    assert "hypothetical" in note


def test_notes_stage_rewrites_notes_after_later_stages():
    run = get("sitrep.notes.v1").factory({})
    ev = Event(sub_event_type="Arrests", actor1="Police Forces of Kenya (2022-)", actor2="Civilians (Kenya)")
    document = Document(article=Article(text="x"), events=[ev])
    run([document])
    first = ev.notes
    ev.event_date, ev.location = "2023-07-07", "Nairobi"
    run([document])
    assert first != ev.notes
    assert ev.notes == "On 7 July 2023, Police Forces of Kenya (2022-) arrested Civilians (Kenya) in Nairobi."
