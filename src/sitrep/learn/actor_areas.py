"""Where each armed group acts, from ACLED's record: the province of a note that names only the group.

A terse note names a group and a village no gazetteer holds ("suspected ISWAP/Boko Haram militants made an
incursion into the village of Kindjandi"); ACLED's coder knows the village is in Diffa. The record knows where
the group acts: its events' points, counted on a grid. In a country the record has no province table for, an event
placed only in its country goes to the province most of the group's events lie near (``sitrep.stages.province_guess``):
Boko Haram's events around Lake Chad make a Nigerien note Diffa's, the Islamic State Sahel's along the Malian
border Tillaberi's. Only named rebel, political and identity militias (inter 2-4) are mapped: state forces,
international missions and ACLED's unidentified armed groups act everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sitrep.learn.acled import AcledRecord

GROUPS = (2, 3, 4)  # inter codes of the actors mapped
CELL = 0.25  # degrees: the grid the group's events are counted on
UNNAMED = "Unidentified"  # "Unidentified Armed Group (Cameroon)" is anyone, anywhere in its country


def actor_area_rows(records: Iterable[AcledRecord]) -> list[list[Any]]:
    """Rows ``actor, latitude, longitude, events``: each mapped group's events per grid cell."""
    cells: Counter[tuple[str, float, float]] = Counter()
    for r in records:
        if r.latitude is None or r.longitude is None:
            continue
        lat, lon = round(r.latitude / CELL) * CELL, round(r.longitude / CELL) * CELL
        for name, inter in ((r.actor1, r.inter1), (r.actor2, r.inter2)):
            if name and inter in GROUPS and not name.startswith(UNNAMED):
                cells[(name, lat, lon)] += 1
    return [[name, f"{lat:.2f}", f"{lon:.2f}", n] for (name, lat, lon), n in sorted(cells.items())]
