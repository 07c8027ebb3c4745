"""Capitalised names the NER missed or mislabelled that the gazetteer knows, for the places stage.

A mixin of ``sitrep.stages.places.PlaceFinder`` (split from it to keep each file readable): it needs the
finder's ``gaz``, ``_text`` and ``_toponym``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sitrep.gazetteer.names import exact_key
from sitrep.gazetteer.resolve import HINT_FEATURES, TOWN_FEATURES, Toponym
from sitrep.gazetteer.wording import (
    CALENDAR,
    GENERIC_WORDS,
    INSTITUTION_WORDS,
    LOCATIVE,
    NAMED_AREAS,
    adjective_follows,
    is_dateline,
)
from sitrep.lightdoc import light_of

if TYPE_CHECKING:
    from sitrep.gazetteer.store import Gazetteer

# "<name> do Norte", "<name> de la Sierra": a connector and up to three capitalised words after a name
_JOINED_AFTER = re.compile(r"\s+(do|da|dos|das|de|del|de la|de los|de las)\s+([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})")


SOLE_TOWN = 50_000  # an untagged proper noun naming a town this large, in one country only, is that town
# unit words that say the capitalised name before them is a place ("the Timbuktu region")
_UNIT_WORDS = frozenset(("province", "governorate", "state", "region", "oblast", "prefecture", "county", "district",
                         "lga", "territory", "cercle", "woreda", "commune", "municipality", "locality", "city", "town",
                         "village", "countryside"))


_SETTLEMENT_WORDS = frozenset(("village", "villages", "town", "towns", "hamlet", "locality", "commune", "city",
                               "municipality", "township"))
# "on the outskirts of Tunis", "in the suburbs of Niamey": a part of a place, named after "of"
_AREA_OF_WORDS = frozenset(("outskirts", "suburbs", "suburb", "outskirt", "centre", "center", "heart", "edge",
                            "streets", "vicinity", "environs", "periphery"))


# a count the NER saw ("Ten supporters were injured"): Sri Lanka's Southern Province is also "Ten" in GeoNames
_COUNTS = ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT")


class UnlabelledNames:
    """Recognition of gazetteer names outside (or inside the wrong kind of) NER entities."""

    gaz: Gazetteer
    _text: str

    def _toponym(self, doc: Any, start: int, end: int, sent: int) -> Toponym | None:
        raise NotImplementedError

    def _joined(self, found: list[Toponym]) -> list[Toponym]:
        """Portuguese and Spanish names joined by 'do', 'da', 'de', 'del' that the NER cut in two or ended early
        ('Rio Grande' + 'Norte' of 'Rio Grande do Norte', 'Campo Novo' of 'Campo Novo do Parecis'): the longer
        name when the gazetteer knows it as written; the names inside it are dropped."""
        out: list[Toponym] = []
        for t in found:
            if t.demonym is not None or (m := _JOINED_AFTER.match(self._text, t.end)) is None:
                continue
            words = m.group(2).split()
            for n in range(len(words), 0, -1):
                end = m.start(2) + len(" ".join(words[:n]))
                name = self._text[t.start:end]
                if self.gaz.lookup(name, loose=False):
                    out.append(Toponym(name, t.start, end, t.sent, t.hints))
                    break
        if not out:
            return found
        inside = [t for t in found if any(j.start <= t.start and t.end <= j.end for j in out)]
        return sorted([t for t in found if t not in inside] + out, key=lambda t: t.start)

    def _gazetteer_names(self, doc: Any, taken: list[bool]) -> list[Toponym]:
        """Capitalised names the NER missed, or labelled person/organisation, that the gazetteer knows.

        Outside entities: a locative cue ("in Karmah") or a name that is a country, province,
        region or city of 100k+. Inside a PERSON/ORG entity: the whole entity must be such a
        name (or cued); an organisation may contain a country or province anywhere ("University
        of Georgia") and start with a town that owns it ("Gainesville Police Department").
        """
        # this walk reads every token, several times over: spaCy's Doc made a Token object for each read
        doc = light_of(doc)
        toks = doc.tokens  # the token list itself: ``doc[i]`` was a call per read, 150,000 per 120 articles
        out: list[Toponym] = []
        i, n = 0, len(doc)
        while i < n:
            tok = toks[i]
            if taken[i] or not (tok.text[:1].isupper() or _article_name(toks, i)) \
                    or tok.ent_type_ in ("TIME", "MONEY") \
                    or (tok.ent_type_ == "DATE" and (tok.lower_ in CALENDAR or toks[i - 1].lower_ not in LOCATIVE)) \
                    or (tok.ent_type_ in _COUNTS and toks[i - 1].lower_ not in LOCATIVE) \
                    or (tok.ent_type_ == "LANGUAGE" and not adjective_follows(doc, i + 1)
                        and not self._language_place(toks, i)):
                i += 1
                continue
            ent_start, ent_end = i, n
            if tok.ent_type_:
                while ent_start > 0 and toks[ent_start].ent_iob_ == "I":
                    ent_start -= 1
                while ent_start < i and toks[ent_start].lower_ in ("the", "a", "an"):
                    ent_start += 1
                ent_end = i + 1
                while ent_end < n and toks[ent_end].ent_iob_ == "I":
                    ent_end += 1
            dem, width = None, 0
            for width in (2, 1):  # "Sri Lankan", "South Sudanese", "Iraqi"
                if i + width <= n and not any(taken[k] for k in range(i, i + width)) \
                        and toks[i + width - 1].text[:1].isalpha():  # "Houthi-run" is "Houthi", not "Houthi-"
                    dem = self.gaz.demonym(_words(toks, i, i + width))
                    # a one-word person or language is a demonym when an adjective's noun follows
                    # ("Azerbaijani soldiers", "the English city of Salisbury")
                    if dem is not None and (width == 2 or tok.ent_type_ not in ("PERSON", "LANGUAGE")
                                            or adjective_follows(doc, i + 1)):
                        break
                    dem = None
            if dem is not None:
                span = doc[i:i + width]
                out.append(Toponym(span.text, span.start_char, span.end_char, -1, (), dem))
                for k in range(i, i + width):
                    taken[k] = True
                i += width
                continue
            matched = self._match_at(doc, i, ent_start, ent_end, taken, out)
            i += max(1, matched)
        return out

    def _language_place(self, toks: list[Any], i: int) -> bool:
        """"killed ... in Tunis": a city the NER took for a language, after "in" or "near"; a language's name is
        no nationality word ("in English") and no city or province ("in Arabic")."""
        tok = toks[i]
        if i == 0 or toks[i - 1].lower_ not in _LANGUAGE_LOCATIVE or self.gaz.demonym(tok.text) is not None:
            return False
        return any(e.feature in ("admin1", "country") or (e.feature == "town" and e.population >= 100_000)
                   for e in self.gaz.lookup(tok.text, loose=False))

    def _match_at(self, doc: Any, i: int, ent_start: int, limit: int, taken: list[bool], out: list[Toponym]) -> int:
        toks = doc.tokens
        tok = toks[i]
        prev = toks[i - 1].lower_ if i > 0 else ""
        # "in Karmah"; the next of a list of places ("Žilina, Nitra, Prešov and Košice", "Nelson-Creston");
        # "Fig Leaf Boutique (Maywood)"
        # (ACLED's "Chankheli rural municipality-6 (Humla district)": a unit word in the bracket says so too, and
        # so does a bracket of units after a name or its other spelling: "Tanwolbougou [Tanwalbougou] (Fada
        # Ngourma, Gourma)")
        locative = prev in LOCATIVE or (prev in (",", "and", "or", "-") and i >= 2 and taken[i - 2]) or (
            prev == "(" and i >= 2 and toks[i - 2].text[:1].isupper() and i + 1 < len(doc) and toks[i + 1].text == ")") \
            or (prev == "(" and i + 2 < len(doc) and toks[i + 1].lower_ in HINT_FEATURES and toks[i + 2].text in (")", ",")) \
            or (prev == "(" and i >= 2 and toks[i - 2].text == "]" and _units_bracket(doc, i))
        # "Knockhill, Fife": after a name and a comma, a province or county is where that name is
        # ("at Vwak town, Riyom": the name's settlement word may stand before the comma)
        after_name = prev == "," and i >= 2 and (toks[i - 2].text[:1].isupper() or (
            i >= 3 and toks[i - 2].lower_ in _SETTLEMENT_WORDS and toks[i - 3].text[:1].isupper()))
        label = tok.ent_type_
        proper = tok.pos_ == "PROPN" or (tok.is_upper and len(tok.text) >= 4)  # taggers miss ALL-CAPS names
        for width in (4, 3, 2, 1):
            j = i + width
            if j > limit or any(taken[k] for k in range(i, j)) or not toks[j - 1].text[:1].isalpha():
                continue
            # transliteration-tolerant matching only where the wording says a place follows ("in Heet"; an entity
            # only before a unit word: "in Ar Raqqa governorate" the NER took for an organisation)
            unit_next = j < len(doc) and toks[j].lower_ in ("governorate", "province", "countryside")
            # ... and never for a name ending in a lower-case word: "near Ghat on his way" is Ghat, not "Ghat on",
            # loosely Gatton (Australia)
            loose = locative and proper and (not label or unit_next) and not (
                width > 1 and toks[j - 1].text.islower() and toks[j - 2].whitespace_)  # ("Pul-e-Hisar" is one)
            cands = self.gaz.lookup(_words(toks, i, j), loose=loose)
            if not cands:
                continue
            top = cands[0]
            if width == 1 and tok.lower_ in GENERIC_WORDS:
                continue
            if width == 1 and label == "ORG" and tok.is_upper and len(tok.text) <= 4 \
                    and top.feature in TOWN_FEATURES and tok.text not in self.gaz.abbrevs:
                return 0  # an acronym ("OAS", "UN", "CHU"), not the small town of that name; "NJ" is New Jersey
            if label == "ORG" and width > 1 and toks[j - 1].lower_ in ("city", "town") and j < limit:
                continue  # "Dublin City Council" is Dublin's council; "Dublin City" would be Dublin, Ireland
            broad = top.feature in NAMED_AREAS or top.id.startswith("add:")
            # "in Aleppo countryside", "Idleb governorate": a unit word after the name says it is a place
            unit_after = j < len(doc) and (toks[j].lower_ in HINT_FEATURES or toks[j].lower_ == "countryside")
            # ("the village of Belehede" the NER took for a people: the settlement word says it is a place)
            settlement_of = prev == "of" and i >= 2 and toks[i - 2].lower_ in _SETTLEMENT_WORDS
            area_of = prev == "of" and i >= 2 and toks[i - 2].lower_ in _AREA_OF_WORDS
            if label == "NORP" and top.feature not in NAMED_AREAS and not unit_after and not (
                    (prev in ("in", "near", "outside") or settlement_of or area_of) and not adjective_follows(doc, j)):
                return 0  # a people or group word ("Arab tribal fighters") is not the small town of that name
            typed = width > 1 and toks[j - 1].lower_ in HINT_FEATURES  # "Anderson County" says what it is
            if label:
                # ACLED's "Goma - Keshero": a town, a dash between spaces and a part of it, not a body named after it
                city_part = (i == ent_start and j + 1 < limit and toks[j].text in ("-", "–") and toks[j - 1].whitespace_
                             and toks[j].whitespace_ and toks[j + 1].text[:1].isupper() and top.feature in TOWN_FEATURES)
                whole = i == ent_start and j == limit
                big = top.population >= (20_000 if label == "ORG" else 100_000)
                owner = (i == ent_start and j < limit
                         and (toks[j].lower_ in INSTITUTION_WORDS or toks[j].text in ("'s", "’s"))
                         and (top.population >= 1000 or top.feature in ("admin1", "admin2", "country")))
                # ("the area surrounding Obo town": a settlement word after the whole entity says it is a place)
                settled = whole and j < len(doc) and toks[j].lower_ in _SETTLEMENT_WORDS \
                    and top.feature in TOWN_FEATURES
                ok = ((whole and (broad or big or typed or settled or (locative and i == ent_start))) or owner or city_part
                      or (typed and i == ent_start)  # "Laurel County Fiscal Court", "Walker County Fair"
                      or (label == "ORG" and locative and top.population >= 100_000)  # "United Way of Atlanta"
                      or (label == "ORG" and top.feature in ("country", "admin1", "continent"))
                      # the NER joins "the city of Goma in North Kivu" into one organisation
                      or (locative and i == ent_start and j < limit and toks[j].lower_ in ("in", "near"))
                      # a unit after a name and a comma, ending the entity, holds the name: "at Vwak town, Riyom"
                      # with Riyom taken for a person; "Tiguezefen, Tillabery" taken for one organisation, where
                      # the town its province is named after stands for the province
                      or (after_name and j == limit and (top.feature in ("admin1", "admin2") or (
                          i > ent_start and self._names_its_province(top))))
                      # "in Gubio LGA" the NER took for a person: the name and its unit word are the entity
                      or (locative and i == ent_start and j == limit - 1 and unit_after)
                      # "Silao de la Victoria, Guanajuato" the NER took for an organisation: a town, a comma and
                      # the province that holds it are a place written as ACLED writes one
                      or (i == ent_start and j + 1 < limit and toks[j].text == ","
                          and self._province_holds(_words(toks, j + 1, limit), cands)))
            else:
                if width == 1 and not proper and not locative:
                    continue
                caps = proper or (width > 1 and _words(toks, i, j).isupper())  # "NEW DELHI:"
                # "in the Timbuktu region", "Gossi commune": a unit word after a name says it is a place
                unit_named = proper and j < len(doc) and toks[j].lower_ in _UNIT_WORDS
                # ("Tuareg rebels surround Timbuktu": a town of some size the NER left untagged, known in one country
                # only, is that town whatever the verb before it)
                ok = (locative or typed or unit_named or (broad and top.feature != "admin2")
                      or (after_name and top.feature in ("admin1", "admin2", "country"))
                      or (caps and (top.population >= 100_000 or is_dateline(doc, i, j)))
                      or (proper and top.population >= SOLE_TOWN and len({c.cc for c in cands}) == 1))
            # an organisation named after its city ("The Washington Post", "Metro Vancouver", "Bantam Superior
            # Court"): the city is a place of the article, but not where its events happen (see ``embedded``)
            named_after = (not ok and label == "ORG" and i == ent_start and j < limit
                           and (toks[j].text[:1].isupper() or (toks[j].lower_ in ("and", "-") and j + 1 < limit))
                           and (top.population >= 50_000 or top.feature in ("admin1", "admin2", "country")))
            if ok or named_after:
                topo = self._toponym(doc, i, j, -1)
                if topo is not None:
                    topo.embedded = named_after
                    out.append(topo)
                    for k in range(i, j):
                        taken[k] = True
                    return width
            # a longer name the gazetteer knows, rejected here, is not searched for shorter ones inside it
            # ("St. Paul" in "St. Paul XCEL Energy Center" is not the Paul of Cabo Verde)
            return width if width > 1 else 0
        return 0

    def _names_its_province(self, entry: Any) -> bool:
        """A town that bears its own province's name ("Tillabéri" of Tillabéri region)."""
        unit = self.gaz.admin1_name(entry.admin1_code) if entry.feature == "town" and entry.admin1_code else None
        return unit is not None and exact_key(unit) == exact_key(entry.name)

    def _province_holds(self, name: str, cands: list[Any]) -> bool:
        """``name`` is a province (admin1) that holds one of the towns ``cands``."""
        codes = {c.admin1_code for c in self.gaz.lookup(name, loose=False) if c.feature == "admin1"}
        return any(c.feature in TOWN_FEATURES and c.admin1_code in codes for c in cands)

    # -- resolution ---------------------------------------------------------------


_LANGUAGE_LOCATIVE = frozenset({"in", "near", "at", "outside", "inside"})


# the Arabic article written as said before a "sun letter": an-Nawfaliyah, ar-Rastan, as-Sidra, ash-Shajara
_SUN_ARTICLES = {"an": "N", "ar": "R", "as": "S", "ash": "Sh", "at": "T", "ad": "D", "az": "Z", "adh": "Dh",
                 "ath": "Th"}


def _article_name(toks: list[Any], i: int) -> bool:
    """"in al Arish", "in an Nawfaliyah": a lower-case Arabic article opening a place's name after a locative word
    (the NER took the name for a people's); an assimilated article only before its own letter."""
    if not (0 < i < len(toks) - 1 and toks[i + 1].text[:1].isupper() and toks[i - 1].lower_ in LOCATIVE):
        return False
    low = toks[i].lower_
    return low in ("al", "el") or (low in _SUN_ARTICLES and toks[i].text.islower()
                                   and toks[i + 1].text.startswith(_SUN_ARTICLES[low]))


def _units_bracket(doc: Any, i: int) -> bool:
    """The bracket opened before token ``i`` holds only capitalised names, commas and unit words: ACLED's units."""
    for k in range(i, min(len(doc), i + 10)):
        t = doc[k]
        if t.text == ")":
            return k > i
        if not (t.text[:1].isupper() or t.text in (",", "-", "'", "’") or t.lower_ in HINT_FEATURES):
            return False
    return False


def _words(toks: list[Any], i: int, j: int) -> str:
    """The text of tokens i..j-1 (j > i), as ``doc[i:j].text``, without making the span."""
    last = toks[j - 1]
    return last.doc.text[toks[i].idx : last.idx + len(last.text)]
