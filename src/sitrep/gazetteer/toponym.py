"""A place name as the places stage sees it (``Toponym``), the words that type it, and distances."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sitrep.gazetteer.store import Entry

# Words after or before a name that say what kind of place it is.
HINT_FEATURES: dict[str, tuple[str, ...]] = {
    "province": ("admin1", "region"), "governorate": ("admin1", "region"), "state": ("admin1",),
    "region": ("region", "admin1"), "oblast": ("admin1",), "prefecture": ("admin1", "admin2"),
    "county": ("admin2",), "parish": ("admin2",), "district": ("admin2", "district"),
    "city": ("town",), "town": ("town",), "village": ("town", "village"), "capital": ("town",),
    "desert": ("desert",), "valley": ("valley",), "mountains": ("mountains",), "lake": ("lake",),
    "department": ("admin1", "admin2"),  # Colombia's and El Salvador's provinces, Niger's and France's districts
    "country": ("country",), "nation": ("country",), "camp": ("camp",), "crossing": ("crossing",),
    # second-level units by their local names ("Zurmi LGA", "Rutshuru territory", "Douentza cercle")
    "lga": ("admin2",), "territory": ("admin2", "region"), "cercle": ("admin2",), "woreda": ("admin2",),
    "regency": ("admin2",),  # Indonesia's kabupaten ("Beoga district (Puncak regency, Papua province)")
    "township": ("town", "admin2"),  # Myanmar's townships are named after their main town
    # local names of a town's unit ("Lalpur upazila (Natore, Rajshahi)", "Tiebele commune")
    "upazila": ("town", "admin2"), "tehsil": ("town", "admin2"), "commune": ("town", "admin2"),
    "municipality": ("town", "admin2"),
    "corregimiento": ("town", "village"), "vereda": ("village", "town"),  # Colombia's rural parts of a municipality
    "canton": ("admin2", "town", "admin1"),  # Ecuador's and Costa Rica's districts, Switzerland's provinces
    "locality": ("admin2", "town"),  # Sudan's second-level units ("Kosti locality, White Nile state")
}
TOWN_FEATURES = ("town", "village", "neighbourhood", "camp", "base")
LANDMARK_FEATURES = ("building", "airport", "square")  # points inside a town ("the White House")


def split_unit_word(name: str) -> tuple[str, str | None]:
    """A name and the unit word that ends it, lower-cased ("Bara district" -> ("Bara", "district")); the name itself
    and None when its last word says no kind of place."""
    head, _, last = name.rpartition(" ")
    return (head, last.lower()) if head and last.lower() in HINT_FEATURES else (name, None)


@dataclass
class Toponym:
    """One recognised place name and, after ``resolve``, its entry."""

    text: str
    start: int
    end: int
    sent: int = -1
    hints: tuple[str, ...] = ()  # features asked for by hint words
    demonym: Entry | None = None
    candidates: list[Entry] = field(default_factory=list)
    exact: bool = True
    entry: Entry | None = None
    reason: str | None = None
    within: set[str] = field(default_factory=set)  # admin1 codes / countries a following ", X" allows
    # a street, building or site ("Royal Street"): placed at a town, see ``place_facilities``
    facility: bool = False
    parts: list[Toponym] = field(default_factory=list)  # place names inside its name ("Hartford Hospital")
    container: Toponym | None = None  # the place the text puts it in ("... in Miami Beach", "Brooklyn's ...")
    optional: bool = False  # dropped when unresolved (not a place the NER saw)
    embedded: bool = False  # the city an organisation is named after ("The Washington Post")
    admin_hint: Toponym | None = None  # for a unit in brackets ("Boni (Douentza, Mopti)"): the place it holds
    partial: bool = False  # one word of a longer name the gazetteer lacks ("Tal" of "Tal Tamer"): a weak location
    actor: bool = False  # a nationality word of an armed force ("Russian forces", "Turkish drones"): who acts
    unit_word: str = ""  # the unit word written with the name, lower case ("township" of "Myinmu Township")


def km_between(a: Entry, b: Entry) -> float:
    """Great-circle distance of two entries, in km."""
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))
