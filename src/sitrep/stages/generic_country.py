"""Unnamed actors take the country their event is placed in, when nothing in the text gives them another.

"Protesters", "Civilians", "Unidentified Armed Group" are named with a country (``generic_actors.csv``: "Protesters
({country})"), read before the event is located: the country the article's actors, names and source support most.
When the event is then placed in a town or province of another country that the text names ("a protest in Kantale
(Trincomalee, Eastern)" in a note of the World Socialist Web Site, a source the record shows reporting on the
United States), the people there are that country's, as ACLED names them. A nationality word or the other
country's name in the text keeps them as they are ("Israeli settlers" in the West Bank stay Israel's).

Dev draw of unseen countries (draw 2): of 17 lead events placed below the country whose unnamed actors carried
another country, the event's country was ACLED's for 15, the actors' for 2.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from sitrep.gazetteer import Gazetteer
from sitrep.model import Event

_COUNTRY_SLOT = "({country})"
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_NAMED_COUNTRY = re.compile(r"^(?P<head>.+) \((?P<country>[^()]+)\)$")  # "Protesters (Sri Lanka)"


@lru_cache(maxsize=1)
def generic_heads() -> frozenset[str]:
    """The names of unnamed actors and identities whose country is the article's ("Protesters", "Students")."""
    from sitrep.actors.dictionary import _read_rows

    heads: set[str] = set()
    for row in _read_rows("generic_actors.csv", ("pattern", "name")):
        for template in (row.get("name") or "", row.get("identity") or ""):
            if template.endswith(_COUNTRY_SLOT):
                heads.add(template[: -len(_COUNTRY_SLOT)].strip())
    return frozenset(heads)


def _named_in(text: str, country: str, gaz: Gazetteer) -> bool:
    """``text`` names ``country`` or uses its nationality word."""
    if country.lower() in text.lower():
        return True
    for word in set(_WORD.findall(text)):
        entry = gaz.demonym(word)
        if entry is not None and entry.feature == "country" and gaz.country_name(entry.cc) == country:
            return True
    return False


def follow_event_country(event: Event, text: str, gaz: Gazetteer, countries: Container[str]) -> None:
    """Rename ``event``'s unnamed actors of another country to the event's, when it is placed below its country
    (``countries``: every country's name as events carry it)."""
    if not event.country or event.location in (None, event.country):
        return
    heads = generic_heads()
    checked: dict[str, bool] = {}

    def renamed(name: str) -> str:
        m = _NAMED_COUNTRY.match(name.strip())
        if m is None or m["head"] not in heads or m["country"] == event.country or m["country"] not in countries:
            return name  # ("Civilians (International)": migrants are foreigners wherever they are)
        other = m["country"]
        if other not in checked:
            checked[other] = _named_in(text, other, gaz)
        return name if checked[other] else f"{m['head']} ({event.country})"

    event.actor1 = renamed(event.actor1) if event.actor1 else event.actor1
    event.actor2 = renamed(event.actor2) if event.actor2 else event.actor2
    for field in ("assoc_actor_1", "assoc_actor_2"):
        value = getattr(event, field)
        if value:
            names = [renamed(n) for n in value.split("; ")]
            setattr(event, field, "; ".join(dict.fromkeys(names)))
