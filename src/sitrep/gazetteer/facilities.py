"""Streets, buildings and sites: names no packaged gazetteer holds, placed at the town that contains them.

A serious geoparser cannot list every "Royal Street", "Barclays Center" or
"Altnagelvin Hospital", but it knows where the article is: such a name is
placed at the town the text puts it in ("Collins Avenue in Miami Beach",
"Brooklyn's Barclays Center"), else at the town its own name starts with
when that town is near the article's other places ("Windsor Castle"), else
at the article's nearest town. ACLED codes a part of a town the same way, at
the town's coordinates with geo_precision 2.

``facility_spans`` finds the names (token spans), ``attach_facilities`` makes
them toponyms in place of the names inside them; ``place_facilities`` in the
resolver picks each one's town. The words that make a name a facility are the
data file ``gazetteer_facility_words.csv``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from sitrep.gazetteer.resolve import TOWN_FEATURES, Toponym
from sitrep.gazetteer.store import Gazetteer
from sitrep.lightdoc import light_of
from sitrep.resources import data_files

# Entity labels a facility name may carry (the small NER model calls most of them ORG or FAC, some PERSON or GPE).
FACILITY_LABELS = {"FAC", "ORG", "GPE", "LOC", "PERSON", ""}
# Facility words that are also common surnames: a person's name ending in one is a person ("Stuart Hall").
_SURNAMES = {"hall", "church", "park", "tower", "lane", "bridge", "castle", "street", "temple", "abbey", "market",
             "palace", "station", "drive", "parade"}
_CONTAINER_GAP = re.compile(r"\s*(?:,|in|at|near|,\s*in|,\s*near)\s*")
_POSSESSIVE_GAP = re.compile(r"\s*['’]s\s+")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
_MAX_NAME = 5
# stop words that are also parts of street names ("Third Street", "22nd St. North")
# lower-case words that follow names without naming a facility ("the Trump office", "Apple station")
_LOWER_NO = {"st", "rd", "ave", "blvd", "office", "hall", "station", "building", "centre", "center", "market",
             "house", "park", "estate", "farm", "tower", "gallery", "arena", "academy", "college", "school"}
_NAME_STOPWORDS = {"st", "st.", "n", "s", "e", "w", "first", "third", "fifth", "sixth", "eighth", "ninth", "tenth",
                   "eleventh", "twelfth", "fifteenth", "twenty", "front", "back", "top", "bottom", "hundred"}  # name tokens before the facility word


@lru_cache(maxsize=1)
def facility_words() -> dict[str, str]:
    """word (lower case, no trailing dot) -> kind, from the package's and the user's data files."""
    words: dict[str, str] = {}
    for path in data_files("gazetteer_facility_words.csv"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#") or line.startswith("word,"):
                    continue
                word, _, kind = line.partition(",")
                words[word.strip().lower()] = kind.strip() or "building"
    return words


def _word(tok: Any) -> str:
    return tok.lower_.rstrip(".")


def _name_token(tok: Any) -> bool:
    text = tok.text
    if _ORDINAL.match(text):
        return True
    if not text[:1].isupper() or not any(ch.isalpha() for ch in text):
        return False
    return not tok.is_stop or tok.lower_ in _NAME_STOPWORDS


_DIRECTIONS = {"north", "south", "east", "west", "n", "s", "e", "w", "ne", "nw", "se", "sw"}


def _continues(doc: Any, j: int) -> bool:
    """The name goes on after the facility word, so the word is not its end ("American Farm Bureau Federation",
    "Center for Public Affairs Research", "Hotel and Lodging Association"); a direction may follow a street."""
    if j >= len(doc):
        return False
    tok = doc[j]
    if tok.lower_.rstrip(".") in _DIRECTIONS:
        return False
    if tok.lower_ in ("and", "&", "for", "of"):
        return j + 1 < len(doc) and doc[j + 1].text[:1].isupper()
    return tok.text[:1].isupper() and tok.ent_iob_ == "I"


_ROAD = re.compile(r"^[AB]\d{1,4}(?:\(M\))?$")
# words after a British road number that show it is one ("the A417 southbound"); not "to"/"from"/"at", which
# also follow aircraft ("the A380 to Dubai")
_ROAD_NEXT = {"southbound", "northbound", "eastbound", "westbound", "carriageway", "road", "junction", "roundabout",
              "between", "heading", "slip", "dual"}


def _road_numbers(doc: Any) -> list[tuple[int, int]]:
    """British and Irish road numbers ("the A417 southbound", "via the A436, A40 and A429")."""
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(doc):
        if not _ROAD.match(tok.text):
            continue
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        prev = doc[i - 1].lower_ if i > 0 else ""
        listed = bool(out) and out[-1][1] >= i - 2 and prev in (",", "and", "or")  # the next road of a list
        if nxt in _ROAD_NEXT or listed or (prev in ("via", "along", "onto", "off") or
                                          (prev == "the" and i > 1 and doc[i - 2].lower_ in ("via", "along", "onto",
                                                                                           "off"))):
            out.append((i, i + 1))
    return out


def facility_spans(doc: Any, words: dict[str, str] | None = None) -> list[tuple[int, int]]:
    """Token spans [start, end) of street/building/site names, in text order, not overlapping.

    A capitalised facility word ("Street", "Hospital", "Ave.") ends a name made of the capitalised
    words before it ("Royal Street", "Karl Bremer Hospital", "22nd St."); an ORG/FAC entity that opens
    with such a word and "of" is one whole ("University of St. Thomas"). A possessive place before the
    name is its town, not part of it ("Brooklyn's Barclays Center"); a person's name is never a facility
    ("Stuart Hall").
    """
    words = facility_words() if words is None else words
    doc = light_of(doc)  # every token is read: spaCy's Doc made a Token object per read and rebuilt ``ents``
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC"):
            continue
        first = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        # "University of St. Thomas", "the Guildhall School of Music": a facility word and "of" inside the name
        if ent.end - first >= 3 and any(_word(doc[k]) in words and doc[k].text[:1].isupper()
                                        and doc[k + 1].lower_ == "of" for k in range(first, ent.end - 1)):
            spans.append((first, ent.end))
    for i, tok in enumerate(doc):
        if _word(tok) not in words or tok.ent_type_ == "DATE":
            continue
        # "the Pioneer cinema", "Sheikh Akil graveyard": a lower-case facility word after a name (not a sentence's
        # first word, which is capitalised anyway) is one too, except words too common to mark a name
        if not tok.text[:1].isupper() and (_word(tok) in _LOWER_NO or i == 0 or not _name_token(doc[i - 1])
                                           or doc[i - 1].is_sent_start or doc[i - 1].ent_type_ in ("NORP", "DATE")):
            continue
        if any(s <= i < e for s, e in spans):
            continue
        start = i
        while start > 0 and i - start < _MAX_NAME and not doc[start].is_sent_start:
            if _name_token(doc[start - 1]):
                start -= 1
            elif doc[start - 1].text == "-" and start >= 2 and _name_token(doc[start - 2]):
                start -= 2  # "Al-Ramadi Teaching Hospital"
            else:
                break
        # a name the NER joined across "'s" ("Alder Hey Children's Hospital", "Caesar's Palace") unless the
        # owner is a place ("Derry's Altnagelvin Hospital")
        while (start >= 2 and doc[start - 1].text in ("'s", "’s") and _name_token(doc[start - 2])
               and doc[start - 2].ent_type_ not in ("GPE", "LOC") and i - start < _MAX_NAME):
            start -= 2
            while start > 0 and i - start < _MAX_NAME and _name_token(doc[start - 1]) \
                    and not doc[start].is_sent_start:
                start -= 1
        if start == i or _continues(doc, i + 1):
            continue
        if _word(tok) in _SURNAMES and all(doc[k].ent_type_ == "PERSON" for k in range(start, i + 1)):
            continue  # "Stuart Hall", "Frank Church"; but "Karl Bremer Hospital" is a hospital whatever the NER says
        spans.append((start, i + 1))
    spans += _road_numbers(doc)
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e)
            continue
        out.append((s, e))
    return out


def attach_facilities(gaz: Gazetteer, doc: Any, text: str, found: list[Toponym],
                      words: dict[str, str] | None = None) -> list[Toponym]:
    """Streets, buildings and sites ("Royal Street", "Karl Bremer Hospital") replace the names found inside
    them, except a province or country the name carries ("University of Alberta") when the text does not
    say where the facility is; a name the gazetteer knows whole ("Menlo Park") is that place."""
    spans = facility_spans(doc, words)
    if not spans:
        return found
    doc = light_of(doc)
    out = sorted(found, key=lambda t: t.start)
    for s, e in spans:
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        inside = [t for t in out if start <= t.start and t.end <= end]
        if any(t.start < end and start < t.end and not any(t is x for x in inside) for t in out):
            continue  # a place name that runs past the facility's ("Nelson-Creston")
        known = [c for c in gaz.lookup(text[start:end], loose=False)
                 if c.feature != "admin2" and (c.feature != "town" or c.population >= 1000)]
        if known:
            continue
        container = _container(text, out, start, end)
        if any(t.demonym is not None for t in inside):
            continue  # "the Russian Museum": the nationality stays what it is
        if container is None and any((c := gaz.lookup(t.text)) and c[0].feature not in TOWN_FEATURES
                                     for t in inside if t.end - t.start < end - start):
            continue
        fac = Toponym(text[start:end], start, end, -1, facility=True, container=container, parts=inside,
                      optional=not any(doc[k].ent_type_ == "FAC" for k in range(s, e)))
        out.append(fac)
        out.sort(key=lambda t: t.start)
    for top in out:  # a facility in another facility named after it ("... on Collins Avenue in Miami Beach")
        if top.facility and top.container is None:
            top.container = _container(text, out, top.start, top.end)
    return out


def _container(text: str, found: list[Toponym], start: int, end: int) -> Toponym | None:
    """The place the text puts a facility in: "... in Miami Beach", "..., Dublin", "Brooklyn's ..."."""
    for k, t in enumerate(found):
        if t.demonym is not None:
            continue
        if t.start >= end and _CONTAINER_GAP.fullmatch(text[end:t.start]):
            after = found[k + 1] if k + 1 < len(found) else None
            if text[end:t.start].strip() == "," and after is not None \
                    and text[t.end:after.start].strip() in (",", "and", ", and"):
                return None  # "Florida Atlantic University, California Polytechnic ... and ...": a list
            return t
        if t.end <= start and _POSSESSIVE_GAP.fullmatch(text[t.end:start]):
            return t
    return None
