"""Stage registry: stages are registered under versioned names.

A stage factory takes its config (a dict from the pipeline file) and returns
a callable that processes a batch of ``Document`` in place. The registration
declares what the stage needs and what it sets, so the pipeline can check
order before running anything.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.model import Document

StageFn = Callable[[list[Document]], None]
Factory = Callable[[dict[str, Any]], StageFn]


@dataclass(frozen=True)
class StageSpec:
    name: str  # e.g. "sitrep.actors.v1"
    factory: Factory
    needs: tuple[str, ...]
    sets: tuple[str, ...]
    doc: str


_STAGES: dict[str, StageSpec] = {}

# Modules that register the built-in stages; imported lazily on first lookup so
# importing sitrep stays cheap.
_BUILTIN_MODULES = (
    "sitrep.stages.nlp",
    "sitrep.stages.actors",
    "sitrep.stages.places",
    "sitrep.stages.dates",
    "sitrep.stages.quotes",
    "sitrep.stages.events",
    "sitrep.stages.coding",
    "sitrep.stages.event_dates",
    "sitrep.stages.geocode",
    "sitrep.stages.notes",
)


def stage(name: str, needs: Sequence[str] = (), sets: Sequence[str] = ()) -> Callable[[Factory], Factory]:
    """Register a stage factory under a versioned name."""

    def wrap(factory: Factory) -> Factory:
        if name in _STAGES and _STAGES[name].factory is not factory:
            raise ValueError(f"stage {name} registered twice")
        _STAGES[name] = StageSpec(name, factory, tuple(needs), tuple(sets), (factory.__doc__ or "").strip())
        return factory

    return wrap


def load_builtins() -> None:
    for module in _BUILTIN_MODULES:
        importlib.import_module(module)


def get(name: str) -> StageSpec:
    """The stage registered as ``name``.

    ``"package.module:stage.v1"`` imports the user's module first; the stage
    may be registered under the whole string or under the part after the colon.
    """
    module, _, key = name.rpartition(":")
    if name not in _STAGES and key not in _STAGES:
        load_builtins()
    if name not in _STAGES and key not in _STAGES and module:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            from sitrep.errors import SitrepError

            raise SitrepError("E301", f"cannot import {module!r} for stage {key!r}: {exc}") from exc
    spec = _STAGES.get(name) or _STAGES.get(key)
    if spec is None:
        from sitrep.errors import SitrepError

        raise SitrepError("E301", f"unknown stage {name!r}; known: {', '.join(sorted(_STAGES))}")
    return spec


def all_stages() -> dict[str, StageSpec]:
    load_builtins()
    return dict(_STAGES)
