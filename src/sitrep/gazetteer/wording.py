"""The wording around place names: which words make a span a place, an institution's, a date or a noun.

Word sets and small token tests shared by place recognition (``sitrep.stages.places``).
"""

from __future__ import annotations

import re
from typing import Any

ENTITY_LABELS = {"GPE", "LOC", "FAC"}
# Words after a town's name that make an organisation the town's own ("Gainesville Police").
INSTITUTION_WORDS = {
    "police", "rcmp", "department", "dept", "sheriff", "sheriff's", "county", "city", "town", "township", "village",
    "school", "schools", "district", "council", "board", "court", "hospital", "medical", "university", "college",
    "state", "fire", "public", "high", "middle", "elementary", "library", "museum", "chamber", "airport",
    "regional", "area", "community", "zoo", "park", "parks", "commission", "municipal", "housing", "transit",
    "jail", "mayor", "governor", "government", "provincial", "operations", "command", "military", "security",
    "health", "memorial", "historical", "water", "tribal", "tribes", "council's", "airbase", "base", "garrison",
}
# Words that are place names somewhere but, alone inside a longer name, almost never mean that place.
GENERIC_WORDS = {
    "north", "south", "east", "west", "central", "centre", "center", "park", "city", "light", "square", "street",
    "river", "lake", "mount", "new", "old", "great", "little", "upper", "lower", "hill", "valley", "bay", "beach",
    "island", "islands", "coast", "national", "union", "liberty", "independence", "victoria", "hope", "home",
    "federal", "airport", "republic", "state", "royal", "university", "college", "hall", "church", "school",
    "county", "district", "capitol", "creek", "western", "eastern", "northern", "southern", "middle", "golden", "star",
    "green", "red", "zone", "forest", "supreme",
    "colonia",  # a Mexican town's neighbourhood ("Colonia Bella Vista"), not Cologne's Latin name
}
NAMED_AREAS = ("country", "admin1", "region", "desert", "continent", "sea", "ocean", "river", "valley", "mountains")
LOCATIVE = {"in", "near", "at", "from", "outside", "of", "to", "toward", "towards", "around", "across", "into",
            "between", "through", "nearby", "inside", "within", "outskirts", "via", "and"}
PART_OF = re.compile(r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)ern$")
# headline shorthand for a part of a country or province ("NW Pak", "SE Turkey", "N. Nigeria"): never a place itself
# (Czechia's Nupaky was "NW Pak" read loosely, Macao's Se was "SE"), unless spelled out it is part of a name
# ("S. Sudan", "N. Carolina", "W. Bank"); the words it may stand for
DIRECTION_ABBREVIATIONS = {
    "N": ("North",), "S": ("South",), "E": ("East",), "W": ("West",), "NE": ("Northeast", "North East"),
    "NW": ("Northwest", "North West"), "SE": ("Southeast", "South East"), "SW": ("Southwest", "South West"),
}
DIRECTION_ABBREVIATIONS.update({abbrev + ".": words for abbrev, words in list(DIRECTION_ABBREVIATIONS.items())})
HINT_BEFORE = re.compile(r"\b(city|town|village|province|governorate|state|county|district|region|desert)\s+of\s+$",
                         re.I)


def clean_span(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Token span without a leading article and a trailing possessive."""
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’", ".", ",", "-") or doc[end - 1].is_space):
        end -= 1
    return start, end


# DATE-tagged words that are never the town a locative cue may make of them ("in March")
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "easter", "christmas", "ramadan", "eid", "spring", "summer", "autumn", "winter", "today", "tomorrow"}
LANGUAGE_NOUNS = {"language", "languages", "speaking", "speakers", "speaker", "word", "words", "translation",
                  "version", "text", "teacher", "teachers", "lessons", "class", "classes", "subtitles", "name"}


def adjective_follows(doc: Any, j: int) -> bool:
    """The token at j is a lower-case noun an adjective of nationality can qualify (not "English language")."""
    if j >= len(doc):
        return False
    tok = doc[j]
    return tok.pos_ == "NOUN" and tok.text.islower() and tok.lower_ not in LANGUAGE_NOUNS


def is_dateline(doc: Any, i: int, j: int) -> bool:
    """'MOSUL, Iraq (Reuters) -' or 'BEIRUT —': a capitalised name opening a paragraph, then a comma or dash."""
    if i > 0 and "\n" not in doc[i - 1].text_with_ws and not doc[i].is_sent_start:
        return False
    return j < len(doc) and doc[j].text in (",", "(", "—", "–", "-", ":")
