"""Where ACLED puts an event known only to a unit: a district's namesake town, a province's largest town.

Used by the geocode stage (``sitrep.stages.geocode``); split from it to keep each file readable. The province
towns are found in one walk of the whole gazetteer when the stage is made.
"""

from __future__ import annotations

from sitrep.gazetteer.names import exact_key
from sitrep.gazetteer.spelling import TYPE_WORDS
from sitrep.gazetteer.store import Gazetteer
from sitrep.model import Place


class Seats:
    """The points of units' seats in one gazetteer, memoised."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._seats: dict[str, tuple[float, float] | None] = {}
        self._main_towns = self._largest_towns()

    def seat(self, place: Place) -> tuple[float, float] | None:
        """The point of the town a district is named after and that lies in it ("Jamaame" district: Jamaame
        town): ACLED puts an event known only to its district there, not at the middle of the district's towns."""
        gid = place.gazetteer_id or ""
        if gid not in self._seats:
            self._seats[gid] = None
            gaz = self.gaz
            unit = next((i for i in gaz.exact.get(exact_key(place.name or ""), ())
                         if gaz.ids[i] == gid and gaz.features[i] == "admin2"), None)
            if unit is not None:
                words = exact_key(gaz.names[unit]).split()
                core = " ".join(words[:-1] if len(words) > 1 and words[-1] in TYPE_WORDS else words)
                # (a town with no district code in its province counts: GeoNames gives Somalia's towns none,
                # and their district's point is then only the province's middle)
                towns = [i for i in gaz.exact.get(core, ()) if gaz.features[i] == "town" and gaz.cc[i] == gaz.cc[unit]
                         and (gaz.admin2[i] == gaz.admin2[unit]
                              or (not gaz.admin2[i] and gaz.admin1[i] == gaz.admin1[unit]))]
                if towns:
                    best = max(towns, key=lambda i: gaz.pop[i])
                    self._seats[gid] = (round(gaz.lat[best], 5), round(gaz.lon[best], 5))
        return self._seats[gid]

    def province_town(self, district: Place) -> tuple[float, float] | None:
        """The province's largest town for a district GeoNames links no town to (its point is then only the
        province's middle, "West Shewa Zone" at Oromia's): the event is known to its province, as ACLED would
        place it (``main_town``)."""
        gaz = self.gaz
        unit = next((i for i in gaz.lookup(district.name or "", loose=False) if i.id == district.gazetteer_id), None)
        province = gaz.admin_entry(unit.admin1_code) if unit is not None else None
        if province is None or (round(province.latitude, 5), round(province.longitude, 5)) != \
                (district.latitude, district.longitude):
            return None
        return self._main_towns.get(province.id)

    def main_town(self, place: Place) -> tuple[float, float] | None:
        """The point of a province's largest town: ACLED places an event known only to its province at the
        provincial capital, not at the middle of the province (training countries' events whose location is their
        admin1, precision 3: 298 of 510 within 25 km of the largest town, 161 of the province's centre)."""
        return self._main_towns.get(place.gazetteer_id or "")

    def _largest_towns(self) -> dict[str, tuple[float, float]]:
        """Each province's gazetteer id -> the point of its most populous town (the first of equals)."""
        gaz = self.gaz
        best: dict[str, int] = {}
        most: dict[str, int] = {}  # the population of ``best``'s town
        units: dict[str, str] = {}  # a province's gazetteer id -> its admin1 code
        for i, (feature, code, pop) in enumerate(zip(gaz.features, gaz.admin1, gaz.pop, strict=True)):
            if not code:
                continue
            if feature == "admin1":
                units[gaz.ids[i]] = code
            elif feature == "town" and pop > 0 and pop > most.get(code, 0):
                best[code], most[code] = i, pop
        return {gid: (round(gaz.lat[best[code]], 5), round(gaz.lon[best[code]], 5))
                for gid, code in units.items() if code in best}
