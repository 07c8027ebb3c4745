"""Before reading: fail fast on missing paths, and guess how many inputs a run holds (for a progress bar's ETA)."""

from __future__ import annotations

from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.io.readers import CSV_SUFFIXES, FEED_SUFFIXES, JSONL_SUFFIXES, iter_files


def check_paths(paths: list[str]) -> None:
    """Fail fast (E108) on a path that does not exist, before any work starts."""
    for path in paths:
        if path != "-" and not Path(path).exists():
            raise SitrepError("E108", f"{path}: no such file or directory")


def estimate_count(paths: list[str]) -> int | None:
    """About how many inputs ``paths`` hold (for a progress bar's ETA); None when unknown (stdin)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        p = Path(path)
        files = iter_files(p) if p.is_dir() else iter([p])
        for f in files:
            total += _estimate_file(f)
    return total


def _estimate_file(p: Path) -> int:
    suffix = p.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
            lines = 0
            with open(p, "rb") as f:
                while chunk := f.read(1 << 20):
                    lines += chunk.count(b"\n")
            return max(1, lines - (1 if suffix in CSV_SUFFIXES else 0))
        if suffix in FEED_SUFFIXES:
            raw = p.read_bytes()
            return max(1, raw.count(b"<item") + raw.count(b"<entry"))
    except OSError:
        return 1
    return 1
