"""The count test: tail probabilities against direct sums, and what it flags and what it leaves alone."""

from __future__ import annotations

import math

import pytest

from sitrep.alerts.surges import Cell, Settings, find_surges, negbin_sf, poisson_sf, score_cell


def _poisson_head(count: int, rate: float) -> float:
    return 1.0 - sum(math.exp(-rate) * rate**k / math.factorial(k) for k in range(count))


def _negbin_head(count: int, mean: float, size: float) -> float:
    p = size / (size + mean)
    return 1.0 - sum(
        math.gamma(k + size) / (math.gamma(size) * math.factorial(k)) * p**size * (1 - p) ** k for k in range(count)
    )


@pytest.mark.parametrize(("count", "rate"), [(9, 3.0), (1, 0.5), (4, 6.0), (20, 4.0), (0, 2.0)])
def test_poisson_tail_matches_a_direct_sum(count: int, rate: float) -> None:
    assert poisson_sf(count, rate) == pytest.approx(_poisson_head(count, rate), rel=1e-9, abs=1e-15)


def test_known_poisson_value() -> None:
    assert poisson_sf(9, 3.0) == pytest.approx(0.0038030, abs=1e-7)


@pytest.mark.parametrize(("count", "mean", "size"), [(12, 4.0, 1.5), (3, 4.0, 0.8), (30, 5.0, 3.0)])
def test_negative_binomial_tail_matches_a_direct_sum(count: int, mean: float, size: float) -> None:
    assert negbin_sf(count, mean, size) == pytest.approx(_negbin_head(count, mean, size), rel=1e-7, abs=1e-13)


def test_negative_binomial_is_wider_than_poisson_and_tends_to_it() -> None:
    assert negbin_sf(12, 4.0, 1.0) > 20 * poisson_sf(12, 4.0)
    assert negbin_sf(12, 4.0, 1e7) == pytest.approx(poisson_sf(12, 4.0), rel=1e-4)


def test_tiny_p_values_keep_their_precision() -> None:
    p = poisson_sf(60, 2.0)
    assert 0 < p < 1e-40


def _cell(history: list[int], count: int, name: str = "X") -> Cell:
    return Cell("Iraq", name, "Battles", count, 0, history)


def test_one_to_two_is_not_a_surge() -> None:
    assert find_surges([_cell([1] * 20, 2), _cell([0] * 20, 2), _cell([0] * 20, 4)]) == []


def test_a_clear_jump_is_flagged_with_its_baselines() -> None:
    [surge] = find_surges([_cell([3, 2, 4, 3] * 5, 20)])
    assert surge.count == 20 and surge.avg_4w == 3.0 and surge.avg_52w == 3.0
    assert surge.p_value < 1e-6


def test_baseline_is_the_larger_average() -> None:
    # a month already at 15 a week: 16 is no surge against it, however quiet the year was
    cell = _cell([1] * 16 + [15, 15, 15, 15], 16)
    assert score_cell(cell)[2] == 15.0
    assert find_surges([cell]) == []


def test_variable_history_uses_the_negative_binomial() -> None:
    cell = _cell([0, 12, 1, 9] * 6, 12)
    assert score_cell(cell)[3] == "negative_binomial"
    assert find_surges([cell]) == []
    assert find_surges([cell], Settings(alpha=0.5)) != []  # the threshold is what decides


def test_no_history_no_test() -> None:
    assert find_surges([_cell([], 50)]) == []
