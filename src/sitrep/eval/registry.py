"""Scorer registry, reports, gold-data location and the floors file.

A scorer is a function ``(data_dir, dataset, limit) -> list[Report]``
registered with ``@scorer(name, ...)``. When its data is missing it returns a
skipped report instead of failing, so CI without ../shared still passes.
"""

from __future__ import annotations

import importlib
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError

ScorerFn = Callable[[Path, str | None, int | None], list["Report"]]

REPO_ROOT = Path(__file__).resolve().parents[3]
FLOORS_FILE = REPO_ROOT / "floors.toml"

# Modules that register scorers; each owns one dataset.
SCORER_MODULES: tuple[str, ...] = ("sitrep.eval.polnear", "sitrep.eval.case2021", "sitrep.eval.india_police", "sitrep.eval.geo",
                                   "sitrep.eval.re3d", "sitrep.eval.dedup", "sitrep.eval.dedup_ucdp", "sitrep.eval.plover",
                                   "sitrep.eval.acled")


@dataclass
class Report:
    scorer: str
    dataset: str
    metrics: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None

    @property
    def key(self) -> str:
        return self.scorer if self.dataset in ("", self.scorer) else f"{self.scorer}.{self.dataset}"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"scorer": self.scorer, "dataset": self.dataset, "metrics": self.metrics}
        out["counts"] = self.counts
        if self.skipped:
            out["skipped"] = self.skipped
        return out

    def table(self) -> str:
        if self.skipped:
            return f"{self.key}: skipped ({self.skipped})"
        width = max([len(k) for k in self.metrics] + [6])
        lines = [f"{self.key}", f"  {'metric':<{width}}  value"]
        lines += [f"  {k:<{width}}  {v:.4f}" for k, v in self.metrics.items()]
        lines += [f"  {k:<{width}}  {v}" for k, v in self.counts.items()]
        return "\n".join(lines)

    def below_floors(self, floors: dict[str, dict[str, float]] | None = None) -> list[str]:
        if self.skipped:
            return []
        table = (floors if floors is not None else load_floors()).get(self.key, {})
        return [
            f"{self.key}.{metric}: {self.metrics.get(metric, float('nan')):.4f} < {floor}"
            for metric, floor in table.items()
            if not self.metrics.get(metric, float("-inf")) >= floor
        ]


@dataclass(frozen=True)
class Scorer:
    name: str
    fn: ScorerFn
    description: str
    datasets: tuple[str, ...] = ()


_SCORERS: dict[str, Scorer] = {}


def scorer(name: str, description: str, datasets: tuple[str, ...] = ()) -> Callable[[ScorerFn], ScorerFn]:
    def wrap(fn: ScorerFn) -> ScorerFn:
        _SCORERS[name] = Scorer(name, fn, description, datasets)
        return fn

    return wrap


def all_scorers() -> dict[str, Scorer]:
    for module in SCORER_MODULES:
        importlib.import_module(module)
    return dict(_SCORERS)


def gold_dir(explicit: Path | None = None) -> Path:
    """Where the public gold data lives: --data-dir, SITREP_GOLD_DIR, or ../shared/data."""
    if explicit:
        return explicit
    if os.environ.get("SITREP_GOLD_DIR"):
        return Path(os.environ["SITREP_GOLD_DIR"])
    for base in (Path.cwd(), REPO_ROOT):
        candidate = base.parent / "shared" / "data"
        if candidate.exists():
            return candidate
    return REPO_ROOT.parent / "shared" / "data"


def load_floors(path: Path | None = None) -> dict[str, dict[str, float]]:
    """The floors file (``path``, SITREP_FLOORS or the repository's floors.toml). A missing or unreadable
    file is an error (E302), never "no floors": a gate without its file would pass everything."""
    p = path or Path(os.environ.get("SITREP_FLOORS", FLOORS_FILE))
    try:
        with open(p, "rb") as f:
            return {k: dict(v) for k, v in tomllib.load(f).items()}
    except OSError as exc:
        raise SitrepError("E302", f"floors file {p}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SitrepError("E302", f"floors file {p}: {exc}") from exc


def unmeasured_floors(floors: dict[str, dict[str, float]], reports: list[Report]) -> list[str]:
    """Floors keys no report measured: a typo, a renamed dataset, or a scorer that skipped."""
    measured = {r.key for r in reports if not r.skipped and r.metrics}
    return sorted(key for key in floors if key not in measured)


def run(name: str, dataset: str | None = None, data_dir: Path | None = None, limit: int | None = None) -> list[Report]:
    scorers = all_scorers()
    if name == "all":
        chosen = list(scorers.values())
    elif name in scorers:
        chosen = [scorers[name]]
    else:
        raise SitrepError("E109", f"unknown scorer {name!r}; known: {', '.join(sorted(scorers))}")
    base = gold_dir(data_dir)
    reports: list[Report] = []
    for s in chosen:
        reports.extend(s.fn(base, dataset, limit))
    return reports
