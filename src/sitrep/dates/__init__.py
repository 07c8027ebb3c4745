"""Dates: resolving date expressions, publication dates and datelines."""

from __future__ import annotations

import csv

from sitrep.dates.publication import Dateline, DateOrder, find_dateline
from sitrep.dates.resolve import DateResolver, Resolved
from sitrep.errors import SitrepError
from sitrep.resources import data_files

# the units date_phrases.csv may use; DateResolver dates each of them
PHRASE_UNITS = ("day", "week", "weekend", "month", "year")


def load_phrases() -> dict[str, tuple[int, str, int]]:
    """date_phrases.csv (package, then user copies): phrase → (offset, unit, precision)."""
    phrases: dict[str, tuple[int, str, int]] = {}
    for path in data_files("date_phrases.csv"):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(line for line in f if not line.startswith("#")):
                phrase = " ".join((row.get("phrase") or "").lower().split())
                try:
                    unit = row["unit"].strip()
                    precision = int(row["precision"]) if unit != "year" else 0
                    phrases[phrase] = (int(row["offset"]), unit, precision)
                except (KeyError, ValueError, AttributeError, TypeError) as exc:
                    raise SitrepError("E302", f"{path}: bad row {row}") from exc
                if not phrase or unit not in PHRASE_UNITS or (unit != "year" and precision not in (1, 2, 3)):
                    raise SitrepError("E302", f"{path}: bad row {row} (unit one of {', '.join(PHRASE_UNITS)}, "
                                              "precision 1-3 unless the unit is year)")
    return phrases


def load_resolver() -> DateResolver:
    return DateResolver(load_phrases())


def load_order(default: str = "dmy") -> DateOrder:
    return DateOrder(data_files("date_order.csv"), default)


__all__ = [
    "DateOrder",
    "PHRASE_UNITS",
    "DateResolver",
    "Dateline",
    "Resolved",
    "find_dateline",
    "load_order",
    "load_phrases",
    "load_resolver",
]
