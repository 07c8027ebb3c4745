"""The process-pool engine: one pipeline (model loaded once) per worker process.

Batches go to workers as they free up; results come back in input order. At
most ``2 × workers`` batches are in flight, so memory does not grow with the
corpus. A batch larger than ``CHUNK_ARTICLES`` goes out in chunks of that size
(results are joined again): every worker gets a share of it, so a run does not
end with one worker on the last batch while the other waits. Workers are forked from a fork server
(``sitrep.engines.preload``: a clean process started from scratch, so no inherited DuckDB handles or threads)
that built the pipeline once; ``spawn`` where there is no fork server. They exit by themselves when the
parent dies, even by ``kill -9``.
A worker that dies (segfault, OOM kill) is replaced; a batch that kills two
workers comes back as per-article E200 failures instead of stopping the run.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from sitrep.errors import error
from sitrep.model import Article, Result
from sitrep.pipeline import collector_paused

T = TypeVar("T")

_PIPELINE: Any = None
MAX_ATTEMPTS = 2
# spaCy's string store only grows; replacing a worker after this many tasks (chunks of
# CHUNK_ARTICLES: a model reload, ~2 s, per 16,000 articles) keeps it bounded.
BATCHES_PER_WORKER = 2000
# Articles per task sent to a worker. A 64-article ingest batch (a transaction) used to go to
# one worker whole: at the end of a run the other core sat idle for up to a batch's time
# (~6 s). A chunk costs ~1 ms to send and the pipeline's results do not depend on how
# articles are batched (same Results for batches of 32 and of 5 on articles(64)). Eight, not
# sixteen: the run's last chunk leaves the other cores idle for half as long, and spaCy parses
# 64 articles in batches of 4, 8, 16 or 32 for the same CPU (5.57, 5.47, 5.53, 5.52 s).
CHUNK_ARTICLES = 8


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _watch_parent(parent_pid: int) -> None:
    # The parent's sentinel (a pipe it holds) closes when it dies. A forked worker's parent process is
    # the fork server, which outlives the run while workers hold it open: the pid alone would not tell.
    parent = multiprocessing.parent_process()
    if parent is not None and parent.pid == parent_pid:
        parent.join()
        os._exit(3)  # orphaned: the ingest that started us is gone
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            os._exit(3)


def _init_worker(config: Any, parent_pid: int, environ: dict[str, str]) -> None:
    global _PIPELINE
    from sitrep.engines import preload

    # a forked worker has the fork server's environment: the parent's, as a spawned one would
    if os.environ != environ:
        os.environ.clear()
        os.environ.update(environ)
    preload.worker_settings()
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    _PIPELINE = preload.preloaded(preload.pipeline_key(config)) or preload.build(config)


def _run_batch(articles: list[Article]) -> bytes:
    """The batch's Results, pickled here while the cyclic collector is still paused (``collector_paused``): they
    are gone again before it runs, so its first collection after the batch only frees what the batch left (the
    parses' light copies). Returned as objects, they were walked as live by that collection and, with the
    copies, again by a collection of the older generation: the collector's time per batch of 8 articles
    0.009 -> 0.004 s CPU."""
    assert _PIPELINE is not None, "worker not initialised"
    with collector_paused():
        results = _PIPELINE.process_batch(articles)
        blob = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
        del results
    return blob


def _results(blob: bytes) -> list[Result]:
    """A batch's Results in the parent, unpickled with the collector paused: the ~6,000 objects per 8 articles are
    none of them garbage, and the collector, running every 700 of them, walked the young ones again and again."""
    with collector_paused():
        results: list[Result] = pickle.loads(blob)
    return results


def _warm() -> int:
    return os.getpid()


class PoolEngine:
    """Runs the pipeline over batches in ``workers`` processes."""

    def __init__(
        self,
        config: Any = None,
        workers: int | None = None,
        max_pending: int | None = None,
        batches_per_worker: int | None = BATCHES_PER_WORKER,
        chunk_articles: int = CHUNK_ARTICLES,
    ) -> None:
        from sitrep.pipeline import load_config

        self.config = config if isinstance(config, dict) else load_config(config)
        self.workers = workers or default_workers()
        self.max_pending = max_pending or 2 * self.workers
        self.batches_per_worker = batches_per_worker
        self.chunk_articles = max(1, chunk_articles)
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> PoolEngine:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=_worker_context(self.config),
                initializer=_init_worker,
                initargs=(self.config, os.getpid(), dict(os.environ)),
                max_tasks_per_child=self.batches_per_worker,
            )

    def warm_up(self, sample: list[Article] | None = None) -> None:
        """Start every worker and run ``sample`` through each (benchmarks time the steady state).

        A realistic sample also triggers what stages load lazily on first use.
        """
        self.start()
        assert self._executor is not None
        articles = sample or [Article(text="Warm up.")]
        futures = [self._executor.submit(_run_batch, articles) for _ in range(self.workers * 2)]
        for f in futures:
            f.result()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _restart(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        self.start()

    def _submit(self, articles: list[Article]) -> Future[bytes]:
        self.start()
        assert self._executor is not None
        return self._executor.submit(_run_batch, articles)

    def map_batches(self, batches: Iterable[tuple[T, list[Article]]]) -> Iterator[tuple[T, list[Result]]]:
        """For each (tag, articles): (tag, one Result per article), in input order."""
        results: list[Result] = []
        for (tag, last), chunk_results in self._map_chunks(self._chunked(batches)):
            results.extend(chunk_results)
            if last:
                yield tag, results
                results = []

    def _chunked(self, batches: Iterable[tuple[T, list[Article]]]) -> Iterator[tuple[tuple[T, bool], list[Article]]]:
        """Each batch as chunks of at most ``chunk_articles``, tagged (batch tag, is the batch's last chunk)."""
        size = self.chunk_articles
        for tag, articles in batches:
            starts = range(0, len(articles), size) if articles else range(1)
            for start in starts:
                yield (tag, start + size >= len(articles)), articles[start : start + size]

    def _map_chunks(self, chunks: Iterable[tuple[tuple[T, bool], list[Article]]]) -> Iterator[tuple[tuple[T, bool], list[Result]]]:
        """Chunks in, results out in order; at most ``max_pending`` batches' chunks in flight."""
        pending: deque[list[Any]] = deque()  # [(tag, last), articles, future, attempts]
        batches_pending = 0
        source = iter(chunks)
        exhausted = False
        while True:
            while not exhausted and batches_pending < self.max_pending:
                try:
                    key, articles = next(source)
                except StopIteration:
                    exhausted = True
                    break
                batches_pending += 1 if key[1] else 0  # a batch counts once all its chunks are out
                pending.append([key, articles, self._submit(articles) if articles else None, 1])
            if not pending:
                return
            key, articles, future, attempts = pending[0]
            if future is None:
                pending.popleft()
                batches_pending -= 1 if key[1] else 0
                yield key, []
                continue
            try:
                results = _results(future.result())
            except BrokenProcessPool:
                self._recover(pending)
                continue
            pending.popleft()
            batches_pending -= 1 if key[1] else 0
            yield key, results

    def _recover(self, pending: deque[list[Any]]) -> None:
        """A worker died: restart the pool and resubmit what was in flight.

        The batch we were waiting on gets one more try; if it kills a worker
        again, its articles run one by one so only the culprit fails (E200).
        """
        self._restart()
        head = pending[0]
        head[3] += 1
        if head[3] > MAX_ATTEMPTS:
            head[2] = _done(pickle.dumps(self._isolate(head[1])))
        else:
            head[2] = self._submit(head[1])
        for item in list(pending)[1:]:
            if item[2] is not None and not _succeeded(item[2]):
                item[2] = self._submit(item[1])

    def _isolate(self, articles: list[Article]) -> list[Result]:
        results = []
        for article in articles:
            try:
                results.extend(_results(self._submit([article]).result()))
            except BrokenProcessPool:
                self._restart()
                failure = error("E200", "the worker process died on this article", stage="engine")
                results.append(Result.failure(article.id, failure, article.published))
        return results


def _worker_context(config: Any) -> Any:
    """The fork server's context; the first pool of a process starts the server and has it build
    ``config``'s pipeline for every worker (see ``sitrep.engines.preload``)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    from sitrep.engines import preload

    context = multiprocessing.get_context("forkserver")
    if getattr(forkserver._forkserver, "_forkserver_pid", None) is None:  # not started yet in this process
        context.set_forkserver_preload(["sitrep.engines.preload"])
        os.environ[preload.PRELOAD_ENV] = preload.encode_config(config)
        try:
            forkserver.ensure_running()  # the server takes the environment as it is now
        finally:
            del os.environ[preload.PRELOAD_ENV]
    return context


def _succeeded(future: Future[bytes]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _done(value: bytes) -> Future[bytes]:
    future: Future[bytes] = Future()
    future.set_result(value)
    return future
