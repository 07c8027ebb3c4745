"""Where data files come from: the package first, then the user's folders.

A user extends a codebook, dictionary or lexicon by dropping a file with the
same name into a folder listed in ``SITREP_DATA_PATH`` (os.pathsep-separated)
or in the pipeline config's ``data_dirs``; stages read every copy in order,
so user rows add to (or override) the package's rows.

What ``sitrep train`` derives from coded data (``LEARNED``) is different: a
folder named by ``SITREP_LEARNED_DIR`` that holds its own build of such a
file *replaces* the package's copy, so that a build made without some
countries (``sitrep train dev-draw``) can be measured on those countries
without the package's rows for them coming back in.
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


# Files and model folders built by `sitrep train places|actors|coder` from ACLED's record
LEARNED = frozenset({"gazetteer_acled.csv", "gazetteer_acled_admin.csv", "gazetteer_acled_admin_eras.csv",
                     "gazetteer_admin_policy.csv", "sources_country.csv", "gazetteer_admin_words.csv",
                     "gazetteer_actor_areas.csv",
                     "actors_acled.csv", "actors_force_words.csv", "models/coder"})


# The same files built without the held-out countries (``sitrep train heldout``): the package's own copies are
# built from every country, so ``sitrep eval acled`` scores the held-out notes with these instead.
HELDOUT_BUILD = PACKAGE_DATA / "heldout"
# ... and without one year of three training countries too (``sitrep eval acled --dataset period``)
PERIOD_BUILD = PACKAGE_DATA / "heldout_period"


def missing_learned(folder: Path) -> list[str]:
    """The learned files a replacement build ``folder`` lacks (the package's copies would stand in for them)."""
    return sorted(n for n in LEARNED if not (folder / n).exists())


def learned_dir() -> Path | None:
    """The folder of a replacement build of the learned files (``SITREP_LEARNED_DIR``), if one is set."""
    env = os.environ.get("SITREP_LEARNED_DIR", "")
    return Path(env) if env else None


def data_files(name: str) -> list[Path]:
    """The package's file ``name`` (or the learned-build folder's, for a learned file it holds) followed by every
    user copy of it."""
    base = PACKAGE_DATA
    replacement = learned_dir() if name in LEARNED else None
    if replacement is not None and (replacement / name).exists():
        base = replacement
    found = [base / name] if (base / name).exists() else []
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
