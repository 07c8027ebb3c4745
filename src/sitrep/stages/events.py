"""events stage (first cut: registered, runs, adds nothing yet; being built now)."""

from __future__ import annotations

from typing import Any

from sitrep.model import Document
from sitrep.registry import stage


@stage("sitrep.events.v1", needs=("doc",), sets=("events",))
def make_events(config: dict[str, Any]) -> Any:
    """Placeholder until the events stage lands."""

    def run(documents: list[Document]) -> None:
        return None

    return run
