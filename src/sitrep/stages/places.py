"""Places stage: find place names in the article and resolve them against the gazetteer.

Recognition takes spaCy's GPE/LOC/FAC entities, demonyms among its NORP
entities ("Iraqi", "Anbari"), and capitalised names the NER missed or
mislabelled when the gazetteer knows them and the wording is locative ("in
Karmah", "near Kubaysa") or the name is a country/province/region. Resolution
is contextual (``sitrep.gazetteer.resolve``). Relative phrases ("30 km west
of Ramadi", "on the outskirts of", "near") lower a town's precision to 2.
Streets, buildings and sites ("Royal Street", "Al-Ramadi Teaching Hospital",
"the A417") are placed at the town that contains them, precision 2
(``sitrep.gazetteer.facilities``). The city an organisation is named after
("The Washington Post") is a place of the article but decides neither its
focus nor an event's location. A name the gazetteer cannot place stays in the
output, unresolved, with a reason.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.gazetteer import Entry, Gazetteer, exact_key, load_gazetteer
from sitrep.gazetteer.areas import generic_unit
from sitrep.gazetteer.bracket_lists import mark_bracket_lists
from sitrep.gazetteer.containers import (
    bracket_provinces,
    bracket_units,
    coded_places,
    mark_bracket_areas,
    mark_city_parts,
    mark_containers,
    mark_parentheticals,
    mark_units_after,
    names_before_areas,
    qualified_places,
)
from sitrep.gazetteer.district_typos import Admin2Names, district_typos
from sitrep.gazetteer.entity_spans import EntitySpans
from sitrep.gazetteer.facilities import attach_facilities, facility_words
from sitrep.gazetteer.not_places import NotPlaceNames
from sitrep.gazetteer.reporting import ReportingCountry
from sitrep.gazetteer.resolve import HINT_FEATURES, Resolver, Toponym
from sitrep.gazetteer.settle import anchored_near
from sitrep.gazetteer.spelling import Admin1Names, admin1_spellings, match_admin1_typos
from sitrep.gazetteer.unit_phrases import names_before_units
from sitrep.gazetteer.unlabelled import UnlabelledNames
from sitrep.gazetteer.wording import (
    DIRECTION_ABBREVIATIONS,
    ENTITY_LABELS,
    HINT_BEFORE,
    INSTITUTION_WORDS,
    PART_OF,
    clean_span,
)
from sitrep.lightdoc import light_of
from sitrep.model import Document, Place
from sitrep.registry import stage
from sitrep.stages.nlp import sentence_index

NAME = "sitrep.places.v1"
_DIRS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern|ward)?"
_REL_DISTANCE = re.compile(
    r"\b\d[\d,.]*\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?|mi|nm|nautical miles?)\b[^.;]{0,30}?\b(?:of|from)\s+"
    r"(?:the\s+)?(?:(?:city|town|village|district|area|province|governorate)\s+of\s+)?$", re.I)
_REL_NEAR = re.compile(
    r"\b(?:near|nearby|close to|outskirts of|vicinity of|outside(?: of)?|around|edge of|countryside of|"
    r"villages (?:of|near|around)|village (?:near|around)|rural|suburbs? of|areas? (?:of|near|around)|parts? of|" + _DIRS + r" (?:of|outskirts of)|"
    r"outskirts of)\s+(?:the\s+)?(?:(?:city|town|village|district|area) of\s+)?$", re.I)
_CODE_AFTER = re.compile(r"\s*:\s*\d")
_PEOPLE_BEFORE = re.compile(r"\bethnic\s+$", re.I)
_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?\s+(?:[A-Z][\w'’]*\s+){0,2}$")
_NOUN_AFTER = re.compile(r"[ -]+(?!(?:who|whom|whose|which|that|and|or|but|in|of|from|to|at|on|with|by|for|was|is|"
                         r"were|are|had|has|have|as|after|before|when|while)\b)[A-Za-z]|'s\b")
_PARTY_AFTER = re.compile(r"\s+[Pp]arty\b")
# "Vice President Mphoko": a word of a title, not Vice (Peru)
_TITLE_WORDS = frozenset({"vice", "deputy", "prime", "acting", "lieutenant"})
_TITLE_AFTER = re.compile(r"\s+(?:President|Chairman|Chairperson|Minister|Governor|Speaker|Chancellor|Premier|"
                          r"General|Commander|Mayor)\b")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# "fired Grad missiles", "Katyusha rockets": a weapon's model name before its kind, not a place (Grad, Slovenia)
_WEAPON_AFTER = re.compile(r"\s+(?:missiles|rockets|rocket launchers|MLRS)\b")  # lower case: "Houston Rockets" is a team
# "Palestine Liberation Army": the words that make a country's name open an armed organisation's (not a party's: a
# party named for its country is at home there, "Sri Lanka Freedom Party")
_ORGANISATION_AFTER = re.compile(r"(?:\s+[A-Z][\w'’]*){0,2}\s+(?:Liberation|Army|Front|Movement|Forces?|Brigades?|"
                                 r"Militia)\b")
# "Russian forces", "Turkish army drones", "Israeli warplanes": the nationality of an armed force
_FORCE_AFTER = re.compile(r"(?:-backed)?\s+(?:[a-z]+\s+)?(?:forces|troops|army|military|soldiers|navy|air ?force|"
                          r"warplanes|jets|drones?|artillery|(?:air ?)?strikes)\b")


_AND_COMPASS_NAME = re.compile(r"\s+(?:and|&)\s+(?:North|South|East|West|Upper|Lower|Central)[\w-]*\s+[A-Z]")


def place_of(gaz: Gazetteer, top: Toponym, text: str, spelled: dict[str, str] | None = None) -> Place:
    """The output place of a resolved name in the article ``text``; ``spelled``: the article's own spelling of admin1
    units."""
    place = Place(text=top.text, start=top.start, end=top.end, sent=top.sent)
    e: Entry | None = top.entry
    if e is None:
        place.unresolved_reason = top.reason or f"no gazetteer entry for '{top.text}'"
        return place
    info = gaz.country_info(e.cc)
    place.country = info.get("name")
    place.iso = info.get("numeric")
    place.latitude, place.longitude = round(e.latitude, 5), round(e.longitude, 5)
    place.gazetteer_id = e.id
    place.feature = "demonym" if top.demonym is not None else "facility" if top.facility else e.feature
    place.geo_precision = e.precision
    if e.feature == "country":
        place.name = place.country or e.name
    elif e.feature == "admin1":
        place.name = gaz.admin1_name(e.admin1_code) or e.name
        place.admin1 = (spelled or {}).get(e.admin1_code) or place.name
    else:
        place.name = gaz.admin2_name(e.name) if e.feature == "admin2" else _display(e.name)
        # "Lakki Marwat" is written in full; the gazetteer's short name ("Lakki") would not be recognised
        own, said = exact_key(e.name), exact_key(top.text)
        if top.demonym is None and not top.facility and said.startswith(own + " ") \
                and said.rsplit(" ", 1)[-1] not in HINT_FEATURES:
            place.name = _display(top.text)
        place.admin1 = (spelled or {}).get(e.admin1_code) or gaz.admin1_name(e.admin1_code)
        place.admin2 = gaz.admin2_name(e.admin2) if e.admin2 else None
    if place.geo_precision < 2 and top.demonym is None:
        before = text[max(0, top.start - 80):top.start]
        if _REL_DISTANCE.search(before) or _REL_NEAR.search(before):
            place.geo_precision = 2
    return place


class PlaceFinder(UnlabelledNames, NotPlaceNames, EntitySpans):
    """Recognition and resolution for a batch of documents; holds the gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.resolver = Resolver(gazetteer)
        self.reporting = ReportingCountry(gazetteer)
        self.facility_words = facility_words()
        self.admin1_names = Admin1Names(gazetteer)
        self.admin2_names = Admin2Names(gazetteer)
        # the current document's text: spaCy's ``doc.text`` rebuilds the string from tokens on every call
        self._text = ""
        # entity text -> the named actor it is an alias of: the actor dictionary is fixed, and the lookup runs
        # spaCy's tokenizer on the text every time (the same names recur across a batch's notes)
        self._actor_aliases: dict[str, str | None] = {}

    # -- recognition ------------------------------------------------------------
    def _toponym(self, doc: Any, start: int, end: int, sent: int) -> Toponym | None:
        start, end = clean_span(doc, start, end)
        if end - start > 1 and doc[end - 1].lower_ in ("city", "town") and end < len(doc) \
                and doc[end].lower_ in INSTITUTION_WORDS:
            end -= 1  # "Dublin City Council" is Dublin's council; "Dublin City" would be Dublin, Ireland
        if start >= end:
            return None
        if doc[start].text in DIRECTION_ABBREVIATIONS:
            if end - start == 1:
                if end < len(doc) and doc[end].text[:1].isupper():
                    return None  # "SE" of "SE Turkey", the NER's entity on its own
            elif not any(self.gaz.lookup(name, loose=False) for name in (doc[start:end].text, *(
                    f"{word} {doc[start + 1:end].text}" for word in DIRECTION_ABBREVIATIONS[doc[start].text]))):
                start += 1  # "NW Pak": the part's country; the hint below reads it as a unit, like "northern"
        hints: tuple[str, ...] = ()
        unit_word = ""
        nxt = doc[end] if end < len(doc) else None
        # (a capitalised "Department" or "Regency" after a name is an agency's or a hotel's: "Georgia Department of
        # Transportation", "Hyatt Regency")
        if nxt is not None and nxt.lower_ in HINT_FEATURES and nxt.text not in ("Department", "Regency"):
            wider = doc[start:end + 1].text
            if self.gaz.lookup(wider, loose=False):
                end += 1
            hints = HINT_FEATURES[nxt.lower_]
            unit_word = nxt.lower_
        elif doc[end - 1].lower_ in HINT_FEATURES and end - start > 1:
            hints = HINT_FEATURES[doc[end - 1].lower_]
            unit_word = doc[end - 1].lower_
        before = self._text[max(0, doc[start].idx - 40):doc[start].idx]
        m = HINT_BEFORE.search(before)
        if m and not hints:
            hints = HINT_FEATURES[m.group(1).lower()]
        elif not hints and start > 0 and (PART_OF.match(doc[start - 1].lower_)
                                          or doc[start - 1].text in DIRECTION_ABBREVIATIONS):
            hints = ("country", "admin1", "region", "admin2")  # "in southern Idlib" is the province, not the city
        span = doc[start:end]
        return Toponym(span.text, span.start_char, span.end_char, sent, hints, unit_word=unit_word)

    def recognise(self, doc: Any, text: str | None = None) -> list[Toponym]:
        """Place names in ``doc``; ``text`` is ``doc.text`` when the caller already holds it."""
        self._text = doc.text if text is None else text
        found: list[Toponym] = []
        taken = [False] * (len(doc) + 1)
        for ent in doc.ents:
            if taken[ent.start]:
                continue  # joined to the name before it ("Boa" + "Vista")
            dem = self.gaz.demonym(ent.text) if ent.label_ in ENTITY_LABELS | {"NORP"} else None
            if dem is not None and not (ent.label_ != "NORP" and self.gaz.lookup(ent.text, loose=False)):
                s, e = clean_span(doc, ent.start, ent.end)  # "Houthi-run": the NER keeps the hyphen
                span = doc[s:e] if s < e else ent
                found.append(Toponym(span.text, span.start_char, span.end_char, -1, (), dem))
                for i in range(ent.start, ent.end):
                    taken[i] = True
            elif ent.label_ in ENTITY_LABELS:
                ent_end = self._extend(doc, ent.start, ent.end)
                for s, e in self._split(doc, ent.start, ent_end):
                    top = self._toponym(doc, s, e, -1)
                    if top is None:
                        continue
                    if self.gaz.lookup(top.text):
                        found.append(top)
                    elif not self._inner(doc, s, e, found) and not any(ch.isdigit() for ch in top.text):
                        # kept unresolved; "M23" or "F-16" are no place names. A building, road or bridge
                        # the NER saw (FAC) is placed at its town like a named facility ("Anfield", "Capitol").
                        top.facility = ent.label_ == "FAC"
                        found.append(top)
                for i in range(ent.start, ent_end):
                    taken[i] = True
        found += self._gazetteer_names(doc, taken)
        found = self._joined(found)
        found += self._repeats(doc, found)
        found = self._not_people(doc, found)
        in_groups = {id(t) for t in found if self._in_actor_name(t)}  # "Boko" of Boko Haram
        found = [t for t in found if not self._actor_name(t) and not (id(t) in in_groups and not self._major_place(t))]
        # "a Holy Man": a name with an indefinite article is a thing or a person, no place ("a Kabul hospital",
        # "a Texas Parks & Wildlife warden" keep theirs: there the name qualifies the words after it)
        found = [t for t in found if t.demonym is not None or not (
            _INDEFINITE_BEFORE.search(self._text, max(0, t.start - 40), t.start)
            and not _NOUN_AFTER.match(self._text, t.end))]
        # a unit's type word alone ("Region" of "Region 14, Addis Ababa") names no place, whatever alias has it
        found = [t for t in found if exact_key(t.text) not in HINT_FEATURES]
        # "(IMO: 9252967)": a code's label, not Imo state
        found = [t for t in found if not _CODE_AFTER.match(self._text, t.end)]
        # "Svoboda party", "the Baath Party": a party's name, not the village of that name (Svoboda, Ukraine)
        found = [t for t in found if t.demonym is not None or not _PARTY_AFTER.match(self._text, t.end)]
        found = [t for t in found if not (t.text.lower() in _TITLE_WORDS and _TITLE_AFTER.match(self._text, t.end))]
        # "the chief of Birao, an ethnic Kara": a people, not Kara, Togo
        found = [t for t in found if not _PEOPLE_BEFORE.search(self._text, max(0, t.start - 12), t.start)]
        self._nationality_words(doc, found)
        for top in found:
            top.actor = top.demonym is not None and _FORCE_AFTER.match(self._text, top.end) is not None \
                and self._national(top.text, top.demonym)
            top.actor = top.actor or self._border_country(top)  # "near the Mali border"
            # a country or city in a group's name says whose it is, not where things happen ("Palestine Liberation Army")
            top.actor = top.actor or (top.demonym is None and id(top) in in_groups)
            # ... or of one the actor table lacks: a country's name opening an armed organisation's name ("Palestine
            # Liberation Army", "Sudan People's Liberation Movement") says whose it is, not where things happen
            top.actor = top.actor or (_ORGANISATION_AFTER.match(self._text, top.end) is not None
                                      and self._country_name(top))
        found = attach_facilities(self.gaz, doc, self._text, found, self.facility_words)
        found += bracket_units(self.gaz, self._text, found)
        found += coded_places(self.gaz, self._text, found)[0]
        more = names_before_areas(self.gaz, doc, found)
        found += more
        if more:  # "Kisima (Beni, North Kivu)": Beni, found only now, qualifies the name before the bracket
            found += names_before_areas(self.gaz, doc, found)
        found += names_before_units(self.gaz, self._text, found)  # "Sfuhen town in Idleb countryside"
        # "South-East of Ngaoundaye", "the north of Mali": a direction from a place, not a unit called "South-East"
        found = [t for t in found if not (generic_unit(t.text) and _OF_NAME.match(self._text, t.end))]
        # "East and West Hararghe", "North and South Kivu": the first compass word is half of a name, no unit
        found = [t for t in found if not (generic_unit(t.text) and _AND_COMPASS_NAME.match(self._text, t.end))]
        found = [t for t in found if t.demonym is not None or self.gaz.demonym(t.text) is not None
                 or not _WEAPON_AFTER.match(self._text, t.end)]  # ("Palestinian rockets": whose they are)
        for top in found:
            top.sent = sentence_index(doc, top.start)
            # "at 3:00 pm Sanaa time": a time zone says when, not where; like a newspaper's city (``embedded``)
            top.embedded = top.embedded or self._text.startswith(" time", top.end)
        found.sort(key=lambda t: t.start)
        mark_containers(self.gaz, self._text, found)
        mark_parentheticals(self.gaz, self._text, found)
        mark_bracket_areas(self.gaz, self._text, found)
        mark_bracket_lists(self.gaz, self._text, found)
        mark_units_after(self.gaz, self._text, found)
        mark_city_parts(self.gaz, self._text, found)
        return found

    def _repeats(self, doc: Any, found: list[Toponym]) -> list[Toponym]:
        """One sense per article: a name recognised as a place once is a place wherever else it appears
        ("Dublin" in "the Dublin Veterans Project"), except as part of a person's name."""
        known = {t.text for t in found if t.demonym is None and t.text[:1].isupper() and len(t.text) > 3}
        if not known:
            return []
        covered = bytearray(len(self._text) + 1)
        for t in found:
            covered[t.start:t.end] = b"\x01" * (t.end - t.start)
        # a span's text starts with its first token's: only tokens that start a known name need a span built
        heads = tuple(known)
        out: list[Toponym] = []
        for i, tok in enumerate(doc):
            if covered[tok.idx] or not tok.text[:1].isupper() or not any(k.startswith(tok.text) for k in heads):
                continue
            for width in (3, 2, 1):
                span = doc[i:i + width]
                if len(span) < width or span.text not in known or any(covered[span.start_char:span.end_char]):
                    continue
                if tok.ent_type_ == "PERSON" and not (tok.ent_iob_ == "B" and (
                        span.end == len(doc) or doc[span.end].ent_iob_ != "I")):
                    break
                top = self._toponym(doc, span.start, span.end, -1)
                if top is not None:
                    out.append(top)
                    covered[top.start:top.end] = b"\x01" * (top.end - top.start)
                break
        return out

    def _place(self, doc: Any, top: Toponym, spelled: dict[str, str] | None = None) -> Place:
        """The output place of a resolved name; ``spelled``: the article's own spelling of admin1 units."""
        return place_of(self.gaz, top, self._text, spelled)

    def run(self, document: Document) -> None:
        doc = document.doc
        if doc is None:
            return
        toponyms = self.recognise(light_of(doc), document.article.text)
        given = self.reporting.iso2(document.article.country)
        guess = None if given else self.reporting.from_source(document.article.source)
        named = guess is not None and guess == self.reporting.named_by_source(document.article.source)
        national = guess is not None and guess == self.reporting.national_outlet(document.article.source)
        focus, _shares = self.resolver.resolve(toponyms, given, fallback=guess, source_named=named,
                                               national_outlet=national)
        anchored_near(toponyms, self._text)
        match_admin1_typos(self.admin1_names, toponyms, focus, self._text)
        found = district_typos(self.admin2_names, self._text, toponyms, focus)  # "(Tanahu district)": Tanahun
        for top in found:
            top.sent = sentence_index(doc, top.start)
        if found:
            toponyms = sorted(toponyms + found, key=lambda t: t.start)
        spelled = admin1_spellings(self.gaz, self._text, toponyms)
        # a placed facility replaces the names inside it; one no town in the article contains is dropped
        # (its inner names stay) unless the NER called it a facility
        placed = [t for t in toponyms if t.facility and t.entry is not None]
        inner = {id(p) for t in placed for p in t.parts}
        kept = [t for t in toponyms
                if id(t) not in inner and not (t.facility and t.entry is None and (t.optional or t.parts))]
        document.places = [self._place(doc, t, spelled) for t in kept]
        bracket_provinces(kept, document.places)
        # names inside an organisation's name: the geocoder places events elsewhere when it can
        document.extras["places_in_names"] = [t.start for t in toponyms if t.embedded]
        # units in brackets after a place ("Boni (Douentza, Mopti)") say where it is; they locate no event when it can
        document.extras["place_hints"] = [t.start for t in toponyms if t.admin_hint is not None]
        # ... and where the event is when that place is unknown ("Sanphe Bagar municipality (Achham district)")
        document.extras["place_hints_open"] = [t.start for t in toponyms
                                               if t.admin_hint is not None and t.admin_hint.entry is None]
        # places the text qualifies with the units that hold them: the event is there (``qualified_places``)
        document.extras["places_qualified"] = qualified_places(document.article.text, toponyms)
        # "coded as Sabere": ACLED's own note of where the event is
        coded = coded_places(self.gaz, self._text, toponyms)[1]
        # ... and a coded village the gazetteer lacks is where its first unit is ("(coded to Al Yatimah) (Khabb wa
        # Ash Shaaf, Al Jawf)")
        coded += [next(u.start for u in toponyms if u.admin_hint is t) for t in toponyms
                  if t.start in coded and t.entry is None and any(u.admin_hint is t for u in toponyms)]
        document.extras["places_coded"] = coded
        # a word of a longer name the gazetteer lacks ("Tal" of "Tal Tamer town"): the event is there only when
        # nothing else places it
        document.extras["places_partial"] = [t.start for t in toponyms if t.partial]
        # places the event is a distance from ("in the South Red Sea around 70 nm west of Al Hudaydah"): not where
        # it is when the sentence names a sea
        document.extras["places_offset"] = [t.start for t in kept
                                            if _REL_DISTANCE.search(self._text[max(0, t.start - 80):t.start])]
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
