"""ACLED's record as a gazetteer source: its locations, its admin names and its sources' countries.

``build_places`` reads ACLED exports (training countries only unless told otherwise) and writes three
derived tables into a data folder (the package's ``sitrep/data`` by default):

- ``gazetteer_acled.csv``: every distinct ACLED location (name, country, coordinates rounded to 3
  decimals, how many events) matched to the GeoNames place of the same name within ``MATCH_KM``
  where there is one (then it only lends that place ACLED's spelling and weight), else a new place;
  each carries the GeoNames admin1 code of the nearest town and ACLED's admin2 name.
- ``gazetteer_acled_admin.csv``: ACLED's spelling of each GeoNames admin1/admin2 unit, by a majority
  vote of the ACLED points whose nearest GeoNames town lies in that unit; the unit's last ``RECENT_YEARS``
  years of the record vote first, so a unit ACLED renamed takes its current name.
- ``gazetteer_admin_policy.csv``: a name for every admin1 unit of the world picked by the naming policy
  (``sitrep.learn.places_names``) fitted on the training countries' units; the gazetteer uses it where
  ACLED's record gives no spelling (the held-out countries among them).
- ``sources_country.csv``: sources that report (almost) only on one country, for the reporting-country prior.
- ``gazetteer_admin_words.csv``: the province a note is about, read from its words where its place is unknown
  (``sitrep.learn.admin_words``).
- ``gazetteer_actor_areas.csv``: where each armed group's events lie, for a note that names only the group
  (``sitrep.learn.actor_areas``).

Training needs numpy (and scikit-learn for the province table); the gazetteer reads the tables with the csv
module.
"""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.learn.acled import ATTRIBUTION, AcledRecord
from sitrep.learn.splits import DEFAULT_HOLDOUT, held_out_rows, training_rows

MATCH_KM = 5.0  # an ACLED point this close to a GeoNames place of the same name is that place
CELL = 0.25  # degrees: nearest-town search grid
# A GeoNames admin1 name that ends in one of these words is "<name> <type>"; ACLED often drops the type.
TYPE_WORDS = ("province", "region", "county", "city", "governorate", "department", "state", "district",
              "division", "prefecture", "municipality", "oblast", "territory", "area")
MIN_VOTES = 2  # ACLED points needed before a unit takes ACLED's spelling
MIN_SHARE = 0.5  # ... and the share of its points that must agree
# ACLED renames units (Nepal's "Central" became "Bagmati", Somalia's "Banaadir" "Banadir", Myanmar's "Shan" split
# into "Shan-North"/"-South"): a unit's vote counts only the points seen in its last RECENT_YEARS years of the
# record, so new notes get the name ACLED uses now; the whole record votes where the recent points do not suffice.
RECENT_YEARS = 3
# An earlier name is kept for older events only where it held the unit alone (not "Federally Administered Tribal
# Areas" for half of Khyber Pakhtunkhwa's points before the merger): this many events and this share of the votes
ERA_MIN_VOTES = 5
ERA_MIN_SHARE = 0.75
SOURCE_MIN = 5  # events a source must have before it says anything about a country
SOURCE_SHARE = 0.9  # ... and the share of them in one country


@dataclass
class Location:
    name: str
    cc: str
    admin1: str  # ACLED's admin1 name
    admin2: str
    lat: float
    lon: float
    count: int
    precision: int
    last_year: int = 0  # year of the location's latest event under this spelling


def _fold(text: str) -> str:
    from sitrep.gazetteer.names import exact_key

    return exact_key(text)


class TownIndex:
    """Nearest GeoNames town of a country, on a grid (the build has ~235k towns)."""

    def __init__(self, gaz: Any) -> None:
        self.gaz = gaz
        self.grid: dict[tuple[str, int, int], list[int]] = defaultdict(list)
        self.by_cc: dict[str, list[int]] = defaultdict(list)
        for i, feature in enumerate(gaz.features):
            if feature == "town" and gaz.admin1[i] and gaz.ids[i].startswith("gn:"):
                self.grid[(gaz.cc[i], int(gaz.lat[i] // CELL), int(gaz.lon[i] // CELL))].append(i)
                self.by_cc[gaz.cc[i]].append(i)

    def nearest(self, cc: str, lat: float, lon: float) -> int | None:
        gy, gx = int(lat // CELL), int(lon // CELL)
        pool = [i for dy in (-1, 0, 1) for dx in (-1, 0, 1) for i in self.grid.get((cc, gy + dy, gx + dx), ())]
        pool = pool or self.by_cc.get(cc, [])
        if not pool:
            return None
        scale = math.cos(math.radians(lat)) ** 2
        return min(pool, key=lambda i: (self.gaz.lat[i] - lat) ** 2 + (self.gaz.lon[i] - lon) ** 2 * scale)


def country_codes(gaz: Any) -> dict[str, str]:
    """Folded country names (own and alternate) -> ISO alpha-2."""
    out: dict[str, str] = {}
    for cc, info in gaz.countries.items():
        for name in (info.get("name", ""), *info.get("alt", [])):
            if name:
                out.setdefault(_fold(name), cc)
    return out


def country_of(name: str | None, codes: dict[str, str], gaz: Any) -> str:
    if not name:
        return ""
    cc = codes.get(_fold(name))
    if cc is None:
        found = [e for e in gaz.lookup(name) if e.feature == "country"]
        cc = found[0].cc if found else ""
        codes[_fold(name)] = cc
    return cc


def collect_locations(records: Iterable[AcledRecord], codes: dict[str, str], gaz: Any) -> list[Location]:
    """Distinct (country, location, admin1, admin2) with their median point and event count."""
    groups: dict[tuple[str, str, str, str], list[AcledRecord]] = defaultdict(list)
    for r in records:
        if not r.location or r.latitude is None or r.longitude is None:
            continue
        cc = country_of(r.country, codes, gaz)
        if cc:
            groups[(cc, r.location.strip(), (r.admin1 or "").strip(), (r.admin2 or "").strip())].append(r)
    out = []
    for (cc, name, a1, a2), rows in groups.items():
        lats = sorted(r.latitude for r in rows if r.latitude is not None)
        lons = sorted(r.longitude for r in rows if r.longitude is not None)
        prec = Counter(r.geo_precision or 1 for r in rows).most_common(1)[0][0]
        last = max((r.event_date.year for r in rows if r.event_date), default=0)
        out.append(Location(name, cc, a1, a2, round(lats[len(lats) // 2], 3), round(lons[len(lons) // 2], 3),
                            len(rows), prec, last))
    out.sort(key=lambda loc: (loc.cc, loc.name, loc.admin1, loc.admin2))
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def match_geonames(loc: Location, gaz: Any) -> str:
    """The GeoNames id of the place of this name in the same country within MATCH_KM, else ''."""
    for e in gaz.lookup(loc.name, loose=False):
        # ACLED's locations are points: a unit named like its seat ("Chibok" LGA) is not matched, its town is
        if e.cc == loc.cc and e.id.startswith("gn:") and e.feature not in ("country", "continent", "admin1",
                                                                          "admin2", "region") \
                and _km(e.latitude, e.longitude, loc.lat, loc.lon) <= MATCH_KM:
            return str(e.id)
    return ""


Votes = dict[str, list[tuple[str, int, int]]]  # unit code -> its points' (ACLED name, events, last year)


def vote_admin_names(locations: list[Location], towns: TownIndex, recent: bool = True) -> tuple[
        dict[str, tuple[str, int, float]], dict[int, tuple[str, str]]]:
    """ACLED's spelling per GeoNames admin unit (code -> (name, votes, share)), and each location's
    nearest town's (admin1 code, admin2 code) by location index. ``recent``: see ``elect_admin_names``."""
    votes, where = cast_admin_votes(locations, towns)
    return elect_admin_names(votes, recent), where


def cast_admin_votes(locations: list[Location], towns: TownIndex) -> tuple[Votes, dict[int, tuple[str, str]]]:
    """Each location votes for its name of the units of its nearest GeoNames town."""
    votes: Votes = defaultdict(list)
    where: dict[int, tuple[str, str]] = {}
    gaz = towns.gaz
    for k, loc in enumerate(locations):
        i = towns.nearest(loc.cc, loc.lat, loc.lon)
        if i is None:
            continue
        a1, a2 = gaz.admin1[i], gaz.admin2[i]
        where[k] = (a1, a2)
        if loc.admin1:
            votes[a1].append((loc.admin1, loc.count, loc.last_year))
        if loc.admin2 and a2:
            votes[a2].append((loc.admin2, loc.count, loc.last_year))
    return votes, where


def elect_admin_names(votes: Votes, recent: bool = True) -> dict[str, tuple[str, int, float]]:
    """The majority name per unit (code -> (name, votes, share)); ``recent``: the name its last RECENT_YEARS
    years of the record elect (ACLED's current name) where they elect one, else the whole record's."""
    whole = {code: won for code, cast in votes.items() if (won := _majority(cast)) is not None}
    if not recent:
        return whole
    # A recent winner that is another unit's name in the same country is spill-over across a border (a few
    # recent points near it), not a rename: the unit keeps the whole record's name
    taken: dict[tuple[str, int], set[str]] = defaultdict(set)
    for code, (name, _n, _s) in whole.items():
        taken[(code.split(".")[0], code.count("."))].add(name)
    names: dict[str, tuple[str, int, float]] = {}
    for code, cast in votes.items():
        since = _recent_from(cast)
        won = _majority([v for v in cast if v[2] >= since])
        old = whole.get(code)
        if won is not None and (old is None or won[0] == old[0]
                                or won[0] not in taken[(code.split(".")[0], code.count("."))]):
            names[code] = won
        elif old is not None:
            names[code] = old
    return names


def elect_admin_eras(votes: Votes, names: dict[str, tuple[str, int, float]]) -> dict[str, tuple[str, int]]:
    """The name an admin1 unit had before ACLED renamed it: code -> (old name, last year ACLED wrote it), for the
    units whose years before their last RECENT_YEARS elect another name than ``names`` (the current one) and
    not a neighbour's (spill-over, as in ``elect_admin_names``)."""
    taken: dict[str, set[str]] = defaultdict(set)
    for code, (name, _n, _s) in names.items():
        if code.count(".") == 1:
            taken[code.split(".")[0]].add(name)
    eras: dict[str, tuple[str, int]] = {}
    for code, cast in votes.items():
        if code.count(".") != 1 or code not in names:
            continue
        since = _recent_from(cast)
        won = _majority([v for v in cast if v[2] < since])
        if won is not None and won[1] >= ERA_MIN_VOTES and won[2] >= ERA_MIN_SHARE and won[0] != names[code][0] \
                and won[0] not in taken[code.split(".")[0]]:
            eras[code] = (won[0], max(year for name, _n, year in cast if name == won[0]))
    return eras


def _recent_from(cast: list[tuple[str, int, int]]) -> int:
    """The first year of a unit's last RECENT_YEARS years in the record."""
    return max(year for _name, _n, year in cast) - RECENT_YEARS + 1


def _majority(cast: list[tuple[str, int, int]]) -> tuple[str, int, float] | None:
    """The name most events carry (name, votes, share) if it has MIN_VOTES events and MIN_SHARE of them."""
    counter: Counter[str] = Counter()
    for name, n, _year in cast:
        counter[name] += n
    if not counter:
        return None
    name, n = counter.most_common(1)[0]
    total = sum(counter.values())
    return (name, n, round(n / total, 3)) if n >= MIN_VOTES and n / total >= MIN_SHARE else None


def source_countries(records: Iterable[AcledRecord]) -> dict[str, tuple[str, int, float]]:
    """Sources that report (almost) only on one country: folded source -> (country, events, share); a source
    that reports on several (``SOURCE_MIN`` events, no country with ``SOURCE_SHARE`` of them) has country ''
    (an international outlet: "France 24" or "Radio Canada" in its name says nothing of where it reports)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        if not r.source or not r.country:
            continue
        for part in r.source.split(";"):
            key = _fold(part)
            if len(key) >= 3:
                seen[key][r.country] += 1
    out = {}
    for key, counter in seen.items():
        country, n = counter.most_common(1)[0]
        total = sum(counter.values())
        if total >= SOURCE_MIN:
            out[key] = (country if n / total >= SOURCE_SHARE else "", total, round(n / total, 3))
    return out


def _header(what: str, files: dict[str, int], holdout: tuple[str, ...]) -> list[str]:
    return [f"# {what}", f"# Derived from ACLED data: {ATTRIBUTION}.",
            f"# Built by `sitrep train places` from {sum(files.values())} events of {len(files)} export files; "
            f"countries held out: {', '.join(holdout) or 'none'}.",
            "# Rows are aggregates (distinct places, counts, rounded coordinates), not ACLED events."]


def _write(path: Path, header: list[str], columns: list[str], rows: Iterable[list[Any]]) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        for line in header:
            f.write(line + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def write_admin_words(train: list[AcledRecord], out_dir: Path, holdout: tuple[str, ...], gaz: Any = None) -> int:
    """``gazetteer_admin_words.csv`` from the training notes; returns its row count."""
    from sitrep.gazetteer import load_gazetteer
    from sitrep.gazetteer.admin_words import capital_entry
    from sitrep.learn.admin_words import admin_word_rows

    gaz = gaz or load_gazetteer()
    codes = country_codes(gaz)
    capitals: dict[str, tuple[float, float]] = {}
    for country in {r.country for r in train if r.country}:
        cc = country_of(country, codes, gaz)
        if cc and (town := capital_entry(gaz, cc)) is not None:
            capitals[country] = (town.latitude, town.longitude)

    files = Counter(r.source_file or "?" for r in train)
    return _write(
        out_dir / "gazetteer_admin_words.csv",
        _header("The province a note is about, from its words and sources (weights of one logistic regression "
                "per country; see sitrep.learn.admin_words).", files, holdout)
        + ["# feature empty: the province's intercept, with the mean point of its events. Country '*': every",
           "# country's notes, for countries with no table: is the event in the capital ('(capital)', within",
           "# 40 km) or '(elsewhere)', from the words written in lower case and 'type:' the event type."],
        ["country", "admin1", "feature", "weight", "latitude", "longitude"], admin_word_rows(train, capitals))


def write_actor_areas(train: list[AcledRecord], out_dir: Path, holdout: tuple[str, ...]) -> int:
    """``gazetteer_actor_areas.csv``: where each armed group's training events lie; returns its row count."""
    from sitrep.learn.actor_areas import CELL, actor_area_rows

    files = Counter(r.source_file or "?" for r in train)
    return _write(
        out_dir / "gazetteer_actor_areas.csv",
        _header(f"Where each armed group acts: its events per {CELL} degree cell (see sitrep.learn.actor_areas).",
                files, holdout),
        ["actor", "latitude", "longitude", "events"], actor_area_rows(train))


def build_places(records: list[AcledRecord], out_dir: Path, holdout: tuple[str, ...] = DEFAULT_HOLDOUT,
                 gaz: Any = None) -> dict[str, int]:
    """Write the four tables from ``records`` minus the held-out countries; returns row counts."""
    from sitrep.gazetteer import load_gazetteer

    gaz = gaz or load_gazetteer()
    train = list(training_rows(records, holdout))
    files = Counter(r.source_file or "?" for r in train)
    codes = country_codes(gaz)
    locations = collect_locations(train, codes, gaz)
    towns = TownIndex(gaz)
    votes, where = cast_admin_votes(locations, towns)
    names = elect_admin_names(votes)
    eras = elect_admin_eras(votes, names)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}

    def place_rows() -> Iterable[list[Any]]:
        for k, loc in enumerate(locations):
            a1, _a2 = where.get(k, ("", ""))
            yield [loc.name, loc.cc, a1, loc.admin1, loc.admin2, f"{loc.lat:.3f}", f"{loc.lon:.3f}", loc.precision,
                   loc.count, match_geonames(loc, gaz)]

    counts["places"] = _write(
        out_dir / "gazetteer_acled.csv",
        _header("ACLED's locations as a gazetteer source (see sitrep.learn.places).", files, holdout)
        + ["# admin1_code: GeoNames admin1 of the nearest town; geonames: the GeoNames place it matched, if any."],
        ["name", "country", "admin1_code", "acled_admin1", "acled_admin2", "latitude", "longitude", "precision",
         "events", "geonames"], place_rows())
    counts["admin_names"] = _write(
        out_dir / "gazetteer_acled_admin.csv",
        _header("ACLED's spelling of GeoNames admin units, by majority vote of ACLED points.", files, holdout),
        ["code", "name", "votes", "share"],
        ([code, name, n, share] for code, (name, n, share) in sorted(names.items())))
    counts["admin_eras"] = _write(
        out_dir / "gazetteer_acled_admin_eras.csv",
        _header("ACLED's earlier names of admin1 units it renamed: an event up to 'until' takes 'name'.", files,
                holdout), ["code", "country", "current", "name", "until"],
        ([code, code.split(".")[0], names[code][0], old, until] for code, (old, until) in sorted(eras.items())))
    from sitrep.learn.places_names import FEATURES, STYLE_FEATURES, build_policy

    held = collect_locations(list(held_out_rows(records, holdout)), codes, gaz) if holdout else []
    check = {c: n for c, (n, _v, _s) in vote_admin_names(held, towns, recent=False)[0].items()} if held else {}
    # the policy learns how ACLED spells a GeoNames name: fitted on the whole record's names, a rename is no spelling
    spelled = {c: n for c, (n, _v, _s) in elect_admin_names(votes, recent=False).items()}
    policy, weights, fig = build_policy(gaz, spelled, check)
    counts.update({f"policy_{k}": v for k, v in fig.items()})
    counts["policy"] = _write(
        out_dir / "gazetteer_admin_policy.csv",
        _header("Admin1 names picked by the naming policy fitted on the training countries' units.", files, holdout)
        + [f"# Units ACLED spells (training): policy {fig['train_policy_right']}/{fig['train_units']}, GeoNames' "
           f"name {fig['train_geonames_right']}; held-out countries' units (never fitted on): policy "
           f"{fig['held_out_policy_right']}/{fig['held_out_units']}, GeoNames' name {fig['held_out_geonames_right']}.",
           "# Weights: " + ", ".join(f"{f} {v:+.2f}" for f, v in zip(FEATURES + STYLE_FEATURES, weights, strict=True))],
        ["code", "name"], ([code, name] for code, name in sorted(policy.items())))
    sources = source_countries(train)
    counts["sources"] = _write(
        out_dir / "sources_country.csv",
        _header("Sources that report (almost) only on one country: the reporting-country prior (country empty: "
                "the source reports on several).", files, holdout),
        ["source", "country", "events", "share"],
        ([key, c, n, s] for key, (c, n, s) in sorted(sources.items())))
    counts["admin_words"] = write_admin_words(train, out_dir, holdout, gaz)
    counts["actor_areas"] = write_actor_areas(train, out_dir, holdout)
    counts["training_events"] = len(train)
    return counts
