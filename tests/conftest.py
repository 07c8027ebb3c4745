"""Fixtures shared across the suite: the seed article and one loaded pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The suite runs the pipeline strict: a stage that raises on an article fails the test instead of
# degrading the article quietly (tests of degrading itself build a Pipeline(strict=False)).
os.environ.setdefault("SITREP_STRICT", "1")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_8a35474ce26a6636.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("the seed article (../shared/seed) is not present")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline():
    from sitrep.pipeline import Pipeline

    return Pipeline()
