"""A community the record has never seen, named by one word before its people: "two Tuareg shopkeepers",
"Baloch civilians", "members of the Jokhio community".

ACLED names who harmed civilians or a crowd are with an identity actor beside them ("Civilians (Mali)" with
"Tuareg Ethnic Group (Mali)"). The record's templates give the communities it has seen
(``sitrep.actors.communities``) and a note that says "ethnic" names one it has not
(``sitrep.actors.ethnic_names``); a country's own communities are mostly neither, so a lone capitalised word
before a people noun of ``actors_identity_people.csv`` ("villagers", "community", "men") is read as a community
when it is nothing else the article knows: no nationality, place, named actor, known community or word of
``actors_identity_not_communities.csv``. In the training countries' notes such a word names a community of the
coded actors in about 0.6 of the places it is used, an "Ethnic Group" most often (Ethnic 580, Communal 253,
Caste 41 of 874 groups), so that is the template; a region with a convention of its own
(``sitrep.actors.region_names``: South Asia's "Communal Group") takes that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from sitrep.actors.communities import community_templates
from sitrep.actors.dictionary import _read_rows
from sitrep.actors.mentions import Match
from sitrep.actors.region_names import convention, extra_nouns

TEMPLATE = "{name} Ethnic Group ({country})"
MILITIA = "{name} Ethnic Militia ({country})"
INDIGENOUS = "{name} Indigenous Group ({country})"
_INDIGENOUS = re.compile(r"\bindigenous\b", re.I)
PEOPLE_SIDES = (5, 6, 7)
_SUFFIX = re.compile(r" \([^()]*\)")
# the word right after a lower-case word or a comma: never the first word of a sentence or of a longer proper
# name ("Awami League leaders", "Boko Haram fighters")
_PREVIOUS = re.compile(r"([\w'’-]+)([,;]?)\s+$")
_NAME_GOES_ON = re.compile(r"['’]|\s+[A-Z]")
_WORD = r"(?<=[a-z0-9,;] )(?P<name>[A-Z][a-z'’]{2,}(?:-[A-Z][a-z'’]+)?)"


@lru_cache(maxsize=1)
def _nouns() -> dict[str, tuple[str, int, bool]]:
    """People noun -> the side it makes (name template, inter) and whether the word must follow "the"; armed
    nouns ("militiamen") are left to ``bare_militias``, which names the community's militia instead."""
    out: dict[str, tuple[str, int, bool]] = {}
    for rec in _read_rows("actors_identity_people.csv", ("word", "name", "inter")):
        name, unknown = rec["name"], rec.get("unknown", "")
        word = rec["word"].lower()
        if "{militia}" not in name and (unknown != "no" or word in extra_nouns()):
            # a noun only some regions read ("belonging to X community" in South Asia), checked per match
            out[word] = (name, int(rec["inter"]), unknown == "the")
    return out


@lru_cache(maxsize=1)
def _not_communities() -> frozenset[str]:
    return frozenset(rec["word"].strip().lower() for rec in _read_rows("actors_identity_not_communities.csv", ("word",)))


@lru_cache(maxsize=1)
def _fights() -> re.Pattern[str]:
    words = sorted((re.escape(r["word"].lower()) for r in _read_rows("actors_identity_fight_words.csv", ("word",))),
                   key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(words) or '(?!)'})\b", re.I)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted((re.escape(n) for n in _nouns()), key=len, reverse=True))
    return re.compile(rf"{_WORD}\s+(?P<noun>(?i:{nouns}))\b")


def fight_in_sentence(text: str, start: int) -> bool:
    """Whether the sentence around ``start`` says its people fought (``actors_identity_fight_words.csv``)."""
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    hi = text.find(".", start)
    return _fights().search(text, lo, hi if hi >= 0 else len(text)) is not None


@lru_cache(maxsize=1)
def _known() -> tuple[dict[str, str], dict[str, str]]:
    """The record's own templates for the communities it has seen (group, militia), for the nouns that only this
    pass reads ("Dalit herders" -> the record's "Dalit Communal Group")."""
    from sitrep.actors.dictionary import _mined_rows

    mined = _mined_rows()
    return community_templates(mined, set()), community_templates(mined, set(), militias=True)


def _template(text: str, start: int, name: str, fighting: bool, country: str | None = None) -> tuple[str, int]:
    """The actor a community's word names: its militia where the sentence says they fought ("Massa farmers
    clashed with ..." -> "Massa Ethnic Militia", inter 4), an Indigenous Group where the note says they are
    indigenous ("indigenous Bari and Wayuu people"), else its Ethnic Group; the record's template where it has one,
    else the convention of the country's region ("Communal Group" in South Asia)."""
    groups, militias = _known()
    own = convention(country)
    if fighting:
        return militias.get(name.lower(), own.militia or MILITIA), 4
    if name.lower() in groups:
        return groups[name.lower()], 7
    if _INDIGENOUS.search(text, max(0, start - 40), start):
        return INDIGENOUS, 7
    return own.group or TEMPLATE, 7


def unknown_communities(text: str, matches: list[Any], country: str | None, sent_at: Callable[[int], int],
                        is_people: Callable[[str], bool] = lambda name: False,
                        is_place: Callable[[str], bool] = lambda name: False) -> list[Any]:
    """``matches`` with the people of a community no one knows given it as their identity: the people mention
    over the noun takes it, or a new side is made of the words ("two Tuareg shopkeepers" -> civilians); people
    who fought are their community's militia instead, with who they are as its identity."""
    if not country or not _nouns():
        return matches
    out = list(matches)
    for m in _pattern().finditer(text):
        name = m.group("name")
        noun = m.group("noun").lower()
        side, inter, after_the = _nouns()[noun]
        if noun in extra_nouns() and noun not in convention(country).nouns:
            continue  # a noun this country's region does not read
        before = _PREVIOUS.search(text, max(0, m.start() - 60), m.start())
        if before is None or not (before.group(1).islower() or before.group(1)[:1].isdigit() or before.group(2)):
            continue  # the second word of a longer proper name ("The General Women's Authority")
        if after_the and before.group(1) != "the":
            continue
        if _NAME_GOES_ON.match(text, m.end()):
            continue  # the noun is a word of a name: "Republican People's Party", "Fulani Women Association"
        if name.lower() in _not_communities() or is_people(name) or is_place(name):
            continue
        word = re.compile(rf"(?<![\w'’-]){re.escape(name.lower())}(?![\w'’-])")
        if any(n.start < m.end("name") and m.start() < n.end for n in out if n.kind != "generic") or \
                any(word.search(_SUFFIX.sub("", f"{n.name}; {n.identity or ''}").lower()) for n in out):
            continue  # a named actor, or a community the dictionary already read, says who they are
        template, kind = _template(text, m.start(), name, fight_in_sentence(text, m.start()), country)
        filled = template.replace("{name}", name).replace("{country}", country)
        people = [n for n in out if n.start < m.end() and m.start("noun") < n.end and n.inter in PEOPLE_SIDES]
        if kind == 4:  # the militia takes the people mention's place, and who they are
            own = "; ".join(n.identity for n in people if n.identity) or None
            out = [n for n in out if n not in people]
            if not any(n.start < m.end() and m.start() < n.end for n in out):
                out.append(Match(m.start(), m.end(), filled, 4, country, "unlisted", 0.6, sent_at(m.start()), own))
            continue
        if people:
            for n in people:
                n.identity = f"{n.identity}; {filled}" if n.identity else filled
            continue
        if any(n.start < m.end() and m.start() < n.end for n in out):
            continue  # the noun is part of another mention ("a Kuluna group's leader")
        out.append(Match(m.start(), m.end(), side.replace("{country}", country), inter, country, "generic", 0.6,
                         sent_at(m.start()), filled))
    return sorted(out, key=lambda n: (n.start, n.end))
