"""Names given as alternatives are one side: "presumed ISGS or JNIM militants attacked" names who attacked, never
two groups fighting each other.

The actors stage joins an uncertain pair into ACLED's one actor when its record has one ("JNIM ... and/or Islamic
State (Greater Sahara)", ``sitrep.actors.alternatives``); when it does not, the two mentions stay apart and
``sitrep.stages.coding_actors`` asks here which names stand with the doer before it picks an opponent.
"""

from __future__ import annotations

import re
from typing import Any

# the words between two alternatives: "ISGS or JNIM", "JNIM and/or ISGS", "TTP/LeJ", "JNIM (or ISGS)"
_JOIN = re.compile(r"\s*(?:\(\s*)?(?:or|and\s*/\s*or|/)\s*(?:\(\s*)?", re.I)


def _joined(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    return left[1] <= right[0] and _JOIN.fullmatch(text[left[1]:right[0]]) is not None


def alternatives(ev: Any, document: Any) -> set[str]:
    """The names given as alternatives to the doer's (``ev.actor1``): the parts of an uncertain pair it names, and
    the actors whose mentions the note joins to its mention by "or", "and/or" or "/" (chains too: "A, B or C" is
    read pairwise from the doer's mention outwards)."""
    names = {x for x in (ev.actor1 or "").split(" and/or ") if x} if " and/or " in (ev.actor1 or "") else set()
    span = ev.evidence.get("actor1")
    if not span or len(span) != 2:
        return names
    text = document.article.text
    mentions = sorted({(a.start, a.end): a.name for a in document.actors}.items())
    group = {(span[0], span[1])}
    grown = True
    while grown:
        grown = False
        for pos, name in mentions:
            if pos not in group and any(_joined(text, pos, g) or _joined(text, g, pos) for g in group):
                group.add(pos)
                names.add(name)
                grown = True
    names.discard(ev.actor1)
    return names
