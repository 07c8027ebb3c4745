"""People named by their community: "the Muslim community", "Hindu groups", "Dogon villagers".

ACLED names who civilians or a crowd are with an identity actor ("Muslim Group (India)", "Fulani Ethnic
Group (Mali)", "Dalit Caste Group (India)") beside "Civilians (X)" or "Protesters (X)". The identity
templates mined from ACLED's record (``actors_acled.csv``, kind identity) give the community words; a
community word followed by a people noun of ``actors_identity_people.csv`` ("community", "villagers",
"protesters") becomes a generic pattern: the people it names, with the community as their identity.
Where one word heads several templates ("Hindu Group", "Hindu Communal Group") the one ACLED used in
the most notes wins. Nationality words ("Ukrainian Group") are left to the nationality patterns, which
give the people's country instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# "Muslim Group ({country})", "Fulani Ethnic Group ({country})", "Lou Nuer Ethnic Group ({country})"
_COMMUNITY = re.compile(
    r"^(?P<words>[A-Z][\w'-]*(?: [A-Z][\w'-]*)*?) (?:(?:Ethnic|Caste|Communal|Community|Religious) )?Group \(\{country\}\)$")
# "Dogon Ethnic Militia ({country})", "Murle Ethnic Militia ({country})", "Dir Clan Militia ({country})"
_MILITIA = re.compile(r"^(?P<words>[A-Z][\w'-]*(?: [A-Z][\w'-]*)*?) (?:Ethnic|Communal|Clan|Sub-Clan) Militia \(\{country\}\)$")
MILITIA = "{militia}"  # actors_identity_people.csv: the community's own militia template, where it has one
# template heads that say what a group does or is not, never whom it belongs to
_NOT_COMMUNITIES = frozenset({"unidentified", "vigilante", "labour", "labor", "anti-nuclear", "tribal"})


def community_templates(mined: Iterable[dict[str, str]], nationality_words: set[str],
                        militias: bool = False) -> dict[str, str]:
    """Community words (lower case) -> the identity template ACLED used most for them (``militias``: the armed
    template, "Dogon Ethnic Militia ({country})", instead)."""
    best: dict[str, tuple[int, str]] = {}
    for rec in mined:
        m = (_MILITIA if militias else _COMMUNITY).match(rec["name"])
        if m is None or (not militias and rec.get("kind") != "identity"):
            continue
        words = m.group("words").lower()
        if words.split()[0] in _NOT_COMMUNITIES or words in nationality_words:
            continue
        notes = int(rec.get("notes") or 0)
        if words not in best or notes > best[words][0]:
            best[words] = (notes, rec["name"])
    return {w: name for w, (_, name) in best.items()}


def community_patterns(templates: dict[str, str], people: Iterable[dict[str, str]],
                       militias: dict[str, str] | None = None) -> list[tuple[str, str, int, str]]:
    """(pattern, side name, inter, identity) for every community word followed by a people noun; an armed noun
    ("militiamen") names the community's militia ("Dogon militiamen" -> "Dogon Ethnic Militia ({country})")."""
    # "only" rows serve communities the record has never seen (``sitrep.actors.unknown_communities``)
    nouns = [(p["word"].strip().lower(), p["name"].strip(), int(p["inter"])) for p in people
             if p.get("word") and (p.get("unknown") or "").strip() != "only"]
    out = [(f"{words} {noun}", name, inter, identity)
           for words, identity in sorted(templates.items()) for noun, name, inter in nouns if name != MILITIA]
    out += [(f"{words} {noun}", militia, inter, "")
            for words, militia in sorted((militias or {}).items()) for noun, name, inter in nouns if name == MILITIA]
    return out
