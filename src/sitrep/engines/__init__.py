"""Engines run a pipeline over batches: in-process, a process pool, or Spark.

Every engine has ``map_batches(iterable of (tag, [Article])) -> iterator of
(tag, [Result])`` in input order, and is a context manager. Stages never know
which engine runs them.
"""

from __future__ import annotations

from typing import Any

from sitrep.engines.local import LocalEngine
from sitrep.engines.pool import PoolEngine, default_workers


def make_engine(config: Any = None, workers: int | None = None) -> LocalEngine | PoolEngine:
    """``workers=0`` runs in this process; None = one worker process per core."""
    if workers == 0:
        return LocalEngine(config)
    return PoolEngine(config, workers=workers)


__all__ = ["LocalEngine", "PoolEngine", "default_workers", "make_engine"]
