"""Tribes and clans named in a note are ACLED's "<Name> Tribal Militia (<country>)".

ACLED codes armed members of a named tribe as that tribe's militia: "Al Laqmush tribesmen clashed" ->
"Al Laqmush Tribal Militia (Yemen)", "members of Al al Hubayshi tribe clashed" -> "Al al Hubayshi Tribal
Militia (Yemen)", "Bani Rashid and Al Hamimah tribesmen clashed" -> one militia each. The dictionary cannot
list every tribe, so the name is read from the capitalised words before "tribe" / "tribesmen"; a
nationality, sect or other community word ("Arab tribes", "Sunni tribesmen") is no tribe's name and is
left to the generic "Unidentified Tribal Militia".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sitrep.actors.matcher import Match
from sitrep.actors.unknown_communities import fight_in_sentence

INTER = 4  # identity militia
_PARTICLE = r"(?:Al|al|Aal|Bani|Beni|Banu|Bu|Abu|Ahl|Ibn|Awlad|Ould|Bait|Beit|Ait)"
_WORD = r"[A-Z][\w'’]+"
_NAME = rf"(?:{_PARTICLE}[\s-]+)*{_WORD}(?:[\s-]+(?:{_PARTICLE}[\s-]+)*{_WORD}){{0,2}}"
_TRIBE = re.compile(rf"\b({_NAME}(?:\s+and\s+{_NAME})?)\s+(tribesmen|tribesman|tribes|tribe|tribal\s+militia(?:men)?)\b")
# words that say who a tribe is without naming it
_NOT_NAMES = frozenset({"arab", "arabs", "sunni", "shia", "shiite", "kurdish", "bedouin", "local", "rival", "the",
                        "two", "several", "armed", "tribal", "yemeni", "iraqi", "syrian", "libyan", "somali",
                        "sudanese", "pashtun", "baloch", "other", "some", "many", "both", "these", "those", "their"})


def _names(group: str) -> list[str]:
    out = []
    for part in re.split(r"\s+and\s+", group):
        words = part.replace("-", " ").split()
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        if not words or any(w.lower() in _NOT_NAMES for w in words) or not any(w[:1].isupper() for w in words):
            continue
        if all(re.fullmatch(_PARTICLE, w) for w in words):
            continue
        out.append(" ".join(words))
    return out


_OF_THE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?$")


def _member_of(text: str, matches: list[Any], tribe: re.Match[str]) -> Any | None:
    """The people mention a tribe's name belongs to ("a tribal sheikh from the X tribe", "civilians of the X
    tribe"), where the sentence says no one fought: the training notes that name a tribe so code its group
    beside the people in 90 and its militia in 62 without a word of fighting, its militia in 80 of 83 with one."""
    if tribe.group(2) not in ("tribe", "clan") or fight_in_sentence(text, tribe.start()):
        return None
    gap = _OF_THE.search(text, max(0, tribe.start(1) - 12), tribe.start(1))
    if gap is None:
        return None
    return next((n for n in matches if n.end == gap.start() and n.kind == "generic" and n.inter == 7), None)


def tribal_militias(text: str, matches: list[Any], country: str | None, sent_at: Callable[[int], int],
                    is_people: Callable[[str], bool] = lambda name: False) -> list[Any]:
    """``matches`` with each named tribe's militia in place of what overlapped its words ("tribesmen").

    ``sent_at``: the sentence of a character offset; ``is_people``: whether a name is a nationality or a
    people ("Yemeni tribesmen" name no tribe)."""
    if not country or "trib" not in text:
        return matches
    found: list[Match] = []
    for m in _TRIBE.finditer(text):
        start, end = m.start(1), m.end(2)
        if any(n.kind == "named" and n.start < end and start < n.end for n in matches):
            continue  # "Houthi tribesmen": a named actor already says who they are
        parts = list(re.finditer(rf"{_NAME}", m.group(1)))
        for k, part in enumerate(parts):
            # "Bani Rashid and Al Hamimah tribesmen": one militia each, the last one with the noun
            s, e = start + part.start(), (end if k == len(parts) - 1 else start + part.end())
            for name in _names(part.group(0)):
                if is_people(name):
                    continue
                people = _member_of(text, matches, m)
                if people is not None:  # "a sheikh from the Bani Bahr tribe" is a person of the tribe, not its militia
                    group = f"{name} Tribal Group ({country})"
                    people.identity = f"{people.identity}; {group}" if people.identity else group
                else:
                    found.append(Match(s, e, f"{name} Tribal Militia ({country})", INTER, country, "unlisted", 0.6,
                                       sent_at(s)))
    if not found:
        return matches
    kept = [n for n in matches if not any(n.start < f.end and f.start < n.end for f in found)]
    return sorted(kept + found, key=lambda n: (n.start, n.end))
