"""Offline gazetteer: GeoNames-derived package data plus our additions, looked up by normalised name.

``load_gazetteer()`` returns the process-wide instance (building the cache on
first use); ``build_cache()`` is what ``sitrep gazetteer build`` runs.
"""

from sitrep.gazetteer.names import exact_key, loose_key
from sitrep.gazetteer.store import Entry, Gazetteer, build_cache, cache_path, load_gazetteer

__all__ = ["Entry", "Gazetteer", "build_cache", "cache_path", "exact_key", "load_gazetteer", "loose_key"]
