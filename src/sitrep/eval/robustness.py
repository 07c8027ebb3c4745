"""Robustness: push real texts through the whole pipeline with publication dates and count stage crashes.

A crash is a stage that raised on an article: W200 (the stage degraded the article) or E200 (the article
was dropped). Other errors (an input with no sentences, E107) are not crashes. ``benchmarks/robustness.py``
runs this over every text of ``sitrep.eval.corpora``; the test suite over a deterministic sample.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sitrep.eval.corpora import Text
from sitrep.model import Article, Result

CRASH_CODES = ("W200", "E200")


@dataclass
class Crash:
    source: str
    id: str
    stage: str
    code: str
    message: str


@dataclass
class RobustnessReport:
    texts: Counter[str] = field(default_factory=Counter)  # per source
    events: Counter[str] = field(default_factory=Counter)  # per source
    crashes: list[Crash] = field(default_factory=list)
    seconds: float = 0.0

    def by_stage(self) -> dict[str, int]:
        return dict(Counter(c.stage for c in self.crashes).most_common())

    def by_exception(self) -> dict[str, int]:
        """Crashes by stage and exception type ("sitrep.dates.v1 KeyError")."""
        names = Counter(f"{c.stage} {_exception_name(c.message, c.stage)}" for c in self.crashes)
        return dict(names.most_common())

    def to_json(self) -> dict[str, Any]:
        crashed_by_source = Counter(c.source for c in self.crashes)
        return {
            "texts": sum(self.texts.values()),
            "crashes": len(self.crashes),
            "seconds": round(self.seconds, 1),
            "by_stage": self.by_stage(),
            "by_exception": self.by_exception(),
            "sources": {s: {"texts": n, "events": self.events[s], "crashes": crashed_by_source[s]}
                        for s, n in sorted(self.texts.items())},
            "examples": [vars(c) for c in self.crashes[:20]],
        }

    def table(self) -> str:
        lines = [f"{'source':<14}{'texts':>8}{'events':>9}{'crashes':>9}"]
        crashed = Counter(c.source for c in self.crashes)
        for source, n in sorted(self.texts.items()):
            lines.append(f"{source:<14}{n:>8}{self.events[source]:>9}{crashed[source]:>9}")
        total = sum(self.texts.values())
        lines.append(f"{'all':<14}{total:>8}{sum(self.events.values()):>9}{len(self.crashes):>9}"
                     f"   in {self.seconds:.0f} s ({total / max(self.seconds, 1e-9):.1f} texts/s)")
        for stage_exc, n in self.by_exception().items():
            lines.append(f"  crashes in {stage_exc}: {n}")
        return "\n".join(lines)


def _exception_name(message: str, stage: str) -> str:
    """The exception type from a "…: <stage>: <Type>: detail" error message."""
    tail = message.split(f"{stage}: ", 1)[-1]
    return tail.split(":", 1)[0] if ":" in tail else tail


def _batches(items: list[Text], size: int) -> Iterator[tuple[list[Text], list[Article]]]:
    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        yield chunk, [Article(text=t.text, id=f"{t.source}:{t.id}", published=t.published) for t in chunk]


def record(report: RobustnessReport, chunk: list[Text], results: list[Result]) -> None:
    for item, result in zip(chunk, results, strict=True):
        report.texts[item.source] += 1
        report.events[item.source] += len(result.events)
        for err in result.errors:
            if err.code in CRASH_CODES:
                report.crashes.append(Crash(item.source, item.id, err.stage or "?", err.code, err.message))


def run(items: list[Text], workers: int = 0, batch_size: int = 32, progress: bool = False) -> RobustnessReport:
    """Every text through the default pipeline (not strict: a crash is counted, not raised).

    ``workers=0`` runs in this process; more runs a process pool (sitrep.engines)."""
    from sitrep.engines import make_engine
    from sitrep.pipeline import STRICT_ENV

    saved = os.environ.get(STRICT_ENV)
    os.environ[STRICT_ENV] = "0"  # pool workers inherit it
    report = RobustnessReport()
    started = time.perf_counter()
    try:
        with make_engine(None, workers=workers) as engine:
            for n, (chunk, results) in enumerate(engine.map_batches(_batches(items, batch_size)), start=1):
                record(report, chunk, results)
                if progress and n % 20 == 0:
                    done = sum(report.texts.values())
                    print(f"  {done}/{len(items)} texts, {len(report.crashes)} crashes, "
                          f"{time.perf_counter() - started:.0f} s", flush=True)
    finally:
        if saved is None:
            os.environ.pop(STRICT_ENV, None)
        else:
            os.environ[STRICT_ENV] = saved
    report.seconds = time.perf_counter() - started
    return report
