"""Which admin1 × event type cells surged in a week, by a count test rather than a percentage.

A percentage change shouts at 1 → 2 (+100%). Here the week's count is tested
against the larger of its 4-week and 52-week averages: the upper tail
P(X >= count) under a Poisson model, or a negative binomial when the cell's
own history is more variable than Poisson allows (conflict counts usually are,
and a Poisson test would then flag ordinary bad weeks). A cell is flagged only
when the count also reaches a minimum, so a quiet place going from 0 to 2 is
never a surge however small its p-value.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

ALPHA = 0.01
MIN_COUNT = 5
# A cell with no history still has some chance of an event: without a floor a
# single event after a silent year would have p = 0.
RATE_FLOOR = 0.25
MIN_WEEKS_FOR_DISPERSION = 8  # fewer weeks say too little about a cell's variance


@dataclass(frozen=True)
class Settings:
    alpha: float = ALPHA
    min_count: int = MIN_COUNT


@dataclass
class Cell:
    """One admin1 × event type: the tested week's count and the weeks before it (oldest first)."""

    country: str
    admin1: str
    event_type: str
    count: int
    fatalities: int
    history: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Surge:
    country: str
    admin1: str
    event_type: str
    count: int
    fatalities: int
    avg_4w: float
    avg_52w: float
    baseline: float
    model: str
    p_value: float

    def as_dict(self) -> dict[str, object]:
        return {
            "country": self.country,
            "admin1": self.admin1,
            "event_type": self.event_type,
            "count": self.count,
            "fatalities": self.fatalities,
            "avg_4w": round(self.avg_4w, 2),
            "avg_52w": round(self.avg_52w, 2),
            "baseline": round(self.baseline, 2),
            "model": self.model,
            "p_value": float(f"{self.p_value:.3g}"),
        }


def _upper_tail(count: int, first_term: float, ratio: Callable[[int], float]) -> float:
    """Sum of pmf(k) for k >= count, walking up from pmf(count) with pmf(k+1) = pmf(k) * ratio(k)."""
    total, term, k = 0.0, first_term, count
    for _ in range(100_000):
        total += term
        term *= ratio(k)
        k += 1
        if term < total * 1e-16:
            break
    return min(1.0, total)


def poisson_sf(count: int, rate: float) -> float:
    """P(X >= count) for X ~ Poisson(rate); computed from the tail upward so tiny p-values keep precision."""
    if count <= 0:
        return 1.0
    if count <= rate:  # the tail sum would start below the mode: take the complement of the head instead
        head, term = 0.0, math.exp(-rate)
        for k in range(count):
            head += term
            term *= rate / (k + 1)
        return max(0.0, min(1.0, 1.0 - head))
    first = math.exp(count * math.log(rate) - rate - math.lgamma(count + 1))
    return _upper_tail(count, first, lambda k: rate / (k + 1))


def negbin_sf(count: int, mean: float, size: float) -> float:
    """P(X >= count) for a negative binomial with this mean and size (variance mean + mean²/size)."""
    if count <= 0:
        return 1.0
    q = mean / (mean + size)  # chance of a "failure" per trial in the Gamma–Poisson mixture
    log_pmf = (
        math.lgamma(count + size) - math.lgamma(size) - math.lgamma(count + 1)
        + size * math.log(1.0 - q) + count * math.log(q)
    )
    if count <= mean:
        head = 0.0
        term = math.exp(size * math.log(1.0 - q))
        for k in range(count):
            head += term
            term *= (k + size) / (k + 1) * q
        return max(0.0, min(1.0, 1.0 - head))
    return _upper_tail(count, math.exp(log_pmf), lambda k: (k + size) / (k + 1) * q)


def _mean(values: Sequence[int]) -> float:
    return sum(values) / len(values) if values else 0.0


def score_cell(cell: Cell) -> tuple[float, float, float, str, float]:
    """(avg_4w, avg_52w, baseline, model, p-value) for one cell; its history is the weeks before, oldest first."""
    history = cell.history[-52:]
    avg4 = _mean(history[-4:])
    avg52 = _mean(history)
    baseline = max(avg4, avg52, RATE_FLOOR)
    model, p = "poisson", poisson_sf(cell.count, baseline)
    if len(history) >= MIN_WEEKS_FOR_DISPERSION and avg52 > 0:
        var = sum((h - avg52) ** 2 for h in history) / (len(history) - 1)
        if var > avg52:
            # Method of moments on the cell's own year: the extra variance sets the size.
            size = avg52 * avg52 / (var - avg52)
            model, p = "negative_binomial", negbin_sf(cell.count, baseline, size)
    return avg4, avg52, baseline, model, p


def find_surges(cells: Iterable[Cell], settings: Settings = Settings()) -> list[Surge]:
    """The flagged cells, most surprising first. A cell needs at least one week of history to be tested."""
    out: list[Surge] = []
    for cell in cells:
        if not cell.history or cell.count < settings.min_count:
            continue
        avg4, avg52, baseline, model, p = score_cell(cell)
        if cell.count > baseline and p <= settings.alpha:
            out.append(Surge(cell.country, cell.admin1, cell.event_type, cell.count, cell.fatalities,
                             avg4, avg52, baseline, model, p))
    out.sort(key=lambda s: (s.p_value, -s.count, s.country, s.admin1, s.event_type))
    return out
