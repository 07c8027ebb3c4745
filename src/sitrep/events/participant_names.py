"""ACLED's generic names for an event's participants, and the words that type them ("police", "off-duty")."""

from __future__ import annotations

from typing import Any

GENERIC_NAMES = {
    1: "Military Forces", 2: "Unidentified Armed Group", 3: "Unidentified Armed Group", 4: "Unidentified Communal Militia",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "Unidentified External Forces",
}


POLICE = {"police", "policeman", "policemen", "cop", "cops", "constable", "officer", "officers", "jawan", "jawans"}
HARM_LEMMAS = {"kill", "injure", "wound", "die", "dead", "hurt", "shoot", "behead", "abduct", "kidnap", "rape", "beat",
               "attack", "target"}
PARTISANS = {"activist", "supporter", "cadre"}  # participants read by their role in the event
PRIVATE_GUARD = {"security", "private", "night", "bank", "shop", "hotel"}
# (training notes naming an off-duty policeman or soldier: 5 of 7 attacks; "former" ones are as often fighters)
OFF_DUTY = {"off-duty", "unarmed"}
# people whose role is civil whatever their community: "clan elders" killed are Civilians, their clan beside them
# (training notes naming clan, tribal, community or village elders: civilians coded in 49 of 94, none as inter 8)
CIVIL_ROLES = {"elder", "chief", "notable", "civilian"}
# the civilian staff of a foreign or UN body: "a UN staff member" attacked is a civilian, the UN beside him
# (training notes naming UN staff, employees, workers or officials: civilians in 18 of 30, inter 8 in 5)
STAFF_ROLES = {"staff", "staffer", "employee", "official", "worker"}


# state personnel out of service for good: "a former police officer", "a retired soldier" harmed are civilians
# (training notes with such a victim: 9 attacks, 2 armed clashes); former rebels or militiamen often still fight
FORMER = {"former", "retired"}


def former_mark(children: list[Any]) -> bool:
    """Whether a noun's modifiers say its person has left the service ("former", "retired")."""
    return any(c.lower_ in FORMER for c in children)


def off_duty_mark(children: list[Any]) -> bool:
    """Whether a noun's modifiers say it is out of service: "off-duty" (tokenised "off - duty"), "unarmed"."""
    return any(c.lower_ in OFF_DUTY or (c.lower_ == "off" and any(d.lower_ == "duty" for d in c.subtree))
               for c in children)


def generic_name(inter: int, country: str | None, police: bool = False) -> str:
    """ACLED's generic actor name for a participant of type ``inter`` in ``country``."""
    base = GENERIC_NAMES.get(inter, "Unidentified Actor")
    if inter == 1:
        base = "Police Forces" if police else base
        return f"{base} of {country}" if country else base
    return f"{base} ({country})" if country else base


def staff_role(lemma: str, children: list[Any]) -> bool:
    """Whether a noun names an organisation's civilian staff: "staff", "employees", "a staff member"."""
    return lemma in STAFF_ROLES or (lemma == "member" and any(c.lemma_.lower() in STAFF_ROLES for c in children))
