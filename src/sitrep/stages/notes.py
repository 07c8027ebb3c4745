"""Notes stage: one ACLED-style sentence per event, written from its coded fields.

Runs last (after dates and geocoding have filled event_date and location), so
the note reads like ACLED's: "On 8 May 2020, Military Forces of Iraq (2018-)
clashed with Islamic State (Iraq) in Al Anbar. 15 fatalities." Callers that
change fields later can call ``write_note(event)`` again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sitrep.events.codebook import Codebook, codebook
from sitrep.model import Document, Event
from sitrep.registry import stage
from sitrep.resources import add_data_dirs

SOLE = {  # sub-event types where actor2 is not the object of the verb
    "Peaceful protest", "Violent demonstration", "Change to group/activity", "Headquarters or base established",
}


def _date(ev: Event) -> str:
    if not ev.event_date:
        return "On an unreported date"
    try:
        d = date.fromisoformat(ev.event_date[:10])
    except ValueError:
        return f"On {ev.event_date}"
    if ev.time_precision == 3:
        return f"In {d.strftime('%B')} {d.year}"
    if ev.time_precision == 2:
        return f"Around {d.day} {d.strftime('%B')} {d.year}"
    return f"On {d.day} {d.strftime('%B')} {d.year}"


def _place(ev: Event) -> str:
    parts = [p for p in (ev.location, ev.admin1 if ev.admin1 != ev.location else None) if p]
    if not parts and ev.country:
        parts = [ev.country]
    if not parts:
        return ""
    text = " in " + parts[0]
    if len(parts) > 1:
        text += f" ({parts[1]})"
    return text


def write_note(ev: Event, book: Codebook | None = None) -> str:
    """The ACLED-style one-sentence description of ``ev`` (also stored in ``ev.notes``)."""
    book = book or codebook()
    sub = ev.sub_event_type or "Other"
    verb = str(book.sub_events.get(sub, {}).get("verb", "was involved in"))
    actor = ev.actor1 or "Unidentified actors"
    if ev.assoc_actor_1:
        actor += f" (with {ev.assoc_actor_1})"
    text = f"{_date(ev)}, {actor} {verb}"
    if ev.actor2 and sub not in SOLE:
        text += f" {ev.actor2}"
    elif sub in SOLE and ev.actor2:
        text += f", involving {ev.actor2}"
    text += _place(ev) + "."
    if ev.modality != "asserted":
        text += f" Reported as {ev.modality}, not as having happened."
    text += f" {ev.fatalities} fatalit{'y' if ev.fatalities == 1 else 'ies'}." if ev.fatalities else ""
    ev.notes = text
    return text


@stage("sitrep.notes.v1", needs=("events.coding",), sets=("events.notes",))
def make_notes(config: dict[str, Any]) -> Any:
    """Write each event's ACLED-style notes sentence from its final coded fields."""
    add_data_dirs(config.get("data_dirs", []))
    book = codebook()

    def run(documents: list[Document]) -> None:
        for document in documents:
            for ev in document.events:
                write_note(ev, book)

    return run
