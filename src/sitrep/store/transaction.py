"""Cursors and locked transactions on one shared DuckDB connection.

The server and the feed watcher share one connection across threads: each
call takes its own cursor, and writers hold one lock so their transactions
never interleave (DuckDB would refuse the second as a conflict).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def own_cursor(con: Any) -> Iterator[Any]:
    cur = con.cursor()
    try:
        yield cur
    finally:
        cur.close()


@contextlib.contextmanager
def locked_transaction(con: Any, lock: threading.Lock) -> Iterator[Any]:
    """A cursor inside one transaction, serialised with the other writers that hold ``lock``."""
    with lock, own_cursor(con) as cur:
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")
