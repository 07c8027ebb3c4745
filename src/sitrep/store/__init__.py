"""Persistence: the DuckDB store, its filters and exports.

>>> from sitrep.store import Store, EventFilter
>>> with Store("sitrep.duckdb") as store:
...     store.counts()["articles"]
"""

from __future__ import annotations

from sitrep.store.db import BatchSummary, Store
from sitrep.store.filters import EventFilter

__all__ = ["BatchSummary", "EventFilter", "Store"]
