"""Cheap text similarity for evidence sentences: MinHash over content words.

Reports of one event in different words still share its names, numbers and
a few key words, so the signal is the Jaccard overlap of content-word stems
(first six letters). MinHash estimates it from a fixed-size signature per
event, so comparing two events costs ``size`` integer compares and needs no
vocabulary fitted to the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa

# Function words and reporting verbs that every news sentence shares.
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as into over after before near than that this these
    those it its is are was were be been being has have had not no yes he she they we you i his her their our
    them him who whom which what when where while said says say told according reported reports report also
    about against between during under up out off more most some any all other such only very just
    will would could should may might can did do does local officials sources source""".split()
)
_MASK = np.uint64((1 << 61) - 1)


def _token_hashes(texts: Sequence[str | None]) -> pa.ListArray:
    """Per text, the distinct hashes of its content-word stems (DuckDB: vectorised, deterministic hash)."""
    import duckdb

    stop = "[" + ", ".join(f"'{w}'" for w in sorted(_STOP)) + "]"
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET enable_progress_bar = false")
        con.register("dd_texts", pa.table({"t": pa.array(list(texts), pa.string())}))
        table = con.sql(
            "SELECT list_distinct(list_transform(list_filter(regexp_extract_all(lower(coalesce(t, '')), '[a-z0-9]+'), "
            f"lambda w: (length(w) > 2 OR regexp_full_match(w, '[0-9]+')) AND NOT list_contains({stop}, w)), "
            "lambda w: hash(left(w, 6)))) AS h FROM dd_texts"
        ).to_arrow_table()
    finally:
        con.close()
    return table.column("h").combine_chunks()


def _coefficients(size: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20260125)  # fixed: signatures must agree across runs
    a = rng.integers(1, 1 << 61, size=size, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 1 << 61, size=size, dtype=np.uint64)
    return a, b


def minhash(texts: Sequence[str | None], size: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """(signatures ``len(texts) x size`` uint64, has_text bool) for many texts at once."""
    if not len(texts):
        return np.zeros((0, size), dtype=np.uint64), np.zeros(0, dtype=bool)
    lists = _token_hashes(texts)
    offsets = lists.offsets.to_numpy().astype(np.int64)
    lengths = np.diff(offsets)
    has_text = lengths > 0
    values = lists.flatten().to_numpy(zero_copy_only=False).astype(np.uint64)
    # Empty texts get one placeholder value each so every reduceat segment is non-empty.
    hv = np.insert(values, offsets[:-1][~has_text], np.arange(int((~has_text).sum()), dtype=np.uint64))
    starts = offsets[:-1] + np.cumsum(~has_text) - (~has_text)
    a, b = _coefficients(size)
    sig = np.empty((len(texts), size), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(size):
            sig[:, k] = np.minimum.reduceat((hv * a[k] + b[k]) & _MASK, starts)
    return sig, has_text


def jaccard(sig: np.ndarray, i: np.ndarray, j: np.ndarray, chunk: int = 1 << 20) -> np.ndarray:
    """Estimated Jaccard similarity of pairs (i[k], j[k])."""
    out = np.empty(len(i), dtype=np.float32)
    for s in range(0, len(i), chunk):
        a, b = sig[i[s : s + chunk]], sig[j[s : s + chunk]]
        out[s : s + chunk] = (a == b).mean(axis=1)
    return out
