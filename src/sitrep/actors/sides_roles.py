"""Sides a sub-event type fixes whatever the parse read: who leads an arrest, the civilians of violence against
civilians, and the second crowd of a counter-demonstration.

Called by ``sitrep.stages.coding_actors.order_actors``: ``civilians_arrested`` before the sub-event's unnamed doer is
filled in, ``civilians_targeted`` and ``counter_protest`` once the event's sides are otherwise settled.
"""

from __future__ import annotations

import re
from typing import Any

ARRESTS, PEACEFUL = "Arrests", "Peaceful protest"
CIVILIANS, PROTESTERS, RIOTERS = 7, 6, 5


def civilians_arrested(ev: Any, sub: str) -> None:
    """"Bahraini police forces arrested tens of civilians", read with the civilians as the only side: those
    arrested are the other side, the arresting force left to the sub-event's default (no training arrest is led
    by civilians: 207 of 239 by state forces, the rest by foreign forces or armed groups)."""
    if sub != ARRESTS or ev.inter1 != CIVILIANS or ev.actor2 is not None:
        return
    ev.actor2, ev.inter2, ev.assoc_actor_2 = ev.actor1, ev.inter1, ev.assoc_actor_1
    ev.actor1, ev.inter1, ev.assoc_actor_1 = None, None, None
    for a, b in (("actor1", "actor2"), ("assoc_actor_1", "assoc_actor_2")):
        span = ev.evidence.pop(a, None)
        if span is not None:
            ev.evidence[b] = span


def civilians_targeted(ev: Any, civilians: str) -> None:
    """Violence against civilians has civilians on its second side: every training attack, abduction and sexual
    violence names Civilians (9,091 of 9,091). A party, union or community the note names as the victims' ("an
    official of the Consumers League", "the president of the ODJ") is their associated actor; an unidentified
    group or a crowd read as the victims is dropped."""
    if (ev.actor2 or "").startswith("Civilians") or any(
            name.strip().startswith("Civilians") for name in (ev.assoc_actor_2 or "").split(";")):
        return
    named = ev.actor2 if ev.actor2 and not ev.actor2.startswith("Unidentified") and ev.actor2 != ev.actor1 \
        and ev.inter2 not in (RIOTERS, PROTESTERS) else None  # a crowd is no victims' identity
    span = ev.evidence.pop("actor2", None)
    if named is not None:
        ev.assoc_actor_2 = "; ".join(x for x in (named, ev.assoc_actor_2) if x)
        if span is not None and "assoc_actor_2" not in ev.evidence:
            ev.evidence["assoc_actor_2"] = span
    ev.actor2, ev.inter2 = civilians, CIVILIANS


# "In a counter-demonstration, citizens against Anez also staged a protest"
_COUNTER = re.compile(r"\bcounter[- ]?(?:demonstrat\w*|protest\w*|rall(?:y|ies))\b", re.I)


def counter_protest(ev: Any, sub: str, text: str) -> None:
    """A peaceful protest whose note tells of a counter-demonstration has protesters on both sides (training
    peaceful protests whose notes say so: 57 of 63 code Protesters against Protesters)."""
    if sub == PEACEFUL and ev.inter1 == PROTESTERS and ev.actor2 is None and _COUNTER.search(text):
        ev.actor2, ev.inter2 = ev.actor1, PROTESTERS
