"""Learning from coded data: readers, honest splits, training and model cards.

Stages and dedup never import training code: they call :func:`load` (or
:func:`model_dir`) and get a ready artifact, so a worker process or a Spark
executor loads a model in one step and training dependencies (scikit-learn,
openpyxl) stay optional.

Artifacts live in ``sitrep/data/models/<name>/``; a user's own build in a
folder of ``SITREP_DATA_PATH`` (``models/<name>/``) wins over the package's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitrep.resources import data_files

_LOADERS: dict[str, Callable[[Path], Any]] = {}
_CACHE: dict[tuple[str, Path], Any] = {}


def model_dir(name: str) -> Path | None:
    """The folder of artifact ``name``: the last user copy, else the package's; None when none exists."""
    found = [p for p in data_files(f"models/{name}") if p.is_dir()]
    return found[-1] if found else None


def register_loader(name: str) -> Callable[[Callable[[Path], Any]], Callable[[Path], Any]]:
    def wrap(fn: Callable[[Path], Any]) -> Callable[[Path], Any]:
        _LOADERS[name] = fn
        return fn

    return wrap


def load(name: str, folder: str | Path | None = None) -> Any:
    """Artifact ``name`` loaded once per process (from ``folder`` when given); None when it is absent."""
    path = Path(folder) if folder else model_dir(name)
    if path is None or not path.exists():
        return None
    key = (name, path.resolve())
    if key not in _CACHE:
        if name not in _LOADERS:
            import importlib

            importlib.import_module(f"sitrep.learn.{name}_model")
        _CACHE[key] = _LOADERS[name](path)
    return _CACHE[key]


def clear_cache() -> None:
    _CACHE.clear()
