"""Toponym resolution in context: pick each name's gazetteer entry using the whole article.

Evidence, strongest first: the feature a hint word asks for ("Anbar *province*",
"*the town of* Hit"); the countries and admin1 units the article names
unambiguously (its focus); other places of the same admin1 nearby; the
entry's prior (feature type, population; a place's own or aliased name over
an old or foreign alternate). Resolution runs twice: the first pass fixes the
context, the second re-decides every name inside it; then a name pinned once
("Tacoma, Washington") keeps that sense everywhere, and facilities take their
town (``place_facilities``).
"""

from __future__ import annotations

import math

from sitrep.gazetteer.abroad import BROAD as _BROAD
from sitrep.gazetteer.abroad import (
    SMALL_PLACE,
    far_from,
    home_namesakes,
    outlets_namesake,
    outweighed_abroad,
    small_places_only,
    unbacked_abroad,
)
from sitrep.gazetteer.beside_unit import towns_beside_units
from sitrep.gazetteer.names import article_variant, exact_key, loose_key, spelling_key
from sitrep.gazetteer.settle import containers_hold, hints_hold, one_sense, place_facilities, within_at_home
from sitrep.gazetteer.store import Entry, Gazetteer, prior
from sitrep.gazetteer.toponym import HINT_FEATURES as HINT_FEATURES
from sitrep.gazetteer.toponym import LANDMARK_FEATURES as LANDMARK_FEATURES
from sitrep.gazetteer.toponym import TOWN_FEATURES as TOWN_FEATURES
from sitrep.gazetteer.toponym import Toponym as Toponym
from sitrep.gazetteer.toponym import distance_km as distance_km
from sitrep.gazetteer.toponym import km_between, split_unit_word

# the countries whose units are called townships: "Kani Township" is Myanmar's, never Japan's town of Kani, and a
# township whose town the gazetteer lacks is left unresolved rather than matched abroad
TOWNSHIP_COUNTRIES = {"MM", "US", "CA", "CN", "TW", "ZA", "IN", "AU", "NZ"}
SIZEABLE_TOWN = 100_000  # a town this large is known by name: a unit the text spells otherwise does not undo it
_NAMED_COUNTRY = "@country"  # in a name's "seats": the name is a country's own name


def _called_district(top: Toponym) -> bool:
    """The text calls the name a district, in a hint word around it or its own last word ("Bara district")."""
    last = top.text.split()[-1].lower() if " " in top.text else ""
    return "admin2" in top.hints or "admin2" in HINT_FEATURES.get(last, ())


def _own_name(top: Toponym, entry: Entry) -> bool:
    """The text writes the entry's own name, perhaps with a unit word of its kind ("Kossi Province" for the
    province Kossi; what a unit word means differs by country: Burkina Faso's provinces are its admin2 units), not
    one of its other names."""
    said, own = exact_key(top.text), exact_key(entry.name)
    if said == own:
        return True
    head, unit = split_unit_word(said)
    return unit is not None and head == own and (
        entry.feature in HINT_FEATURES[unit] or entry.feature in ("admin1", "admin2"))


class Resolver:
    """Resolves the toponyms of one article at a time against a ``Gazetteer``."""

    def __init__(self, gazetteer: Gazetteer, focus_weight: float = 3.5, admin_weight: float = 3.0) -> None:
        self.gaz = gazetteer
        self.focus_weight = focus_weight
        self.admin_weight = admin_weight
        self._districts: dict[str, int] | None = None  # province code -> its number of districts (built on first use)

    def candidates(self, top: Toponym) -> None:
        if top.facility:
            return  # placed after the other names (``place_facilities``)
        if top.demonym is not None:
            top.candidates = [top.demonym]
            return
        found = self.gaz.lookup(top.text, loose=False)
        head, unit = split_unit_word(top.text)
        if not found and unit:
            # "Baitadi District", "Bara district": the name without its unit word, of that kind where it has one
            # (before a loose match of the whole, which finds "Barra da Tijuca" for "Bara district")
            named = self.gaz.lookup(head, loose=False)
            found = [c for c in named if c.feature in HINT_FEATURES[unit]] or named
        if not found and top.text[:1].isupper():
            # transliteration-tolerant only for a capitalised name: in lower-cased text the NER tags words
            # like "singh" or "khoon" as places, and their approximate namesakes are noise (Shingu, Japan)
            found = self.gaz.lookup(top.text)
            top.exact = bool(found) and article_variant(found[0].name, top.text)
        if top.unit_word == "township":
            found = [c for c in found if c.cc in TOWNSHIP_COUNTRIES]
            if not found:
                top.candidates = []
                top.reason = f"no '{top.text}' in a country with townships"
                return
        if found and "." in top.text and len(top.text) <= 6:
            found = found[:1]  # an abbreviation ("Pa.", "U.S.") means what our alias table says, nothing else
        if found and top.within:
            inside = [c for c in found if c.admin1_code in top.within or c.cc in top.within]
            # a province is not inside the province the text puts it in ("San Salvador, San Salvador": the city)
            inside = [c for c in inside if not (c.feature == "admin1" and c.admin1_code in top.within)] or inside
            if not inside and unit:
                # "Nawa district (Helmand)": a namesake elsewhere is known with its unit word; this one without
                inside = [c for c in self.gaz.lookup(head, loose=False)
                          if c.admin1_code in top.within or c.cc in top.within]
            if not inside and not any("." in code for code in top.within):
                # a well-known city is itself when the text's unit is known to us only as a wider area abroad, not
                # as a province ("Sanandaj city (Kurdistan)": Iran's Kordestan, not Iraq's Kurdistan Region; "Beni
                # city (Myagdi district)" is still Nepal's Beni)
                inside = [c for c in found if c.feature == "town" and c.population >= SIZEABLE_TOWN
                          and exact_key(c.name) == exact_key(top.text)]
            if not inside:  # a town GeoNames files under the neighbouring (or a newer) province
                inside = towns_beside_units(self.gaz, found, top.within)
            if not inside:
                # the text says which unit holds it ("Troitske, Donetsk"; "Shika (Gassol, Taraba)"): a namesake
                # outside that unit is another place; the unit itself locates the event (precision 2)
                top.candidates = []
                top.reason = f"no '{top.text}' inside the unit the text puts it in"
                return
            found = inside
        top.candidates = found
        if not found:
            key = exact_key(top.text)
            top.reason = (f"'{top.text}' is a former state with no present-day location" if key in self.gaz.historic
                          else f"no gazetteer entry for '{top.text}'")

    @staticmethod
    def _evidence(top: Toponym) -> Entry | None:
        """The entry a name points to whatever the context (for building the context)."""
        cands = top.candidates
        if not cands:
            return None
        if top.demonym is not None or len(cands) == 1:
            return cands[0]
        best = cands[0]
        rivals = [c for c in cands[1:] if c.cc != best.cc and (c.feature in _BROAD or c.population >= 100_000)]
        if best.feature in _BROAD and not rivals:
            return best
        if len({c.cc for c in cands}) == 1 and prior(best.feature, best.population) >= 4.0:
            return best
        return None

    def _context(self, entries: list[Entry], vote: str | None = None
                 ) -> tuple[dict[str, float], dict[str, float], list[Entry]]:
        countries: dict[str, float] = {vote: 1.0} if vote else {}  # the source's country: one town's weight
        admins: dict[str, float] = {}
        seen: set[int] = set()
        for e in entries:
            if e.cc and e.feature != "continent":
                # a country, province or demonym says more about the focus than a town that may be a namesake,
                # and a town named twice is still one town
                broad = e.feature in ("country", "admin1")
                if broad or e.idx not in seen:
                    countries[e.cc] = countries.get(e.cc, 0.0) + (2.0 if broad else 1.0)
                seen.add(e.idx)
            if e.admin1_code:
                admins[e.admin1_code] = admins.get(e.admin1_code, 0.0) + 1.0
        ctot = sum(countries.values()) or 1.0
        atot = sum(admins.values()) or 1.0
        return ({k: v / ctot for k, v in countries.items()}, {k: v / atot for k, v in admins.items()},
                [e for e in entries if e.feature not in _BROAD])

    def _score(self, top: Toponym, c: Entry, cshare: dict[str, float], ashare: dict[str, float],
               towns: list[Entry], seats: set[str], support: dict[str, float] | None = None) -> float:
        s = prior(c.feature, self._district_people(c) if _called_district(top) else c.population)
        if c.id.startswith("add:"):
            s += 1.0
        key = exact_key(top.text)
        if top.hints:
            s += 6.0 if c.feature in top.hints else -3.0
        elif c.feature in ("admin1", "admin2") and ((c.admin2 or c.admin1_code) in seats or c.cc in seats) \
                and c.idx not in self.gaz.aliased.get(key, ()):
            s -= 4.0  # "Kirkuk" alone is the city, not the province named after it (unless our alias file says so)
        elif c.feature == "town" and _NAMED_COUNTRY in seats and exact_key(c.name) != exact_key(top.text):
            s -= 4.0  # "Mexico" alone is the country; the capital's other name does not take it
        # a province of the article's country beats a foreign country of the same name ("Georgia")
        s += self.focus_weight * cshare.get(c.cc, 0.0) * (1.5 if c.feature in ("admin1", "admin2") else 1.0)
        # Local context (same province, supporting names, nearby towns) can lift a small town over a
        # famous namesake, but not without limit: capped so "Oregon" stays the state in an Ohio story.
        local = 0.0
        if c.admin1_code and c.feature != "admin1":
            local += self.admin_weight * ashare.get(c.admin1_code, 0.0)
        if support:
            if c.admin2 and c.feature != "admin2":
                local += 2.0 * support.get(c.admin2, 0.0)
            if c.feature not in ("admin1", "country"):
                local += 1.5 * support.get(c.admin1_code, 0.0)
            elif c.feature == "admin1":  # "Georgia" next to Gainesville and Hall County is the state
                local += 2.0 * support.get(c.admin1_code, 0.0)
        if c.feature not in _BROAD and towns:
            # the name's own other senses are no neighbours ("Chibok" the district next to Chibok the town)
            own = {o.idx for o in top.candidates}
            nearby = 0.0
            for t in towns:
                # the great-circle distance is at least the north-south one (111.19 km a degree): a town
                # further than that needs no distance worked out (the answer is the minimum's, found sooner)
                if t.idx in own or abs(t.latitude - c.latitude) * 111.19 > 151.0:
                    continue
                d = km_between(c, t)
                if d < 50:
                    nearby = 1.5
                    break
                if d < 150:
                    nearby = 0.75
            local += nearby
        s += min(local, 5.0)
        if exact_key(c.name) == key or c.idx in self.gaz.aliased.get(key, ()):
            s += 2.5  # the place's own name, not an old or foreign alternate ("Athens" is not Oshkosh)
        elif spelling_key(c.name) == spelling_key(top.text):
            # one Arabic name transliterated another way is nearly its own ("Amara" is Al 'Amarah, Iraq, a city,
            # before Amara, a Romanian town), below the very spelling ("Qatana" of Syria before Qatanah)
            s += 2.0
        if not top.exact:
            s -= 1.0
        events = self.gaz.acled_events.get(c.idx)
        if events:  # a place ACLED's coders chose for events before: conflict-zone towns over quiet namesakes
            s += 0.8 * math.log10(1 + events)
        return s

    def resolve(self, toponyms: list[Toponym], given: str | None = None, fallback: str | None = None,
                source_named: bool = False, national_outlet: bool = False) -> tuple[str | None, dict[str, float]]:
        """Fill ``entry`` of every toponym; returns the focus country (ISO alpha-2) and country shares.
        ``given``: the reporting country the caller knows (ISO alpha-2), counted like two mentions of it; then
        a place abroad that no other name in the article backs loses to a namesake at home or stays unresolved.
        ``fallback``: a country guessed from the source alone, one vote among the text's names and the focus when
        the text gives none: a source that reported on one country in the record may report on its neighbour today,
        so it vetoes nothing, unless ``source_named``: the source's own name carries that country ("URN (Uganda)",
        "News24 Nepal"); then it outranks a focus that rests only on small places abroad nothing else backs ("Ngoro"
        in a Ugandan outlet's note is no Ngoro of Indonesia). ``national_outlet``: the record shows the source
        reporting at length on that one country only; it outranks such a focus too, when those small places lie far
        from that country (a neighbour's outlet reports on villages across the border)."""
        for top in toponyms:
            if given and top.within and not any(code.split(".")[0] == given for code in top.within):
                # the unit the text puts it in is known to us only abroad of the reporting country ("Bijar city
                # (Kurdistan)" in a note from Iran, where only Iraq's Kurdistan Region has that name): a namesake
                top.within = set()
                if top.reason and top.reason.endswith("inside the unit the text puts it in"):
                    top.candidates, top.reason = [], None
            if not top.candidates and top.reason is None:
                self.candidates(top)
        # an armed force's nationality says who acts, not where ("Russian forces shelled Donetsk", "Turkish forces
        # shelled Dardara town"): it is the focus only when nothing else in the article is
        # (nor a country named as a border: "near the Mali border" in a note on Burkina Faso)
        actors = [e for t in toponyms if t.actor and (e := t.demonym or self._evidence(t)) is not None]
        # (nor one word of a longer name the gazetteer lacks: "As" of "As Sidrah (Sirt, West)" is no Czech town,
        # nor an approximate spelling: "Amenas" of "In Amenas" is no Ammenäs to make a note on Algeria Sweden's)
        evidence = [e for t in toponyms if not t.actor and not t.partial and t.exact
                    and (e := self._evidence(t)) is not None and not self._unit_abbreviation(t, e)]
        home_entry = self.gaz.country_entry(given) if given else None
        if home_entry is not None:
            evidence += [home_entry, home_entry]
        # the country the record shows the source reporting on is one vote, as much as a town the text names: it
        # decides between namesakes ("Kona" from a Malian outlet is Mali's); a city the text names still wins
        source_entry = self.gaz.country_entry(fallback) if fallback and given is None else None
        vote = source_entry.cc if source_entry is not None else None
        # Names that can sit in the same admin unit support each other ("Gainesville" + "Hall County",
        # "Gainesville" + "Georgia"): a candidate gains from every other name that has some candidate in
        # its admin1/admin2, weighted down when that name could be in many units (Springfield, Washington).
        reach: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
        for t in toponyms:
            key = exact_key(t.text)
            if t.demonym is not None or not t.candidates or key in reach:
                continue
            a1 = {c.admin1_code for c in t.candidates if c.admin1_code and c.feature in ("town", "admin1", "admin2")}
            a2 = {c.admin2 for c in t.candidates if c.admin2}
            reach[key] = ({code: len(a1) ** -0.5 for code in a1}, {code: len(a2) ** -0.5 for code in a2})
        support_a1: dict[str, float] = {}
        support_a2: dict[str, float] = {}
        for w1, w2 in reach.values():
            for code, w in w1.items():
                support_a1[code] = support_a1.get(code, 0.0) + w
            for code, w in w2.items():
                support_a2[code] = support_a2.get(code, 0.0) + w
        cshare, ashare, towns = self._context(evidence, vote)
        for _ in range(2):
            for top in toponyms:
                if top.candidates:
                    seats = {code for c in top.candidates if c.feature == "town" and c.population >= 20_000
                             for code in (c.admin1_code, c.admin2) if code}
                    seats |= {c.cc for c in top.candidates if c.feature == "town" and c.population >= 500_000}
                    # "Chibok" alone is the town, not the district of the same name around it
                    key = exact_key(top.text)
                    own_towns = {c.admin1_code for c in top.candidates if c.feature == "town" and exact_key(c.name) == key}
                    seats |= {c.admin2 for c in top.candidates if c.feature == "admin2" and c.admin2
                              and c.admin1_code in own_towns and exact_key(c.name) == key}
                    if any(c.feature == "country" and exact_key(c.name) == exact_key(top.text) for c in top.candidates):
                        seats.add(_NAMED_COUNTRY)
                    own1, own2 = reach.get(exact_key(top.text), ({}, {}))
                    support = {code: support_a1[code] - own1.get(code, 0.0) for code in own1}
                    support.update({code: support_a2[code] - own2.get(code, 0.0) for code in own2})
                    scored = [(self._score(top, c, cshare, ashare, towns, seats, support), -k, c)
                              for k, c in enumerate(top.candidates)]
                    top.entry = max(scored, key=lambda x: (x[0], x[1]))[2]
            resolved = [t.entry for t in toponyms if t.entry is not None and not t.actor]
            cshare, ashare, towns = self._context(resolved + evidence, vote)
        # approximate-spelling matches do not vote for the focus ("Khorasan Province" is not Horasan, Turkey)
        # nor does a small place's other name ("Kelly", once a name of Harvest, Ala., in "Kelly town in Idleb")
        # or one word of a longer unknown name ("Bostan" of "Ghadir al Bostan" is no Boston)
        # nor does a unit's abbreviation ("cadres of NC" is Nepal's Congress party, not North Carolina)
        strong = [t for t in toponyms if t.entry is not None and t.exact and not t.actor and not t.partial
                  and not self._weak_alias(t, t.entry) and not self._unit_abbreviation(t, t.entry)]
        if len(strong) < len(resolved):
            cshare = self._context([t.entry for t in strong if t.entry is not None] + evidence, vote)[0]
        # The focus is where things happen: a nationality word says who acts ("Russian forces shelled
        # Kupiansk") and a newspaper's city who reports, so when the article names places, neither decides it.
        places = [t for t in strong if t.demonym is None and not t.embedded]
        if places and len(places) < len(strong):
            located = self._context([t.entry for t in places if t.entry is not None]
                                    + [e for t in places if (e := self._evidence(t)) is not None])[0]
            cshare = located or cshare
        if not cshare and actors:
            cshare = self._context(actors)[0]
        # a tie goes to the country of the larger place ("Nzacko and Popo near Bria": Bria, not a Popo abroad)
        largest: dict[str, int] = {}
        for t in strong:
            if t.entry is not None and t.entry.cc and t.entry.feature not in _BROAD:  # towns, not a unit's sum
                largest[t.entry.cc] = max(largest.get(t.entry.cc, 0), t.entry.population)
        # (the source's country ties as a town of 100,000 would: over a village abroad, not a city: "Kume" from Studio
        # Tamani is Mali's, "Jakarta" in a Ugandan outlet is Jakarta)
        if vote:
            largest[vote] = max(largest.get(vote, 0), SMALL_PLACE)
        focus = max(cshare, key=lambda k: (round(cshare[k], 9), largest.get(k, 0))) if cshare else None
        if home_entry is not None and given is not None:
            cshare = {**cshare, given: max(cshare.get(given, 0.0), 0.5)}
            focus = given if cshare.get(focus or "", 0.0) <= 2 * cshare[given] else focus
        outvoted = given is None and (source_named or national_outlet) and fallback is not None \
            and focus not in (None, fallback) and small_places_only(strong, focus) \
            and (source_named or far_from(strong, focus, source_entry))
        if (focus is None or outvoted) and fallback:
            focus = fallback
        # a source whose name carries its country, or a national outlet, that the article's focus agrees with
        sourced = source_entry is not None and focus == fallback and (source_named or national_outlet)
        if focus:
            backed: dict[str, set[str]] = {}  # country -> names firmly placed there
            placed: dict[str, set[str]] = {}  # ... of them, towns and units (no country's or nationality's name)
            for t in toponyms:
                if t.entry is not None and t.exact:
                    backed.setdefault(t.entry.cc, set()).add(exact_key(t.text))
                    if t.demonym is None and not t.actor and t.entry.feature not in ("country", "continent"):
                        placed.setdefault(t.entry.cc, set()).add(exact_key(t.text))
            for top in toponyms:
                if top.entry is None or backed.get(top.entry.cc, set()) - {exact_key(top.text)}:
                    continue  # another name in the article places it in that country too
                namesake = self._foreign_namesake(top, top.entry, focus) or (
                    top.entry.cc != focus and self._unit_abbreviation(top, top.entry)) or (
                    (focus == given or outvoted) and unbacked_abroad(top, top.entry, focus)) or (
                    sourced and outlets_namesake(top, top.entry, focus, source_entry, source_named))
                outweighed = not namesake and given is None and outweighed_abroad(top, top.entry, focus, placed)
                if namesake or outweighed:
                    home = [c for c in top.candidates if c.cc == focus]
                    if outweighed:  # only a place of that very name at home, not a loose match ("Limon")
                        key = exact_key(top.text)
                        home = [c for c in home if exact_key(c.name) == key or c.idx in self.gaz.aliased.get(key, ())]
                    if home:
                        top.entry = home[0]
                    else:
                        top.reason = (f"'{top.text}' matches only {top.entry.name} ({top.entry.cc}), outside the "
                                      f"article's focus country, and nothing else in the article places it there")
                        top.entry = None
        if focus is None:
            for top in toponyms:
                if top.entry is not None and not top.exact and top.entry.feature in TOWN_FEATURES \
                        and top.entry.population < SMALL_PLACE:
                    top.reason = (f"'{top.text}' is only a near spelling of {top.entry.name} ({top.entry.cc}), a small "
                                  f"place nothing else in the article backs")
                    top.entry = None
        if given is None and source_named and fallback and home_namesakes(toponyms, fallback, self.gaz.aliased) \
                and not any(t.entry is not None and t.entry.cc == focus for t in toponyms):
            focus = fallback  # what placed the focus abroad now lies at home
        within_at_home(toponyms, focus)
        one_sense(toponyms, focus)
        hints_hold(toponyms)
        containers_hold(toponyms)
        place_facilities(toponyms, focus)
        return focus, cshare

    def _district_people(self, c: Entry) -> int:
        """People of a unit the text calls a district: one no town of the package is linked to (all of Kenya's,
        most of Niger's and Lebanon's, Nepal's since its 2015 reform) has an unknown number, not none; it takes an
        even share of its province's, so "Bara district" is Nepal's, not Sudan's smaller Bara."""
        if c.feature != "admin2" or c.population or not c.admin1_code:
            return c.population
        if self._districts is None:
            self._districts = {}
            for code in self.gaz.admin_idx:
                if code.count(".") == 2:
                    province = code.rsplit(".", 1)[0]
                    self._districts[province] = self._districts.get(province, 0) + 1
        province_entry = self.gaz.admin_entry(c.admin1_code)
        if province_entry is None:
            return 0
        return province_entry.population // max(1, self._districts.get(c.admin1_code, 1))

    def _weak_alias(self, top: Toponym, entry: Entry) -> bool:
        """A small place matched by another of its names (old, foreign or a variant), not its own, our alias
        file's or ACLED's spelling: too weak to say which country the article is about."""
        key = exact_key(top.text)
        # a spelling variant of the place's own name ("Mykhailivka" for Mykhaylivka) is its name
        return top.demonym is None and entry.feature not in _BROAD and entry.population < 100_000 \
            and not _own_name(top, entry) and loose_key(entry.name) != loose_key(top.text) \
            and entry.idx not in self.gaz.aliased.get(key, ()) and entry.idx not in self.gaz.acled_events

    def _unit_abbreviation(self, top: Toponym, entry: Entry) -> bool:
        """A province or district written as a code the packages give it ("NC", "KP"): a place only beside
        another name of its country ("Raleigh, NC"); alone it is as often a party's or a group's initials
        ("cadres of NC" is Nepal's Congress). Our alias file's abbreviations as it writes them ("NSW"; its "N.C."
        is not "NC") are meant."""
        text = top.text.strip(".")
        return entry.feature in ("admin1", "admin2") and len(text) <= 3 and text.isupper() \
            and exact_key(entry.name) != exact_key(top.text) and entry.idx not in self.gaz.abbrevs.get(top.text, ())

    @staticmethod
    def _foreign_namesake(top: Toponym, entry: Entry, focus: str) -> bool:
        """A weak match abroad: a transliteration-tolerant match, or a small place's alternate name ("Boni" is
        an old name of Bonn), outside the country the article is about and that no other name in it backs.
        Well-known cities keep their aliases."""
        if top.demonym is not None or not entry.cc or entry.cc == focus:
            return False
        if entry.feature in _BROAD:
            return False
        if not top.exact:
            return True
        return not _own_name(top, entry) and entry.population < 1_000_000
