"""UCDP GED reader: events with the news reports they were coded from.

UCDP's Georeferenced Event Dataset lists, per event, the reports behind it in
``source_article`` as ``"office,YYYY-MM-DD,headline";"office,...";...``.
Events with two or more such reports are gold for cross-source dedup: every
pair of their headlines tells the same real event. Older events list their
sources as free text without headlines; they yield no reports.

Files are CSV (one event per row) or GeoJSON (one event per feature's
properties, the point in its geometry). Nothing here copies rows anywhere;
callers read ``../shared/data/ucdp_ged/`` where it lies.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ATTRIBUTION = (
    "UCDP Georeferenced Event Dataset (GED), CC BY 4.0: Sundberg, Ralph and Erik Melander (2013), "
    "Introducing the UCDP Georeferenced Event Dataset, Journal of Peace Research 50(4); Davies, Shawn, "
    "Therése Pettersson and Magnus Öberg, Organized violence 1989-2022 (and the paper for the GED version used), "
    "Journal of Peace Research. Headlines belong to their publishers and are not shipped"
)
SUFFIXES = (".csv", ".geojson")

# One report: office, ISO date, headline. The office is the shortest prefix before the first date.
_REPORT = re.compile(r"^\s*(?P<office>.*?)\s*,\s*(?P<date>\d{4}-\d{2}-\d{2})\s*,\s*(?P<headline>.*?)\s*$", re.S)
_BETWEEN = re.compile(r'"\s*;\s*"')
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class SourceReport:
    office: str
    date: str  # YYYY-MM-DD, the report's publication day
    headline: str

    @property
    def key(self) -> str:
        """Identity of the report across events: the same wire item may be cited by several events."""
        return re.sub(r"\s+", " ", self.headline.strip().lower())

    @property
    def id(self) -> str:
        raw = f"{self.office}|{self.date}|{self.headline}".encode()
        return "ucdp-" + hashlib.sha256(raw).hexdigest()[:16]


@dataclass
class UcdpEvent:
    id: str
    country: str
    date_start: str
    date_end: str
    latitude: float | None
    longitude: float | None
    where_prec: int
    date_prec: int
    violence: int  # 1 state-based, 2 non-state, 3 one-sided
    side_a: str
    side_b: str
    best: int
    adm_1: str = ""
    adm_2: str = ""
    place: str = ""  # where_coordinates: the place UCDP located the event at ("Maiduguri town")
    reports: list[SourceReport] = field(default_factory=list)


def parse_source_article(value: str | None) -> list[SourceReport]:
    """The reports of one ``source_article`` cell; free-text (pre-2012) cells give none."""
    if not value or not value.strip():
        return []
    text = value.strip()
    if text.startswith('"'):
        text = text[1:]
    if text.endswith('"'):
        text = text[:-1]
    out = []
    for item in _BETWEEN.split(text):
        m = _REPORT.match(item)
        if m and m.group("headline"):
            out.append(SourceReport(m.group("office").strip('" '), m.group("date"), m.group("headline").strip('" ')))
    return out


def _int(v: Any, default: int = 0) -> int:
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return default


def _float(v: Any) -> float | None:
    try:
        out = float(v)
    except (TypeError, ValueError):
        return None
    return out if out == out else None  # NaN -> None


def _event(props: dict[str, Any], lat: Any = None, lon: Any = None) -> UcdpEvent:
    return UcdpEvent(
        id=str(props.get("id") or props.get("relid") or ""),
        country=str(props.get("country") or ""),
        date_start=str(props.get("date_start") or "")[:10],
        date_end=str(props.get("date_end") or "")[:10],
        latitude=_float(props.get("latitude", lat)),
        longitude=_float(props.get("longitude", lon)),
        where_prec=_int(props.get("where_prec"), 7),
        date_prec=_int(props.get("date_prec"), 5),
        violence=_int(props.get("type_of_violence")),
        side_a=str(props.get("side_a") or ""),
        side_b=str(props.get("side_b") or ""),
        best=_int(props.get("best")),
        adm_1=str(props.get("adm_1") or ""),
        adm_2=str(props.get("adm_2") or ""),
        place=str(props.get("where_coordinates") or ""),
        reports=parse_source_article(props.get("source_article")),
    )


def read_events(path: str | Path) -> Iterator[UcdpEvent]:
    """Every event of one UCDP GED file (CSV or GeoJSON)."""
    p = Path(path)
    if p.suffix.lower() == ".geojson":
        data = json.loads(p.read_text(encoding="utf-8"))
        for feat in data.get("features", []):
            coords = (feat.get("geometry") or {}).get("coordinates") or [None, None]
            yield _event(feat.get("properties") or {}, lat=coords[1], lon=coords[0])
        return
    csv.field_size_limit(1 << 30)
    with open(p, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield _event(row)


def files(folder: str | Path) -> dict[str, Path]:
    """Country file stem -> path, for the UCDP files in ``folder``."""
    base = Path(folder)
    if not base.is_dir():
        return {}
    return {p.stem: p for p in sorted(base.iterdir()) if p.suffix.lower() in SUFFIXES}


def english_like(headline: str) -> bool:
    """Mostly Latin letters: the pipeline reads English; Cyrillic or Burmese headlines are left out."""
    letters = _LETTER.findall(headline)
    return bool(letters) and len(_LATIN.findall(headline)) >= 0.8 * len(letters)


def usable(events: Iterable[UcdpEvent]) -> list[UcdpEvent]:
    """Events with their reports cleaned for dedup gold.

    A report cited by more than one event (a monthly round-up, a daily
    briefing, a timeline) belongs to no single event, so it is dropped; so
    are non-English headlines and a second copy of one headline in an event.
    """
    events = list(events)
    cited = Counter(k for e in events for k in {r.key for r in e.reports})
    out = []
    for e in events:
        seen: set[str] = set()
        keep = []
        for r in e.reports:
            if cited[r.key] == 1 and r.key not in seen and english_like(r.headline):
                seen.add(r.key)
                keep.append(r)
        out.append(UcdpEvent(**{**e.__dict__, "reports": keep}))
    return out


def _few_words(headline: str) -> bool:
    return len(re.findall(r"[^\W\d_]{2,}", headline)) < 3


def sample(events: Iterable[UcdpEvent], max_reports: int, window_days: int = 7) -> list[UcdpEvent]:
    """Whole events of one country, taken a time window at a time, with every other event in the window.

    The windows (``window_days`` long, by ``date_start``) that hold an event
    with two or more reports are visited in an order fixed by a hash of the
    window's start, so the sample is deterministic yet spread over the years;
    each window brings its single-report events along as the hard negatives
    (same country, same days). Stops before ``max_reports`` is passed.
    """
    from datetime import date

    by_window: dict[int, list[UcdpEvent]] = {}
    for e in events:
        if not e.reports or not e.date_start:
            continue
        try:
            day = date.fromisoformat(e.date_start).toordinal()
        except ValueError:
            continue
        by_window.setdefault(day // window_days, []).append(e)
    wanted = [w for w, evs in by_window.items() if any(len(e.reports) >= 2 for e in evs)]
    wanted.sort(key=lambda w: hashlib.sha256(str(w).encode()).hexdigest())
    out: list[UcdpEvent] = []
    total = 0
    for w in wanted:
        evs = sorted(by_window[w], key=lambda e: e.id)
        n = sum(len(e.reports) for e in evs)
        if total + n > max_reports:
            continue
        out += evs
        total += n
    return out


def records(events: Iterable[UcdpEvent]) -> Iterator[tuple[dict[str, Any], str]]:
    """(article record for ``sitrep ingest``, gold event id) per report: the headline is the whole text."""
    for e in events:
        for r in e.reports:
            if _few_words(r.headline):
                continue  # "Report 12", a bare date: not a headline
            yield {"id": r.id, "url": f"ucdp:{r.id}", "title": r.headline, "text": r.headline,
                   "published": r.date, "source": r.office}, e.id
