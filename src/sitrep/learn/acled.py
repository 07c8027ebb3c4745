"""Read ACLED exports in every schema into one record shape.

ACLED's exports changed over the years: today's (``disorder_type``,
``civilian_targeting``, inter codes as words or numbers), the 2019–22 one
(``sub_event_type``, no disorder type), the transitional one (old event types,
no sub-event type) and the old upper-case one (``ALLY_ACTOR_1``, ``GWNO``).
Every reader here returns :class:`AcledRecord` with today's names; an old event
type becomes today's only where the mapping is clean (``old_event_type`` keeps
what the file said). CSV (comma, semicolon or tab) and XLSX (with openpyxl)
are read; ``sitrep review export`` files share the CSV reader.

Data source attribution (ACLED's terms): Armed Conflict Location & Event Data
Project (ACLED); acleddata.com.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sitrep.dates.resolve import MONTHS
from sitrep.model import interaction_code

ATTRIBUTION = "Armed Conflict Location & Event Data Project (ACLED); acleddata.com"

INTER_WORDS = {
    "state forces": 1, "rebel group": 2, "rebel groups": 2, "political militia": 3, "political militias": 3,
    "identity militia": 4, "identity militias": 4, "communal militia": 4, "rioters": 5, "protesters": 6,
    "civilians": 7, "external/other forces": 8, "other forces": 8, "other": 8,
}

# Old event type -> (event type, sub-event type or None). Only clean mappings; "Riots/Protests" is
# neither of today's types on its own, so it maps to nothing.
OLD_EVENT_TYPES: dict[str, tuple[str, str | None]] = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "battle-non-state actors overtake territory": ("Battles", "Non-state actor overtakes territory"),
    "headquarters or base established": ("Strategic developments", "Headquarters or base established"),
    "non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "remote violence": ("Explosions/Remote violence", None),
    "violence against civilians": ("Violence against civilians", None),
    "strategic development": ("Strategic developments", None),
}

CURRENT_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
                       "Riots", "Strategic developments"}

# Column aliases of older schemas -> today's names.
_ALIASES = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}

_MISSING = {"", "na", "nan", "none", "null", "n/a"}


@dataclass
class AcledRecord:
    """One ACLED event as coded, with today's column names."""

    event_id: str
    event_date: date | None
    event_type: str | None
    sub_event_type: str | None
    old_event_type: str | None
    disorder_type: str | None
    actor1: str | None
    assoc_actor_1: list[str]
    inter1: int | None
    actor2: str | None
    assoc_actor_2: list[str]
    inter2: int | None
    interaction: int | None
    civilian_targeting: bool
    region: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    time_precision: int | None
    source: str | None
    source_scale: str | None
    notes: str
    fatalities: int | None
    source_file: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def actors(self) -> list[str]:
        """Every actor the coder named: both sides and their associates."""
        return [a for a in (self.actor1, *self.assoc_actor_1, self.actor2, *self.assoc_actor_2) if a]

    @property
    def has_current_types(self) -> bool:
        return self.event_type in CURRENT_EVENT_TYPES and bool(self.sub_event_type)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return None if text.lower() in _MISSING else text


def _int(value: str | None) -> int | None:
    text = _clean(value)
    if text is None:
        return None
    try:
        return int(float(text))
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    text = _clean(value)
    if text is None:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def inter_code(value: str | None) -> int | None:
    """ACLED's actor type as a number, whether the file writes 2, 2.0 or "Rebel group"."""
    text = _clean(value)
    if text is None:
        return None
    number = _int(text)
    if number is not None:
        return number if 0 < number <= 8 else None
    return INTER_WORDS.get(text.lower())


def other_side_code(interaction: str | None, inter1: int | None) -> int | None:
    """The second side's actor type from a written interaction, for exports without an inter2 column (the
    Bangladesh protests export writes "Rioters-Civilians", "State forces-Rioters", "Rioters only"; the pair is
    ACLED's, lower code first, so the side that is not ``inter1`` is the second)."""
    text = _clean(interaction)
    if text is None or inter1 is None or text.lower().endswith(" only"):
        return None
    codes = [inter_code(part) for part in text.split("-", 1)] if "-" in text else []
    if len(codes) != 2 or None in codes or inter1 not in codes:
        return None
    codes.remove(inter1)
    return codes[0]


_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%b-%Y", "%d/%m/%Y", "%m/%d/%Y", "%d %b %Y", "%Y/%m/%d")


def parse_date(value: str | None) -> date | None:
    """Every date form the exports use: ISO (with a time), '06 December 2022', '5-Aug-24', '1/1/2015'."""
    text = _clean(value)
    if text is None:
        return None
    text = re.sub(r"T.*$", "", text)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _split_assoc(value: str | None) -> list[str]:
    text = _clean(value)
    return [a.strip() for a in text.split(";") if _clean(a)] if text else []


def _types(row: dict[str, str]) -> tuple[str | None, str | None, str | None]:
    """(event type, sub-event type, old event type) in today's taxonomy where it maps cleanly."""
    event_type = _clean(row.get("event_type"))
    sub = _clean(row.get("sub_event_type"))
    if event_type is None:
        return None, None, None
    canonical = next((t for t in CURRENT_EVENT_TYPES if t.lower() == event_type.lower()), None)
    if canonical and (sub or "disorder_type" in row or "sub_event_type" in row):
        return canonical, sub, None
    mapped = OLD_EVENT_TYPES.get(event_type.lower().strip())
    if mapped is None:
        return None, None, event_type
    return mapped[0], mapped[1], event_type


def record_from_row(row: dict[str, str], source_file: str = "") -> AcledRecord | None:
    """One export row (keys already lower-case, today's names) as a record; None without notes."""
    notes = _clean(row.get("notes"))
    if not notes:
        return None
    event_type, sub, old = _types(row)
    inter1, inter2 = inter_code(row.get("inter1")), inter_code(row.get("inter2"))
    if "inter2" not in row:
        inter2 = other_side_code(row.get("interaction"), inter1)
    civ = (_clean(row.get("civilian_targeting")) or "").lower()
    return AcledRecord(
        event_id=_clean(row.get("event_id_cnty")) or _clean(row.get("data_id")) or "",
        event_date=parse_date(row.get("event_date")),
        event_type=event_type,
        sub_event_type=sub,
        old_event_type=old,
        disorder_type=_clean(row.get("disorder_type")),
        actor1=_clean(row.get("actor1")),
        assoc_actor_1=_split_assoc(row.get("assoc_actor_1")),
        inter1=inter1,
        actor2=_clean(row.get("actor2")),
        assoc_actor_2=_split_assoc(row.get("assoc_actor_2")),
        inter2=inter2,
        interaction=interaction_code(inter1, inter2),
        civilian_targeting=civ.startswith("civilian"),
        region=_clean(row.get("region")),
        country=_clean(row.get("country")),
        admin1=_clean(row.get("admin1")),
        admin2=_clean(row.get("admin2")),
        admin3=_clean(row.get("admin3")),
        location=_clean(row.get("location")),
        latitude=_float(row.get("latitude")),
        longitude=_float(row.get("longitude")),
        geo_precision=_int(row.get("geo_precision")),
        time_precision=_int(row.get("time_precision")),
        source=_clean(row.get("source")),
        source_scale=_clean(row.get("source_scale")),
        notes=notes,
        fatalities=_int(row.get("fatalities")),
        source_file=source_file,
    )


def _normalise_keys(row: dict[str | None, str | list[str] | None]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in row.items():
        if not key or not isinstance(value, str):
            continue  # trailing empty columns of old exports
        name = key.strip().lower()
        out[_ALIASES.get(name, name)] = value
    return out


def _rows_csv(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
        head = f.readline()
        f.seek(0)
        delimiter = max((",", ";", "\t"), key=head.count)
        for row in csv.DictReader(f, delimiter=delimiter):
            yield _normalise_keys(row)  # type: ignore[arg-type]


def _rows_xlsx(path: Path) -> Iterator[dict[str, str]]:
    try:
        import openpyxl
    except ImportError as exc:  # training extra not installed
        from sitrep.errors import SitrepError

        raise SitrepError("E301", f"{path}: reading XLSX needs openpyxl (pip install 'sitrep[learn]')") from exc
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h) if h is not None else "" for h in next(rows, ())]
    for values in rows:
        cells = {h: ("" if v is None else (v.date().isoformat() if isinstance(v, datetime) else str(v)))
                 for h, v in zip(header, values, strict=False)}
        yield _normalise_keys(cells)  # type: ignore[arg-type]


# A note that opens with its event's full date ("On 8 November 2023,", "Interception: Around 3 May 2022 ...")
# The date reader's month names, the full one of each month, as notes capitalise them
_FULL_MONTHS = {number: name for name, number in sorted(MONTHS.items(), key=lambda kv: len(kv[0]))}
_MONTH_NAMES = "|".join(name.capitalize() for name in _FULL_MONTHS.values())
_OPENING_DATE = re.compile(rf"^\W*(?:[A-Z][A-Za-z /-]{{0,40}}:\s*)?(?:On or around|On|Around)\s+"
                           rf"(\d{{1,2}})\s+({_MONTH_NAMES}),?\s+((?:19|20)\d\d)\b")
OUT_OF_LINE_DAYS = 7  # a note's opening date this far from the row's event date tells of another event
OUT_OF_LINE_MIN = 20  # dated notes a file needs before it is judged


def opening_date(notes: str) -> date | None:
    """The full date a note opens with, if it opens with one."""
    m = _OPENING_DATE.search(notes)
    if m is None:
        return None
    day, month, year = m.groups()
    try:
        return date(int(year), MONTHS[month.lower()], int(day))
    except ValueError:  # 31 April
        return None


def notes_out_of_line(records: list[AcledRecord]) -> bool:
    """Whether a file's notes belong to other rows than their own: most of the notes that open with a full date
    name a day more than ``OUT_OF_LINE_DAYS`` from their row's event date. ACLED's notes open with the event's own
    date (in the public files' other exports: 29,720 of 29,734 such rows within a week, the other 14 scattered over
    four files), so a file where most disagree had its notes column reordered apart from the codes (one published
    copy of the Red Sea events: 353 of 362 weeks or months off, their sub-types those of other events)."""
    dated = [(d, r.event_date) for r in records if r.event_date is not None
             for d in (opening_date(r.notes),) if d is not None]
    if len(dated) < OUT_OF_LINE_MIN:
        return False
    off = sum(abs((d - when).days) > OUT_OF_LINE_DAYS for d, when in dated)
    return off * 2 > len(dated)


def read_export(path: str | Path) -> Iterator[AcledRecord]:
    """Every event with notes in one ACLED export file (CSV or XLSX), as records; none from a file whose notes
    are out of line with its rows (``notes_out_of_line``: the codes would teach and score other events' notes)."""
    p = Path(path)
    rows = _rows_xlsx(p) if p.suffix.lower() in (".xlsx", ".xlsm") else _rows_csv(p)
    seen: set[str] = set()
    records: list[AcledRecord] = []
    for row in rows:
        record = record_from_row(row, p.name)
        if record is None:
            continue
        if record.event_id and record.event_id in seen:
            continue  # some exports list an event once per tag or actor
        seen.add(record.event_id)
        records.append(record)
    if notes_out_of_line(records):
        print(f"warning: {p.name}: its notes do not match their rows' event dates; file skipped", file=sys.stderr)
        return
    yield from records


def export_files(folder: str | Path) -> list[Path]:
    p = Path(folder)
    if p.is_file():
        return [p]
    return sorted(f for f in p.iterdir() if f.suffix.lower() in (".csv", ".xlsx", ".xlsm", ".tsv"))


def read_exports(paths: Iterable[str | Path]) -> Iterator[AcledRecord]:
    """Records of every export under the given files or folders, each event once."""
    seen: set[tuple[str, str]] = set()
    for path in paths:
        for file in export_files(path):
            for record in read_export(file):
                key = (record.event_id, record.notes[:80])
                if record.event_id and key in seen:
                    continue  # the same event in two exports (overlapping periods)
                seen.add(key)
                yield record
