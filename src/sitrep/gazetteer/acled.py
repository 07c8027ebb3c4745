"""ACLED's record in the gazetteer: its places, its spelling of admin units, its events per place.

Reads the tables ``sitrep train places`` derives from ACLED exports (``sitrep.learn.places``):
``gazetteer_acled.csv`` (a place matched to GeoNames lends it ACLED's spelling and event count; an
unmatched one becomes a new place with id ``acled:<country>:<name>``) and ``gazetteer_acled_admin.csv``
(ACLED's names of GeoNames admin1/admin2 units), then ``gazetteer_admin_policy.csv`` for the admin1 units
ACLED's record does not spell. Applied once, when the gazetteer cache is built (``store.build_cache``; the cache
is rebuilt when these tables change), so a worker's load only unpickles the result. Data: Armed Conflict
Location & Event Data Project (ACLED); acleddata.com.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.gazetteer.names import exact_key
from sitrep.gazetteer.toponym import distance_km

if TYPE_CHECKING:
    from sitrep.gazetteer.store import Gazetteer


def apply_acled(gaz: Gazetteer) -> None:
    from sitrep.gazetteer.store import _csv_rows

    for row in _csv_rows("gazetteer_acled_admin.csv"):
        code = row["code"]
        (gaz.acled_admin1 if code.count(".") == 1 else gaz.acled_admin2)[code] = row["name"]
    gaz.acled_spelled.update(gaz.acled_admin1)  # seen in the record, not guessed by the policy
    apply_admin_policy(gaz)
    rows = list(_csv_rows("gazetteer_acled.csv"))
    if not rows:
        return
    by_id = {gid: i for i, gid in enumerate(gaz.ids) if gid.startswith("gn:")}
    units = _units_by_name(gaz)
    new: list[dict[str, str]] = []
    counts: list[int] = []
    for row in rows:
        events = int(row.get("events") or 1)
        idx = by_id.get(row.get("geonames", ""))
        if idx is not None:
            gaz.acled_events[idx] = gaz.acled_events.get(idx, 0) + events
            key = exact_key(row["name"])
            ids = gaz.exact.setdefault(key, [])
            if idx not in ids:  # ACLED's spelling of a GeoNames place ("Tell Abiad" for Tall Abyad)
                ids.append(idx)
            continue
        if row.get("precision") == "3":
            continue  # a province or country centre under a place name: the admin unit itself is in the gazetteer
        # the province ACLED's coders filed it under, where the nearest GeoNames town lies across a border ("Gossi":
        # Tombouctou in the record, Gao by its nearest town; "Sam-Ouandja": Haute-Kotto, not Vakaga)
        coded = _nearest_unit(gaz, units.get((row["country"], exact_key(row.get("acled_admin1", ""))), set()),
                              float(row["latitude"]), float(row["longitude"]))
        new.append({"id": f"{row['country']}:{row['name']}:{row.get('acled_admin2', '')}", "name": row["name"], "feature": "town",
                    "country": row["country"], "admin1": coded or row["admin1_code"], "admin2": row.get("acled_admin2", ""),
                    "latitude": row["latitude"], "longitude": row["longitude"]})
        counts.append(events)
    start = len(gaz.ids)
    gaz.add_places(new, prefix="acled:", first=False)
    for k, events in enumerate(counts):
        gaz.acled_events[start + k] = events


def _units_by_name(gaz: Gazetteer) -> dict[tuple[str, str], set[str]]:
    """(country, admin1 name as ACLED or GeoNames spells it) -> the codes of the units so named."""
    found: dict[tuple[str, str], set[str]] = {}
    for names in (gaz.acled_admin1, gaz.admin_names):
        for code, name in names.items():
            if code.count(".") == 1 and name:
                found.setdefault((code.split(".")[0], exact_key(name)), set()).add(code)
    return found


def _nearest_unit(gaz: Gazetteer, codes: set[str], lat: float, lon: float) -> str | None:
    """The one of ``codes`` whose unit lies nearest the point (a name ACLED kept for a province GeoNames split,
    "Tombouctou" for Tombouctou and Taoudenit, names both)."""
    if len(codes) <= 1:
        return next(iter(codes), None)
    placed = [(code, unit) for code in codes if (unit := gaz.admin_entry(code)) is not None]
    if not placed:
        return None
    return min(placed, key=lambda cu: distance_km(cu[1].latitude, cu[1].longitude, lat, lon))[0]


_TYPE_WORDS = ("province", "region", "county", "city", "governorate", "department", "state", "district",
               "division", "prefecture", "municipality", "oblast", "territory", "area")


def capital_name(gaz: Gazetteer, code: str, main: str) -> str | None:
    """The common spelling of a unit named after its main town: the town's own name when the unit's name
    (without a type word: "Nairobi City", "Kharkivska oblast") is that town's name or one of its other
    names ("Bayrut" is Beirut, "Al Quds" Jerusalem). None when the unit is not named after a town in it."""
    from sitrep.gazetteer.names import strip_diacritics

    words = main.split()
    forms = [main]
    if len(words) > 1 and words[-1].lower() in _TYPE_WORDS:
        forms.append(" ".join(words[:-1]))
    best = -1
    for form in forms:
        for i in gaz.exact.get(exact_key(form), ()):
            if gaz.features[i] == "town" and gaz.admin1[i] == code and gaz.pop[i] >= 20_000 \
                    and gaz.ids[i].startswith("gn:") and (best < 0 or gaz.pop[i] > gaz.pop[best]):
                best = i
    if best < 0:
        return None
    name = strip_diacritics(gaz.names[best])
    return name if exact_key(name) != exact_key(main) else None


class AdminEras:
    """ACLED's earlier names of the admin1 units it renamed (``gazetteer_acled_admin_eras.csv``): an event dated
    up to the last year ACLED wrote the old name takes it ("Central" for Bagmati in 2016, "Shan" before
    Shan-North), a later or undated one the current name the gazetteer gives."""

    def __init__(self) -> None:
        from sitrep.gazetteer.store import _csv_rows

        self.by_current: dict[tuple[str, str], tuple[str, int]] = {
            (row["country"], exact_key(row["current"])): (row["name"], int(row["until"]))
            for row in _csv_rows("gazetteer_acled_admin_eras.csv") if row.get("until", "").isdigit()}

    def name_at(self, cc: str, admin1: str, year: int | None) -> str:
        era = self.by_current.get((cc, exact_key(admin1))) if year is not None else None
        return era[0] if era is not None and year is not None and year <= era[1] else admin1


def apply_admin_policy(gaz: Gazetteer) -> int:
    """Spell the admin1 units ACLED's record does not cover as the learned naming policy picked
    (``gazetteer_admin_policy.csv``, see ``sitrep.learn.places_names``); returns how many names it gave."""
    from sitrep.gazetteer.store import _csv_rows

    changed = 0
    for row in _csv_rows("gazetteer_admin_policy.csv"):
        if row["code"] not in gaz.acled_admin1 and row["code"] in gaz.admin_names and row["name"]:
            gaz.acled_admin1[row["code"]] = row["name"]
            changed += 1
    return changed

