"""The plain Python API: ``extract`` one text, ``extract_inputs`` many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

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


def extract_inputs(
    inputs: Iterable[Input], published: str | None = None, pipeline: Pipeline | None = None
) -> Iterator[Result]:
    """Results for readers' inputs, in order; failed inputs yield their error result."""
    pipe = pipeline or default_pipeline()
    pending: list[Input] = []

    def flush() -> Iterator[Result]:
        articles = [i.article for i in pending if i.article is not None]
        done = iter(pipe.process_batch(articles)) if articles else iter(())
        for item in pending:
            if item.article is None:
                assert item.failure is not None
                yield Result.failure(item.id, item.failure)
            else:
                yield next(done)
        pending.clear()

    for item in inputs:
        if item.article is not None and published and not item.article.published:
            item.article.published = published
        pending.append(item)
        if len(pending) >= pipe.batch_size:
            yield from flush()
    yield from flush()
