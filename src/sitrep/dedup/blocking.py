"""Candidate pairs by sorted neighbourhoods: about n log n, never n².

Each pass sorts the events by a block key and then by day, and pairs every
event with its next ``neighbours`` events in that order while they share the
block and lie within the widest date window. The passes catch what one key
alone misses:

1. country + a grid cell of ``grid_degrees`` (same place, any actors),
2. country + admin1 (a town and its region's centroid),
3. country + actor 1 (one group's events across the country, so two
   geocodes of one attack far apart are still compared),
4. country + actor 2;

and among the units the learned matcher reads (headlines, report units),
where extraction often misses the country or geocodes weakly:

5. country alone, within ``headline_window_days``;
6. each rare word of the text (``headline.token_rows``): a place or group
   named in both reports pairs them whatever their extracted countries
   (a missing country is no block);
7. no key at all: each unit with its ``headline_any_neighbours`` nearest
   in time, whatever its extracted country (headline extraction misses or
   mistakes the country of one report in seven of UCDP's gold pairs). The
   cost stays ``n * k``; the learned matcher weighs the country itself.

Within a block, ties on the day sort by kind of event and actor, so in a
dense block the events most likely to match sit next to each other. The
cost is a sort per pass plus ``neighbours`` vectorised comparisons.
"""

from __future__ import annotations

import numpy as np

from sitrep.dedup.config import DedupConfig
from sitrep.dedup.features import Features


def _cell(f: Features, degrees: float) -> np.ndarray:
    lat = np.where(f.has_coords, np.floor((f.lat + 90.0) / degrees), -1).astype(np.int64)
    lon = np.where(f.has_coords, np.floor((f.lon + 180.0) / degrees), -1).astype(np.int64)
    return lat * 100000 + lon


def _pass(block: np.ndarray, order_keys: tuple[np.ndarray, ...], day: np.ndarray, k_max: int, window: int,
          active: np.ndarray | None, reach: np.ndarray, ids: np.ndarray | None = None) -> list[np.ndarray]:
    """Pairs of neighbours in (block, day, *order_keys) order; ``ids`` maps rows to units when rows repeat units."""
    order = np.lexsort((*order_keys[::-1], day, block))
    b, d, w = block[order], day[order], reach[order]
    if ids is not None:
        order = ids[order]
    found: list[np.ndarray] = []
    for k in range(1, min(k_max, len(order) - 1) + 1):
        same = (b[:-k] == b[k:]) & (b[k:] >= 0)
        gap = d[k:] - d[:-k]
        if not (same & (gap <= window)).any():
            break  # both tests only get harder as k grows
        ok = same & (gap <= np.maximum(w[:-k], w[k:]))  # the pair's own window: its coarser precision's
        i, j = order[:-k][ok], order[k:][ok]
        if ids is not None:
            i, j = i[i != j], j[i != j]
        if active is not None:
            keep = active[i] | active[j]
            i, j = i[keep], j[keep]
        found.append(np.minimum(i, j).astype(np.int64) << 32 | np.maximum(i, j).astype(np.int64))
    return found


def candidate_pairs(f: Features, cfg: DedupConfig, active: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) worth scoring; with ``active``, only pairs touching an active event."""
    if f.n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    window = max(cfg.date_window_days.values())
    country = f.country.astype(np.int64)
    dated = f.has_day
    day = np.where(dated, f.day, 0).astype(np.int64)

    def keyed(second: np.ndarray) -> np.ndarray:
        # Undated events and unknown countries get no block (-1): they pair with nothing.
        out = np.where((country >= 0) & dated & (second >= 0), country << 40 | (second & ((1 << 40) - 1)), -1)
        return out.astype(np.int64)

    a1, a2 = f.actor[:, 0].astype(np.int64), f.actor[:, 1].astype(np.int64)
    by_precision = np.array([window] + [cfg.window(p) for p in (1, 2, 3)], dtype=np.int64)
    reach = by_precision[f.tprec.astype(np.int64)]
    cell = _cell(f, cfg.grid_degrees)
    found: list[np.ndarray] = []
    k = cfg.neighbours
    found += _pass(keyed(np.where(f.has_coords, cell, 0)), (f.tgroup, a1), day, k, window, active, reach)
    found += _pass(keyed(f.admin1.astype(np.int64)), (f.tgroup, a1), day, k, window, active, reach)
    found += _pass(keyed(a1), (f.tgroup, cell), day, k, window, active, reach)
    found += _pass(keyed(a2), (f.tgroup, cell), day, k, window, active, reach)
    if f.head is not None:
        found += _headline_passes(f, cfg, day, active)
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    packed = np.unique(np.concatenate(found))
    return packed >> 32, packed & 0xFFFFFFFF


def _headline_passes(f: Features, cfg: DedupConfig, day: np.ndarray, active: np.ndarray | None) -> list[np.ndarray]:
    from sitrep.dedup.headline import token_rows

    wanted = f.headline & f.has_day
    window = cfg.headline_window_days
    reach = np.full(f.n, window, dtype=np.int64)
    country = np.where(wanted & (f.country >= 0), f.country.astype(np.int64), -1)
    found = _pass(country, (f.tgroup,), day, cfg.neighbours, window, active, reach)
    anywhere = np.where(wanted, 0, -1).astype(np.int64)
    found += _pass(anywhere, (f.tgroup,), day, cfg.headline_any_neighbours, window, active, reach)
    unit, tok = token_rows(f.head, cfg.block_min_idf)
    keep = wanted[unit]
    unit, tok = unit[keep], tok[keep]
    if len(unit):
        found += _pass(tok, (), day[unit], cfg.headline_neighbours, window, active, reach[unit], ids=unit)
    return found
