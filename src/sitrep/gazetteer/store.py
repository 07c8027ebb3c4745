"""The gazetteer in memory: a dict of normalised names over columnar place tables.

The base tables come from ``build.build_base`` and are cached as one pickle
under ``$SITREP_CACHE`` (default ``~/.cache/sitrep``) together with what ACLED's
record adds (``acled.apply_acled``: ~18k places and the admin spellings; the
cache file, its name and its one builder are ``cache_file``'s); the
package's and the user's ``gazetteer_additions.csv``, ``gazetteer_admin1_names.csv``
and ``demonyms.csv`` are applied on every load (small, and users edit them).
"""

from __future__ import annotations

import atexit
import csv
import gc
import math
import re
import threading
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sitrep.errors import SitrepError

# the cache file's names lived here: kept importable from this module
from sitrep.gazetteer.cache_file import LEARNED_FILES as LEARNED_FILES
from sitrep.gazetteer.cache_file import build_cache as build_cache
from sitrep.gazetteer.cache_file import cache_dir as cache_dir
from sitrep.gazetteer.cache_file import cache_path as cache_path
from sitrep.gazetteer.cache_file import learned_fingerprint as learned_fingerprint
from sitrep.gazetteer.cache_file import load_tables
from sitrep.gazetteer.names import exact_key, loose_from_exact, loose_key, strip_diacritics
from sitrep.resources import data_files

MAX_CANDIDATES = 60
# ACLED geo_precision of a place named on its own, by feature type.
FEATURE_PRECISION = {
    "town": 1, "village": 1, "crossing": 1, "base": 1, "camp": 1, "neighbourhood": 1, "building": 1, "airport": 1,
    "district": 2, "admin2": 2, "valley": 2, "lake": 2, "mountains": 2, "strait": 2,
    "admin1": 3, "region": 3, "desert": 3, "country": 3, "continent": 3, "demonym": 3, "sea": 3, "ocean": 3,
    "river": 3,
}
# How much a feature type is worth before context, on the scale of 1.2 * log10(population):
# a name that is a country or a province almost always means it, not a village that shares it.
_FEATURE_PRIOR = {"country": 12.5, "continent": 12.5, "ocean": 10.0, "sea": 9.0, "admin1": 8.5, "region": 7.0,
                  "desert": 7.0, "river": 6.0, "strait": 6.0, "district": 5.0, "valley": 5.0,
                  "mountains": 5.0, "lake": 5.0,
                  # a landmark is in the gazetteer because it is famous: "the White House", not White House, Tenn.
                  "building": 8.0, "airport": 8.0, "square": 6.0}
POP_WEIGHT = 1.5
# the unit words GeoNames writes after a district's name ("North Shewa Zone"), exact keys (``Gazetteer.unit_cores``)
UNIT_WORDS = frozenset(("district", "zone", "department", "sub prefecture", "prefecture", "territory", "municipality",
                        "province", "division", "county", "region", "governorate", "rayon", "raion", "okrug"))
# An alias written with dots or '&', or in capitals ("N.B.", "T&T", "NSW"): matched as written, before other names.
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z]{0,3}\.(?:[A-Za-z]{1,3}\.?)*|[A-Z&]{2,5}|[A-Z][A-Za-z]?&[A-Z]")


@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    idx: int
    id: str
    name: str
    feature: str
    cc: str
    admin1_code: str
    admin2: str
    latitude: float
    longitude: float
    population: int
    precision: int

    @property
    def is_admin_or_country(self) -> bool:
        return self.feature in ("country", "admin1", "admin2", "continent")


def prior(feature: str, population: int) -> float:
    if feature in _FEATURE_PRIOR:
        return _FEATURE_PRIOR[feature]
    if feature == "admin2":  # among same-named counties, the populous one is the likelier
        return 2.0 + 0.5 * math.log10(population + 1)
    return POP_WEIGHT * math.log10(population + 1)


def index_names(names: list[str], alts: list[list[str]], features: list[str], pops: Any,
                start: int = 0, alts_start: int = 0) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Exact and loose keys of places ``start`` on -> their indices; ``alts[i - alts_start]`` are place i's other
    names."""
    exact: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}
    # the uncached functions: a million distinct names would only churn the lookup-time caches
    exact_key_ = exact_key.__wrapped__
    for i in range(start, len(names)):
        seen_e: set[str] = set()
        seen_l: set[str] = set()
        for n in (names[i], *alts[i - alts_start]):
            e = exact_key_(n)
            if e and e not in seen_e:
                seen_e.add(e)
                exact.setdefault(e, []).append(i)
            lk = loose_from_exact(e)
            if len(lk) >= 3 and lk not in seen_l and features[i] != "admin2":
                seen_l.add(lk)
                loose.setdefault(lk, []).append(i)
    for table in (exact, loose):
        for ids in table.values():
            if len(ids) > 1:
                ids.sort(key=lambda j: -prior(features[j], pops[j]))
                del ids[MAX_CANDIDATES:]
    return exact, loose


def _csv_rows(name: str) -> Iterable[dict[str, str]]:
    for path in data_files(name):
        with open(path, encoding="utf-8") as f:
            reader = csv.DictReader(line for line in f if line.strip() and not line.startswith("#"))
            for row in reader:
                yield {k.strip(): (v or "").strip() for k, v in row.items() if k}


_ENTRIES_KEPT = 50_000


_PROVINCE = "@admin1 "  # the key prefix of a province's name without its unit word in ``unit_cores``


_COMPASS_COMPOUND = re.compile(r"\b(north|south)(east|west)\b")  # in an exact key: "northwest"


def _joined(ids: Iterable[int], more: Iterable[int]) -> list[int]:
    """``ids`` then those of ``more`` not among them, in order."""
    out = list(ids)
    return out + [i for i in more if i not in out]


class Gazetteer:
    """Name lookup and admin/country facts; built once per process by ``load_gazetteer``."""

    def __init__(self, tables: dict[str, Any]) -> None:
        self.ids: list[str] = tables["ids"]
        self.names: list[str] = tables["names"]
        self.features: list[str] = tables["features"]
        self.cc: list[str] = tables["cc"]
        self.admin1: list[str] = tables["admin1"]
        self.admin2: list[str] = tables["admin2"]
        self.lat: array[float] = tables["lat"]
        self.lon: array[float] = tables["lon"]
        self.pop: array[int] = tables["pop"]
        self.precision: dict[int, int] = dict(tables.get("precision", {}))
        # candidate lists are shared between keys (``cache_file.share_equal_lists``): replace one, never change it
        self.exact: dict[str, list[int]] = tables["exact"]
        self.loose: dict[str, list[int]] = tables["loose"]
        self.admin_names: dict[str, str] = tables["admin_names"]
        self.countries: dict[str, dict[str, Any]] = tables["countries"]
        self.admin1_alts: dict[str, list[str]] = tables.get("admin1_alts", {})  # other names of each province
        # ACLED's spelling of admin units and its events per place: applied when the cache is built
        self.acled_admin1: dict[str, str] = dict(tables.get("acled_admin1", {}))
        self.acled_admin2: dict[str, str] = dict(tables.get("acled_admin2", {}))  # GeoNames admin2 code -> ACLED's
        # admin1 units whose spelling ACLED's record (or our hand-made file) shows; the others' is the policy's guess
        self.acled_spelled: set[str] = set(tables.get("acled_spelled", ()))
        self.admin1_join: dict[str, list[str]] = {}  # other spellings, for joining names to units only
        # place -> ACLED events recorded there (``gazetteer_acled.csv``)
        self.acled_events: dict[int, int] = tables.get("acled_events", {})
        self.demonyms: dict[str, int] = {}
        # abbreviations as written ("La." is Louisiana, "L.A." Los Angeles; "WA" is one of two states), tried first
        self.abbrevs: dict[str, list[int]] = {}
        self.aliased: dict[str, set[int]] = {}  # exact key of an alias -> the places it names (as good as own names)
        self.historic: set[str] = set(tables.get("historic", ()))
        self.country_idx = {self.cc[i]: i for i in range(len(self.ids)) if self.features[i] == "country"}
        self.admin_idx = {self.admin1[i]: i for i in range(len(self.ids)) if self.features[i] == "admin1"}
        self.admin_idx.update({self.admin2[i]: i for i in range(len(self.ids)) if self.features[i] == "admin2"})
        # Entries made so far (they are frozen): the same few thousand places come back in every article,
        # and building a frozen dataclass per candidate per look-up was a tenth of the places stage
        self._entries: dict[int, Entry] = {}
        self._unit_cores: dict[str, list[int]] | None = None

    # -- loading user/package data files ---------------------------------
    def apply_data_files(self) -> None:
        # ACLED's record was applied when the cache was built (``build_cache``); the hand-made files override it
        for row in _csv_rows("gazetteer_admin1_names.csv"):
            self.acled_admin1[row["code"]] = row["name"]
            self.acled_spelled.add(row["code"])
        for row in _csv_rows("gazetteer_admin1_join.csv"):
            self.admin1_join.setdefault(row["code"], []).append(row["name"])
        self.add_places(_csv_rows("gazetteer_additions.csv"))
        for row in _csv_rows("gazetteer_aliases.csv"):
            idx = self._target(row["target"])
            if idx is not None:
                alias = row["alias"]
                self.aliased.setdefault(exact_key(alias), set()).add(idx)
                for table, key in ((self.exact, exact_key(alias)), (self.loose, loose_key(alias))):
                    table[key] = [idx] + [i for i in table.get(key, []) if i != idx]
                if _ABBREVIATION.fullmatch(alias):
                    self.abbrevs[alias] = [i for i in self.abbrevs.get(alias, []) if i != idx] + [idx]
        for row in _csv_rows("demonyms.csv"):
            idx = self._target(row["target"])
            if idx is not None:
                self.demonyms[exact_key(row["demonym"])] = idx

    def _target(self, target: str) -> int | None:
        """A data-file reference to a place: ISO alpha-2, GeoNames admin code, or a name."""
        idx = self.country_idx.get(target) if len(target) == 2 and target.isupper() else self.admin_idx.get(target)
        if idx is None:
            found = self.lookup(target, loose=False)
            idx = found[0].idx if found else None
        return idx

    def add_places(self, rows: Iterable[dict[str, str]], prefix: str = "add:", first: bool = True) -> int:
        """Append places (additions-file rows) and index their names; returns how many."""
        start = len(self.ids)
        self._entries.clear()  # an addition may change what a place's index names
        self._unit_cores = None  # ... and which districts a bare name finds
        alts: list[list[str]] = []  # of the new places only (``index_names`` is told where they start)
        for row in rows:
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except (KeyError, ValueError) as exc:
                raise SitrepError("E302", f"gazetteer_additions.csv row {row.get('id') or row.get('name')}: {exc}") from exc
            feature = row.get("feature") or "town"
            self.ids.append(prefix + (row.get("id") or row["name"]))
            self.names.append(row["name"])
            self.features.append(feature)
            self.cc.append(row.get("country", "").upper())
            self.admin1.append(row.get("admin1", ""))
            self.admin2.append(row.get("admin2", ""))
            self.lat.append(lat)
            self.lon.append(lon)
            self.pop.append(int(row.get("population") or 0))
            if row.get("precision"):
                self.precision[len(self.ids) - 1] = int(row["precision"])
            alts.append([a for a in row.get("alt_names", "").split("|") if a])
        exact, loose = index_names(self.names, alts, self.features, self.pop, start=start, alts_start=start)
        for mine, theirs in ((self.exact, exact), (self.loose, loose)):
            for key, ids in theirs.items():
                # Our additions come first: they exist because the packages got these places wrong or lacked them.
                old = [i for i in mine.get(key, []) if i not in ids]
                mine[key] = ids + old if first else old + ids
        return len(self.ids) - start

    # -- queries ---------------------------------------------------------------
    def entry(self, i: int) -> Entry:
        made = self._entries.get(i)
        if made is not None:
            return made
        if len(self._entries) >= _ENTRIES_KEPT:
            self._entries.clear()  # a long run over the whole world: bounded, not growing
        feature = self.features[i]
        made = self._entries[i] = Entry(i, self.ids[i], self.names[i], feature, self.cc[i], self.admin1[i],
                                        self.admin2[i], self.lat[i], self.lon[i], self.pop[i],
                                        self.precision.get(i, FEATURE_PRECISION.get(feature, 1)))
        return made

    def lookup(self, name: str, loose: bool = True) -> list[Entry]:
        """Candidates for a name, best prior first; exact spelling first, then districts GeoNames
        names with their unit word (``unit_cores``), then transliteration-tolerant."""
        key = exact_key(name)
        ids = self.abbrevs.get(name) or self.exact.get(key)
        if not ids:
            ids = self.unit_cores().get(key)
        elif " " in key and (provinces := self.unit_cores().get(_PROVINCE + key)):
            # "Mihintale, North Central": Sri Lanka's North Central Province, known with its unit word, is a
            # candidate beside the Canadian town that has the bare name (a name of two words or more)
            ids = _joined(ids, provinces)
        if _COMPASS_COMPOUND.search(key):
            # "Southwest Region" is Cameroon's South-West as well as whatever is spelt "Southwest" exactly
            split = _COMPASS_COMPOUND.sub(r"\1 \2", key)
            more = self.exact.get(split) or self.unit_cores().get(split) or []
            ids = _joined(ids or [], more)
        if not ids and loose:
            ids = self.loose.get(loose_key(name))
        return [self.entry(i) for i in ids] if ids else []

    def unit_cores(self) -> dict[str, list[int]]:
        """District-level units by their name without the unit word GeoNames gives it ("North Shewa Zone",
        "Bouar Sub-Prefecture", "Masisi Territory"): how notes write them ("(North Shewa, Oromia)"). Only a name
        nothing else answers to reaches them (made on the first such look-up)."""
        if self._unit_cores is None:
            cores: dict[str, list[int]] = {}
            for i, (name, feature) in enumerate(zip(self.names, self.features, strict=True)):
                if feature not in ("admin2", "admin1"):
                    continue
                words = exact_key(name).split()
                for n in (2, 1):  # "sub prefecture" before "prefecture"
                    if len(words) > n and " ".join(words[-n:]) in UNIT_WORDS:
                        core = " ".join(words[:-n])
                        # a province's core is kept apart: reached beside the exact matches, never instead
                        cores.setdefault(core if feature == "admin2" else _PROVINCE + core, []).append(i)
                        break
            for ids in cores.values():
                ids.sort(key=lambda j: -prior(self.features[j], self.pop[j]))
            self._unit_cores = cores
        return self._unit_cores

    def demonym(self, word: str) -> Entry | None:
        key = exact_key(word)
        idx = self.demonyms.get(key)
        if idx is None and key.endswith("s"):  # "Iraqis", "Afghans"
            idx = self.demonyms.get(key[:-1])
        return self.entry(idx) if idx is not None else None

    def country_name(self, cc: str) -> str | None:
        info = self.countries.get(cc)
        return info["name"] if info else None

    def country_info(self, cc: str) -> dict[str, Any]:
        return self.countries.get(cc, {})

    def country_entry(self, cc: str) -> Entry | None:
        i = self.country_idx.get(cc)
        return self.entry(i) if i is not None else None

    def admin_entry(self, code: str) -> Entry | None:
        i = self.admin_idx.get(code)
        return self.entry(i) if i is not None else None

    def admin1_name(self, code: str) -> str | None:
        if not code:
            return None
        if code in self.acled_admin1:
            return self.acled_admin1[code]
        name = self.admin_names.get(code)
        return strip_diacritics(name) if name else None

    def admin2_name(self, code: str) -> str | None:
        if not code:
            return None
        if code in self.acled_admin2:
            return self.acled_admin2[code]
        name = self.admin_names.get(code, code)  # additions give a display name directly
        return strip_diacritics(name)

    def __len__(self) -> int:
        return len(self.ids)


_LOCK = threading.Lock()
_LOADED: Gazetteer | None = None


def load_gazetteer(reload: bool = False) -> Gazetteer:
    """The process-wide gazetteer: cached tables plus the data files (built on first use)."""
    global _LOADED
    with _LOCK:
        if _LOADED is None or reload:
            # the collector paused until the freeze: re-enabled between the unpickle and the freeze, its next
            # young collections walked the million objects just loaded (~0.1-0.2 s CPU per process start)
            enabled = gc.isenabled()
            gc.disable()
            try:
                gaz = Gazetteer(load_tables())
                gaz.apply_data_files()
                if _LOADED is None:
                    atexit.register(_release)
                _LOADED = gaz
                # the tables live as long as the process: later collections need not walk them again
                gc.freeze()
            finally:
                if enabled:
                    gc.enable()
        return _LOADED


def _release() -> None:
    """At exit, drop the gazetteer and thaw what the freeze kept: frozen objects are never freed, and extension
    modules imported before the freeze (DuckDB) then report their own objects as leaked on stderr."""
    global _LOADED
    _LOADED = None  # freed by reference counts, so the thaw leaves the exit's last collection little to walk
    gc.unfreeze()
