"""places stage (first cut: registered, runs, adds nothing yet; being built now)."""

from __future__ import annotations

from typing import Any

from sitrep.model import Document
from sitrep.registry import stage


@stage("sitrep.places.v1", needs=("doc",), sets=("places",))
def make_places(config: dict[str, Any]) -> Any:
    """Placeholder until the places stage lands."""

    def run(documents: list[Document]) -> None:
        return None

    return run
