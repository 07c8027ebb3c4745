"""Fit the place-name -> country model (``data/name_country.npz``) on the gazetteer's GeoNames names.

Every populated place and admin unit of every country, with its alternate spellings, is one training name; the
model counts each country's character n-grams ("^nam", "ougo", "ou$") and reads a name the gazetteer lacks as the
country whose names it resembles most (``sitrep.gazetteer.name_country``). Only GeoNames rows are read (``gn:``
ids): the ACLED-derived places of the learned tables differ between dev draws, and a model fitted on them would
carry a draw's own villages into its measurement. GeoNames is CC BY 4.0 (see ``sitrep.gazetteer.build``).

Rebuild with ``sitrep train name-country`` (seconds; deterministic).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sitrep.gazetteer.name_country import GRAM_SIZES, grams

FEATURES = frozenset({"town", "admin2", "admin1"})
MIN_GRAM_COUNT = 2  # an n-gram seen once in the whole world says nothing a smoothed zero does not


def training_names(gaz: Any) -> set[tuple[str, str]]:
    """Distinct (name key, country) pairs of the gazetteer's GeoNames places, alternate spellings included."""
    pairs: set[tuple[str, str]] = set()
    for key, ids in gaz.exact.items():
        if len(key) < 3:
            continue
        for i in ids:
            if gaz.ids[i].startswith("gn:") and gaz.features[i] in FEATURES and gaz.cc[i]:
                pairs.add((key, gaz.cc[i]))
    return pairs


def fit(pairs: set[tuple[str, str]]) -> dict[str, Any]:
    """N-gram counts per country, kept for n-grams seen at least ``MIN_GRAM_COUNT`` times."""
    import numpy as np

    countries = sorted({cc for _, cc in pairs})
    col = {cc: j for j, cc in enumerate(countries)}
    counts: defaultdict[str, Counter[int]] = defaultdict(Counter)
    totals = np.zeros(len(countries), dtype=np.int64)
    for key, cc in sorted(pairs):
        for g in grams(key):
            counts[g][col[cc]] += 1
            totals[col[cc]] += 1
    kept = sorted(g for g, c in counts.items() if sum(c.values()) >= MIN_GRAM_COUNT and "\n" not in g)
    indptr = [0]
    cls: list[int] = []
    cnt: list[int] = []
    for g in kept:
        for j, n in sorted(counts[g].items()):
            cls.append(j)
            cnt.append(min(n, 65535))
        indptr.append(len(cls))
    return {
        "countries": np.array(countries),
        "grams": np.array("\n".join(kept)),
        "indptr": np.array(indptr, dtype=np.int32),
        "cls": np.array(cls, dtype=np.uint8 if len(countries) < 256 else np.uint16),
        "cnt": np.array(cnt, dtype=np.uint16),
        "totals": totals,
        "names": np.array([len(pairs)]),
        "sizes": np.array(GRAM_SIZES),
    }


def build(out: Path) -> dict[str, int]:
    import numpy as np

    from sitrep.gazetteer.store import load_gazetteer

    pairs = training_names(load_gazetteer())
    tables = fit(pairs)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as f:
        np.savez_compressed(f, **tables)
    return {"names": len(pairs), "countries": len(tables["countries"]), "grams": int(len(tables["indptr"]) - 1),
            "bytes": out.stat().st_size}
