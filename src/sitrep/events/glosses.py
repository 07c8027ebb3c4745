"""Who a vaguely named participant is said to be: "armed men (assumed Darfur communal militia)", "security forces
(presumed police and military)", "rioters (assumed members of BNP and Jamaat-e-Islami)".

A report often names a side by what it looked like and glosses it in brackets with whom it is taken to be; ACLED
codes the glossed actors (training notes with such a gloss after unidentified gunmen, security forces or a crowd).
Read by ``sitrep.events.arguments``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.events.frames import Arg
    from sitrep.model import Actor

# a bracket right after the participant, opening with a word of attribution ("assumed to be", "coded as")
GLOSS = re.compile(
    r"\s*\(\s*(?:assumed|presumed|presumably|suspected|believed|likely|allegedly|reportedly|probably|coded as"
    r"|identified as)\b([^()]*)\)", re.IGNORECASE)
CROWDS = {5, 6}  # rioters, protesters: the glossed groups are theirs, the crowd stays the side
CIVILIANS = 7
# "(possibly Kenyan or US)": a guess between sides names none of them (ACLED codes the side unidentified)
EITHER = re.compile(r"\b(?:or|either)\b", re.IGNORECASE)


def glossed_actors(doc: Any, arg: Arg, actors: dict[int, Actor], end: int) -> list[Actor]:
    """The actors named in a bracketed gloss right after the participant's phrase (ending at ``end``), first
    named first (none when there is no gloss, or it hesitates between several)."""
    m = GLOSS.match(doc.text, max(arg.end, end))
    if m is None:
        return []
    found: dict[str, Actor] = {}
    for a in sorted(actors.values(), key=lambda a: a.start):
        if m.start(1) <= a.start and a.end <= m.end(1) and a.inter != CIVILIANS and a.name != arg.name:
            found.setdefault(a.name, a)
    if len(found) > 1 and EITHER.search(m.group(1)):
        return []
    return list(found.values())


def _own_name(arg: Arg) -> bool:
    """A named actor at its own mention, or civilians: the bracket after it says something else ("a police
    officer (assumed off-duty)", "a man (likely Hindu)")."""
    return arg.inter == CIVILIANS or (arg.actor is not None and arg.actor.kind == "named" and arg.actor.start == arg.start)


def _keeps_side(arg: Arg) -> bool:
    """A side that stays itself beside its glossed allies: the actors stage already named it from the gloss
    ("unknown gunmen (presumably Katiba Macina/JNIM militants)"), or "security forces" (the army) glossed as
    "(presumed police and military)" (its own words the army, which the gloss names without a name of its own)."""
    if arg.actor is not None and arg.actor.kind == "coref":
        return True
    return arg.inter == 1 and not arg.name.startswith("Government of")


def glossed_side(arg: Arg, doc: Any, actors: dict[int, Actor], end: int) -> Arg:
    """The participant as its gloss says: a generic side (unidentified armed men, "security forces") is the
    first glossed actor (keeping its own place in the text); a crowd stays the crowd."""
    if _own_name(arg) or arg.inter in CROWDS or _keeps_side(arg):
        return arg
    glossed = glossed_actors(doc, arg, actors, end)
    if not glossed:
        return arg
    first = glossed[0]
    return replace(arg, name=first.name, inter=first.inter, actor=first, member_of=None)


def gloss_allies(arg: Arg, doc: Any, actors: dict[int, Actor], end: int) -> list[Arg]:
    """The other glossed actors, allies of the side ``glossed_side`` made: the police beside the military of
    "security forces (presumed police and military)", the parties of "rioters (assumed members of BNP and
    Jamaat-e-Islami)" (a state force in a crowd's gloss is not its own)."""
    from sitrep.events.frames import Arg

    if _own_name(arg):
        return []
    glossed = glossed_actors(doc, arg, actors, end)
    if arg.inter in CROWDS:
        glossed = [a for a in glossed if a.inter not in (1, 8)]
    return [Arg(a.name, a.inter, a.start, a.end, a, joint=True) for a in glossed]
