"""The API's view of the store: one DuckDB connection, a cursor per request.

DuckDB connections are not safe to share between threads, but cursors made
from one connection are (each is its own connection to the same database).
FastAPI runs plain ``def`` endpoints in a thread pool, so every request takes
its own cursor; writes additionally take a lock so two reviewers never race
on one transaction.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from sitrep.store import Store
from sitrep.store.transaction import locked_transaction, own_cursor

# Fields a coder may correct, with the DuckDB type a text value is cast to
# (None = text). The same list drives the reviewed views and validation.
EDITABLE_FIELDS: dict[str, str | None] = {
    "event_date": "DATE",
    "time_precision": "INTEGER",
    "disorder_type": None,
    "event_type": None,
    "sub_event_type": None,
    "actor1": None,
    "assoc_actor_1": None,
    "inter1": "INTEGER",
    "actor2": None,
    "assoc_actor_2": None,
    "inter2": "INTEGER",
    "interaction": "INTEGER",
    "civilian_targeting": None,
    "iso": "INTEGER",
    "region": None,
    "country": None,
    "admin1": None,
    "admin2": None,
    "admin3": None,
    "location": None,
    "latitude": "DOUBLE",
    "longitude": "DOUBLE",
    "geo_precision": "INTEGER",
    "source": None,
    "source_scale": None,
    "notes": None,
    "fatalities": "INTEGER",
    "tags": None,
    "modality": None,
    "plover_type": None,
    "plover_mode": None,
    "cameo_root": None,
}


def _canonical_views_sql() -> str:
    """Canonical events flattened from their JSON payload, and with reviews applied.

    Built here rather than in schema.sql because it reads the dedup stage's
    payload layout (a missing key simply yields NULL). Reading JSON for every
    canonical event on every request would be slow, so ``canonical_reviewed``
    is a table: rebuilt when the API starts (dedup cannot write while the API
    holds the file) and refreshed row by row on each review.
    """
    flat = []
    fixed = []
    for name, typ in EDITABLE_FIELDS.items():
        raw = f"payload->>'{name}'"
        flat.append(f"TRY_CAST({raw} AS {typ}) AS {name}" if typ else f"{raw} AS {name}")
        val = f"r.fix->>'{name}'"
        val = f"TRY_CAST({val} AS {typ})" if typ else val
        fixed.append(f"CASE WHEN json_exists(r.fix, '$.{name}') THEN {val} ELSE c.{name} END AS {name}")
    return f"""
CREATE OR REPLACE VIEW canonical_events_flat AS
SELECT canonical_id AS event_id, NULL::VARCHAR AS article_id, {", ".join(flat)},
       coalesce(TRY_CAST(payload->>'timestamp' AS BIGINT), CAST(epoch(updated_at) AS BIGINT)) AS timestamp,
       TRY_CAST(payload->>'confidence' AS DOUBLE) AS confidence,
       payload->>'trigger' AS trigger, payload->'evidence' AS evidence,
       article_ids, sources
FROM canonical_events;

CREATE OR REPLACE VIEW canonical_corrected AS
SELECT c.event_id, c.article_id, {", ".join(fixed)},
       greatest(c.timestamp, CAST(epoch(r.reviewed_at) AS BIGINT)) AS timestamp,
       c.confidence, c.trigger, c.evidence, r.review_status, r.reviewed_at,
       c.article_ids, c.sources
FROM canonical_events_flat c LEFT JOIN review_fixes r ON r.event_id = c.event_id;
"""


def refresh_reviewed(cur: duckdb.DuckDBPyConnection, event_id: str | None = None) -> None:
    """Re-apply reviews to one event's materialised rows (``event_id``) or to all of them."""
    if event_id is None:
        cur.execute("DELETE FROM reviewed_events")
        cur.execute("INSERT INTO reviewed_events BY NAME SELECT * FROM events_corrected")
        cur.execute("CREATE OR REPLACE TABLE canonical_reviewed AS SELECT * FROM canonical_corrected")
        return
    cur.execute("DELETE FROM reviewed_events WHERE event_id = ?", [event_id])
    cur.execute("INSERT INTO reviewed_events BY NAME SELECT * FROM events_corrected WHERE event_id = ?", [event_id])
    cur.execute("DELETE FROM canonical_reviewed WHERE event_id = ?", [event_id])
    cur.execute(
        "INSERT INTO canonical_reviewed BY NAME SELECT * FROM canonical_corrected WHERE event_id = ?", [event_id]
    )


def refresh_canonical(cur: duckdb.DuckDBPyConnection, since: datetime) -> None:
    """Bring ``canonical_reviewed`` up to date after a dedup run that started at ``since``."""
    cur.execute("DELETE FROM canonical_reviewed WHERE event_id NOT IN (SELECT canonical_id FROM canonical_events)")
    changed = "SELECT canonical_id FROM canonical_events WHERE updated_at >= ?"
    cur.execute(f"DELETE FROM canonical_reviewed WHERE event_id IN ({changed})", [since])
    cur.execute(
        f"INSERT INTO canonical_reviewed BY NAME SELECT * FROM canonical_corrected WHERE event_id IN ({changed})",
        [since],
    )


class Database:
    """The store file the API serves. Create once per app; ``cursor()`` per request."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.write_lock = threading.Lock()
        # The store opens the file and brings its schema (and the review views) up to date.
        self.store = Store(self.path, read_only=read_only)
        self.store.connect()
        self.con: duckdb.DuckDBPyConnection = self.store.con
        if not read_only:
            self.con.execute(_canonical_views_sql())
            with self.writer() as cur:
                refresh_reviewed(cur)

    def cursor(self) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]:
        return own_cursor(self.con)

    def writer(self) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]:
        """A cursor inside one transaction, serialised with other writers."""
        return locked_transaction(self.con, self.write_lock)

    def has_canonical(self) -> bool:
        with self.cursor() as cur:
            row = cur.execute("SELECT count(*) FROM (SELECT 1 FROM canonical_events LIMIT 1)").fetchone()
        return bool(row and row[0])

    def close(self) -> None:
        self.store.close()


def rows_as_dicts(cur: duckdb.DuckDBPyConnection, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in rows]
