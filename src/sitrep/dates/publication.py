"""The publication date when the input has none, and how a source orders numeric dates.

A wire dateline ("BAGHDAD, May 9 (Reuters) -") at the start of the body gives
the report date. It usually has no year: the year is the one that puts the
date nearest before the ingestion date.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

from sitrep.dates.resolve import MONTHS
from sitrep.model import Article

_MON = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'.\- ]{1,40}(?:,[ \t]*[A-Z][A-Za-z.\- ]{1,30})?),?[ \t]+"
    rf"(?P<date>{_MON}[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?|\d{{1,2}}[ \t]+{_MON}(?:[ \t]+\d{{4}})?)"
    r"[ \t]*(?:\((?P<agency>[A-Za-z .&-]{1,30})\))?[ \t]*[-–—]+",
    re.MULTILINE | re.IGNORECASE,
)
_PARTS = re.compile(rf"(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<mon2>{_MON})", re.IGNORECASE)
_YEAR = re.compile(r"\b(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](?:\d{4}|\d{2})\b")


@dataclass
class Dateline:
    date: date
    start: int  # span of the date inside the dateline
    end: int


def find_dateline(text: str, ingested: date, window: int = 400) -> Dateline | None:
    """A dateline at the start of a line in the first ``window`` characters."""
    m = DATELINE.search(text[:window])
    if m is None or not m.group("place").split(",")[0].replace(" ", "").isupper():
        return None
    raw = m.group("date")
    parts = _PARTS.search(raw)
    if parts is None:
        return None
    mon = (parts.group("mon") or parts.group("mon2")).lower().rstrip(".")
    day = int(parts.group("day") or parts.group("day2"))
    year_m = _YEAR.search(raw)
    month = MONTHS[mon]
    try:
        if year_m:
            found = date(int(year_m.group(1)), month, day)
        else:
            found = date(ingested.year, month, day)
            if found > ingested + timedelta(days=1):
                found = date(ingested.year - 1, month, day)
    except ValueError:
        return None
    return Dateline(found, m.start("date"), m.end("date"))


class DateOrder:
    """dmy or mdy for a source: the document's own unambiguous dates, then a data file, then a default."""

    def __init__(self, files: list[Path], default: str = "dmy") -> None:
        self.default = default
        self.keys: dict[str, str] = {}
        for path in files:
            with open(path, encoding="utf-8") as f:
                rows = csv.DictReader(line for line in f if not line.startswith("#"))
                for row in rows:
                    key, order = (row.get("key") or "").strip().lower(), (row.get("order") or "").strip().lower()
                    if key and order in ("dmy", "mdy"):
                        self.keys[key] = order

    def for_article(self, article: Article, text: str) -> str:
        votes = {"dmy": 0, "mdy": 0}
        for a, b in _NUMERIC.findall(text):
            if int(a) > 12 >= int(b):
                votes["dmy"] += 1
            elif int(b) > 12 >= int(a):
                votes["mdy"] += 1
        if votes["dmy"] != votes["mdy"]:
            return max(votes, key=lambda k: votes[k])
        host = urlparse(article.url).hostname or "" if article.url else ""
        host = host.lower().removeprefix("www.")
        if host:
            for key in sorted((k for k in self.keys if k.startswith(".") or "." in k), key=len, reverse=True):
                if host == key or host.endswith(key if key.startswith(".") else "." + key) or host == key.lstrip("."):
                    return self.keys[key]
        for value in (article.source, article.language):
            if value and value.strip().lower() in self.keys:
                return self.keys[value.strip().lower()]
        return self.default
