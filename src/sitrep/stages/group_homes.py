"""Where the article's named armed groups are known to act: a lone place far abroad of all of them is a namesake.

A terse note's village the gazetteer lacks is read as a namesake abroad ("JNIM militants attacked the village
of Nama": Nama, Philippines; "Katiba Macina militants ... between Wani and Toye": Wani, India). The events
stage's article country weighs every kind of evidence, and a group active in many countries (JNIM: six) votes
there for none of them, so the namesake's country can win. Here the groups' countries only rule out: a place
whose country nothing else in the article backs, far from every country the article's named groups are known
in, is the place of that very name in one of those countries when exactly one of them has one (or the one the
article backs most does: Burkina Faso's Nama); else it locates nothing (issue #15, item 4) and the event takes the
best-supported of the groups' countries, else no country: ACLED codes it in one of them, and a country the article
gives no evidence for is no answer.

Only named rebels and militias count: a state's or a mission's forces act abroad ("French fighter jets struck
..."), a name several groups of different countries go by ("Islamic State") says nothing, and a group we know no
country of may act anywhere (the rule then stays out).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sitrep.gazetteer import exact_key

if TYPE_CHECKING:
    from sitrep.model import Document, Place

_STATE_PREFIXES = ("Military Forces of ", "Police Forces of ", "Government of ")
# ACLED's inter codes of rebels, political and identity militias; state (1) and outside forces (8: "AUSSOM ...
# (Uganda)", a mission in Somalia named for the UPDF in Uganda) act abroad, crowds (5-7) are anyone's
_GROUPS = frozenset((2, 3, 4))


def group_homes(document: Document) -> frozenset[str]:
    """The countries (ACLED's names) the article's named non-state groups are known in; empty when it names
    none, or one whose countries we do not know."""
    from sitrep.actors import get_matcher
    from sitrep.actors.country import actor_homes, shared_name

    index = get_matcher().index
    homes: set[str] = set()
    for a in document.actors:
        if a.kind != "named" or a.inter not in _GROUPS or not a.name or a.name.startswith(_STATE_PREFIXES) \
                or shared_name(index, a.text or ""):
            continue
        known = actor_homes(index, a.name)
        if not known:
            return frozenset()
        homes.update(known)
    return frozenset(homes)


def group_countries(document: Document, iso2_by_name: Mapping[str, str],
                    numeric_by_iso2: Mapping[str, int]) -> tuple[frozenset[int], str | None]:
    """The groups' countries as ISO numeric codes, and the one of them the article supports most (ISO alpha-2;
    None for none or a tie). The maps are the geocoder's (ACLED country name -> ISO alpha-2 -> numeric)."""
    homes = group_homes(document)
    if not homes:
        return frozenset(), None
    codes = {iso2_by_name[name] for name in homes if name in iso2_by_name}
    isos = frozenset(numeric_by_iso2[cc] for cc in codes if cc in numeric_by_iso2)
    from sitrep.actors.country import country_votes

    votes = country_votes(document)
    ranked = sorted(((votes.get(name, 0.0), iso2_by_name[name]) for name in homes if name in iso2_by_name),
                    reverse=True)
    best = ranked[0][1] if ranked and ranked[0][0] > 0 and (len(ranked) == 1 or ranked[1][0] < ranked[0][0]) else None
    return isos, best


def lone_abroad(chosen: Place, places: list[Place], homes: frozenset[int]) -> bool:
    """Whether the place is all that backs its country and the article names no place in the home countries:
    a village read as a namesake abroad ("JNIM militants attacked the police station in Solhan": Solhan,
    Turkey), while the article's actors or source say where the note is."""
    if any(p.iso in homes for p in places if p.latitude is not None):
        return False
    names = {exact_key(p.text or "") for p in places if p.iso == chosen.iso and p.latitude is not None}
    return len(names) == 1
