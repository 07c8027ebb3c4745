"""sitrep: news reports about armed conflict into a coded, geocoded event dataset."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["extract", "Pipeline", "__version__"]

if TYPE_CHECKING:
    from sitrep.extraction import extract
    from sitrep.pipeline import Pipeline


def __getattr__(name: str) -> Any:
    # Lazy so `import sitrep` does not import spaCy.
    if name == "extract":
        from sitrep.extraction import extract

        return extract
    if name == "Pipeline":
        from sitrep.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
