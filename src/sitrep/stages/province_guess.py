"""Where in its country an event goes when its text places it nowhere more precise.

Three learned tables answer, in this order, each only when sure:

- the country's own table of ``gazetteer_admin_words.csv`` (``sitrep.learn.admin_words``), when the record holds
  enough of its notes: the province notes worded alike were in ("the Fulani village of Guiwagou", a village no
  gazetteer holds, with Dan Na Ambassagou named);
- ``gazetteer_actor_areas.csv`` (``sitrep.learn.actor_areas``): the province where the named armed groups of the
  event have most of their recorded events ("ISGS militants burned a school in the village of Bomanga":
  Tillaberi);
- for a country with no table of its own, the any-country table of ``gazetteer_admin_words.csv``: whether the
  event is in the capital, read from the words every country's notes write in lower case and the event type
  ("students protested over delayed loans": the capital; "bandits raided a village and stole cattle": not),
  unless the text names a place that nobody resolved.

Either way the event keeps geo_precision 3 and ``tags`` says the place was inferred, so it is never mistaken for
a place the text names.
"""

from __future__ import annotations

from typing import Any

from sitrep.gazetteer.actor_areas import ActorAreas
from sitrep.gazetteer.admin_words import AdminWords, capital_entry
from sitrep.learn.actor_areas import GROUPS, UNNAMED
from sitrep.learn.admin_words import note_features
from sitrep.model import Document, Event

# How sure the any-country table must be (dev draw 3's old notes, see sitrep.learn.admin_words: of 458
# country-only events, without the rule below, 129 placed at 0.5, 45 right within 25 km; at 0.7, 62 and 26: the
# share right barely moves); below it, the country alone.
CAPITAL_SURE = 0.5


def country_only(event: Event) -> bool:
    return not event.admin1 and bool(event.country) and event.location == event.country \
        and event.geo_precision == 3


class ProvinceGuess:
    """The three tables and what the geocoder knows of countries; ``place`` is called per country-only event."""

    def __init__(self, gaz: Any, iso2_by_numeric: dict[int, str]) -> None:
        self.gaz = gaz
        self.iso2_by_numeric = iso2_by_numeric
        self.tables = AdminWords()
        self.areas = ActorAreas(gaz)

    def place(self, event: Event, document: Document, features: dict[str, set[str]]) -> None:
        """Give a country-only ``event`` its province (``features``: the note's words, read once per document)."""
        known = self.tables.knows(str(event.country))
        if known and self._from_wording(event, document, features):
            return
        # a country's own table unsure, its groups' area may still say (dev period: +2 notes, none lost; with the
        # tables off the areas alone placed 34 country-level events there, 22 right)
        cc = self.iso2_by_numeric.get(event.iso) if event.iso is not None else None
        if cc is None or self._from_group_area(event, cc) or known:
            return
        # a place the text names that nobody resolved is likely where the event is: no capital then (dev draw 3's
        # old notes: of 37 such guesses, 5 right)
        if not any(place.unresolved_reason for place in document.places):
            self._at_capital(event, document, cc)

    def _from_wording(self, event: Event, document: Document, features: dict[str, set[str]]) -> bool:
        if "note" not in features:
            features["note"] = note_features(document.article.text, document.article.source)
        guess = self.tables.guess(str(event.country), features["note"])
        if guess is None:
            return False
        event.admin1 = event.location = guess.admin1
        event.latitude, event.longitude = guess.latitude, guess.longitude
        _tag(event, f"admin1 inferred from the wording (p={guess.probability:.2f})")
        return True

    def _from_group_area(self, event: Event, cc: str) -> bool:
        """The province where the event's named armed groups' recorded events cluster in its country."""
        sides = ((event.actor1, event.inter1), (event.actor2, event.inter2),
                 *((a, None) for a in (event.assoc_actor_1 or "").split("; ")))
        groups = [name for name, inter in sides if name and not name.startswith(UNNAMED)
                  and (inter in GROUPS or (inter is None and self.areas.knows(name)))]
        area = self.areas.area(groups, cc) if groups else None
        if area is None:
            return False
        event.admin1 = event.location = self.gaz.admin1_name(area.admin1_code)
        event.latitude, event.longitude = round(area.latitude, 5), round(area.longitude, 5)
        _tag(event, f"admin1 inferred from where its group acts ({area.events} events, share {area.share})")
        return True

    def _at_capital(self, event: Event, document: Document, cc: str) -> None:
        p = self.tables.capital_probability(document.article.text, event.event_type)
        if p is None or p < CAPITAL_SURE or (town := capital_entry(self.gaz, cc)) is None:
            return
        event.admin1 = self.gaz.admin1_name(town.admin1_code)
        event.location = town.name
        event.latitude, event.longitude = round(town.latitude, 5), round(town.longitude, 5)
        _tag(event, f"placed at the capital, inferred from the wording (p={p:.2f})")


def _tag(event: Event, note: str) -> None:
    event.tags = f"{event.tags}; {note}" if event.tags else note
