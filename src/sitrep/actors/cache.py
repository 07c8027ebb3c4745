"""The built actor index kept on disk, so a worker process loads it (~0.1 s) instead of building it (~3 s).

The cache file (under ``$SITREP_CACHE``, as the gazetteer's) records what the build read: every data
file (path, size, modification time) and the code that builds it. It is used only while all of these
still match and every file name still resolves to the same files (a user data folder added since, or a
file added to one, means a rebuild). A cache that cannot be read or written is rebuilt or skipped,
never an error.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitrep.resources import data_files

FORMAT = 1
log = logging.getLogger(__name__)


def _stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path), st.st_size, st.st_mtime_ns


def _code_hash() -> str:
    """The build's own source: an edited dictionary.py (or communities.py) makes older caches stale."""
    from sitrep.actors import communities, dictionary

    return hashlib.sha1(b"".join(Path(str(m.__file__)).read_bytes() for m in (dictionary, communities))).hexdigest()


def _sources(names: set[str]) -> dict[str, list[tuple[str, int, int]]]:
    return {name: [_stamp(p) for p in data_files(name)] for name in sorted(names)}


def cache_file() -> Path:
    """One file per copy of the package: two checkouts (or versions) used in turn, as a before/after benchmark
    does, each keep theirs instead of rebuilding each other's on every start."""
    from sitrep.gazetteer.store import cache_dir

    package = hashlib.sha1(str(Path(__file__).resolve().parent.parent).encode()).hexdigest()[:12]
    return cache_dir() / f"actors-v{FORMAT}-{package}.pkl"


def _load(path: Path) -> Any:
    enabled = gc.isenabled()
    gc.disable()  # many small objects: the cycle collector would walk them over and over while they are made
    try:
        with open(path, "rb") as f:
            return pickle.load(f)  # noqa: S301 - a file this module wrote under the user's cache folder
    finally:
        if enabled:
            gc.enable()


def cached_index(build: Callable[[], Any], read_names: set[str]) -> Any:
    """``build()``'s index, from the cache when what it read is unchanged. ``read_names`` is filled by the
    build with the data file names it read (so the record can never miss one)."""
    path = cache_file()
    code = _code_hash()
    try:
        stored = _load(path) if path.exists() else None
        if (isinstance(stored, dict) and stored.get("code") == code
                and stored.get("sources") == _sources(set(stored.get("sources", {})))):
            return stored["index"]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError) as exc:
        log.info("actor index cache unreadable, rebuilding: %s", exc)
    read_names.clear()
    index = build()
    record = {"code": code, "sources": _sources(set(read_names)), "index": index}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # written aside then moved into place: a reader never sees half a file, two writers never mix theirs
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".actors-", delete=False) as tmp:
            pickle.dump(record, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError as exc:
        log.info("actor index cache not written: %s", exc)
    return index
