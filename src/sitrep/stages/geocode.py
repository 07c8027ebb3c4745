"""geocode stage (first cut: registered, runs, adds nothing yet; being built now)."""

from __future__ import annotations

from typing import Any

from sitrep.model import Document
from sitrep.registry import stage


@stage("sitrep.geocode.v1", needs=("doc",), sets=("events.location",))
def make_geocode(config: dict[str, Any]) -> Any:
    """Placeholder until the geocode stage lands."""

    def run(documents: list[Document]) -> None:
        return None

    return run
