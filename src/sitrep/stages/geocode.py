"""Geocode stage: give every event the place its evidence names.

Order of preference for an event's location (a city named only inside an
organisation's name, "The Washington Post", only when nothing else fits):

1. a resolved place inside the event's evidence sentence (most precise first,
   places in the article's focus country before others, then the one nearest
   the trigger), a place the text qualifies with its units ("Larkana city (Larkana, Sindh)", "Cadereyta
   Jimenez, Nuevo Leon") before any other: that is how ACLED-style notes state where the event is;
2. else the nearest resolved place in the article (by sentence distance) that
   fits: in the focus country when there is one, not a bare demonym;
3. else the article's country at geo_precision 3: the one its places, actors and source support most (the events
   stage's ``article_country``: "Civilians (Mali)", "MINUSCA" say where a note is that names no place), else
   the places stage's focus; then, when ACLED's record is sure which province notes worded so are about, or, for
   a country the record knows too little, that the event is in the capital (``sitrep.stages.province_guess``),
   that province, still at geo_precision 3, with ``tags`` saying so.

A country is the least precise place an event can take: a country in the evidence sentence ("on their way to Togo",
"sugar imported from Brazil") gives way to a town or province of the article in that country, else in the
article's country (ACLED codes the most precise location a note gives). A sea or strait is in no country; an event
there takes the article's country (ACLED codes Red Sea attacks to Yemen, with no admin1), or, when that country
lies far from the sea ("US forces shot down a Houthi drone"), the nearest country the article names.

A district is placed at its namesake town, else, when GeoNames links no town to it (its point is then only its
province's middle), at its province's largest town, as a province named alone is.

A lone place name read abroad, far from the article's country (the one its actors and source back), where the
article names no place in that country, is a village's namesake ("JNIM militants attacked Solhan": not Solhan,
Turkey): the event takes the article's country instead; likewise a lone place far from every country the
article's named groups are known in (``group_homes``).

A unit in brackets after a place ("Boni (Douentza, Mopti)") says where that place is: it is the location only
when the place itself cannot be resolved, and then at geo_precision 2 at least.

Sets ACLED's ``country, iso, region, admin1, admin2, location, latitude,
longitude, geo_precision`` and ``evidence["location"]`` (the place's span)
when the location comes from the text.
"""

from __future__ import annotations

import math
from typing import Any

from sitrep.gazetteer import Gazetteer, exact_key, load_gazetteer
from sitrep.gazetteer.acled import AdminEras
from sitrep.gazetteer.seats import Seats
from sitrep.gazetteer.toponym import Toponym, distance_km
from sitrep.model import Document, Event, Place
from sitrep.registry import stage
from sitrep.stages.generic_country import follow_event_country
from sitrep.stages.group_homes import group_countries, lone_abroad
from sitrep.stages.nlp import sentence_index
from sitrep.stages.places import place_of
from sitrep.stages.province_guess import ProvinceGuess, country_only

NAME = "sitrep.geocode.v1"
ARTICLE_COUNTRY_KEY = "sitrep.events.country"  # the events stage's article_country (a country name)
# what a place more precise than its country is; regions, deserts and rivers may span borders
PRECISE = frozenset(("town", "admin2", "admin1", "facility"))
NEAR_CELLS = 2  # a place within this many one-degree cells of a country's town is near it (``_near``)
SHORE_KM = 1500.0  # an event at sea is coded to a country the article names that lies this near the sea's point
_WATERS = frozenset(("sea", "ocean", "strait"))  # an event placed a distance off a town is there


class Geocoder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.iso2_by_numeric = {info["numeric"]: cc for cc, info in gazetteer.countries.items() if info.get("numeric")}
        self.iso2_by_name = {info["name"]: cc for cc, info in gazetteer.countries.items() if info.get("name")}
        self.numeric_by_iso2 = {cc: info["numeric"] for cc, info in gazetteer.countries.items()
                                if info.get("numeric") is not None}
        self._cells: dict[str, set[tuple[int, int]]] | None = None  # each country's towns' one-degree cells
        # made here, where the stage is made (in the pool's fork server, before its workers fork), not lazily in
        # every worker: a walk of the whole gazetteer, ~0.06 s CPU each
        self.seats = Seats(gazetteer)
        self.eras = AdminEras()
        self.province_guess = ProvinceGuess(gazetteer, self.iso2_by_numeric)

    def _fits(self, place: Place, focus_iso: int | None) -> bool:
        if place.latitude is None or place.feature == "demonym":
            return False
        return focus_iso is None or place.iso == focus_iso or place.iso is None  # a sea is in no country

    @staticmethod
    def _anchor(event: Event) -> int:
        for key in ("trigger", "sentence"):
            span = event.evidence.get(key)
            if span:
                return int(span[0])
        return 0

    def locate(self, event: Event, places: list[Place], doc: Any, focus_iso: int | None, focus_cc: str | None,
               in_names: frozenset[int] = frozenset(), hints: frozenset[int] = frozenset(),
               qualified: frozenset[int] = frozenset(), coded: frozenset[int] = frozenset(),
               partial: frozenset[int] = frozenset(), open_hints: frozenset[int] = frozenset(),
               article_cc: str | None = None, offset: frozenset[int] = frozenset(),
               groups: tuple[frozenset[int], str | None] = (frozenset(), None)) -> None:
        resolved = [p for p in places if p.latitude is not None and p.feature != "demonym"]
        # a city inside an organisation's name ("The Washington Post reported") locates nothing if any other place can
        resolved = [p for p in resolved if p.start not in in_names] or resolved
        # nor does one word of a longer name the gazetteer lacks ("Tal" of "Tal Tamer town in Al Hasakeh")
        # (unless only a country would be left: "San Juan" of "San Juan Izhuatepec, Mexico" says more)
        whole = [p for p in resolved if p.start not in partial]
        resolved = whole if any(p.feature != "country" for p in whole) else resolved
        # "Boni (Douentza, Mopti)": the bracketed units say where Boni is; they are the location only without it
        # (a country named elsewhere, "Islamic State Somalia Province", is no better a place than they are, nor
        # is a namesake abroad: "Moro Gabey village (Xudur, Bakool)" is not Moro, Pakistan)
        # (the units of a place the gazetteer lacks are where the event is: "Sanphe Bagar (Achham district)")
        placed = [p for p in resolved if p.start not in hints or p.start in open_hints]
        qualified = qualified | open_hints
        resolved = placed if any(p.feature != "country" and (focus_iso is None or p.iso == focus_iso)
                                 for p in placed) else resolved
        span = event.evidence.get("sentence")
        # "coded as Sabere": the note says where ACLED put the event
        # (unless the name is a namesake abroad that nothing else in the note backs: "[coded to Anyang]" in a
        # South Sudan note is not Anyang, China)
        chosen: Place | None = next((p for p in resolved if p.start in coded and (
            focus_iso is None or p.iso in (focus_iso, None) or any(q.iso == p.iso and q.start != p.start
                                                                  for q in places if q.latitude is not None))),
                                    None)
        off: Place | None = None  # the town an event at sea is a distance from
        if chosen is None and span and resolved:
            start, end = int(span[0]), int(span[1])
            inside = [p for p in resolved if p.start < end and start < p.end]
            if inside:
                anchor = self._anchor(event)
                # bracketed units are written smallest first ("(Madaya Township, Pyinoolwin District, Mandalay
                # Region)"): the first one known is the nearest to the place they hold
                chosen = min(inside, key=lambda p: (p.start not in qualified,
                                                    # a sea is in no country, never abroad
                                                    focus_iso is not None and p.iso not in (focus_iso, None),
                                                    p.start not in hints,
                                                    (0, 0, p.start) if p.start in hints
                                                    # a country names less than a sea or region of its precision
                                                    else (p.geo_precision or 3, p.feature == "country",
                                                          abs(p.start - anchor))))
                # "in the South Red Sea around 70 nm west of Al Hudaydah": the event is at sea, as ACLED codes it,
                # and nearer the town than the sea's middle
                seas = [p for p in inside if p.feature in _WATERS and p.start < chosen.start]
                if chosen.start in offset and chosen.start not in coded and seas:
                    chosen, off = seas[-1], chosen
        if chosen is None:
            fitting = [p for p in resolved if self._fits(p, focus_iso)] or resolved
            if fitting:
                here = sentence_index(doc, int(span[0])) if span and doc is not None else -1
                chosen = min(fitting, key=lambda p: (abs(p.sent - here) if here >= 0 else 0, p.geo_precision or 3,
                                                     p.start))
        if chosen is not None and chosen.feature == "admin1" and chosen.start not in coded | hints:
            chosen = self._town_inside(chosen, resolved, hints) or chosen
        told_at: Place | None = None  # a town the evidence sentence names beside a country it is not in
        if chosen is not None and chosen.feature == "country" and chosen.start not in coded:
            inner = self._place_in_country(chosen, resolved, partial, article_cc)
            if inner is None and (told_at := self._precise_beside(chosen, resolved, partial, hints)) is not None:
                inner = told_at
            chosen = inner or chosen
        if chosen is not None and chosen.feature != "country" and chosen.iso is not None and groups[0] \
                and chosen.iso not in groups[0] and lone_abroad(chosen, places, groups[0]) \
                and not any(self._near(iso, chosen) for iso in groups[0]):
            # a namesake far from every named group (group_homes): the place of that name where they act, if any
            home = self._group_namesake(chosen, groups, doc.text if doc is not None else "")
            home_cc = self.iso2_by_numeric.get(home.iso) if home is not None and home.iso is not None else None
            chosen, article_cc, focus_cc = (home, home_cc, None) if home else (None, groups[1], None)
        article_iso = self.gaz.country_info(article_cc).get("numeric") if article_cc else None
        homes = [iso for iso in (article_iso, focus_iso) if iso is not None]
        if chosen is not None and article_iso is not None and chosen.iso == focus_iso != article_iso \
                and lone_abroad(chosen, places, frozenset((article_iso,))) and not self._near(article_iso, chosen):
            homes = [article_iso]
        if chosen is not None and chosen is not told_at and chosen.start not in coded | hints | qualified \
                and chosen.iso is not None and homes and chosen.iso not in homes:
            # a place abroad of everything else the note says ("Region" of "Region 14, Addis Ababa" as Mimaropa,
            # Philippines; "South-East of Ngaoundaye" as Botswana's province): the note's place at home, else
            # its country (a place the note qualifies with its units, or those units, says where it is itself)
            chosen = next((p for iso in homes if (p := self._precise_in(iso, resolved, partial, chosen.sent))),
                          None)
        fallback = article_cc or focus_cc
        if chosen is not None:
            self._apply(event, chosen)
            if off is not None and off.latitude is not None and off.longitude is not None:
                event.latitude, event.longitude = off.latitude, off.longitude
            if chosen.start in hints:  # "near Mondoro (Douentza, Mopti)" with Mondoro unknown: somewhere in Douentza
                event.geo_precision = max(2, event.geo_precision or 1)
            if chosen.iso is None and fallback:  # a sea or strait: ACLED gives the event the article's country
                self._set_country(event, self._shore(chosen, places, fallback))
        elif fallback:
            self._apply_country(event, fallback)

    def _place_in_country(self, country: Place, resolved: list[Place], partial: frozenset[int],
                          article_cc: str | None) -> Place | None:
        """A town or province of the article in the chosen country, else in the article's country: the event's
        place when the evidence sentence names only a country ("they went missing near Bobo-Dioulasso ... on
        their way to Togo"). The first one of the sentence nearest to the country's mention."""
        article_iso = self.gaz.country_info(article_cc).get("numeric") if article_cc else None
        for iso in (country.iso, article_iso):
            if iso is not None and (inside := self._precise_in(iso, resolved, partial, country.sent)):
                return inside
        return None

    @staticmethod
    def _precise_beside(country: Place, resolved: list[Place], partial: frozenset[int],
                        hints: frozenset[int]) -> Place | None:
        """A town or province of another country in the sentence that names only a country the article has no
        place in ("demonstrated in Koln against the war in Ukraine", "protested in Malaga to condemn Russia's
        invasion of Ukraine"): the country is what the event is about, the town where it is (ACLED codes the
        most precise location a note gives)."""
        beside = [p for p in resolved if p.sent == country.sent and p.feature in PRECISE and p.iso is not None
                  and p.iso != country.iso and p.start not in partial and p.start not in hints]
        return min(beside, key=lambda p: (abs(p.start - country.start), p.start)) if beside else None

    @staticmethod
    def _precise_in(iso: int, resolved: list[Place], partial: frozenset[int], sent: int) -> Place | None:
        """The article's town or province in that country: the first one of the sentence nearest ``sent``."""
        inside = [p for p in resolved if p.iso == iso and p.feature in PRECISE and p.start not in partial]
        return min(inside, key=lambda p: (abs(p.sent - sent), p.start)) if inside else None

    def _shore(self, sea: Place, places: list[Place], fallback: str) -> str:
        """The country an event at sea is coded to: the article's, unless it lies far from that sea ("US forces
        shot down a Houthi drone in the Red Sea": not the United States) and another country the article names
        (its places, nationality words) lies near it: then the nearest of those (Yemen)."""
        if self._distance(fallback, sea) <= SHORE_KM:
            return fallback
        named = {self.iso2_by_numeric.get(p.iso) for p in places if p.iso is not None and p.latitude is not None}
        near = sorted((d, cc) for cc in named if cc and cc != fallback and (d := self._distance(cc, sea)) <= SHORE_KM)
        return near[0][1] if near else fallback

    def _distance(self, cc: str, place: Place) -> float:
        """About how far (km) a place lies from the country's nearest town (the middle of its one-degree cell)."""
        cells = self._town_cells(cc)
        if place.latitude is None or place.longitude is None or not cells:
            return math.inf
        lat, lon = place.latitude, place.longitude
        return min(distance_km(lat, lon, y + 0.5, x + 0.5) for y, x in cells)

    def _town_cells(self, cc: str) -> set[tuple[int, int]]:
        """The one-degree cells the country's towns lie in. Every country's are made in one walk of the gazetteer,
        at the first event that asks (seas and lone places abroad only), not one walk per country asked."""
        if self._cells is None:
            gaz = self.gaz
            cells: dict[str, set[tuple[int, int]]] = {}
            for i, feature in enumerate(gaz.features):
                if feature == "town":
                    cells.setdefault(gaz.cc[i], set()).add((math.floor(gaz.lat[i]), math.floor(gaz.lon[i])))
            self._cells = cells
        return self._cells.get(cc, set())

    def _group_namesake(self, abroad: Place, groups: tuple[frozenset[int], str | None], text: str) -> Place | None:
        """The place of the very name in the countries the article's named groups act in ("JNIM militants attacked
        the village of Nama": Burkina Faso's Nama, not the Philippines'): in the country the article backs most
        among them, else in the only one that has such a place."""
        key = exact_key(abroad.text or "")
        codes = {cc for iso in groups[0] if (cc := self.iso2_by_numeric.get(iso))}
        found = [e for e in self.gaz.lookup(abroad.text or "") if e.cc in codes and exact_key(e.name) == key
                 and e.feature not in ("country", "continent", "admin1")]
        if groups[1] and any(e.cc == groups[1] for e in found):
            found = [e for e in found if e.cc == groups[1]]
        if not found or len({e.cc for e in found}) > 1:
            return None
        entry = max(found, key=lambda e: (e.feature == "town", e.population))
        top = Toponym(abroad.text or "", abroad.start, abroad.end, abroad.sent, candidates=[entry], entry=entry)
        return place_of(self.gaz, top, text)

    def _near(self, iso: int, place: Place) -> bool:
        """Whether a place lies within about two degrees of a town of the country: a place just across a border
        (Abyei beside South Sudan) may well be where a note's actors act, a namesake continents away is not."""
        cc = self.iso2_by_numeric.get(iso)
        if cc is None or place.latitude is None or place.longitude is None:
            return True
        cells = self._town_cells(cc)
        y, x = math.floor(place.latitude), math.floor(place.longitude)
        return any((y + dy, x + dx) in cells for dy in range(-NEAR_CELLS, NEAR_CELLS + 1)
                   for dx in range(-NEAR_CELLS, NEAR_CELLS + 1))

    @staticmethod
    def _town_inside(unit: Place, resolved: list[Place], hints: frozenset[int]) -> Place | None:
        """A more precise place of the article inside the province the evidence names ("in Santa Fe y La Mar,
        Oaxaca ... the State Institute of Oaxaca"): an event known to be in the province is at the place the
        article names there, the nearest in text (ACLED codes the most precise location the note gives)."""
        inside = [p for p in resolved if p is not unit and p.start not in hints and p.iso == unit.iso and p.admin1
                  and p.admin1 == unit.admin1 and p.feature not in ("admin1", "country", "region")]
        if not inside:
            return None
        return min(inside, key=lambda p: (abs(p.sent - unit.sent), p.geo_precision or 3, p.start))

    def _apply(self, event: Event, place: Place) -> None:
        cc = self.iso2_by_numeric.get(place.iso) if place.iso is not None else None
        event.country = place.country
        event.iso = place.iso
        event.region = self.gaz.country_info(cc).get("region") or None if cc else None
        event.admin1 = place.admin1
        event.admin2 = place.admin2
        event.location = place.name
        event.latitude = place.latitude
        event.longitude = place.longitude
        if place.feature == "admin2" and (seat := self.seats.seat(place) or self.seats.province_town(place)) is not None:
            event.latitude, event.longitude = seat
        elif place.feature == "admin1" and (town := self.seats.main_town(place)) is not None:
            event.latitude, event.longitude = town
        event.geo_precision = place.geo_precision
        event.evidence["location"] = [place.start, place.end]

    def _set_country(self, event: Event, cc: str) -> None:
        info = self.gaz.country_info(cc)
        event.country = info.get("name") or event.country
        event.iso = info.get("numeric") or event.iso
        event.region = info.get("region") or event.region

    def _apply_country(self, event: Event, cc: str) -> None:
        entry = self.gaz.country_entry(cc)
        info = self.gaz.country_info(cc)
        if entry is None:
            return
        event.country = info.get("name")
        event.iso = info.get("numeric")
        event.region = info.get("region") or None
        event.location = info.get("name")
        event.latitude, event.longitude = round(entry.latitude, 5), round(entry.longitude, 5)
        event.geo_precision = 3

    def run(self, document: Document) -> None:
        if not document.events:
            return
        focus_cc = document.extras.get("focus_iso2")
        focus_iso = self.gaz.country_info(focus_cc).get("numeric") if focus_cc else None
        in_names = frozenset(document.extras.get("places_in_names") or ()) | _in_group_names(document)
        hints = frozenset(document.extras.get("place_hints") or ())
        qualified = frozenset(document.extras.get("places_qualified") or ())
        coded = frozenset(document.extras.get("places_coded") or ())
        partial = frozenset(document.extras.get("places_partial") or ())
        open_hints = frozenset(document.extras.get("place_hints_open") or ())
        offset = frozenset(document.extras.get("places_offset") or ())
        named = document.extras.get(ARTICLE_COUNTRY_KEY)
        article_cc = self.iso2_by_name.get(named) if isinstance(named, str) else None
        published = document.article.published_date
        # (a country the caller gives is where the note is: the groups' countries then say nothing more)
        groups = group_countries(document, self.iso2_by_name, self.numeric_by_iso2) if not document.article.country \
            else (frozenset(), None)
        features: dict[str, set[str]] = {}  # the article's words for the province tables, read once if needed
        for event in document.events:
            self.locate(event, document.places, document.doc, focus_iso, focus_cc, in_names, hints, qualified, coded,
                        partial, open_hints, article_cc, offset, groups)
            if country_only(event):
                self.province_guess.place(event, document, features)
            follow_event_country(event, document.article.text, self.gaz, self.iso2_by_name)
            self._name_of_the_time(event, published.year if published else None)

    def _name_of_the_time(self, event: Event, published_year: int | None) -> None:
        """ACLED's name of the event's admin1 in the event's year (the article's when the event has no date yet)."""
        cc = self.iso2_by_numeric.get(event.iso) if event.iso is not None else None
        if not event.admin1 or cc is None:
            return
        year = int(event.event_date[:4]) if event.event_date and event.event_date[:4].isdigit() else published_year
        event.admin1 = self.eras.name_at(cc, event.admin1, year)


# ACLED's inter codes of rebel groups and political militias: a group named after a place ("Sinaloa Cartel", "Movement
# for Unity and Jihad in West Africa") acts far beyond it; a state's or a community's force named after its province
# ("Kaduna State police", "Zamfara communal militia") is most often there
_GROUP_INTERS = frozenset((2, 3))


def _in_group_names(document: Document) -> frozenset[int]:
    """Starts of the places inside a named armed group's mention ("members of the Sinaloa Cartel captured ... in
    the state of Zacatecas"): like a city in an organisation's name, they locate an event only when nothing else can."""
    spans = [(a.start, a.end) for a in document.actors if a.kind != "generic" and a.inter in _GROUP_INTERS]
    if not spans:
        return frozenset()
    return frozenset(p.start for p in document.places
                     if any(s <= p.start and p.end <= e and e - s > p.end - p.start for s, e in spans))


@stage(NAME, needs=("events", "places"), sets=("events.location",))
def make_geocode(config: dict[str, Any]) -> Any:
    """Locate each event at the place its evidence sentence names, else the nearest fitting place, else the focus country."""
    geocoder = Geocoder(load_gazetteer())

    def run(documents: list[Document]) -> None:
        for document in documents:
            geocoder.run(document)

    return run
