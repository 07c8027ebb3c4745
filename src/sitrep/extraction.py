"""The plain Python API: ``extract`` one text, ``extract_inputs`` many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, Protocol

from sitrep.engines.local import LocalEngine
from sitrep.io.readers import Input
from sitrep.model import Article, Result
from sitrep.pipeline import Pipeline


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def extract(
    text: str,
    published: str | None = None,
    *,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    pipeline: Pipeline | None = None,
) -> Result:
    """Extract events, actors, places, dates and quotes from one article.

    ``published`` (YYYY-MM-DD) anchors relative dates; without it, event
    dates stay unknown unless the text gives them.
    """
    article = Article(text=text, id=id or "", published=published, title=title, source=source, url=url)
    pipe = pipeline or default_pipeline()
    return pipe.process_batch([article])[0]


class BatchEngine(Protocol):
    def map_batches(self, batches: Iterable[tuple[Any, list[Article]]]) -> Iterator[tuple[Any, list[Result]]]: ...


def _input_batches(inputs: Iterable[Input], published: str | None, size: int) -> Iterator[tuple[list[Input], list[Article]]]:
    """Inputs in batches of ``size`` readable articles, each with the inputs it came from (failures kept in place)."""
    pending: list[Input] = []
    readable = 0
    for item in inputs:
        if item.article is not None:
            if published and not item.article.published:
                item.article.published = published
            readable += 1
        pending.append(item)
        if readable >= size:
            yield pending, [i.article for i in pending if i.article is not None]
            pending, readable = [], 0
    if pending:
        yield pending, [i.article for i in pending if i.article is not None]


def extract_inputs(
    inputs: Iterable[Input],
    published: str | None = None,
    pipeline: Pipeline | None = None,
    engine: BatchEngine | None = None,
    batch_size: int | None = None,
) -> Iterator[Result]:
    """Results for readers' inputs, in input order; failed inputs yield their error result in place.

    ``engine`` (a ``LocalEngine`` or ``PoolEngine``) runs the batches, so the
    same pool code serves ``extract`` and ``ingest``; without one the pipeline
    runs here. Streaming: at most the engine's in-flight batches are held.
    """
    if engine is None:
        engine = LocalEngine(pipeline=pipeline or default_pipeline())
    size = batch_size or (pipeline.batch_size if pipeline is not None else 32)
    for items, results in engine.map_batches(_input_batches(inputs, published, size)):
        done = iter(results)
        for item in items:
            if item.article is None:
                assert item.failure is not None
                yield Result.failure(item.id, item.failure)
            else:
                yield next(done)
