"""Communities the dictionary does not know, named by the note's own words.

ACLED names an ethnic or communal militia after its community ("Derashe Ethnic Militia (Ethiopia)") or place
("Zamfara Communal Militia (Nigeria)" for "Zamfara militiamen", Zamfara a place of the country), and the
people of a community beside the civilians or the crowd ("Oromo Ethnic Group (Ethiopia)"). The record's
templates give the communities it has seen (``sitrep.actors.communities``); one it has not is still named
when the note says what it is: "Derashe ethnic militias", "ethnic Amhara militias", "Ari ethnic group
members", "ethnic Oromo civilians" (``actors_community_phrases.csv``), or names it alone before an armed noun the
matcher read as an unidentified group ("Rizeigat militia": ``bare_militias``). A name the dictionary already reads
(a named actor, a known community) or that is a nationality is left to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from sitrep.actors.dictionary import _read_rows
from sitrep.actors.matcher import Match

PEOPLE = 7
_SUFFIX = re.compile(r" \([^()]*\)")  # a name's country: "Unidentified Armed Group (Niger)" names no community
_WORD = r"[A-Z][\w'’]+"
_NAME = rf"{_WORD}(?:[\s-]{_WORD}){{0,2}}"
# capitalised words that start a sentence or qualify the people without naming a community
_NOT_NAMES = frozenset({"the", "a", "an", "armed", "local", "rival", "unidentified", "unknown", "suspected", "alleged",
                        "other", "several", "some", "two", "three", "many", "both", "these", "those", "their", "various",
                        "allied", "pro", "anti", "government", "state", "regional", "youth", "minority", "majority",
                        "different", "opposing", "neighbouring", "neighboring"})


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[re.Pattern[str], str, int]]:
    out = []
    for rec in _read_rows("actors_community_phrases.csv", ("phrase", "template", "inter")):
        # the last word lists its alternatives: "{name} ethnic militia|militias"
        head, _, nouns = rec["phrase"].strip().rpartition(" ")
        parts = [f"(?P<name>{_NAME})" if w == "{name}" else f"(?i:{re.escape(w)})" for w in head.split(" ")]
        alternatives = "|".join(re.escape(n) for n in nouns.split("|"))
        pattern = r"\b" + r"\s+".join([*parts, f"(?i:{alternatives})"]) + r"\b"
        out.append((re.compile(pattern), rec["template"].strip(), int(rec["inter"])))
    return out


def _name_of(raw: str) -> str | None:
    words = raw.replace("-", " - ").split()
    while words and words[0].lower() in _NOT_NAMES:
        words = words[1:]
    if not words or any(w.lower() in _NOT_NAMES for w in words):
        return None
    return " ".join(words).replace(" - ", "-")


# a militia named after a place of the country is that place's communal militia ("Zamfara militiamen")
_PLACE_MILITIA = re.compile(rf"\b(?P<name>{_NAME})\s+(?i:militia|militias|militiamen)\b")
_PLACE_TEMPLATE = "{name} Communal Militia ({country})"


# "Rizeigat militia", "Dogon militiamen": one capitalised word that is no place, people or named actor, alone before
# an armed noun the matcher read as an unidentified group. ACLED names such a militia after its community
# ("X Ethnic Militia"): in the training countries' notes a one-word name before militia/militias/militiamen is an
# ethnic militia's in 432 of 584 where the coded actors carry the word (named militias the dictionary knows, "Dozo",
# "Koglweogo", "Seleka", are most of the rest and are read as named actors first); "Oromo attackers", "Fulani
# assailants" likewise (training notes with a community word before them: its militia in 16 of 17)
_BARE_MILITIA = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][a-z]{2,})\s+(?i:militia|militias|militiamen|attackers|assailants)\b")
_BARE_TEMPLATE = "{name} Ethnic Militia ({country})"
# words that qualify a militia by belief, stance or role, not by community
_NOT_COMMUNITIES = frozenset({"islamist", "islamic", "jihadist", "christian", "muslim", "sunni", "shia", "shiite", "hindu",
                              "sikh", "buddhist", "catholic", "rebel", "opposition", "tribal", "communal", "ethnic",
                              "village", "vigilante", "militia", "militant", "loyalist", "separatist", "government",
                              "police", "army", "military", "state", "private", "criminal", "gang", "defense", "defence",
                              "youth", "unknown", "unidentified", "suspected", "alleged", "armed", "local", "rival",
                              "allied", "the", "a", "an", "two", "three", "several", "some", "other", "many", "these",
                              "those", "their", "its", "his", "her", "both", "various"})


def _previous_word_capitalised(text: str, start: int) -> bool:
    """Whether the word before ``start`` is capitalised mid-sentence ("Twic Dinka militia", "Mai Mai militia"): the
    name is longer than its last word."""
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?:;([\"":
        return False
    word = re.search(r"([\w'’-]+)$", before)
    return bool(word and word.group(1)[:1].isupper())


def bare_militias(text: str, matches: list[Any], country: str | None, sent_at: Callable[[int], int],
                  is_people: Callable[[str], bool] = lambda name: False,
                  is_place: Callable[[str], bool] = lambda name: False) -> list[Any]:
    """``matches`` with "Rizeigat militia" read as the Rizeigat Ethnic Militia where the matcher saw only an
    unidentified armed group (``_BARE_MILITIA``); a place's militia is left to ``community_names``."""
    if not country or not any(noun in text for noun in ("ilitia", "ttackers", "ssailants")):
        return matches
    out = list(matches)
    for m in _BARE_MILITIA.finditer(text):
        name = m.group("name")
        if name.lower() in _NOT_COMMUNITIES or name.lower() in _NOT_NAMES or is_people(name) or is_place(name) \
                or _previous_word_capitalised(text, m.start()):
            continue
        over = [n for n in out if n.start < m.end() and m.start() < n.end]
        # what the matcher made of it: an unidentified group, or the entity's own words as an unlisted name
        unnamed = [n for n in over if (n.kind == "generic" and n.name.startswith("Unidentified"))
                   or (n.kind == "unlisted" and n.name == text[n.start:n.end])]
        if not over or len(unnamed) < len(over):
            continue  # a named actor or a known community says who they are; no armed mention, no side
        filled = _BARE_TEMPLATE.replace("{name}", name).replace("{country}", country)
        out = [n for n in out if n not in over]
        out.append(Match(m.start(), m.end(), filled, 4, country, "unlisted", 0.6, sent_at(m.start())))
    return sorted(out, key=lambda n: (n.start, n.end))


def community_names(text: str, matches: list[Any], country: str | None, sent_at: Callable[[int], int],
                    is_people: Callable[[str], bool] = lambda name: False,
                    places: frozenset[str] = frozenset()) -> list[Any]:
    """``matches`` with each community the note names in words ACLED uses: its militia in place of the plain
    militia mention, or its people's identity on the people mention."""
    if not country:
        return matches
    found: list[Match] = []
    phrases = [*_phrases(), *([(_PLACE_MILITIA, _PLACE_TEMPLATE, 4)] if places else [])]
    for pattern, template, inter in phrases:
        for m in pattern.finditer(text):
            name = _name_of(m.group("name"))
            if name is None:
                continue
            # a nationality word names no community; a place of the country does, even one a country shares a
            # name with ("Niger militiamen" in Nigeria's Niger State)
            if pattern is _PLACE_MILITIA:
                if name not in places:
                    continue
            elif is_people(name) or is_people(name.split()[-1]):
                continue
            n_start, n_end = m.start("name"), m.end("name")
            # as a whole word ("Niger" is not in "Military Forces of Nigeria"), and not a state force's unit named after
            # a region ("Amhara ethnic militias" beside the Amhara Regional Special Forces are a militia of their own)
            word = re.compile(rf"(?<![\w'’-]){re.escape(name.lower())}(?![\w'’-])")
            if any(n.start < n_end and n_start < n.end for n in matches if n.kind in ("named", "coref")) or \
                    any(word.search(_SUFFIX.sub("", f"{n.name}; {n.identity or ''}").lower()) for n in matches
                        if n.inter != 1):
                continue  # a named actor or a community the dictionary knows says who they are
            filled = template.replace("{name}", name).replace("{country}", country)
            if inter == PEOPLE:
                people = [n for n in matches if n.start < m.end() and m.start() < n.end and n.inter in (5, 6, 7)]
                for n in people:
                    n.identity = f"{n.identity}; {filled}" if n.identity else filled
            else:
                found.append(Match(m.start(), m.end(), filled, inter, country, "unlisted", 0.6, sent_at(m.start())))
    if not found:
        return matches
    kept = [n for n in matches if not any(n.start < f.end and f.start < n.end for f in found)]
    return sorted(kept + found, key=lambda n: (n.start, n.end))
