"""Notes stage: one ACLED-style sentence per event, written from its coded fields.

Runs last (after dates and geocoding have filled event_date and location), so
the note reads like ACLED's, in plain words rather than actor codes: "On 8 May
2020, Tribal Mobilization Forces (TMF), with military forces of Iraq, clashed
with Islamic State in Wadi Hauran (Al Anbar). 15 fatalities." Callers that
change fields later can call ``write_note(event)`` again.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sitrep.actors import get_matcher
from sitrep.events.codebook import Codebook, codebook
from sitrep.model import Document, Event
from sitrep.registry import stage
from sitrep.resources import add_data_dirs

SOLE = {  # sub-event types where actor2 is not the object of the verb
    "Peaceful protest", "Violent demonstration", "Change to group/activity", "Headquarters or base established",
}


_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
_COUNTRY_SUFFIX = re.compile(r"\s*\([^()]*\)$")
# ACLED's generic and identity actor names, as a note says them
_PLAIN = {
    "Unidentified Armed Group": "unidentified armed men", "Unidentified Military Forces": "unidentified military forces",
    "Civilians": "civilians", "Protesters": "protesters", "Rioters": "rioters", "Labour Group": "workers",
    "Refugees/IDPs": "displaced people", "Christian Group": "Christians", "Muslim Group": "Muslims",
}


def plain_actor(name: str | None, identities: list[str] | None = None) -> str:
    """An actor code as words: "Police Forces of Kenya (2022-)" -> "police forces of Kenya",
    "PMF: Popular Mobilization Forces" -> "Popular Mobilization Forces (PMF)", "Civilians (Nigeria)" with
    the identity "Farmers (Nigeria)" -> "farmers"."""
    if not name:
        return "unidentified actors"
    base = _PERIOD.sub("", name).strip()
    for kind in ("Military Forces of ", "Police Forces of "):
        if base.startswith(kind):
            rest = base[len(kind):]
            country, _, faction = rest.partition(" ")  # "Yemen Houthi": a faction named after the period
            if faction and country + " " + faction == rest and faction[0].isupper() and " " not in faction:
                return f"{faction} forces"
            return kind.lower() + rest
    if base.startswith("Government of "):
        return "the government of " + base[len("Government of "):]
    head = _COUNTRY_SUFFIX.sub("", base)
    if head in ("Civilians", "Protesters") and identities:
        return " and ".join(_plain_group(i) for i in identities)
    if head in _PLAIN:
        return _PLAIN[head]
    if head.startswith("Unidentified ") and head.endswith("Militia"):
        return "unidentified " + head[len("Unidentified "):].lower() + "men"
    if ": " in head:
        short, full = head.split(": ", 1)
        return f"{full} ({short})"
    return head


def _plain_group(identity: str) -> str:
    head = _COUNTRY_SUFFIX.sub("", identity)
    return _PLAIN.get(head, head.lower())


# Fields coded from another field's words point at that field's span, so every coded value has evidence.
DERIVED_EVIDENCE = {
    "inter1": "actor1", "inter2": "actor2", "interaction": "actor1", "year": "event_date",
    "time_precision": "event_date", "country": "location", "iso": "location", "admin1": "location",
    "admin2": "location", "admin3": "location", "latitude": "location", "longitude": "location",
    "geo_precision": "location", "notes": "sentence",
}


def fill_derived_evidence(ev: Event) -> None:
    for name, source in DERIVED_EVIDENCE.items():
        if name not in ev.evidence and source in ev.evidence and getattr(ev, name, None) not in (None, ""):
            ev.evidence[name] = list(ev.evidence[source])


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
    assoc1 = [a for a in (ev.assoc_actor_1 or "").split("; ") if a]
    assoc2 = [a for a in (ev.assoc_actor_2 or "").split("; ") if a]
    identities = get_matcher().index.identities  # the generic actors' "identity" column, user files included
    groups1 = [a for a in assoc1 if _COUNTRY_SUFFIX.sub("", a) in identities]
    groups2 = [a for a in assoc2 if _COUNTRY_SUFFIX.sub("", a) in identities]
    actor = plain_actor(ev.actor1, groups1)
    others = [plain_actor(a) for a in assoc1 if a not in groups1]
    if others:
        actor += f", with {' and '.join(others)},"
    text = f"{_date(ev)}, {actor} {verb}"
    if ev.actor2 and sub not in SOLE and ev.actor2 == ev.actor1 and not groups2:
        text += " each other"  # rival clans, two unidentified armed groups
    elif ev.actor2 and sub not in SOLE:
        text += f" {plain_actor(ev.actor2, groups2)}"
    elif sub in SOLE and ev.actor2:
        text += f", involving {plain_actor(ev.actor2, groups2)}"
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
                fill_derived_evidence(ev)

    return run
