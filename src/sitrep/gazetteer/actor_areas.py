"""The province a group's events cluster in within one country (``gazetteer_actor_areas.csv``).

The table (``sitrep.learn.actor_areas``) counts each armed group's events on a grid. For a country and a group,
every cell within ``REACH_KM`` of one of the country's towns votes, with its events, for the province of the
nearest such town; the province with most votes wins when it has ``MIN_EVENTS`` of them and at least half.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

REACH_KM = 100.0
MIN_EVENTS = 5
_PERIOD = re.compile(r"\s*\((?:\d{4})?-?(?:\d{4})?\)")


def actor_key(name: str) -> str:
    """An actor's name without ACLED's period, lower case: "Islamic State (Greater Sahara) (2016-)"."""
    return " ".join(_PERIOD.sub("", name).lower().split())


@dataclass(frozen=True)
class GroupArea:
    admin1_code: str
    events: int
    share: float
    latitude: float
    longitude: float


class ActorAreas:
    def __init__(self, gaz: Any) -> None:
        from sitrep.gazetteer.store import _csv_rows

        self.gaz = gaz
        self.cells: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for row in _csv_rows("gazetteer_actor_areas.csv"):
            self.cells[actor_key(row["actor"])].append(
                (float(row["latitude"]), float(row["longitude"]), int(row["events"])))
        self._towns: dict[str, dict[tuple[int, int], list[Any]]] | None = None

    def knows(self, actor: str) -> bool:
        return actor_key(actor) in self.cells

    def _country_towns(self, cc: str) -> dict[tuple[int, int], list[Any]]:
        if self._towns is None:  # one walk of the gazetteer, the first time a group needs placing
            self._towns = defaultdict(lambda: defaultdict(list))
            for i in range(len(self.gaz)):
                e = self.gaz.entry(i)
                if e.feature == "town" and e.cc and e.admin1_code:
                    self._towns[e.cc][(math.floor(e.latitude), math.floor(e.longitude))].append(e)
        return self._towns.get(cc, {})

    def area(self, actors: list[str], cc: str) -> GroupArea | None:
        """The province of ``cc`` where the ``actors``' events cluster, if one clearly does."""
        from sitrep.gazetteer.toponym import distance_km

        towns = self._country_towns(cc)
        if not towns:
            return None
        votes: Counter[str] = Counter()
        heaviest: dict[str, tuple[int, Any]] = {}
        for actor in actors:
            for lat, lon, n in self.cells.get(actor_key(actor), ()):
                y, x = math.floor(lat), math.floor(lon)
                near = [t for dy in (-1, 0, 1) for dx in (-1, 0, 1) for t in towns.get((y + dy, x + dx), ())]
                if not near:
                    continue
                best = min(near, key=lambda t: distance_km(lat, lon, t.latitude, t.longitude))
                if distance_km(lat, lon, best.latitude, best.longitude) > REACH_KM:
                    continue
                votes[best.admin1_code] += n
                if n > heaviest.get(best.admin1_code, (0, None))[0]:
                    heaviest[best.admin1_code] = (n, best)
        if not votes:
            return None
        code, n = votes.most_common(1)[0]
        share = n / sum(votes.values())
        if n < MIN_EVENTS or share < 0.5:
            return None
        town = heaviest[code][1]
        return GroupArea(code, n, round(share, 2), town.latitude, town.longitude)
