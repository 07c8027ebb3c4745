"""Places stage: find place names in the article and resolve them against the gazetteer.

Recognition takes spaCy's GPE/LOC/FAC entities, demonyms among its NORP
entities ("Iraqi", "Anbari"), and capitalised names the NER missed or
mislabelled when the gazetteer knows them and the wording is locative ("in
Karmah", "near Kubaysa") or the name is a country/province/region. Resolution
is contextual (``sitrep.gazetteer.resolve``). Relative phrases ("30 km west
of Ramadi", "on the outskirts of", "near") lower a town's precision to 2.
A name the gazetteer cannot place stays in the output, unresolved, with a reason.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.gazetteer import Entry, Gazetteer, load_gazetteer
from sitrep.gazetteer.resolve import HINT_FEATURES, Resolver, Toponym
from sitrep.model import Document, Place
from sitrep.registry import stage
from sitrep.stages.nlp import sentence_index

NAME = "sitrep.places.v1"
ENTITY_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE = {"in", "near", "at", "from", "outside", "of", "to", "toward", "towards", "around", "across", "into",
            "between", "through", "nearby", "inside", "within", "outskirts", "via", "and"}
_DIRS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern|ward)?"
_REL_DISTANCE = re.compile(
    r"\b\d[\d,.]*\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?|mi)\b[^.;]{0,30}?\b(?:of|from)\s+"
    r"(?:the\s+)?(?:(?:city|town|village|district|area|province|governorate)\s+of\s+)?$", re.I)
_REL_NEAR = re.compile(
    r"\b(?:near|nearby|close to|outskirts of|vicinity of|outside(?: of)?|around|edge of|countryside of|"
    r"villages? (?:of|near|around)|rural|suburbs? of|areas? (?:of|near|around)|parts? of|" + _DIRS + r" (?:of|outskirts of)|"
    r"outskirts of)\s+(?:the\s+)?(?:(?:city|town|village|district|area) of\s+)?$", re.I)
_HINT_BEFORE = re.compile(r"\b(city|town|village|province|governorate|state|county|district|region|desert)\s+of\s+$",
                          re.I)


def _clean(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Token span without a leading article and a trailing possessive."""
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’", ".", ","):
        end -= 1
    return start, end


class PlaceFinder:
    """Recognition and resolution for a batch of documents; holds the gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.resolver = Resolver(gazetteer)

    # -- recognition ------------------------------------------------------------
    def _toponym(self, doc: Any, start: int, end: int, sent: int) -> Toponym | None:
        start, end = _clean(doc, start, end)
        if start >= end:
            return None
        hints: tuple[str, ...] = ()
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and nxt.lower_ in HINT_FEATURES:
            wider = doc[start:end + 1].text
            if self.gaz.lookup(wider, loose=False):
                end += 1
            hints = HINT_FEATURES[nxt.lower_]
        elif doc[end - 1].lower_ in HINT_FEATURES and end - start > 1:
            hints = HINT_FEATURES[doc[end - 1].lower_]
        before = doc.text[max(0, doc[start].idx - 40):doc[start].idx]
        m = _HINT_BEFORE.search(before)
        if m and not hints:
            hints = HINT_FEATURES[m.group(1).lower()]
        span = doc[start:end]
        return Toponym(span.text, span.start_char, span.end_char, sent, hints)

    def _split(self, doc: Any, start: int, end: int) -> list[tuple[int, int]]:
        """'Alexandria, Va.' is two places; a name the gazetteer knows whole stays whole."""
        if not any(doc[i].text == "," for i in range(start, end)) or self.gaz.lookup(doc[start:end].text, False):
            return [(start, end)]
        parts, cur = [], start
        for i in range(start, end):
            if doc[i].text == ",":
                parts.append((cur, i))
                cur = i + 1
        parts.append((cur, end))
        return [p for p in parts if p[0] < p[1]]

    def recognise(self, doc: Any) -> list[Toponym]:
        found: list[Toponym] = []
        taken = [False] * (len(doc) + 1)
        for ent in doc.ents:
            if ent.label_ == "NORP":
                dem = self.gaz.demonym(ent.text)
                if dem is not None:
                    found.append(Toponym(ent.text, ent.start_char, ent.end_char, -1, (), dem))
                    for i in range(ent.start, ent.end):
                        taken[i] = True
                continue
            if ent.label_ not in ENTITY_LABELS:
                continue
            for s, e in self._split(doc, ent.start, ent.end):
                top = self._toponym(doc, s, e, -1)
                if top is not None:
                    found.append(top)
            for i in range(ent.start, ent.end):
                taken[i] = True
        found += self._gazetteer_names(doc, taken)
        for top in found:
            top.sent = sentence_index(doc, top.start)
        found.sort(key=lambda t: t.start)
        return found

    def _gazetteer_names(self, doc: Any, taken: list[bool]) -> list[Toponym]:
        """Capitalised names the NER missed (or called a person/organisation) that the gazetteer knows."""
        out: list[Toponym] = []
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if taken[i] or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "ADJ", "NOUN"):
                i += 1
                continue
            matched = 0
            for width in (4, 3, 2, 1):
                j = i + width
                if j > n or any(taken[k] for k in range(i, j)) or not doc[j - 1].text[:1].isalpha():
                    continue
                text = doc[i:j].text
                cands = self.gaz.lookup(text, loose=False)
                if not cands:
                    continue
                prev = doc[i - 1].lower_ if i > 0 else ""
                in_entity = doc[i].ent_type_ in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT")
                locative = prev in LOCATIVE and not in_entity
                top = cands[0]
                broad = top.feature in ("country", "admin1", "region", "desert", "continent") or top.id.startswith("add:")
                if width == 1 and tok.pos_ != "PROPN" and not locative:
                    continue
                if locative or (broad and not in_entity and top.feature != "admin2"):
                    topo = self._toponym(doc, i, j, -1)
                    if topo is not None:
                        out.append(topo)
                        matched = width
                    break
            for k in range(i, i + matched):
                taken[k] = True
            i += max(1, matched)
        return out

    # -- resolution ---------------------------------------------------------------
    def _place(self, doc: Any, top: Toponym) -> Place:
        place = Place(text=top.text, start=top.start, end=top.end, sent=top.sent)
        e: Entry | None = top.entry
        if e is None:
            place.unresolved_reason = top.reason or f"no gazetteer entry for '{top.text}'"
            return place
        gaz = self.gaz
        info = gaz.country_info(e.cc)
        place.country = info.get("name")
        place.iso = info.get("numeric")
        place.latitude, place.longitude = round(e.latitude, 5), round(e.longitude, 5)
        place.gazetteer_id = e.id
        place.feature = "demonym" if top.demonym is not None else e.feature
        place.geo_precision = e.precision
        if e.feature == "country":
            place.name = place.country or e.name
        elif e.feature == "admin1":
            place.name = gaz.admin1_name(e.admin1_code) or e.name
            place.admin1 = place.name
        else:
            place.name = gaz.admin2_name(e.name) if e.feature == "admin2" else _display(e.name)
            place.admin1 = gaz.admin1_name(e.admin1_code)
            place.admin2 = gaz.admin2_name(e.admin2) if e.admin2 else None
        if place.geo_precision < 2 and top.demonym is None:
            before = doc.text[max(0, top.start - 80):top.start]
            if _REL_DISTANCE.search(before) or _REL_NEAR.search(before):
                place.geo_precision = 2
        return place

    def run(self, document: Document) -> None:
        doc = document.doc
        if doc is None:
            return
        toponyms = self.recognise(doc)
        focus, _shares = self.resolver.resolve(toponyms)
        document.places = [self._place(doc, t) for t in toponyms]
        if focus:
            document.extras["focus_country"] = self.gaz.country_name(focus)
            document.extras["focus_iso2"] = focus


def _display(name: str) -> str:
    from sitrep.gazetteer.names import strip_diacritics

    return strip_diacritics(name)


@stage(NAME, needs=("doc",), sets=("places", "extras.focus_country"))
def make_places(config: dict[str, Any]) -> Any:
    """Recognise place names (NER + gazetteer) and resolve them in the article's context to ACLED geography."""
    finder = PlaceFinder(load_gazetteer())

    def run(documents: list[Document]) -> None:
        for document in documents:
            finder.run(document)

    return run
