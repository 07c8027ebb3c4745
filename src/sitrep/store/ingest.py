"""Ingest: inputs → (skip what is stored) → engine → store, one transaction per batch.

Text already in the store never goes through the pipeline again, so a
re-ingest is cheap and a crashed ingest resumes where its last committed
batch ended. Memory is bounded by the batch size times the engine's
in-flight batches, whatever the corpus size.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from sitrep.io.language import check_english
from sitrep.io.readers import Input
from sitrep.model import Article, Result
from sitrep.store import rows as R
from sitrep.store.batch import WRITTEN_TABLES
from sitrep.store.db import BatchSummary, Store

DEFAULT_BATCH = 64
# DuckDB memory an ingest keeps between batches: it reads what it wrote only for the skip checks, which the OS page
# cache serves as well, so a cache that grows with the corpus buys nothing (Store.trim_cache).
CACHE_BUDGET = 48 * 1024 * 1024


@dataclass
class Progress:
    """Running totals handed to the progress callback after each committed batch."""

    batches: int = 0
    inputs: int = 0
    processed: int = 0  # articles that went through the pipeline
    started: float = field(default_factory=time.monotonic)
    summary: BatchSummary = field(default_factory=BatchSummary)

    @property
    def elapsed(self) -> float:
        return max(1e-9, time.monotonic() - self.started)

    @property
    def rate(self) -> float:
        return self.inputs / self.elapsed


def chunked(items: Iterable[Input], size: int) -> Iterator[list[Input]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _prepare(store: Store, chunk: list[Input], check_language: bool) -> list[tuple[str, Article]]:
    """The articles of ``chunk`` that need the pipeline (new text, English, once per text)."""
    candidates = [i for i in chunk if i.article is not None]
    known = store.known_hashes([i.content_hash for i in candidates if i.content_hash])
    todo: dict[str, Article] = {}
    for item in candidates:
        article = item.article
        assert article is not None
        h = item.content_hash or article.content_hash
        if h in known or h in todo:
            continue
        if check_language:
            lang, problem = check_english(article.text)
            if problem is not None:
                item.failure, item.article = problem, None
                continue
            article.language = article.language or lang
        todo[h] = article
    return list(todo.items())


def ingest_inputs(
    inputs: Iterable[Input],
    store: Store,
    engine: Any,
    *,
    batch_size: int = DEFAULT_BATCH,
    check_language: bool = True,
    on_batch: Callable[[Progress], None] | None = None,
) -> Progress:
    """Run ``inputs`` through ``engine`` (see sitrep.engines) into ``store``."""
    progress = Progress()
    # Arrow, the tables' Arrow schemas and Arrow's first conversion of a list (pyarrow imports pandas for it, to ask
    # whether the list is a pandas object: ~0.25 s) now, while the engine's workers are still starting (~3 s),
    # rather than at the first batch, when they compete with the workers for the cores (~0.3 s and ~0.25 s).
    for table in WRITTEN_TABLES:
        R.arrow_table([], store.arrow_schema(table))

    def batches() -> Iterator[tuple[tuple[list[Input], list[str]], list[Article]]]:
        for chunk in chunked(inputs, batch_size):
            articles = _prepare(store, chunk, check_language)
            hashes = [h for h, _ in articles]
            yield (chunk, hashes), [a for _, a in articles]

    for (chunk, hashes), results in engine.map_batches(batches()):
        if len(hashes) != len(results):
            raise RuntimeError("the engine returned a different number of results than articles sent")
        by_hash: dict[str, Result] = dict(zip(hashes, results, strict=True))
        aligned = [
            by_hash.get(item.content_hash) if item.article is not None and item.content_hash else None for item in chunk
        ]
        summary = store.write_batch(chunk, aligned)
        store.trim_cache(CACHE_BUDGET)
        progress.batches += 1
        progress.inputs += len(chunk)
        progress.processed += len(results)
        progress.summary.add(summary)
        if on_batch is not None:
            on_batch(progress)
    return progress


def run_ingest(
    inputs: Iterable[Input],
    store: Store,
    engine: Any,
    paths: list[str],
    *,
    batch_size: int = DEFAULT_BATCH,
    check_language: bool = True,
    on_batch: Callable[[Progress], None] | None = None,
) -> Progress:
    """``ingest_inputs`` plus a row in ``ingest_runs`` when it finishes."""
    started = datetime.now(UTC)
    progress = ingest_inputs(
        inputs, store, engine, batch_size=batch_size, check_language=check_language, on_batch=on_batch
    )
    store.record_run(uuid.uuid4().hex, started, paths, progress.summary)
    return progress
