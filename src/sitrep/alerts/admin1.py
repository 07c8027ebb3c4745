"""From an event's (country, admin1) to the GeoNames admin1 code, and from that code to a map polygon.

Events store admin1 as a display name (the places stage writes
``gaz.admin1_name(code)``, ACLED's spelling where ACLED has one), and those
spellings change as the gazetteer improves. So the map never joins by name:
this module inverts the gazetteer's own naming to get the GeoNames code back,
and the polygons carry GeoNames codes (Natural Earth's ``gn_a1_code``). Units
Natural Earth lacks or codes differently go through ``admin1_crosswalk.csv``.

Loading the whole gazetteer takes seconds, so the inverted index is cached as
a small JSON beside the gazetteer cache and rebuilt when either is newer.
"""

from __future__ import annotations

import csv
import json
import threading
from pathlib import Path
from typing import Any

from sitrep.gazetteer.names import exact_key, loose_key
from sitrep.resources import data_files

INDEX_VERSION = 1
CROSSWALK = "admin1_crosswalk.csv"
_lock = threading.Lock()
_memo: dict[str, Any] = {}


def index_path() -> Path:
    from sitrep.gazetteer.store import cache_dir

    return cache_dir() / f"admin1-index-v{INDEX_VERSION}.json"


def build_index(gaz: Any) -> dict[str, Any]:
    """Names → code tables from a loaded gazetteer: every name it may write for a unit, plus loose keys."""
    countries: dict[str, str] = {}
    for cc, info in gaz.countries.items():
        if info.get("name"):
            countries[exact_key(info["name"])] = cc
    exact: dict[str, dict[str, str]] = {}
    loose: dict[str, dict[str, str]] = {}
    gn: dict[str, int] = {}
    for code in gaz.admin_names:
        if code.count(".") != 1 or "-" in code:
            continue
        cc = code.split(".")[0]
        entry = gaz.admin_entry(code)
        names = [gaz.admin1_name(code), gaz.admin_names.get(code), entry.name if entry else None,
                 *getattr(gaz, "admin1_join", {}).get(code, ())]
        for name in filter(None, names):
            exact.setdefault(cc, {}).setdefault(exact_key(name), code)
            loose.setdefault(cc, {}).setdefault(loose_key(name), code)
        if entry and entry.id.startswith("gn:") and entry.id[3:].isdigit():
            gn[code] = int(entry.id[3:])
    return {"version": INDEX_VERSION, "countries": countries, "exact": exact, "loose": loose, "gn": gn}


def _sources() -> list[Path]:
    from sitrep.gazetteer.store import cache_path

    return [cache_path(), *data_files("gazetteer_admin1_names.csv"), *data_files("gazetteer_admin1_join.csv"),
            *data_files("gazetteer_admin_policy.csv")]


def _stale(path: Path) -> bool:
    if not path.exists():
        return True
    built = path.stat().st_mtime
    return any(p.exists() and p.stat().st_mtime > built for p in _sources())


def load_index(rebuild: bool = False) -> dict[str, Any]:
    """The cached index, rebuilt from the gazetteer (slow, once) when missing or older than its sources."""
    with _lock:
        path = index_path()
        if not rebuild and "index" in _memo and not _stale(path):
            return dict(_memo["index"])
        if rebuild or _stale(path):
            from sitrep.gazetteer.store import load_gazetteer

            index = build_index(load_gazetteer())
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        else:
            index = json.loads(path.read_text(encoding="utf-8"))
        _memo["index"] = index
        return dict(index)


def read_crosswalk() -> dict[str, dict[str, str]]:
    """``{"event": {code: drawn code}, "polygon": {Natural Earth adm1_code: GeoNames code}}``; users' files win."""
    out: dict[str, dict[str, str]] = {"event": {}, "polygon": {}}
    for path in data_files(CROSSWALK):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(line for line in f if not line.startswith("#")):
                side = (row.get("side") or "").strip()
                if side in out and row.get("from") and row.get("to"):
                    out[side][row["from"].strip()] = row["to"].strip()
    return out


class Resolver:
    """Resolves (country, admin1) rows to GeoNames codes and to the code of the polygon that draws them."""

    def __init__(self, index: dict[str, Any], crosswalk: dict[str, dict[str, str]] | None = None) -> None:
        self.index = index
        self.crosswalk = crosswalk if crosswalk is not None else read_crosswalk()
        self._cache: dict[tuple[str, str], str | None] = {}

    def code(self, country: str | None, admin1: str | None) -> str | None:
        if not country or not admin1:
            return None
        key = (country, admin1)
        if key not in self._cache:
            cc = self.index["countries"].get(exact_key(country))
            found = None
            if cc:
                found = self.index["exact"].get(cc, {}).get(exact_key(admin1))
                found = found or self.index["loose"].get(cc, {}).get(loose_key(admin1))
            self._cache[key] = found
        return self._cache[key]

    def polygon(self, code: str | None) -> str | None:
        """The GeoNames code the map's polygons carry for this unit (a parent's, for units drawn inside one)."""
        if code is None:
            return None
        return self.crosswalk["event"].get(code, code)


_background_lock = threading.Lock()
_background: list[threading.Thread] = []


def _rebuild_in_background() -> None:
    with _background_lock:
        if _background and _background[0].is_alive():
            return
        thread = threading.Thread(target=load_index, name="admin1-index", daemon=True)
        thread.start()
        _background[:] = [thread]


def resolver() -> Resolver:
    """The resolver the server uses. When the gazetteer was rebuilt since the index (a minute's work on a busy
    machine), the old index answers while a thread rebuilds it: the dashboard's provinces and surges must not
    wait for it. Only a missing index is built before answering."""
    path = index_path()
    if path.exists() and _stale(path):
        _rebuild_in_background()
        index = _memo.get("index") or json.loads(path.read_text(encoding="utf-8"))
        return Resolver(dict(index))
    return Resolver(load_index())
