"""quotes stage (first cut: registered, runs, adds nothing yet; being built now)."""

from __future__ import annotations

from typing import Any

from sitrep.model import Document
from sitrep.registry import stage


@stage("sitrep.quotes.v1", needs=("doc",), sets=("quotes",))
def make_quotes(config: dict[str, Any]) -> Any:
    """Placeholder until the quotes stage lands."""

    def run(documents: list[Document]) -> None:
        return None

    return run
