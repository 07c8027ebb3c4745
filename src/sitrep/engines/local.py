"""The in-process engine: the pipeline runs batch after batch in this process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from sitrep.model import Article, Result
from sitrep.pipeline import Pipeline

T = TypeVar("T")


class LocalEngine:
    """Runs ``Pipeline.process_batch`` here. Simple, and the baseline for the others."""

    workers = 0

    def __init__(self, config: Any = None, pipeline: Pipeline | None = None) -> None:
        self.config = config
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
        """Built on first use, so a run with nothing new to process loads no model."""
        if self._pipeline is None:
            self._pipeline = Pipeline(self.config)
        return self._pipeline

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        pass

    def map_batches(self, batches: Iterable[tuple[T, list[Article]]]) -> Iterator[tuple[T, list[Result]]]:
        """For each (tag, articles): (tag, one Result per article), in order."""
        for tag, articles in batches:
            yield tag, self.pipeline.process_batch(articles) if articles else []
