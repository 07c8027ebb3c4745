"""Pair signals of short reports beyond their word cosine (the match model's format 6 additions).

Measured on the fitting countries' UCDP headlines, two reports of one event
share more than the rarest word:

- a number both state ("15 militants killed" / "kills 15 tribal rebels"),
  not only the same largest one;
- a pair of content words in a row ("suicide bomber", "music concert");
- several rare words (the IDF mass of what they share, the second rarest),
  and most of the shorter report's words (containment: a short headline
  inside a long one);
- a toll that rose with the days (tolls climb; a lower later toll is more
  often another event);
- the reaction to an event ("UN condemns attack that killed four
  peacekeepers"): a report of that kind often follows the event it speaks
  of, while two reactions are often one event's.

Per unit these are kept as flat arrays (CSR like ``headline.Headlines``);
per pair they are vectorised intersections, never Python loops over pairs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from sitrep.resources import data_files

REACTION_WORDS = "models/dedup/reaction_words.txt"


@lru_cache(maxsize=1)
def reaction_prefixes() -> tuple[str, ...]:
    """Word beginnings of a reaction report (``data/models/dedup/reaction_words.txt`` and users' copies)."""
    out: set[str] = set()
    for path in data_files(REACTION_WORDS):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.update(line.split())
    return tuple(sorted(out))


def is_reaction(tokens: Sequence[str]) -> bool:
    """Some lower-case word of the report begins like a reaction word ("condemns", "probe", "minister")."""
    prefixes = reaction_prefixes()
    return any(t.startswith(prefixes) for t in tokens if not t[:1].isdigit())


def stated_number(word: str, units: dict[str, int]) -> float | None:
    """The count a word states (digits, "1,200", or a number word in ``units``); None for a year or no number."""
    if word[:1].isdigit():
        try:
            v = float(word.replace(",", "").rstrip("."))
        except ValueError:
            return None
        if 1900 <= v <= 2100 and "," not in word:
            return None  # a year
        return v
    return float(units[word]) if word in units else None


def counts(tokens: Sequence[str], units: dict[str, int]) -> list[int]:
    """Distinct whole counts a report states (digits or number words; years and 0-1 left out)."""
    out: dict[int, None] = {}
    for w in tokens:
        v = stated_number(w, units)
        if v is not None and 1 < v < 1e6 and not math.isnan(v):
            out.setdefault(int(v), None)
    return list(out)


def word_pairs(stems: Sequence[str]) -> list[str]:
    """Pairs of content stems in a row, as one string each ("suicid bomber")."""
    return [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]


def csr(rows: Sequence[Sequence[object]]) -> tuple[np.ndarray, np.ndarray]:
    """(offsets, codes) of the distinct items of each row, codes shared across rows."""
    codes: dict[object, int] = {}
    sizes = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    tok = np.fromiter((codes.setdefault(x, len(codes)) for r in rows for x in r), dtype=np.int64,
                      count=int(sizes.sum()))
    return np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64), tok


def shared_count(ptr: np.ndarray | None, tok: np.ndarray | None, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Per pair: how many codes rows ``i`` and ``j`` both hold (rows hold distinct codes)."""
    from sitrep.dedup.headline import _expand

    m = len(i)
    if not m or ptr is None or tok is None or not len(tok):
        return np.zeros(m)
    vocab = int(tok.max()) + 1
    pi, ei = _expand(ptr, i)
    pj, ej = _expand(ptr, j)
    both = np.intersect1d(pi * vocab + tok[ei], pj * vocab + tok[ej], assume_unique=True)
    return np.bincount(both // vocab, minlength=m).astype(float)


def shared_rarity(pos: np.ndarray, idf: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """(IDF mass, second highest IDF) of the shared stems, given each shared stem's pair ``pos`` and ``idf``."""
    mass = np.bincount(pos, weights=idf, minlength=m).astype(float)
    second = np.zeros(m)
    if len(pos):
        order = np.lexsort((-idf, pos))
        p, v = pos[order], idf[order]
        first = np.r_[True, p[1:] != p[:-1]]
        rank2 = np.r_[False, first[:-1]] & ~first  # the entry right after a pair's first
        second[p[rank2]] = v[rank2]
    return mass, second


def toll_order(early: np.ndarray, late: np.ndarray, apart: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the later report's toll is at least the earlier's, it is lower), for pairs on different days with both."""
    known = ~np.isnan(early) & ~np.isnan(late) & apart
    later, first = np.nan_to_num(late), np.nan_to_num(early)
    return known & (later >= first), known & (later < first)
