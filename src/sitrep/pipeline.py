"""Assemble registered stages from a config file and run them over batches.

The pipeline knows nothing about engines: an engine hands it batches of
``Article`` and gets ``Result`` back. A stage that crashes on a batch is
re-run one document at a time so one bad article never stops the rest.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep import registry, resources
from sitrep.errors import SitrepError, error
from sitrep.model import Article, Document, Result

DEFAULT_CONFIG = Path(__file__).parent / "config" / "pipeline.toml"
TRACE_ENV = "SITREP_TRACE"


def load_config(path: str | Path | None = None) -> dict[str, Any]:
    """The package config, with the user's file (path or SITREP_CONFIG) merged over it."""
    with open(DEFAULT_CONFIG, "rb") as f:
        config = tomllib.load(f)
    user = path or os.environ.get("SITREP_CONFIG")
    if user:
        try:
            with open(user, "rb") as f:
                override = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SitrepError("E300", f"{user}: {exc}") from exc
        config["pipeline"] = {**config.get("pipeline", {}), **override.get("pipeline", {})}
        stages = config.setdefault("stages", {})
        for name, settings in override.get("stages", {}).items():
            stages[name] = {**stages.get(name, {}), **settings}
    return config


class Pipeline:
    """Runs the configured stages over batches of articles.

    >>> pipe = Pipeline()
    >>> results = list(pipe.run(["Gunmen killed two villagers in Kidal on Monday."]))
    """

    def __init__(self, config: str | Path | dict[str, Any] | None = None) -> None:
        self.config = config if isinstance(config, dict) else load_config(config)
        settings = self.config.get("pipeline", {})
        resources.add_data_dirs(settings.get("data_dirs", []))
        self.batch_size = int(settings.get("batch_size", 32))
        self.stage_names: list[str] = list(settings.get("stages", []))
        self._check_order()
        stage_settings = self.config.get("stages", {})
        self.stages = [
            (name, registry.get(name).factory(dict(stage_settings.get(name, {})))) for name in self.stage_names
        ]

    def _check_order(self) -> None:
        available = {"article.text", "article.published"}
        for name in self.stage_names:
            spec = registry.get(name)
            missing = [n for n in spec.needs if n not in available]
            if missing:
                raise SitrepError("E300", f"stage {name} needs {missing}, which no earlier stage sets")
            available.update(spec.sets)

    def run(self, articles: Iterable[Article | str], batch_size: int | None = None) -> Iterator[Result]:
        """Yield one Result per article, in input order."""
        size = batch_size or self.batch_size
        batch: list[Article] = []
        for item in articles:
            batch.append(item if isinstance(item, Article) else Article(text=item))
            if len(batch) >= size:
                yield from self.process_batch(batch)
                batch = []
        if batch:
            yield from self.process_batch(batch)

    def process_batch(self, articles: list[Article]) -> list[Result]:
        documents = [Document(article=a) for a in articles]
        trace = os.environ.get(TRACE_ENV)
        for name, fn in self.stages:
            live = [d for d in documents if not d.errors]
            if not live:
                break
            before = [_counts(d) for d in live] if trace else []
            try:
                fn(live)
            except Exception:  # noqa: BLE001 - isolate the article that broke the stage
                for document in live:
                    if document.errors:
                        continue
                    try:
                        fn([document])
                    except Exception as exc:  # noqa: BLE001
                        document.errors.append(error("E200", f"{name}: {type(exc).__name__}: {exc}", stage=name))
            if trace:
                for document, counts in zip(live, before, strict=True):
                    if trace in ("1", "all", document.article.id):
                        _print_trace(name, document, counts)
        return [Result.from_document(d) for d in documents]


def _counts(document: Document) -> dict[str, int]:
    return {k: len(getattr(document, k)) for k in ("entities", "actors", "places", "dates", "quotes", "events")}


def _print_trace(stage_name: str, document: Document, before: dict[str, int]) -> None:
    added = []
    for key in _counts(document):
        for item in getattr(document, key)[before[key] :]:
            label = getattr(item, "name", None) or getattr(item, "event_type", None) or getattr(item, "label", "")
            added.append(f"  + {key[:-1]} {getattr(item, 'text', '')!r} {label or ''}".rstrip())
    print(f"[trace {document.article.id}] {stage_name}: {len(added)} added", file=sys.stderr)
    for line in added:
        print(line, file=sys.stderr)
    for err in document.errors:
        print(f"  ! {err.code} {err.message}", file=sys.stderr)
