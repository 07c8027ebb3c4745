"""Where data files come from: the package first, then the user's folders.

A user extends a codebook, dictionary or lexicon by dropping a file with the
same name into a folder listed in ``SITREP_DATA_PATH`` (os.pathsep-separated)
or in the pipeline config's ``data_dirs``; stages read every copy in order,
so user rows add to (or override) the package's rows.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

PACKAGE_DATA = Path(__file__).parent / "data"

_extra_dirs: list[Path] = []


def add_data_dirs(dirs: Iterable[str | Path]) -> None:
    for d in dirs:
        p = Path(d)
        if p not in _extra_dirs:
            _extra_dirs.append(p)


def user_data_dirs() -> list[Path]:
    env = os.environ.get("SITREP_DATA_PATH", "")
    return [*_extra_dirs, *(Path(p) for p in env.split(os.pathsep) if p)]


def data_files(name: str) -> list[Path]:
    """The package's file ``name`` followed by every user copy of it."""
    found = [PACKAGE_DATA / name] if (PACKAGE_DATA / name).exists() else []
    found += [d / name for d in user_data_dirs() if (d / name).exists()]
    return found


def read_word_list(name: str) -> set[str]:
    """A one-entry-per-line list: the package's file, then user copies; "-word" removes an entry."""
    words: set[str] = set()
    for path in data_files(name):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip().lower()
            if line.startswith("-"):
                words.discard(line[1:].strip())
            elif line:
                words.add(line)
    return words


def read_yaml_mapping(path: Path) -> dict[str, Any]:
    """A YAML data file that must hold a mapping; a broken one is a clear E302, not a traceback."""
    import yaml

    from sitrep.errors import SitrepError

    try:
        with open(path, encoding="utf-8") as f:
            # the C loader when PyYAML has it (triggers.yaml: 0.10 -> 0.01 s per worker start), same data
            data = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # noqa: S506
    except (OSError, yaml.YAMLError) as exc:
        raise SitrepError("E302", f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise SitrepError("E302", f"{path}: expected a mapping at top level")
    return data
