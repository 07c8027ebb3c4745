"""Sides a sub-event type fixes whatever the parse read: who leads an arrest, who laid a bomb, whose weapons were
disrupted, the civilians of violence against civilians, the absent second side of a harmless violent demonstration
and the second crowd of a counter-demonstration.

Called by ``sitrep.stages.coding_actors.order_actors``: ``civilians_arrested`` and ``laid_by`` before the sub-event's
unnamed doer is filled in, the others once the event's sides are otherwise settled.
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


_LAID_BY = re.compile(r"\b(?:planted|laid|placed|installed|left|hidden)\s+(?:\w+\s+){0,2}?by\s+(?:[\w'’-]+\s+){0,3}$",
                      re.I)


def laid_by(ev: Any, text: str) -> bool:
    """Whether the second side is named as who laid the bomb ("an IED presumably planted by Katiba Macina"): then it
    is the explosion's doer, not its target."""
    span = ev.evidence.get("actor2")
    if not span or len(span) != 2:
        return False
    return bool(_LAID_BY.search(text, max(0, int(span[0]) - 60), int(span[0])))


def weapons_owner(ev: Any, actors: list[Any], sents: set[int], unidentified: str) -> None:
    """Forces that defuse a bomb or seize a cache disrupt someone's weapons: a named armed group's when the event's
    sentences or the next name one ("The IED is believed to have been planted by JNIM"), else an unidentified
    group's (training disrupted weapons use: 106 state forces against an unidentified group, 101 against a named
    one, 9 with no second side)."""
    owner = next((a for a in actors if a.inter in (2, 3) and a.sent in sents
                  and not a.name.startswith("Unidentified")), None)
    if owner is None:
        ev.actor2, ev.inter2 = unidentified, 3
        return
    ev.actor2, ev.inter2 = owner.name, owner.inter
    ev.evidence["actor2"] = [owner.start, owner.end]


_PEOPLE_OR_HOMES = re.compile(r"\b(?:injur\w*|wound\w*|assault\w*|beat(?:en|ing)?|kill\w*|hurt|attack\w*|lynch\w*"
                              r"|stabb\w*|houses?|homes?|residences?)\b", re.I)


def no_one_harmed(ev: Any, text: str) -> None:
    """The roads a violent demonstration blocked, the cars it stoned are nobody's side: training violent
    demonstrations telling no harm to people nor homes have no second side in 1,012 of 1,092. ``text``: the event's
    sentences."""
    if ev.inter2 != CIVILIANS or _PEOPLE_OR_HOMES.search(text):
        return
    ev.actor2 = ev.inter2 = ev.assoc_actor_2 = None
    ev.evidence.pop("actor2", None)
    ev.evidence.pop("assoc_actor_2", None)


# "security forces" names no branch; facing a crowd it is the police: training protests and riots naming the phrase
# and no word of either branch, with one branch coded, 40 police to 10 military (Burkina Faso 22 / 6, Mali 16 / 1);
# elsewhere it is mostly the military, country by country (``sitrep.learn.force_words``)
_UNSPECIFIC_FORCE = re.compile(r"\bsecurity (?:forces|personnel)$", re.I)
_MILITARY = re.compile(r"^Military Forces of (?:the )?(.+?)(?: \(\d{4}-\d{0,4}\))?$")


def crowd_police(ev: Any, text: str, police_of: Any) -> None:
    """A side of a protest or riot the text calls only "security forces", read as the military, is the police of
    that country (``police_of(country)``: the police row's name, or None)."""
    for key in ("actor1", "actor2"):
        span = ev.evidence.get(key)
        m = _MILITARY.match(getattr(ev, key) or "")
        if m is None or not span or not _UNSPECIFIC_FORCE.search(text[span[0]:span[1]].strip()):
            continue
        police = police_of(m.group(1))
        named = [ev.actor1, ev.actor2, *(ev.assoc_actor_1 or "").split("; "), *(ev.assoc_actor_2 or "").split("; ")]
        if police and police not in named:  # "Security forces (presumed police and military)": both are named
            setattr(ev, key, police)
