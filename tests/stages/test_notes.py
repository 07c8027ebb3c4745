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
        "On 8 May 2020, Tribal Mobilization Forces (TMF), with military forces of Iraq, clashed with "
        "Islamic State in Rutba (Al Anbar). 15 fatalities."
    )
    assert ev.notes == write_note(ev)


def test_notes_month_precision_and_sole_protest():
    ev = Event(event_date="2021-03-01", time_precision=3, sub_event_type="Peaceful protest",
               actor1="Protesters (Sudan)", country="Sudan")
    assert write_note(ev) == "In March 2021, protesters demonstrated in Sudan."


def test_notes_say_when_an_event_is_not_asserted():
    ev = Event(sub_event_type="Attack", actor1="Islamic State (Iraq)", actor2="Civilians (Iraq)",
               modality="hypothetical")
    note = write_note(ev)
    assert note.startswith("On an unreported date, Islamic State attacked civilians.")
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
    assert ev.notes == "On 7 July 2023, police forces of Kenya arrested civilians in Nairobi."


def test_notes_name_who_the_people_are_and_rival_sides_plainly():
    killed = Event(event_date="2020-08-07", time_precision=1, sub_event_type="Attack",
                   actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Nigeria)",
                   assoc_actor_2="Farmers (Nigeria)", location="Kaura", admin1="Kaduna", fatalities=4)
    assert write_note(killed) == "On 7 August 2020, unidentified armed men attacked farmers in Kaura (Kaduna). 4 fatalities."
    clans = Event(event_date="2021-06-04", time_precision=1, sub_event_type="Armed clash",
                  actor1="Unidentified Clan Militia (Somalia)", actor2="Unidentified Clan Militia (Somalia)")
    assert write_note(clans) == "On 4 June 2021, unidentified clan militiamen clashed with each other."
    houthis = Event(sub_event_type="Shelling/artillery/missile attack", actor1="Military Forces of Yemen (2017-) Houthi",
                    actor2="Labour Group (Yemen)")
    assert write_note(houthis) == "On an unreported date, Houthi forces shelled workers."


def test_notes_stage_gives_derived_fields_their_source_evidence():
    run = get("sitrep.notes.v1").factory({})
    ev = Event(sub_event_type="Attack", actor1="Unidentified Armed Group (Iraq)", inter1=3, location="Hit",
               admin1="Al Anbar", geo_precision=1, evidence={"actor1": [0, 7], "location": [20, 23]})
    run([Document(article=Article(text="x" * 30), events=[ev])])
    assert ev.evidence["inter1"] == [0, 7]
    assert ev.evidence["admin1"] == ev.evidence["geo_precision"] == [20, 23]
    assert "inter2" not in ev.evidence  # no actor2, nothing to point at
