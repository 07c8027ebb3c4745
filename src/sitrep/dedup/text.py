"""Cheap text similarity for evidence sentences: MinHash over content words.

Reports of one event in different words still share its names, numbers and
a few key words, so the signal is the Jaccard overlap of content-word stems
(first six letters). MinHash estimates it from a fixed-size signature per
event, so comparing two events costs ``size`` integer compares and needs no
vocabulary fitted to the corpus.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

_WORD = re.compile(r"[a-z0-9]+")
# Function words and reporting verbs that every news sentence shares.
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as into over after before near than that this these
    those it its is are was were be been being has have had not no yes he she they we you i his her their our
    them him who whom which what when where while said says say told according reported reports report also
    about against between during under up out off more most some any all other such only very just
    will would could should may might can did do does local officials sources source""".split()
)
_MASK = np.uint64((1 << 61) - 1)


def words(text: str | None) -> list[str]:
    """Content-word stems of a text (lower case, first six letters, no stop words)."""
    if not text:
        return []
    return sorted({w[:6] for w in _WORD.findall(text.lower()) if (len(w) > 2 or w.isdigit()) and w not in _STOP})


def _coefficients(size: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20260125)  # fixed: signatures must agree across runs
    a = rng.integers(1, 1 << 61, size=size, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 1 << 61, size=size, dtype=np.uint64)
    return a, b


def minhash(texts: Sequence[str | None], size: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """(signatures ``len(texts) x size`` uint64, has_text bool) for many texts at once."""
    cache: dict[str, int] = {}
    hashes: list[int] = []
    offsets = np.zeros(len(texts), dtype=np.int64)
    has_text = np.zeros(len(texts), dtype=bool)
    for n, text in enumerate(texts):
        offsets[n] = len(hashes)
        toks = words(text)
        if toks:
            has_text[n] = True
            for t in toks:
                h = cache.get(t)
                if h is None:
                    h = cache[t] = zlib.crc32(t.encode()) | (zlib.adler32(t.encode()) << 32)
                hashes.append(h)
        else:
            hashes.append(n + 1)  # a placeholder so every segment is non-empty; has_text says it is empty
    if not texts:
        return np.zeros((0, size), dtype=np.uint64), has_text
    hv = np.asarray(hashes, dtype=np.uint64)
    a, b = _coefficients(size)
    sig = np.empty((len(texts), size), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(size):
            sig[:, k] = np.minimum.reduceat((hv * a[k] + b[k]) & _MASK, offsets)
    return sig, has_text


def jaccard(sig: np.ndarray, i: np.ndarray, j: np.ndarray, chunk: int = 1 << 20) -> np.ndarray:
    """Estimated Jaccard similarity of pairs (i[k], j[k])."""
    out = np.empty(len(i), dtype=np.float32)
    for s in range(0, len(i), chunk):
        a, b = sig[i[s : s + chunk]], sig[j[s : s + chunk]]
        out[s : s + chunk] = (a == b).mean(axis=1)
    return out
