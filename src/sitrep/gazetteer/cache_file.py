"""The gazetteer's cache file: where it lies, what it is named by, who builds it, and reading it back.

One pickle under ``$SITREP_CACHE`` (default ``~/.cache/sitrep``) holds the base tables (``build.build_base``),
their name index and what ACLED's record adds (``acled.apply_acled``). The file is named by this code's format,
the contents of the ACLED-derived tables (``learned_fingerprint``) and of the gazetteer's own modules
(``code_fingerprint``), so checkouts with equal tables and code share one and differing ones keep one each (a
change to how the tables are built, a prior say, never reads a cache built before it); one process builds it while
the others wait and read what it built.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitrep.gazetteer.build import FORMAT_VERSION, build_base, source_versions
from sitrep.resources import data_files


def cache_dir() -> Path:
    return Path(os.environ.get("SITREP_CACHE") or Path.home() / ".cache" / "sitrep")


def cache_path() -> Path:
    """The cache file of this code's format and these ACLED-derived tables: two checkouts (or a dev copy of the
    tables) that differ keep one cache each instead of rebuilding each other's; equal ones share it."""
    return cache_dir() / f"gazetteer-v{FORMAT_VERSION}-{learned_fingerprint()[:16]}-{code_fingerprint()[:8]}.pkl"


_CODE_FINGERPRINTS: dict[Path, str] = {}


def code_fingerprint(package: Path | None = None) -> str:
    """A digest of the gazetteer package's modules (``package``: their folder, this one by default), once per
    process: what builds the cache is part of its name, as the tables are."""
    folder = package or Path(__file__).parent
    known = _CODE_FINGERPRINTS.get(folder)
    if known is None:
        digest = hashlib.sha1()
        for module in sorted(folder.glob("*.py")):
            digest.update(f"{module.name}\0".encode())
            digest.update(hashlib.sha1(module.read_bytes()).digest())
        known = _CODE_FINGERPRINTS[folder] = digest.hexdigest()
    return known


# Tables derived from ACLED's record by ``sitrep train places``: applied when the cache is built, not on every load
LEARNED_FILES = ("gazetteer_acled.csv", "gazetteer_acled_admin.csv", "gazetteer_admin_policy.csv")


_FINGERPRINTS: dict[tuple[tuple[str, int, int], ...], str] = {}


def learned_fingerprint() -> str:
    """A digest of the contents of every copy of the ACLED-derived tables, in order (package copy first): a cache
    built from other tables is stale. Where the files lie does not count, so checkouts with the same tables agree;
    the digest is kept per (path, size, mtime) so that asking again costs a few stat calls."""
    copies = [(name, path) for name in LEARNED_FILES for path in data_files(name)]
    stamp = tuple((str(path), path.stat().st_size, path.stat().st_mtime_ns) for _name, path in copies)
    known = _FINGERPRINTS.get(stamp)
    if known is None:
        digest = hashlib.sha1()
        for name, path in copies:
            digest.update(f"{name}\0".encode())
            digest.update(hashlib.sha1(path.read_bytes()).digest())
        known = _FINGERPRINTS[stamp] = digest.hexdigest()
    return known


@contextmanager
def _build_lock(target: Path) -> Iterator[None]:
    """One builder per cache file across processes (an advisory lock file beside it; no lock where fcntl is
    missing): the others wait and then read what it built instead of building the same tables again."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with open(target.with_name(target.name + ".lock"), "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


STALE_CACHE_DAYS = 14  # another fingerprint's cache unused this long is removed after a build


def _prune_old_caches(target: Path) -> None:
    cutoff = time.time() - STALE_CACHE_DAYS * 86400
    for other in target.parent.glob("gazetteer-v*.pkl"):
        try:
            if other != target and other.stat().st_atime < cutoff and other.stat().st_mtime < cutoff:
                other.unlink()
        except OSError:
            pass  # another process removed or replaced it


def build_cache(path: Path | None = None) -> float:
    """Build the base tables, their name index and ACLED's additions into the cache; returns seconds."""
    target = path or cache_path()
    with _build_lock(target):
        return _build_cache_locked(target)


def _build_cache_locked(target: Path) -> float:
    from sitrep.gazetteer.acled import apply_acled
    from sitrep.gazetteer.store import Gazetteer, index_names  # the store loads through this module

    t0 = time.perf_counter()
    tables = build_base()
    tables["exact"], tables["loose"] = index_names(tables["names"], tables["alts"], tables["features"], tables["pop"])
    del tables["alts"]
    tables["learned"] = learned_fingerprint()
    gaz = Gazetteer(tables)  # shares the tables' lists: ACLED's places are appended to them in place
    apply_acled(gaz)
    tables.update(acled_admin1=gaz.acled_admin1, acled_admin2=gaz.acled_admin2, acled_events=gaz.acled_events,
                  acled_spelled=sorted(gaz.acled_spelled), precision=gaz.precision)
    share_equal_lists(tables["exact"], tables["loose"])
    out = target.with_name(f"{target.name}.{os.getpid()}.tmp")  # atomic: parallel builders never see a torn file
    with open(out, "wb") as f:
        pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
    out.replace(target)
    _prune_old_caches(target)
    return time.perf_counter() - t0


def share_equal_lists(*indexes: dict[str, list[int]]) -> int:
    """Make equal candidate lists one object across the name indexes; returns how many lists remain.

    Most keys name one place, and a place's exact and loose keys (and its other names' keys) hold the same list:
    ~1M lists, ~307k distinct. Pickle writes an object it has seen once as a reference, so the cache then holds
    (and its load makes) one list per distinct content: the unpickle in each process start, ~0.7 -> ~0.5 s CPU.
    Safe because nothing changes a candidate list in place after the build (``add_places`` and the aliases put
    new lists in), and it must stay so."""
    distinct: dict[tuple[int, ...], list[int]] = {}
    for index in indexes:
        for key, ids in index.items():
            index[key] = distinct.setdefault(tuple(ids), ids)
    return len(distinct)


def _unpickle(path: Path) -> dict[str, Any]:
    """Load a cache file with the cycle collector paused: the tables are a million small lists and dicts, and the
    collector would walk them again and again while they are created (2.2 s -> 0.7 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as f:
            tables: dict[str, Any] = pickle.load(f)
    finally:
        if enabled:
            gc.enable()
    return tables


def _current(target: Path) -> dict[str, Any] | None:
    """The cached tables when the file exists and was built from this format, these packages and tables."""
    if not target.exists():
        return None
    try:
        tables = _unpickle(target)
    except (OSError, EOFError, pickle.UnpicklingError):
        return None  # a torn or stale cache is rebuilt
    if tables.get("format") == FORMAT_VERSION and tables.get("sources") == source_versions() \
            and tables.get("learned") == learned_fingerprint():
        return tables
    return None


def load_tables(path: Path | None = None, rebuild: bool = False) -> dict[str, Any]:
    target = path or cache_path()
    tables = None if rebuild else _current(target)
    if tables is not None:
        return tables
    with _build_lock(target):
        # a process that held the lock meanwhile may have built it: read that instead of building again
        tables = None if rebuild else _current(target)
        if tables is None:
            _build_cache_locked(target)
            tables = _unpickle(target)
    return tables
