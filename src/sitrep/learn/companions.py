"""Who ACLED codes beside an actor, on its side, in most of its notes: its companions, mined for the actor table.

"Katiba Macina" comes with JNIM, "Fulani Ethnic Militia" with "Pastoralists" (``sitrep.actors.identities`` adds them
wherever the actor is found). ACLED's conventions change: JNIM is beside Ansar Dine from 2018, the CPC beside the FPRC
from 2021; such a companion is written "name@year" and added only to events of that year or later (or of no known year).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.learn.actors import ActorStats

COMPANION_SHARE = 0.6
COMPANION_MIN_NOTES = 10
COMPANION_YEAR_NOTES = 5  # a year with fewer of the actor's notes says nothing for or against a convention
# the sides themselves are never companions
_SIDE_NAMES = ("Civilians", "Protesters", "Rioters", "Unidentified", *("Military Forces of", "Police Forces of",
                                                                       "Government of"))


def companions(st: ActorStats) -> list[str]:
    """Who ACLED codes beside this actor in most of its notes: an identity or a named ally, never a side; one it
    has been coded beside in most notes since some year only is "name@year" (``since_year``)."""
    out = []
    per_year = Counter(st.years)
    by_year: dict[str, dict[int, int]] = defaultdict(dict)  # companion -> year -> notes beside the actor
    for (other, year), k in st.beside_years.items():
        by_year[other][year] = k
    for b, n in st.beside.items():
        if b.startswith(_SIDE_NAMES):
            continue
        if n >= COMPANION_MIN_NOTES and n >= COMPANION_SHARE * st.notes:
            out.append(b)
        elif (since := since_year(per_year, by_year.get(b, {}))) is not None:
            out.append(f"{b}@{since}")
    return sorted(out)


def since_year(notes: Counter[int], beside: dict[int, int]) -> int | None:
    """The first year (of at least ``COMPANION_YEAR_NOTES`` notes) of the companion's latest run of years in which it
    was beside the actor in at least ``COMPANION_SHARE`` of its notes, when that run holds at least
    ``COMPANION_MIN_NOTES`` such notes and ends an earlier year (of at least ``COMPANION_YEAR_NOTES`` notes) in which it
    was not. A year the record lacks proves nothing either way, so the run starts where the evidence for it does: the
    Central African groups joined the CPC late in 2020; a build without 2020 must not date it 2020."""
    lately = total = 0
    first: int | None = None
    for year in sorted(notes, reverse=True):
        held = beside.get(year, 0) >= COMPANION_SHARE * notes[year]
        if not held and notes[year] >= COMPANION_YEAR_NOTES:
            if first is not None and lately >= COMPANION_MIN_NOTES and lately >= COMPANION_SHARE * total:
                return first
            return None
        lately += beside.get(year, 0)
        total += notes[year]
        if held and notes[year] >= COMPANION_YEAR_NOTES:
            first = year
    return None
