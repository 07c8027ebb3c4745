"""ACLED-style query filters turned into parameterised SQL.

ACLED's API takes column names as filters (``country=Iraq``), ``|`` between
several values, ``<column>_where`` for the comparison (``event_date_where=
BETWEEN`` with ``event_date=2024-01-01|2024-01-31``) and ``fields=a|b``. We
accept the same so analysts' scripts work against us. Column names and
operators come from fixed whitelists; every value is a bound parameter, so
nothing a caller sends is ever spliced into SQL. A bad filter raises
``FilterError`` (answered as 422).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.model import ACLED_COLUMNS

# Filterable columns and their value type.
TEXT, INT, FLOAT, DATE = "text", "int", "float", "date"
COLUMNS: dict[str, str] = {
    "event_id": TEXT,
    "article_id": TEXT,
    "event_date": DATE,
    "year": INT,
    "time_precision": INT,
    "disorder_type": TEXT,
    "event_type": TEXT,
    "sub_event_type": TEXT,
    "actor1": TEXT,
    "assoc_actor_1": TEXT,
    "inter1": INT,
    "actor2": TEXT,
    "assoc_actor_2": TEXT,
    "inter2": INT,
    "interaction": INT,
    "civilian_targeting": TEXT,
    "iso": INT,
    "region": TEXT,
    "country": TEXT,
    "admin1": TEXT,
    "admin2": TEXT,
    "admin3": TEXT,
    "location": TEXT,
    "latitude": FLOAT,
    "longitude": FLOAT,
    "geo_precision": INT,
    "source": TEXT,
    "source_scale": TEXT,
    "notes": TEXT,
    "fatalities": INT,
    "tags": TEXT,
    "timestamp": INT,
    "modality": TEXT,
    "confidence": FLOAT,
    "plover_type": TEXT,
    "plover_mode": TEXT,
    "cameo_root": TEXT,
    "trigger": TEXT,
    "review_status": TEXT,
}
# Columns a response row can carry (``fields=``): ACLED's, in ACLED's order, then
# ours. Two are derived: ACLED's event_id_cnty is our event id, year the date's.
DERIVED = {"event_id_cnty": "event_id AS event_id_cnty", "year": "year(event_date) AS year"}
OUTPUT_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + tuple(
    c for c in (*COLUMNS, "evidence") if c not in ACLED_COLUMNS and c not in DERIVED
)
CANONICAL_EXTRA = ("article_ids", "sources")
OPERATORS = ("=", "!=", "<", "<=", ">", ">=", "LIKE", "BETWEEN")
DEFAULT_OPERATOR = {"timestamp": ">="}  # ACLED: rows added at or after the timestamp
# Parameters that are not column filters.
CONTROL = frozenset(
    {"fields", "limit", "page", "next", "format", "_format", "canonical", "include_rejected", "actor", "total"}
)
IGNORED = frozenset({"key", "email", "terms"})  # ACLED credentials: harmless to pass, unused here
MAX_LIMIT = 5000
BIGINT_MAX = 2**63 - 1


class FilterError(ValueError):
    """A query parameter we cannot honour; the message says which and why."""


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(f"({c})" for c in self.clauses) if self.clauses else "TRUE"


def convert_value(column: str, kind: str, raw: str) -> Any:
    raw = raw.strip()
    try:
        if kind == INT:
            value = int(raw)
            if not -BIGINT_MAX <= value <= BIGINT_MAX:  # DuckDB would fail to bind it: a 500, not the caller's 4xx
                raise FilterError(f"{column}: {raw!r} is out of range")
            return value
        if kind == FLOAT:
            number = float(raw)
            if number != number or number in (float("inf"), float("-inf")):
                raise FilterError(f"{column}: {raw!r} is not a finite number")
            return number
        if kind == DATE:
            return date.fromisoformat(raw)
    except FilterError:
        raise
    except ValueError:
        want = {INT: "an integer", FLOAT: "a number", DATE: "a date YYYY-MM-DD"}[kind]
        raise FilterError(f"{column}: {raw!r} is not {want}") from None
    return raw


def _column_sql(column: str) -> str:
    return "year(event_date)" if column == "year" else column


def column_filter(
    column: str, raw: str, op: str | None, kinds: Mapping[str, str] | None = None
) -> tuple[str, list[Any]]:
    """One ``column=value`` filter as (SQL with placeholders, params); ``kinds`` replaces COLUMNS' value types."""
    kind = (kinds or COLUMNS)[column]
    op = (op or DEFAULT_OPERATOR.get(column, "=")).strip().upper()
    if op not in OPERATORS:
        raise FilterError(f"{column}_where: {op!r} is not one of {', '.join(OPERATORS)}")
    values = raw.split("|")
    if any(v.strip() == "" for v in values):
        raise FilterError(f"{column}: empty value")
    col = _column_sql(column)
    if op == "BETWEEN":
        if len(values) != 2:
            raise FilterError(f"{column}: BETWEEN takes two values 'low|high', got {raw!r}")
        low, high = (convert_value(column, kind, v) for v in values)
        return f"{col} BETWEEN ? AND ?", [low, high]
    if op == "LIKE":
        if kind != TEXT:
            raise FilterError(f"{column}_where: LIKE applies to text columns only")
        # ACLED matches LIKE case-insensitively; several patterns are alternatives.
        return " OR ".join(f"{col} ILIKE ?" for _ in values), [v.strip() for v in values]
    converted = [convert_value(column, kind, v) for v in values]
    if op == "=":
        if len(converted) == 1:
            return f"{col} = ?", converted
        return f"{col} IN ({', '.join('?' for _ in converted)})", converted
    if op == "!=":
        return f"{col} NOT IN ({', '.join('?' for _ in converted)})", converted
    if len(converted) != 1:
        raise FilterError(f"{column}: {op} takes one value, got {raw!r}")
    return f"{col} {op} ?", converted


# Rows the store wrote without a timestamp count as stored when their article was ingested.
INGESTED = "article_id IN (SELECT article_id FROM articles WHERE CAST(epoch(ingested_at) AS BIGINT) {cond})"


def timestamp_filter(raw: str, op: str | None) -> tuple[str, list[Any]]:
    clause, values = column_filter("timestamp", raw, op)
    fallback = INGESTED.format(cond=clause.split("timestamp", 1)[1])
    return f"({clause}) OR (timestamp IS NULL AND {fallback})", values + values


def build_where(params: Mapping[str, str], untimed: bool = True) -> Where:
    """Validate every parameter and build the WHERE clause of an events query.

    ``untimed``: some stored rows lack a timestamp (the filter then falls back
    to their article's ingest time; without such rows that costs for nothing).
    """
    where = Where()
    for name, raw in params.items():
        if name in CONTROL or name in IGNORED:
            continue
        if name.endswith("_where"):
            base = name[: -len("_where")]
            if base not in COLUMNS:
                raise FilterError(f"{name}: {base!r} is not a filterable column")
            if base not in params:
                raise FilterError(f"{name} given without {base}")
            continue
        if name not in COLUMNS:
            raise FilterError(f"unknown parameter {name!r}; filters are column names: {', '.join(COLUMNS)}")
        make = timestamp_filter if name == "timestamp" and untimed else lambda r, o, n=name: column_filter(n, r, o)
        clause, values = make(raw, params.get(f"{name}_where"))
        where.add(clause, *values)
    actor = params.get("actor")
    if actor:
        names = [a.strip() for a in actor.split("|") if a.strip()]
        if not names:
            raise FilterError("actor: empty value")
        marks = ", ".join("?" for _ in names)
        where.add(
            f"actor1 IN ({marks}) OR actor2 IN ({marks}) OR assoc_actor_1 IN ({marks}) OR assoc_actor_2 IN ({marks})",
            *(names * 4),
        )
    return where


def parse_fields(raw: str | None, canonical: bool) -> list[str]:
    available = OUTPUT_COLUMNS + CANONICAL_EXTRA  # per-article rows answer the cluster columns with null
    if not raw:
        return list(available)
    wanted = [f.strip() for f in raw.split("|") if f.strip()]
    unknown = [f for f in wanted if f not in available]
    if unknown:
        raise FilterError(f"fields: unknown {', '.join(unknown)}; choose from {', '.join(available)}")
    if "event_id" not in wanted:
        wanted.insert(0, "event_id")  # the cursor needs it; rows need an identity anyway
    return wanted


def parse_int(name: str, raw: str | None, default: int, low: int, high: int) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise FilterError(f"{name}: {raw!r} is not an integer") from None
    if not low <= value <= high:
        raise FilterError(f"{name}: {value} is outside {low}..{high}")
    return value


def parse_bool(name: str, raw: str | None) -> bool | None:
    if raw is None or raw == "":
        return None
    lowered = raw.strip().lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise FilterError(f"{name}: {raw!r} is not true or false")


# Keyset paging: rows are ordered by (event_date DESC, event_id DESC) with
# unknown dates last; the cursor is the sort key of the last row sent. (A plain
# column sort lets DuckDB's top-N skip work that an expression would not.)
ORDER_BY = "event_date DESC NULLS LAST, event_id DESC"


def encode_cursor(event_date: date | None, event_id: str) -> str:
    payload = json.dumps([event_date.isoformat() if event_date else None, event_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def cursor_clause(token: str) -> tuple[str, list[Any]]:
    """The rows after the cursor's row in ORDER_BY order."""
    try:
        padded = token + "=" * (-len(token) % 4)
        day, event_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        key = date.fromisoformat(day) if day else None
        if not isinstance(event_id, str):
            raise TypeError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise FilterError("next: not a cursor this API issued") from None
    if key is None:
        return "event_date IS NULL AND event_id < ?", [event_id]
    return "event_date < ? OR (event_date = ? AND event_id < ?) OR event_date IS NULL", [key, key, event_id]
