"""The watcher: polling, ingest, incremental dedup and a refresh hook, in background threads.

One process owns the store (DuckDB has one writer), so the watcher runs
inside ``sitrep serve --watch`` next to the API, or alone in
``sitrep feeds poll``. Two threads: the poller fills the durable queue; the
processor takes fetched items in batches through the same engine and
``ingest_inputs`` as ``sitrep ingest``, marks them processed, then runs
incremental dedup. A crash between storing a batch and marking it only
means the batch is read again: stored text is recognised by its hash and
not stored twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sitrep.dedup.store import dedupe
from sitrep.feeds.fetcher import Fetcher
from sitrep.feeds.poller import PollResult, poll_due
from sitrep.feeds.queue import FeedTables, api_input_id, utcnow
from sitrep.io.readers import Input, article_from_record
from sitrep.store.batch import BatchSummary
from sitrep.store.db import Store
from sitrep.store.ingest import ingest_inputs

log = logging.getLogger("sitrep.feeds")
DEFAULT_BATCH = 32


class GuardedStore(Store):
    """The same open store, with the writes ingest makes taken under the process's write lock."""

    def __init__(self, store: Store, lock: threading.Lock) -> None:
        super().__init__(store.path, read_only=store.read_only)
        self._con = store.con
        self._schemas = store._schemas
        self._inner = store  # unguarded: write_batch looks up hashes itself while the lock is held
        self._guard = lock

    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        with self._guard:
            return self._inner.known_hashes(hashes)

    def write_batch(self, inputs: Sequence[Input], results: Sequence[Any]) -> BatchSummary:
        with self._guard:
            return self._inner.write_batch(inputs, results)

    def close(self) -> None:
        """The owner of the connection closes it, not this view of it."""


def queue_inputs(rows: list[dict[str, Any]]) -> list[Input]:
    """Queue rows as ingest inputs: the page URL (or the id given to the API) is the article's id, the feed's country
    its reporting country."""
    inputs = []
    for row in rows:
        record = {k: row.get(k) for k in ("url", "title", "text", "published", "source", "country")}
        posted_as = api_input_id(row["item_key"])
        record["id"] = posted_as or row.get("url") or row["item_key"]
        origin = "api" if posted_as else f"feed:{row.get('feed_id')}"
        inputs.append(article_from_record(record, fallback_id=row["item_key"], origin=origin))
    return inputs


def process_pending(
    store: Store, lock: threading.Lock, tables: FeedTables, engine: Any, *, batch_size: int = DEFAULT_BATCH,
    check_language: bool = True,
) -> BatchSummary | None:
    """Ingest one batch of fetched items and mark them processed; None when the queue is empty."""
    rows = tables.pending(batch_size)
    if not rows:
        return None
    inputs = queue_inputs(rows)
    progress = ingest_inputs(
        inputs, GuardedStore(store, lock), engine, batch_size=len(inputs), check_language=check_language
    )
    tables.mark_processed(
        {row["item_key"]: item.content_hash for row, item in zip(rows, inputs, strict=True)}
    )
    return progress.summary


def dedupe_new(store: Store, lock: threading.Lock) -> dict[str, Any]:
    """Incremental dedup of events not yet in a canonical event (dedup's own entry point, under the lock)."""
    with lock:
        return dedupe(store.con)


class Watcher:
    """``start()`` the threads, ``stop()`` them; ``state`` says what they did last (for the API and status)."""

    def __init__(
        self,
        store: Store,
        lock: threading.Lock,
        engine: Any,
        fetcher: Fetcher,
        *,
        tick: float = 1.0,
        batch_size: int = DEFAULT_BATCH,
        check_language: bool = True,
        after_dedup: Callable[[datetime], None] | None = None,
        dedup_every: float = 10.0,
    ) -> None:
        self.store, self.lock, self.engine, self.fetcher = store, lock, engine, fetcher
        self.tables = FeedTables(store.con, lock)
        self.tick = tick
        self.batch_size = batch_size
        self.check_language = check_language
        self.after_dedup = after_dedup
        self.dedup_every = dedup_every
        self._undeduped: datetime | None = None  # when the first batch not yet deduplicated was processed
        self._last_dedup = time.monotonic()
        self.stopping = threading.Event()
        self.wake = threading.Event()  # set when items were queued, so the processor does not wait a tick
        self.state: dict[str, Any] = {
            "started_at": utcnow().isoformat(timespec="seconds"),
            "polls": 0,
            "processed": 0,
            "events": 0,
            "batches": 0,
            "last_poll_at": None,
            "last_batch_at": None,
            "last_dedup_at": None,
            "last_error": None,
        }
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for name, target in (("sitrep-poller", self._poll_loop), ("sitrep-processor", self._process_loop)):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 30.0) -> None:
        """Finish what is in hand (an item's page, a batch), then stop; queued items wait in the store."""
        self.stopping.set()
        self.wake.set()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.1, deadline - time.monotonic()))
        self._threads.clear()

    def poll_once(self, everything: bool = False) -> list[PollResult]:
        results = poll_due(self.tables, self.fetcher, everything=everything, stop=self.stopping)
        if results:
            self.state["polls"] += len(results)
            self.state["last_poll_at"] = utcnow().isoformat(timespec="seconds")
        if any(r.new_items for r in results):
            self.wake.set()
        return results

    def process_once(self) -> BatchSummary | None:
        """One batch through the pipeline; dedup once the queue is empty or ``dedup_every`` has passed."""
        summary = process_pending(
            self.store, self.lock, self.tables, self.engine, batch_size=self.batch_size,
            check_language=self.check_language,
        )
        if summary is not None:
            self.state["batches"] += 1
            self.state["processed"] += summary.inputs
            self.state["events"] += summary.events
            self.state["last_batch_at"] = utcnow().isoformat(timespec="seconds")
            if summary.events and self._undeduped is None:
                self._undeduped = utcnow()
        # Dedup holds the write lock and competes with the API for the interpreter: during a big poll it runs
        # every few seconds rather than after every batch, and always when the queue runs dry.
        due = summary is None or time.monotonic() - self._last_dedup >= self.dedup_every
        if self._undeduped is not None and due:
            since, self._undeduped = self._undeduped, None
            dedupe_new(self.store, self.lock)
            self._last_dedup = time.monotonic()
            self.state["last_dedup_at"] = utcnow().isoformat(timespec="seconds")
            if self.after_dedup is not None:
                self.after_dedup(since)
        return summary

    def drain(self) -> int:
        """Process until the queue is empty; how many batches it took."""
        batches = 0
        while not self.stopping.is_set() and self.process_once() is not None:
            batches += 1
        return batches

    def _guarded(self, step: Callable[[], Any]) -> Any:
        """Run one step; an error is logged and kept in ``state``, and the loop goes on."""
        try:
            return step()
        except Exception as exc:  # noqa: BLE001 - a background loop must outlive any one failure
            log.exception("watcher: %s", exc)
            self.state["last_error"] = f"{type(exc).__name__}: {exc}"[:300]
            return None

    def _poll_loop(self) -> None:
        while not self.stopping.is_set():
            self._guarded(self.poll_once)
            self.stopping.wait(self.tick)

    def _process_loop(self) -> None:
        while not self.stopping.is_set():
            if self._guarded(self.process_once) is None:
                self.wake.wait(self.tick)
                self.wake.clear()
