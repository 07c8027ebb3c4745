"""dates stage (first cut: registered, runs, adds nothing yet; being built now)."""

from __future__ import annotations

from typing import Any

from sitrep.model import Document
from sitrep.registry import stage


@stage("sitrep.dates.v1", needs=("doc",), sets=("dates",))
def make_dates(config: dict[str, Any]) -> Any:
    """Placeholder until the dates stage lands."""

    def run(documents: list[Document]) -> None:
        return None

    return run
