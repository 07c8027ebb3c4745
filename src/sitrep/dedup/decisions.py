"""Reviewers' verdicts on possible duplicates: kept, honoured by the dedup, exported as training pairs.

A possible duplicate is a pair the dedup left apart because it was unsure
(``possible_duplicates``, best score first). A reviewer says the two events
are the same real event or different ones; the verdict is stored in
``dedup_decisions(event_a, event_b, same, decided_at)`` (``event_a <
event_b``; a later verdict on the pair replaces the earlier) and the pair
leaves the review list.

The dedup honours verdicts on every later run: a "same" pair is merged
whatever the scores say (the next incremental run joins their canonical
events; the younger id becomes an alias of the older), a "different" pair is
never joined, directly or through other events. An incremental run does not
split canonical events that exist already: a "different" verdict on two
events that are already one canonical event takes effect at the next
``sitrep dedupe --full``.

``export_pairs`` writes every verdict with both events' fields and texts as
JSONL: labelled pairs from the reviewers' own data, to measure or refit the
match model with.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError

_DDL = (
    "CREATE TABLE IF NOT EXISTS dedup_decisions (event_a VARCHAR NOT NULL, event_b VARCHAR NOT NULL, "
    "same BOOLEAN NOT NULL, decided_at TIMESTAMP NOT NULL, PRIMARY KEY (event_a, event_b))"
)
# What a training pair keeps of each event (the columns ``_current_events_sql`` gives).
PAIR_FIELDS = ("event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
               "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities", "source", "text", "unit")


def ensure_table(con: Any) -> None:
    con.execute(_DDL)


def decide(con: Any, event_a: str, event_b: str, same: bool) -> dict[str, Any]:
    """Record a reviewer's verdict on two events; returns what it will do."""
    if event_a == event_b:
        raise SitrepError("E110", "a verdict needs two different events")
    a, b = sorted((event_a, event_b))
    found = {r[0]: r[1] for r in con.execute(
        "SELECT event_id, canonical_id FROM canonical_members WHERE event_id IN (?, ?)", [a, b]).fetchall()}
    missing = [e for e in (a, b) if e not in found]
    if missing:
        raise SitrepError("E402", f"not a deduplicated event: {', '.join(missing)} (run sitrep dedupe first)")
    ensure_table(con)
    now = datetime.now(UTC).replace(tzinfo=None)
    con.execute("DELETE FROM dedup_decisions WHERE event_a = ? AND event_b = ?", [a, b])
    con.execute("INSERT INTO dedup_decisions VALUES (?, ?, ?, ?)", [a, b, same, now])
    con.execute("DELETE FROM possible_duplicates WHERE (event_a = ? AND event_b = ?) OR (event_a = ? AND event_b = ?)",
                [a, b, b, a])
    together = found[a] == found[b]
    effect = ("already one canonical event" if same and together
              else "merged at the next sitrep dedupe" if same
              else "split at the next sitrep dedupe --full" if together
              else "kept apart from now on")
    return {"event_a": a, "event_b": b, "same": same, "effect": effect}


def load(con: Any) -> list[tuple[str, str, bool]]:
    """Every verdict: (event_a, event_b, same)."""
    ensure_table(con)
    return [(str(a), str(b), bool(s)) for a, b, s in
            con.execute("SELECT event_a, event_b, same FROM dedup_decisions ORDER BY event_a, event_b").fetchall()]


def pending_merges_sql() -> str:
    """Events of "same" verdicts whose canonical events are still apart: an incremental run loads them."""
    return (
        "SELECT d.event_a AS event_id FROM dedup_decisions d JOIN canonical_members ma ON ma.event_id = d.event_a "
        "JOIN canonical_members mb ON mb.event_id = d.event_b WHERE d.same AND ma.canonical_id <> mb.canonical_id "
        "UNION SELECT d.event_b FROM dedup_decisions d JOIN canonical_members ma ON ma.event_id = d.event_a "
        "JOIN canonical_members mb ON mb.event_id = d.event_b WHERE d.same AND ma.canonical_id <> mb.canonical_id"
    )


def export_pairs(con: Any, path: Path) -> int:
    """Write every verdict as a labelled pair (JSONL, both events' fields); returns how many."""
    from sitrep.dedup.store import _current_events_sql

    ensure_table(con)
    fields = ", ".join(f"{c} := x.{c}" for c in PAIR_FIELDS)
    rows = con.execute(
        f"WITH cur AS ({_current_events_sql(con)}) "
        "SELECT d.event_a, d.event_b, d.same, CAST(d.decided_at AS VARCHAR), "
        f"(SELECT CAST(to_json(struct_pack({fields})) AS VARCHAR) FROM cur x WHERE x.event_id = d.event_a), "
        f"(SELECT CAST(to_json(struct_pack({fields})) AS VARCHAR) FROM cur x WHERE x.event_id = d.event_b) "
        "FROM dedup_decisions d ORDER BY d.decided_at, d.event_a, d.event_b"
    ).fetchall()
    with open(path, "w", encoding="utf-8") as f:
        for a, b, same, when, ea, eb in rows:
            f.write(json.dumps({"event_a": a, "event_b": b, "same": bool(same), "decided_at": when,
                                "a": json.loads(ea) if ea else None, "b": json.loads(eb) if eb else None},
                               ensure_ascii=False, default=str) + "\n")
    return len(rows)
