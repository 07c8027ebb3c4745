"""Assemble registered stages from a config file and run them over batches.

The pipeline knows nothing about engines: an engine hands it batches of
``Article`` and gets ``Result`` back. A stage that crashes on a batch is
re-run one document at a time so one bad article never stops the rest.

Degrade, don't drop: when a stage raises on one article, that article keeps
what the earlier stages made, the stage's own output is put back as it was
before the stage ran, and the later stages run wherever their declared
``needs`` are still met (a failed or skipped stage's ``sets`` are gone for
that article). The article's ``errors`` get a W200 warning naming the stage
and the exception; it is still stored and exported. Only a failure of the
stage that makes the parse (``sets`` "doc") drops the article (E200).
Strict mode (``[pipeline] strict = true``, ``SITREP_STRICT=1`` or
``sitrep --strict``) raises ``StageFailure`` instead, for tests and debugging.
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import os
import sys
import tomllib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitrep import registry, resources
from sitrep.errors import SitrepError, error
from sitrep.model import IMMUTABLE_TYPES, Article, Document, Result

DEFAULT_CONFIG = Path(__file__).parent / "config" / "pipeline.toml"
TRACE_ENV = "SITREP_TRACE"
STRICT_ENV = "SITREP_STRICT"
_LISTS = ("entities", "actors", "places", "dates", "quotes")


class StageFailure(SitrepError):
    """Strict mode: a stage raised on an article (code E200, the stage's exception chained)."""

    def __init__(self, stage: str, article_id: str, exc: BaseException) -> None:
        super().__init__("E200", f"{stage} on article {article_id}: {type(exc).__name__}: {exc}")
        self.stage = stage
        self.article_id = article_id


def strict_mode(settings: dict[str, Any] | None = None) -> bool:
    """SITREP_STRICT when it is set (1/true/yes/on), else ``[pipeline] strict``."""
    env = os.environ.get(STRICT_ENV, "").strip().lower()
    if env:
        return env in ("1", "true", "yes", "on")
    return bool((settings or {}).get("strict", False))


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

    def __init__(self, config: str | Path | dict[str, Any] | None = None, strict: bool | None = None) -> None:
        self.config = config if isinstance(config, dict) else load_config(config)
        settings = self.config.get("pipeline", {})
        resources.add_data_dirs(settings.get("data_dirs", []))
        self.batch_size = int(settings.get("batch_size", 32))
        self.strict = strict_mode(settings) if strict is None else strict
        self.stage_names: list[str] = list(settings.get("stages", []))
        self._check_order()
        stage_settings = self.config.get("stages", {})
        self.specs = [registry.get(name) for name in self.stage_names]
        self.stages = [(spec.name, spec.factory(dict(stage_settings.get(spec.name, {})))) for spec in self.specs]

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
        """One Result per article. Stages rarely raise, so a batch first runs without keeping what each stage
        could undo (copying every batch's events before the four stages that write into them cost ~0.02 of the
        parse's CPU); when a stage raises, the batch runs again from the articles as they came, carefully: a
        snapshot before every stage and the failing stage re-run article by article. Stages are deterministic,
        so the careful run gives every article the Result it would have had."""
        if not os.environ.get(TRACE_ENV):  # a trace prints as stages run: once, in the careful run
            published = [a.published for a in articles]  # the dates stage may fill it in
            try:
                return self._run_fast(articles)
            except Exception:  # noqa: BLE001 - the careful run finds and isolates the culprit
                for article, value in zip(articles, published, strict=True):
                    article.published = value
        return [Result.from_document(d) for d in self._run_careful(articles)]

    def _run_fast(self, articles: list[Article]) -> list[Result]:
        """Every stage over the batch with nothing kept to undo; any exception aborts the batch. The stages run
        with the cyclic collector paused (see ``collector_paused``): the parse stage too, which makes the light
        copy of each parse that the later stages share (paused from the first stage after it, as before, the
        collector walked every copy's tokens once more between the two). The Results are taken and the documents
        let go before the collector is back: the light copies (their tokens point at one another, so only the
        collector frees them) are then garbage when it first runs, and freed by it. Let go after it, they were
        walked as live by that young collection and then again, ~5 batches' worth at a time (~0.04 s CPU), by a
        collection of the older generation that freed them."""
        with collector_paused():
            return [Result.from_document(d) for d in self._run_stages(articles)]

    def _run_stages(self, articles: list[Article]) -> list[Document]:
        documents = [Document(article=a) for a in articles]
        for _, fn in self.stages:
            live = [d for d in documents if not _failed(d)]
            if live:
                fn(live)
        return documents

    def _run_careful(self, articles: list[Article]) -> list[Document]:
        documents = [Document(article=a) for a in articles]
        lost: list[set[str]] = [set() for _ in documents]  # per document: what failed or skipped stages left unset
        trace = os.environ.get(TRACE_ENV)
        for spec, (name, fn) in zip(self.specs, self.stages, strict=True):
            live: list[tuple[Document, set[str]]] = []
            for document, gone in zip(documents, lost, strict=True):
                if _failed(document):
                    continue
                if _unmet(spec.needs, gone):
                    gone.update(spec.sets)  # skipped: what it would have set is missing too
                else:
                    live.append((document, gone))
            if not live:
                continue
            docs = [d for d, _ in live]
            before = [_counts(d) for d in docs] if trace else []
            self._run_stage(name, spec.sets, fn, live)
            if trace:
                for document, counts in zip(docs, before, strict=True):
                    if trace in ("1", "all", document.article.id):
                        _print_trace(name, document, counts)
        return documents

    def _run_stage(self, name: str, sets: tuple[str, ...], fn: Any, live: list[tuple[Document, set[str]]]) -> None:
        """One stage over the live documents; an article it raises on gets its pre-stage state back."""
        snapshots = [_snapshot(d, sets) for d, _ in live]
        try:
            fn([d for d, _ in live])
            return
        except Exception:  # noqa: BLE001 - isolate the article that broke the stage
            for (document, _), snap in zip(live, snapshots, strict=True):
                _restore(document, snap)
        for (document, gone), snap in zip(live, snapshots, strict=True):
            try:
                fn([document])
            except Exception as exc:  # noqa: BLE001
                _restore(document, snap)
                if self.strict:
                    raise StageFailure(name, document.article.id, exc) from exc
                detail = f"{name}: {type(exc).__name__}: {exc}"
                if "doc" in sets:  # no parse: nothing later can run, the article fails as a whole
                    document.errors.append(error("E200", detail, stage=name))
                else:
                    document.errors.append(error("W200", detail, stage=name))
                    gone.update(sets)


@contextmanager
def collector_paused() -> Iterator[bool]:
    """The rule stages make hundreds of thousands of short-lived objects per batch (the light copy of each parse,
    spans, candidates) and free them by reference counting; the cyclic collector walked them again and again
    while they lived (~6% of the stages' CPU, measured with the pool's frozen model). Paused for one batch, it
    then runs once over what the batch left (at the next allocation after it is back on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield True
    finally:
        if enabled:
            gc.enable()


def _failed(document: Document) -> bool:
    """An article with a failure (not a warning) goes no further."""
    return any(not e.warning for e in document.errors)


def _unmet(needs: tuple[str, ...], gone: set[str]) -> bool:
    """Is a need missing: itself, or the thing it is part of ("events.coding" without "events")?"""
    return any(need in gone or need.split(".", 1)[0] in gone for need in needs)


def _snapshot(document: Document, sets: tuple[str, ...]) -> dict[str, Any]:
    """What a stage may change, as it is now: the lists (copied), the events (deep-copied when the stage
    writes into them), the extras, the parse and the publication date the dates stage may fill in."""
    snap: dict[str, Any] = {key: list(getattr(document, key)) for key in _LISTS}
    writes_events = any(s.split(".", 1)[0] == "events" for s in sets)
    snap["events"] = _copied(document.events) if writes_events else list(document.events)
    snap["extras"] = dict(document.extras)
    snap["doc"] = document.doc
    snap["published"] = document.article.published
    return snap


def _restore(document: Document, snap: dict[str, Any]) -> None:
    """Put a snapshot back, copied again so a retry cannot write into it."""
    for key in _LISTS:
        setattr(document, key, list(snap[key]))
    document.events = _copied(snap["events"])
    document.extras = dict(snap["extras"])
    document.doc = snap["doc"]
    document.article.published = snap["published"]


_PLAIN_CLASSES: dict[type, bool] = {}


def _copied(value: Any) -> Any:
    """A deep copy of events: plain dataclasses, lists and dicts copied here, their strings and numbers shared
    (they cannot change), anything else by ``copy.deepcopy``. Four stages write into events, so every
    batch's events were deep-copied four times before those stages ran (~0.025 of the parse's CPU)."""
    kind = type(value)
    if kind in IMMUTABLE_TYPES:
        return value
    if kind is list:
        return [_copied(v) for v in value]
    if kind is dict:
        return {k: _copied(v) for k, v in value.items()}
    plain = _PLAIN_CLASSES.get(kind)
    if plain is None:
        plain = _PLAIN_CLASSES[kind] = (
            dataclasses.is_dataclass(kind) and not hasattr(kind, "__slots__") and not hasattr(kind, "__deepcopy__")
        )
    if not plain:
        return copy.deepcopy(value)
    state = value.__dict__.copy()
    for name, field_value in state.items():
        if type(field_value) not in IMMUTABLE_TYPES:
            state[name] = _copied(field_value)
    twin = object.__new__(kind)
    twin.__dict__.update(state)
    return twin


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
