"""Families of events and the tests the merges share: which detections tell the same kind of incident.

Split from ``sitrep.events.merge`` (which re-exports these names): an event's family ("violence", "remote",
"demo" ...), how many sentences apart two mentions are, and whether a headline can summarise a body event.
"""

from __future__ import annotations

from sitrep.events.frames import Frame

DEFINITE = {"the", "this", "that", "these", "those"}
FAMILY = {
    "explosion": "remote", "ied": "remote", "shelling": "remote", "air_strike": "remote", "grenade": "remote",
    "suicide_bomb": "remote", "chemical": "remote", "attack": "violence", "kill": "violence", "clash": "violence",
    "protest": "demo", "riot": "demo", "force": "demo",
}


VIOLENT = {"violence", "remote"}
CROWD_RESPONDED = {5, 6, 7}  # rioters, protesters, civilians: a crowd the police answers
CROWD_ACTS = {"attack", "riot", "mob", "property"}
FORCE_ACTS = {"attack", "kill", "force"}
CROWD_INTER = {5, 6}  # rioters, protesters
FORCE_SIDES = {1, 8}  # state forces, at home or abroad
APART = {"clash", "capture", "agreement", "hq", "change_group", "transfer", "arrest", "protest", "riot", "disrupted", "other"}  # coded as events of their own
FOUGHT_FOR = {"capture"}  # events whose fighting a later "the fighting"/"the clashes" tells again


def family(f: Frame, arrests: bool = False) -> str:
    """The frame's family of events; force against demonstrators ("beat protesters with batons") and
    destruction by a crowd ("angry youths set fire to ...") belong to the demonstration; so do arrests
    of demonstrators when asked (within one sentence: "beat protesters and detained several")."""
    fam = FAMILY.get(f.cls, f.cls)
    if (fam == "violence" or arrests and fam == "arrest") and any(a is not None and a.inter == 6 for a in (f.actor2, *f.victims)):
        return "demo"
    if fam == "property" and f.actor1 is not None and f.actor1.inter in CROWD_INTER:
        return "demo"
    return fam


def one_bombing(a: Frame, b: Frame) -> bool:
    """A suicide bombing and the violence its own attackers do with it, in one sentence ("attackers set off
    suicide bombs and exchanged gunfire"): one event, the bombing. Fighting told with another side as
    agent, or with none, stays an event of its own (training notes: clashes after a bombing are battles)."""
    return "suicide_bomb" in (a.cls, b.cls) and {family(a), family(b)} <= VIOLENT \
        and a.actor1 is not None and b.actor1 is not None and a.actor1.name == b.actor1.name


def sentences_after(prev: Frame, f: Frame) -> int:
    """How many sentences ``f`` comes after the last one ``prev`` was told in."""
    return f.sent - max([prev.sent, *prev.extra_sents])


def names_of(f: Frame) -> set[str]:
    return {a.name for a in (f.actor1, f.actor2, *f.assoc1, *f.assoc2, *f.victims) if a is not None}


def headline_fits(head: Frame, body: Frame) -> bool:
    """Whether a headline frame can be a summary of a body frame."""
    fh, fb = family(head), family(body)
    if fh != fb and not {fh, fb} <= VIOLENT:
        return False
    if head.modality != body.modality:
        return False
    names = names_of(body)
    for role in ("actor1", "actor2"):
        arg = getattr(head, role)
        if arg is None or arg.actor is None or arg.actor.kind != "named":
            continue  # "Gunmen", "Militants": a generic noun names anyone
        if arg.name not in names and getattr(body, role) is not None:
            return False
    return True
