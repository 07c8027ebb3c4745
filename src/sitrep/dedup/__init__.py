"""Cross-article dedup: many reports of one real-world event -> one canonical event.

Pure core: ``dedupe_records(records)`` (event dicts/Events/Arrow in,
``DedupResult`` out). Store wiring: ``dedupe(con)`` clusters the events in a
DuckDB store incrementally and writes ``canonical_events``,
``canonical_members``, ``canonical_aliases`` and ``possible_duplicates``;
``possible_duplicates(con, id)`` and ``canonical_for(con, event_id)`` read
them back for exports and the API. See ``sitrep.dedup.store`` for the tables.
Reviewers' verdicts on possible duplicates (``sitrep.dedup.decisions``) are
honoured by later runs and exported as labelled training pairs.
"""

from sitrep.dedup.config import DedupConfig, load_config
from sitrep.dedup.core import DedupResult, dedupe_records
from sitrep.dedup.merge import canonical_id, merge_cluster
from sitrep.dedup.store import canonical_for, dedupe, possible_duplicates, resolve

__all__ = [
    "DedupConfig",
    "DedupResult",
    "canonical_for",
    "canonical_id",
    "dedupe",
    "dedupe_records",
    "load_config",
    "merge_cluster",
    "possible_duplicates",
    "resolve",
]
