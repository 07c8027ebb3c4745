"""Quotes stage: direct quotes (whole or partial) and indirect ones, each with its speaker and role.

The work happens in ``sitrep.quotes``; this module loads the word lists
(``reporting_verbs*.txt``: cue verbs, titles, naming verbs, verbs with a
listener; package copy plus user copies) once and runs the extractor over a
batch.
"""

from __future__ import annotations

from typing import Any

from sitrep.lightdoc import light_doc
from sitrep.model import Document
from sitrep.quotes import load_extractor
from sitrep.registry import stage


@stage("sitrep.quotes.v1", needs=("doc",), sets=("quotes",))
def make_quotes(config: dict[str, Any]) -> Any:
    """Direct quotes (any quote marks, split, multi-paragraph, partial fragments) and indirect ones, with speakers."""
    extractor = load_extractor(indirect=bool(config.get("indirect", True)))

    def run(documents: list[Document]) -> None:
        for document in documents:
            if document.doc is None:
                continue
            document.quotes = extractor.extract(light_doc(document), document.actors)

    return run
