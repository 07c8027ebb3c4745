"""Pairs of names where the second contains the first: "Alexandria, Va.", "Hit, Anbar", "Silverstone,
Northamptonshire". The first is looked for inside the second; the second is read as the province, county or
country, never as a town of the same name ("Tacoma, Washington" is the state)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sitrep.gazetteer.areas import AREA_HINTS, acled_units, areas_within, generic_unit, soft_within
from sitrep.gazetteer.bracket_lists import outer_holds
from sitrep.gazetteer.facilities import facility_words
from sitrep.gazetteer.names import exact_key
from sitrep.gazetteer.resolve import HINT_FEATURES, TOWN_FEATURES, Toponym
from sitrep.gazetteer.store import Gazetteer
from sitrep.gazetteer.wording import GENERIC_WORDS, LOCATIVE

if TYPE_CHECKING:
    from sitrep.model import Place

def mark_containers(gaz: Gazetteer, text: str, found: list[Toponym]) -> None:
    """'Alexandria, Va.' / 'Hit, Anbar' / 'Tbilisi, Georgia': the second name contains the first."""
    for k, (a, b) in enumerate(zip(found, found[1:], strict=False)):
        if a.demonym is not None or b.demonym is not None or not _CONTAINER_GAP.fullmatch(text[a.end:b.start]):
            continue
        after = found[k + 2] if k + 2 < len(found) else None
        if after is not None and text[b.end:after.start].strip() in (",", "and", ", and", "or", ", or"):
            continue  # "Washington, New York and Boston" is a list, not a town in a state
        if k > 0 and text[found[k - 1].end:a.start].strip() in (",", "and", ", and"):
            continue
        first = gaz.lookup(a.text)
        # (after a place word the first name is that kind of place whatever its likeliest reading: "Rio Grande
        # municipality, Zacatecas" is no Puerto Rican province)
        if not first or (first[0].feature in ("country", "admin1", "continent")
                         and text[a.end:b.start].strip() == ","):
            continue
        within = areas_within(gaz, b.text)
        if not within and text[a.end:b.start].strip() != ",":
            # "Pazar city, Rize", "Yenisehir town, Diyarbakir": after a place word, a province may be written as
            # its capital
            within = seat_units(gaz, b.text)
        # ("Tripoli, North": a compass word names units of many countries, Lebanon's among them under another name)
        within = soft_within(gaz, a.text, [b.text], within)
        if within:
            a.within = within
            b.hints = b.hints or AREA_HINTS  # "Tacoma, Washington" is the state, not the capital


# "Alexandria, Va."; ACLED's "Pazar city, Rize", "Idil district, Sirnak": a place word may stand before the comma
_CONTAINER_GAP = re.compile(r"(?:\s+(?:town|city|village|district|municipality|township|county|locality|zone)"
                            r"(?:\s+cent(?:er|re))?)?\s*,\s*")  # "Gaziosmanpasa town center, Istanbul"


# "Tal Tamer town in Al Hasakeh governorate", "Shaalah town in Aleppo countryside": the second name holds the first
_IN_UNIT_GAP = re.compile(r"\s+(?:towns?|villages?|city|cities|camps?|areas?)\s+(?:in|of)\s+(?:the\s+)?", re.I)
_UNIT_AFTER = re.compile(r"\s*(?:governorate|province|countryside|state|region|district)\b", re.I)
_UNIT_WORDS = ("governorate", "province", "countryside", "state", "region", "district")


def mark_units_after(gaz: Gazetteer, text: str, found: list[Toponym]) -> None:
    """'Khan al-Sabeel town in Idleb governorate': the governorate holds the town (ACLED's Syria notes)."""
    for a, b in zip(found, found[1:], strict=False):
        if a.demonym is not None or b.demonym is not None or a.within or not _IN_UNIT_GAP.fullmatch(
                text[a.end:b.start]):
            continue
        # "Kelly town in Idleb": after "<place> town in", a province or district is its container even without
        # a unit word (a town of that name elsewhere is the other reading: then ``areas_within`` finds no unit)
        name = b.text.rsplit(" ", 1)[0] if b.text.lower().endswith(_UNIT_WORDS) else b.text
        within = areas_within(gaz, name) or areas_within(gaz, b.text) or seat_units(gaz, name)
        if within:
            a.within = within
            b.hints = b.hints or AREA_HINTS


def mark_city_parts(gaz: Gazetteer, text: str, found: list[Toponym]) -> None:
    """ACLED's 'City - Neighbourhood' ("in Dhaka - Mirpur", "Mogadishu - Hodan"): the part is in the city's
    province; a namesake elsewhere (Mirpur, India) is another place. The city says more than a bracket that only
    repeats the part's name ("Dhaka - Kotwali (Kotwali)": Dhaka's police station, not Kotwali, Rangpur): that unit
    is then read inside the city's province too (a bracket naming another unit, "Caracas - Chacao (Miranda)", holds)."""
    for a, b in zip(found, found[1:], strict=False):
        if a.demonym is not None or b.demonym is not None or text[a.end:b.start] != " - ":
            continue
        within = seat_units(gaz, a.text, loose=False)
        units = [u for u in found if u.admin_hint is b]
        if not within or (b.within and not (units and all(exact_key(u.text) == exact_key(b.text) for u in units))):
            continue
        b.within = within
        for unit in found:
            if unit.admin_hint is b:
                unit.within = within


def seat_units(gaz: Gazetteer, name: str, loose: bool = True) -> set[str]:
    """The provinces of the large towns of a name ("Idleb", "Hasakeh"): a province named after its capital is
    often written as the town, in a spelling the gazetteer knows only for the town (``loose``: spellings
    matched loosely too)."""
    return {e.admin1_code for e in gaz.lookup(name, loose=loose) if e.feature == "town" and e.population >= 100_000
            and e.admin1_code}


def _district_seat(gaz: Gazetteer, text: str, unit: Toponym) -> set[str]:
    """A district the gazetteer knows only as its seat ("(Al Amadiya district)": the town of Al 'Amadiyah): the
    province of that town, when every town of the name lies in one province."""
    if not _DISTRICT_AFTER.match(text, unit.end):
        return set()
    provinces = {e.admin1_code for e in gaz.lookup(unit.text) if e.feature == "town" and e.admin1_code}
    return provinces if len(provinces) == 1 else set()


_DISTRICT_AFTER = re.compile(r"\s+(?:district|county|tehsil|upazila|woreda|lga|cercle|department|prefecture)\b")


# a unit word may follow a name: "(Myagdi district)", "(Mirzaganj upazila, Patuakhali, Barisal)"
_UNIT_WORD = r"(?:\s+(?:district|province|region|state|county|governorate|township|division|municipality|upazila" \
             r"|tehsil|commune|prefecture|oblast|territory|cercle|woreda|lga|locality|regency|department))?"
# a unit's name we may not know: up to three capitalised words or numbers ("Kilbati-Zone 2"), perhaps with its unit word
_UNKNOWN_NAME = r"[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|\d+)){0,2}" + _UNIT_WORD
# "Rupa rural municipality (Kaski district)", "Bulingtar rural municipality-6 (Nawalpur district)": a unit word,
# perhaps after its kind and before a ward number, between the place and the bracket; or another spelling of the
# place in square brackets ("Tanwolbougou [Tanwalbougou] (Fada Ngourma, Gourma)"); and smaller units we do not
# know before the ones we do: "Goma (Alur-Djuganda, Mahagi, Ituri)", "Dawbon township (Yangon-East district,
# Yangon region)" (ACLED writes its units smallest first)
# ACLED's note of how it coded the place may stand between the place and its units: "Mukayras (coded to district
# level) (Al Bayda)" (a note that names a place, "Al Garrahi district (coded to Bayt al Hadish) (Hays, Al Hudaydah)",
# is followed by that place's units, not the district's); and a name written inside that note is followed by its
# units: "(coded to Al Yatimah) (Khabb wa Ash Shaaf, Al Jawf)"
_CODED_NOTE = r"(?:\)\s*|\(\s*(?:geo-?)?coded (?:as|to|at)\b[^()A-Z]*\)\s*)?"
_CODED_OPEN = re.compile(r"\(\s*(?:geo-?)?coded (?:as|to|at)(?: the)?\s*$")
_OPEN = re.compile(r"\]?\s*(?:\[[^\]()]*\]\s*)?" + _CODED_NOTE + r"(?:(?:rural|urban|sub-?metropolitan|metropolitan)\s+)?"
                   r"(?:([A-Za-z]+)(?:-\d+)?\s*)?\(\s*(?:" + _UNKNOWN_NAME + r"\s*,\s*){0,2}")
_UNIT_GAP = re.compile(_UNIT_WORD + r"\s*,\s*")
# the rest of a bracket after the units we know: more units we do not ("(Mansehra, KPK)", "(Kani, Bago-East)")
_UNKNOWN_UNITS = re.compile(_UNIT_WORD + r"(?:\s*,\s*" + _UNKNOWN_NAME + r")*\s*\)")


def mark_parentheticals(gaz: Gazetteer, text: str, found: list[Toponym]) -> None:
    """ACLED-style 'Boni (Douentza, Mopti)', 'Zurmi LGA (Zamfara)', 'Makariv (Kyiv)': the names in brackets
    after a place are the units that contain it — they choose among its namesakes, read as provinces or
    districts, and are marked ``admin_hint``: they are where the place is, not another place of the event."""
    for k, a in enumerate(found):
        if a.demonym is not None or a.admin_hint is not None:
            continue
        inner: list[Toponym] = []
        pos = a.end
        for b in found[k + 1:k + 4]:
            gap = text[pos:b.start]
            if not inner:
                m = _OPEN.fullmatch(gap)
                if m is not None and gap.lstrip().startswith(")") and (
                        not _CODED_OPEN.search(text, 0, a.start) or gaz.lookup(a.text)):
                    # a bracket closes after the place only when it is the name ACLED coded to, one the gazetteer
                    # lacks: its units are all that places it ("(coded to Al Haymah) (Al Hudaydah)", a village, is
                    # no district of Sanaa nor, when the units hold none of that name, the governorate itself)
                    m = None
                if m is None or (m.group(1) and m.group(1).lower() not in HINT_FEATURES):
                    break
            elif not _UNIT_GAP.fullmatch(gap):  # "(Yesagyo township, Pakokku district, Magway region)"
                break
            if b.demonym is not None:
                break
            inner.append(b)
            pos = b.end
        if not inner or not _UNKNOWN_UNITS.match(text, pos):
            continue
        areas: list[set[str]] = []
        for b in inner:
            # a unit may be written as its capital ("Sabha (Sebha, South)": Sebha is the town of Sabha province)
            # (ACLED's province names only where the unit may be a province: "(Ilam district)" is no Ilam province)
            acled = acled_units(gaz, b.text) if not b.hints or "admin1" in b.hints else set()
            areas.append((areas_within(gaz, b.text, b.hints) | acled) or seat_units(gaz, b.text, loose=False)
                         or _district_seat(gaz, text, b))
            b.hints = b.hints or AREA_HINTS
            b.admin_hint = a
        known = [b.text for b, s in zip(inner, areas, strict=True) if s]
        within = soft_within(gaz, a.text, known, _nested(areas))
        if within and not a.within:
            a.within = within
        # a generic unit ("(Madaya, Capital)") holds none of the others for sure
        outer_holds(inner, [set() if generic_unit(b.text) else s for b, s in zip(inner, areas, strict=True)])


def _nested(areas: list[set[str]]) -> set[str]:
    """The areas a bracket of units allows ("(Bama, Houet)"): the units are nested, smallest first, so the last
    known one, when it is in one country only, rules out the readings of the others abroad (Bama, Nigeria);
    otherwise any reading of any of them ("(Sebha, South)": 'South' names provinces of many countries)."""
    known = [s for s in areas if s]
    if not known:
        return set()
    outer = {code.split(".")[0] for code in known[-1]}
    if len(outer) != 1:
        return set().union(*known)
    return {code for s in known for code in s if code.split(".")[0] in outer}


_BRACKET_BEFORE = re.compile(r"[A-Z][\w'’-]*\s*\(\s*(?:[A-Z][^(),]*,\s*)*$")


def mark_bracket_areas(gaz: Gazetteer, text: str, found: list[Toponym]) -> None:
    """'Barangay Tumahubong, Sumisip (Basilan)': a name in ACLED's bracket of units after a name, even one
    the gazetteer lacks, is read as a province or district when it can be one (Basilan province, not the town
    of Isabela that once had its name)."""
    for t in found:
        if t.hints or t.demonym is not None or t.facility \
                or not _BRACKET_BEFORE.search(text, max(0, t.start - 150), t.start) \
                or not re.match(r"\s*[,)]", text[t.end:t.end + 2]):
            continue
        cands = gaz.lookup(t.text, loose=False)
        key = exact_key(t.text)
        # a city of that name is the municipality ACLED's bracket names ("... North Zone (Rio de Janeiro)")
        if any(c.feature in AREA_HINTS[:3] for c in cands) and not any(
                c.feature == "town" and c.population >= 100_000 and exact_key(c.name) == key for c in cands):
            t.hints = AREA_HINTS


def qualified_places(text: str, found: list[Toponym]) -> list[int]:
    """Starts of the resolved places the text qualifies with units that hold them ("Larkana city (Larkana,
    Sindh)", "Cadereyta Jimenez, Nuevo Leon"; "Mansehra city (Mansehra, KPK)" with one unit unknown): ACLED-style
    notes say so where the event is. A unit inside a bracket is none ("Kyaukme District" in "Kyaukme town
    (Kyaukme Township, Kyaukme District, Shan-North)")."""
    held = {id(t.admin_hint) for t in found if t.admin_hint is not None and t.entry is not None}
    out = []
    for t in found:
        e = t.entry
        if e is None or t.demonym is not None or t.admin_hint is not None \
                or text.rfind("(", 0, t.start) > text.rfind(")", 0, t.start):
            continue
        if e.admin1_code in t.within or e.cc in t.within or (id(t) in held and not t.within):
            out.append(t.start)
    # "Al Hishah village in Ar Raqqa governorate" with the village unknown: the unit the text puts it in is
    # where the event is, before a country named beside it ("Turkish forces ... Turkey-backed groups")
    for a, b in zip(found, found[1:], strict=False):
        e = b.entry
        if a.entry is None and a.within and e is not None and b.start - a.end <= 40 and b.admin_hint is None \
                and (e.admin1_code in a.within or e.cc in a.within) and e.feature != "country":
            out.append(b.start)
    return sorted(set(out))


def names_before_areas(gaz: Gazetteer, doc: Any, found: list[Toponym]) -> list[Toponym]:
    """'Silverstone, Northamptonshire', 'Valemount, B.C.': a capitalised name the NER missed, right before
    ', <province or county>', is a place when the gazetteer has a town of that name inside it."""
    covered = {k for t in found for k in range(t.start, t.end)}
    out: list[Toponym] = []
    for b in found:
        if b.demonym is not None or b.facility:
            continue
        span = doc.char_span(b.start, b.end, alignment_mode="expand")
        if span is None or span.start < 2 or doc[span.start - 1].text not in (",", "("):
            continue
        comma = span.start - 1
        # "Zurmi LGA (Zamfara)": a unit word between the name and the bracket says what the name is
        hints: tuple[str, ...] = ()
        if doc[comma].text == "(" and doc[comma - 1].lower_ in HINT_FEATURES and doc[comma - 1].idx not in covered:
            hints = HINT_FEATURES[doc[comma - 1].lower_]
            comma -= 1
        within: set[str] | None = None
        if doc[span.start - 1].text == "(":  # "(Beni, North Kivu)": every unit in the bracket
            close = doc.text.find(")", b.start)
            within = set().union(*(areas_within(gaz, t.text) for t in found
                                   if b.start <= t.start and (close < 0 or t.end <= close)))
        for width in (3, 2, 1):
            i = comma - width
            if i < 0 or not all(doc[k].text[:1].isupper() and doc[k].idx not in covered for k in range(i, comma)):
                continue
            if within is None:
                within = areas_within(gaz, b.text)
                if not within:
                    break
            name = doc[i:comma]
            if any(c.feature in TOWN_FEATURES + ("admin2",) and (c.admin1_code in within or c.cc in within)
                   for c in gaz.lookup(name.text, loose=False)):
                top = Toponym(name.text, name.start_char, name.end_char, -1, hints, within=within)
                out.append(top)
                b.hints = b.hints or AREA_HINTS
                break
        else:
            # "in the village of Kisima (Beni, North Kivu)": a village the gazetteer lacks is still the place the
            # bracket qualifies (kept unresolved), so the units in the bracket stay hints, not the event's town
            if doc[span.start - 1].text == "(" and within:
                i = comma
                while i > 0 and comma - i < 3 and doc[i - 1].text[:1].isupper() and doc[i - 1].idx not in covered:
                    i -= 1
                # "Dac village (Ceel Buur, Galgaduud)": the unit word says a place is named even without "in"
                if i < comma and i > 0 and (doc[i - 1].lower_ in LOCATIVE or hints):
                    name = doc[i:comma]
                    out.append(Toponym(name.text, name.start_char, name.end_char, -1, hints, within=within))
    return out


# ACLED's bracket of units after a place: "(Ceel Buur, Galgaduud)", "(Yesagyo township, Pakokku district, Magway)"
_BRACKET = re.compile(r"\(([A-Z][^()\d]{1,150})\)")
_UNIT_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al|el|ad|as|ar|an|de|du|des|la|le|of|wa)){0,4}"
                        r"(?:\s+(?P<kind>[a-z]+))?")


def bracket_units(gaz: Gazetteer, text: str, found: list[Toponym]) -> list[Toponym]:
    """Names in an ACLED-style bracket of units that the NER missed and the gazetteer knows: "Dac village
    (Ceel Buur, Galgaduud)" with no entity tagged. ``mark_parentheticals`` then reads them as the units that
    hold the place before the bracket."""
    covered = bytearray(len(text) + 1)
    for t in found:
        covered[t.start:t.end] = b"\x01" * (t.end - t.start)
    out: list[Toponym] = []
    for m in _BRACKET.finditer(text):
        before = text[max(0, m.start() - 30):m.start()].split()
        parts = m.group(1).split(",")
        # ACLED's formula: a place or a unit word before the bracket ("Dac village (", "Boni ("); not "(AP)";
        # a list of units may follow a place's description too ("Kikatsi police station (Kiruhura, Western)",
        # "Baipail area (Savar, Dhaka)")
        if not before or not (before[-1][:1].isupper() or before[-1].lower() in HINT_FEATURES or (
                (len(parts) >= 2 or before[-1].lower() in facility_words())
                and any(w[:1].isupper() for w in before[-4:-1]))):
            continue
        pos = m.start(1)
        spans: list[tuple[int, int, str]] = []
        for part in parts:
            lead = len(part) - len(part.lstrip())
            name = part.strip()
            start = pos + lead
            pos += len(part) + 1
            unit = _UNIT_NAME.fullmatch(name)
            kind = unit.group("kind") if unit else None
            if unit is None or (kind is not None and kind not in HINT_FEATURES and kind != "township"):
                spans = []
                break  # a description in brackets ("coded as Sabere", "as reported"), not a list of units
            spans.append((start, start + len(name), name))
        for start, end, name in spans:
            if any(covered[start:end]):
                continue
            kind = name.split()[-1]
            head = name.rsplit(" ", 1)[0] if kind.islower() else name  # "Pakokku district": Pakokku, a district
            # one name alone in brackets is often no unit ("Brian Meaney (Green)"): then only a province or
            # district, or a name after a unit word ("village (Kidal)")
            kinds = ("admin1", "admin2", "region") if len(spans) == 1 and before[-1].lower() not in HINT_FEATURES \
                else ("town", "admin1", "admin2", "region")
            if not (head.isupper() or "." in head) and head.lower() not in GENERIC_WORDS and any(
                    c.feature in kinds for c in gaz.lookup(head)):
                out.append(Toponym(head, start, start + len(head), -1,
                                   HINT_FEATURES.get(kind, ()) if kind.islower() else ()))
    return out


# ACLED's own note of where it put the event: "(coded as Sabere at geoprecision 2)", "coded to Jabal Murays"
# ("coded to capital Zacatecas", "coded at zonal capital, Jinka": the capital ACLED put a province's event at)
CODED_AS = re.compile(r"\b(?:geo-?)?coded (?:as|to|at)\s+(?:the\s+)?(?:(?:[a-z]+\s+)?capital(?:\s+city)?,?\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")


_UNITS_NEXT = re.compile(r"\s*\)\s*\(\s*[A-Z]")


def coded_places(gaz: Gazetteer, text: str, found: list[Toponym]) -> tuple[list[Toponym], list[int]]:
    """Names after "coded as" that the NER missed and the gazetteer knows (new toponyms), and the starts of
    every name the note says the event was coded at (found or new)."""
    new: list[Toponym] = []
    starts: list[int] = []
    for m in CODED_AS.finditer(text):
        start, end = m.span(1)
        # the whole name only: "Yar" of "coded as Yar Gyi" is no Yar abroad, "National" of "coded as National
        # Resistance forces" (an actor) no place at all
        hit = next((t for t in found if t.start == start and t.end == end and t.demonym is None), None)
        name = m.group(1)
        if hit is None and not any(t.start < end and start < t.end for t in found) \
                and name.lower() not in GENERIC_WORDS and gaz.lookup(name, loose=False):
            hit = Toponym(name, start, end, -1)
            new.append(hit)
        elif hit is None and not any(t.start < end and start < t.end for t in found) and not gaz.lookup(name) \
                and name.lower() not in GENERIC_WORDS and _UNITS_NEXT.match(text, end):
            # "(coded to Al Yatimah) (Khabb wa Ash Shaaf, Al Jawf)": a village the gazetteer lacks, kept unresolved,
            # is still where ACLED put the event; the units after it say where that is
            hit = Toponym(name, start, end, -1)
            new.append(hit)
        if hit is not None:
            starts.append(hit.start)
    return new, starts


def bracket_provinces(toponyms: list[Toponym], places: list[Place]) -> None:
    """ACLED's bracket ends with the province it coded ("Timika town (Mimika regency, Papua province)"): where the
    gazetteer puts the place in another province of that country (a newer unit split off, Papua Tengah), the
    event's admin1 is the one the note writes."""
    place_of = {id(t): p for t, p in zip(toponyms, places, strict=True)}
    groups: dict[int, list[Toponym]] = {}  # the place before a bracket -> it and its units, in text order
    for t in toponyms:
        if t.admin_hint is not None:
            groups.setdefault(id(t.admin_hint), [t.admin_hint]).append(t)
    for group in groups.values():
        last, written = group[-1].entry, place_of.get(id(group[-1]))
        if last is None or last.feature != "admin1" or written is None or not written.admin1:
            continue
        # the unit of an unknown village ("Hiripau village (East Mimika District, Mimika Regency, Papua
        # province)") is held the same way
        for t in group[:-1]:
            place = place_of.get(id(t))
            if place is not None and t.entry is not None and t.entry.cc == last.cc \
                    and t.entry.admin1_code != last.admin1_code:
                place.admin1 = written.admin1
