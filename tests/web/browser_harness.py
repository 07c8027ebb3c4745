"""Helpers of the dashboard's browser tests (their fixtures are in conftest.py): where Chromium and the
built files are, skipping when they are missing, what a page must not do, screenshots kept for review."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parents[1]
VENDOR = TESTS.parent / "src" / "sitrep" / "web" / "vendor"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def need(*files: Path | str) -> None:
    """Skip (fail under CI) when Chromium or a file `make install` builds is missing."""
    for path in (CHROMIUM, *files):
        if not Path(path).exists():
            if os.environ.get("CI"):
                pytest.fail(f"{path} is missing: `make install` builds it")
            pytest.skip(f"{path} is missing (run `make install`)")


@dataclass
class Watch:
    """What the page did that a test must not allow: script errors and requests leaving the server."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.outside, f"the page tried to reach the network: {self.outside}"


def save_shot(page: Any, tmp_path: Path, name: str, full_page: bool = False) -> Path:
    """A screenshot in the test's folder, copied to $SITREP_ARTIFACTS when set (for review)."""
    shot = tmp_path / name
    page.screenshot(path=str(shot), full_page=full_page)
    assert shot.stat().st_size > 10_000, f"{name} looks blank"
    if os.environ.get("SITREP_ARTIFACTS"):
        Path(os.environ["SITREP_ARTIFACTS"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(os.environ["SITREP_ARTIFACTS"]) / name)
    return shot
