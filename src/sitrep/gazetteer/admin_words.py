"""The province of a note whose place no gazetteer knows, read from its words (``gazetteer_admin_words.csv``).

The table is learned from ACLED's record (``sitrep.learn.admin_words``: one logistic regression per country over
the note's words and sources). It answers only for a country it has a table for, and only when it is sure:
a province guessed below ``SURE`` is no better than the country alone.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sitrep.learn.admin_words import ANY_COUNTRY, CAPITAL, capital_features

SURE = 0.5  # dev period: 69 of the 110 notes placed only in their country get a province, 44 of them right


@dataclass
class _Country:
    intercepts: dict[str, float] = field(default_factory=dict)
    points: dict[str, tuple[float, float]] = field(default_factory=dict)
    weights: dict[str, list[tuple[str, float]]] = field(default_factory=lambda: defaultdict(list))


@dataclass(frozen=True)
class ProvinceGuess:
    admin1: str
    probability: float
    latitude: float
    longitude: float


class AdminWords:
    def __init__(self) -> None:
        from sitrep.gazetteer.store import _csv_rows

        self.countries: dict[str, _Country] = defaultdict(_Country)
        for row in _csv_rows("gazetteer_admin_words.csv"):
            table = self.countries[row["country"]]
            if row["feature"]:
                table.weights[row["feature"]].append((row["admin1"], float(row["weight"])))
            else:
                table.intercepts[row["admin1"]] = float(row["weight"])
                table.points[row["admin1"]] = (float(row["latitude"]), float(row["longitude"]))

    def knows(self, country: str) -> bool:
        if country == ANY_COUNTRY:
            return False
        table = self.countries.get(country)
        return table is not None and bool(table.intercepts)

    def guess(self, country: str, features: set[str]) -> ProvinceGuess | None:
        """The province a text is most likely about in ``country`` (``features``: the text's ``note_features``),
        when the table is sure of it."""
        if not self.knows(country):
            return None
        table = self.countries[country]
        scores = _scores(table, features)
        best = max(scores, key=lambda a: scores[a])
        probability = _probability(scores, best)
        if probability < SURE:
            return None
        lat, lon = table.points[best]
        return ProvinceGuess(best, round(probability, 3), lat, lon)

    def capital_probability(self, notes: str, event_type: str | None) -> float | None:
        """How likely an event placed only in its country is in the capital, by the any-country table (None
        without one): for countries with no table of their own."""
        table = self.countries.get(ANY_COUNTRY)
        if table is None or CAPITAL not in table.intercepts:
            return None
        return _probability(_scores(table, capital_features(notes, event_type)), CAPITAL)


def _scores(table: _Country, features: set[str]) -> dict[str, float]:
    """Each class's intercept plus the weights of the features present."""
    scores = dict(table.intercepts)
    for feature in features:
        for label, weight in table.weights.get(feature, ()):
            scores[label] += weight
    return scores


def _probability(scores: dict[str, float], label: str) -> float:
    """The softmax probability of ``label`` among ``scores``."""
    return 1.0 / sum(math.exp(s - scores[label]) for s in scores.values())


def capital_entry(gaz: Any, cc: str) -> Any:
    """The gazetteer town that is ``cc``'s capital (the most populous of its name there), or None."""
    name = gaz.country_info(cc).get("capital")
    towns = [e for e in gaz.lookup(name) if e.cc == cc and e.feature == "town"] if name else []
    return max(towns, key=lambda e: e.population) if towns else None
