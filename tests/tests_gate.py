"""When the test suite is the quality gate: CI=true and the shared gold data (../shared) present.

Under the gate a skipped scorer, seed or Spark test is a failure (tests/conftest.py), so a missing dataset,
a renamed folder or a missing Java runtime cannot turn the gate green by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def ci_gate() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes") and SHARED.is_dir()


def gated(nodeid: str, fixturenames: tuple[str, ...] = (), markers: tuple[str, ...] = ()) -> bool:
    """Is this a test whose skip must fail under the gate: a scorer test (tests/eval), a seed test
    (the seed fixture or a seed test file), or a Spark test?"""
    path = nodeid.split("::", 1)[0].replace("\\", "/")
    return (
        "/eval/" in f"/{path}"
        or "seed_text" in fixturenames
        or "seed" in Path(path).stem
        or "spark" in Path(path).stem
        or "spark" in markers
    )
