"""Loader of the dedup match model (``learn.load("dedup")``): plain numbers, numpy only."""

from __future__ import annotations

from pathlib import Path

from sitrep.dedup.match import MatchModel
from sitrep.learn import register_loader


@register_loader("dedup")
def load_dedup(folder: Path) -> MatchModel | None:
    return MatchModel.read(folder) if (folder / "model.json").exists() else None
