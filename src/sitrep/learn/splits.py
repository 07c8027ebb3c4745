"""Honest splits of coded data: whole countries (or a country's whole years) held out, never random rows.

Rows of one country-month share actors, places and wording; a random split
lets a model meet its test rows' twins in training and flatters it. The
package's learned files are built from every country (``--holdout none``); a
second build without the held-out countries (``sitrep train heldout``) is what
``sitrep eval acled`` measures, so its figures are on countries none of its
artifacts has seen. A holdout entry ``Country@YYYY`` leaves out one country's
rows of one year: the shape of a new period of a country the record knows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol, TypeVar

# Chosen to span regions and sizes: two long single-country records (Kenya, Sri Lanka), a Sahel country
# (Niger), four Middle East countries and two from the Americas and Southeast Asia. Fixed, so that figures
# stay comparable across sessions.
DEFAULT_HOLDOUT: tuple[str, ...] = (
    "Kenya", "Sri Lanka", "Niger", "Iraq", "Lebanon", "Palestine", "Israel", "Colombia", "Philippines",
)


class HasCountry(Protocol):
    @property
    def country(self) -> str | None: ...


T = TypeVar("T", bound=HasCountry)


# A dev draw (`sitrep train dev-draw`): ten training countries with both old (2020 or earlier) and recent notes, five
# regions: the held-out sample holds 40% old notes, and only Mali, Burkina Faso and CAR have old notes among the
# training countries. Its folder names the countries it was built without in DRAW_FILE.
DEFAULT_DRAW: tuple[str, ...] = ("Mali", "Burkina Faso", "Central African Republic", "Nigeria", "Pakistan", "Mexico",
                                 "Yemen", "Ethiopia", "Cameroon", "Democratic Republic of Congo")
DRAW_FILE = "draw.txt"


def country_list(text: str) -> tuple[str, ...]:
    """Country names written "A, B,C" as a tuple, blanks dropped."""
    return tuple(v.strip() for v in text.split(",") if v.strip())


def read_draw(folder: Path) -> tuple[str, ...]:
    """The draw a dev folder was built without; empty when the folder has no draw file."""
    path = folder / DRAW_FILE
    return country_list(path.read_text(encoding="utf-8")) if path.exists() else ()


def parse_holdout(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``None``/"default" -> the default list; "none" -> nothing held out; "A,B" -> those countries."""
    if value is None:
        return DEFAULT_HOLDOUT
    if isinstance(value, str):
        if value.strip().lower() in ("", "default"):
            return DEFAULT_HOLDOUT
        if value.strip().lower() == "none":
            return ()
        return country_list(value)
    return tuple(value)


def holdout_country(entry: str) -> str:
    """The country of a holdout entry ("Mali" or "Mali@2020")."""
    return entry.partition("@")[0].strip()


def _held_out_test(holdout: Iterable[str]) -> Callable[[HasCountry], bool]:
    countries: set[str] = set()
    years: set[tuple[str, str]] = set()
    for entry in holdout:
        name, _, year = entry.partition("@")
        if year.strip():
            years.add((name.strip().lower(), year.strip()))
        else:
            countries.add(name.strip().lower())

    def held(record: HasCountry) -> bool:
        country = (record.country or "").lower()
        if country in countries:
            return True
        if not years:
            return False
        when = getattr(record, "event_date", None)
        return when is not None and (country, str(when.year)) in years

    return held


def is_held_out(record: HasCountry, holdout: Iterable[str] = DEFAULT_HOLDOUT) -> bool:
    return _held_out_test(holdout)(record)


def training_rows(records: Iterable[T], holdout: Iterable[str] = DEFAULT_HOLDOUT) -> Iterator[T]:
    held = _held_out_test(holdout)
    return (r for r in records if not held(r))


def held_out_rows(records: Iterable[T], holdout: Iterable[str] = DEFAULT_HOLDOUT) -> Iterator[T]:
    held = _held_out_test(holdout)
    return (r for r in records if held(r))
