"""ACLED's API conventions, shared by the ``/api/<endpoint>/read`` routes.

ACLED's read endpoints answer ``{"status", "success", "count", "messages",
"data", "filename"}`` and, on error, ``{"status", "success": false,
"error": [{"status", "message"}]}``; its clients look at ``success`` and read
``error[0].message``. They send credentials as ``key``/``email`` parameters
(the old scheme) or as an ``Authorization: Bearer`` header (OAuth). Here both
are checked against sitrep's own token, and reads may be opened to anyone by
configuration (``SITREP_PUBLIC_READS``).

The list endpoints (actors, countries, ...) hold at most a few thousand rows,
so their ACLED filters run in Python over the aggregated rows; the events
endpoint turns its filters into SQL through ``filters``.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from fastapi import Request
from pydantic import BaseModel, Field

from sitrep.server.filters import TEXT, FilterError, convert_value

# ACLED's region numbers (its API filters events by them; its region list returns them).
REGION_CODES: dict[int, str] = {
    1: "Western Africa",
    2: "Middle Africa",
    3: "Eastern Africa",
    4: "Southern Africa",
    5: "Northern Africa",
    7: "South Asia",
    9: "Southeast Asia",
    11: "Middle East",
    12: "Europe",
    13: "Caucasus and Central Asia",
    14: "Central America",
    15: "South America",
    16: "Caribbean",
    17: "East Asia",
    18: "North America",
    19: "Oceania",
    20: "Antarctica",
}
REGION_NUMBERS = {name.lower(): code for code, name in REGION_CODES.items()}
CREDENTIALS = ("key", "email", "terms")
FORMATS = ("json", "csv")
MAX_PAGE = 10_000_000
OPERATORS = ("=", "!=", "<", "<=", ">", ">=", "LIKE", "BETWEEN")
# What a timestamp parameter may be: Unix seconds or a valid-looking day (documented as the OpenAPI pattern).
TIMESTAMP_PATTERN = r"^(\d{1,12}|[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8]))$"


def fields_pattern(names: tuple[str, ...]) -> str:
    """The OpenAPI pattern of a ``fields`` value: known names joined by ``|``."""
    one = "(" + "|".join(re.escape(n) for n in names) + ")"
    return f"^{one}(\\|{one})*$"


class AcledError(Exception):
    """An error answered in ACLED's shape; ``code`` is the sitrep catalogue code."""

    def __init__(self, status: int, message: str, code: str = "E401") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


class AcledErrorItem(BaseModel):
    status: int
    message: str
    code: str = Field(description="sitrep error catalogue code")


class AcledErrorBody(BaseModel):
    status: int
    success: bool = False
    error: list[AcledErrorItem]


class AcledEnvelope(BaseModel):
    status: int = 200
    success: bool = True
    count: int = Field(description="rows in this page")
    messages: list[str]
    data: list[dict[str, Any]]
    filename: str
    x_canonical: bool | None = Field(None, description="events endpoint: true when ids are canonical (deduplicated)")


def error_body(exc: AcledError) -> dict[str, Any]:
    item = {"status": exc.status, "message": exc.message, "code": exc.code}
    return {"status": exc.status, "success": False, "error": [item]}


def envelope(data: list[dict[str, Any]], name: str, **extra: Any) -> dict[str, Any]:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    body = {"status": 200, "success": True, "count": len(data), "messages": [], "data": data}
    body["filename"] = f"sitrep_{name}_{stamp}"
    body.update(extra)
    return body


def check_read_access(request: Request) -> None:
    """Raise 401 unless reads are public or the caller gave sitrep's token (bearer header or ``key``)."""
    if getattr(request.app.state, "public_reads", True):
        return
    expected: str | None = request.app.state.token
    header = request.headers.get("authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else request.query_params.get("key", "")
    if expected and given and hmac.compare_digest(given.encode(), expected.encode()):
        return
    raise AcledError(401, "access denied: send the API token as 'Authorization: Bearer <token>' or as key=", "E403")


def flat(request: Request) -> dict[str, str]:
    """Query parameters, one string each; a repeated parameter means several values (ACLED's ``|``).

    An empty parameter (``country=``) is left out, as ACLED does: scripts build URLs with blank slots.
    """
    out = {k: "|".join(v for v in request.query_params.getlist(k) if v.strip()) for k in request.query_params}
    return {k: v for k, v in out.items() if v}


def epoch_value(name: str, raw: str) -> str:
    """ACLED timestamps are Unix seconds; a date (what clients send for a datetime.date) means its midnight UTC."""
    parts = []
    for part in raw.split("|"):
        text = part.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                day = date.fromisoformat(text)
            except ValueError:
                raise AcledError(400, f"{name}: {text!r} is not a date") from None
            text = str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))
        parts.append(text)
    return "|".join(parts)


def page_args(params: Mapping[str, str], fmt: str, max_limit: int) -> tuple[int, int]:
    """(limit, page). ACLED's default page is 5,000 rows; ``limit=0`` means every row (CSV) or the largest page (JSON)."""
    limit = _int_arg("limit", params.get("limit"), max_limit, 0, 10**9)
    if fmt == "json" and not 0 < limit <= max_limit:
        limit = max_limit  # a JSON body is built in memory: pages stay bounded
    page = _int_arg("page", params.get("page"), 1, 1, MAX_PAGE)
    return limit, page


def _int_arg(name: str, raw: str | None, default: int, low: int, high: int) -> int:
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise AcledError(400, f"{name}: {raw!r} is not an integer") from None
    if not low <= value <= high:
        raise AcledError(400, f"{name}: {value} is outside {low}..{high}")
    return value


def output_format(params: Mapping[str, str]) -> str:
    fmt = (params.get("_format") or "json").strip().lower()
    if fmt not in FORMATS:
        raise AcledError(400, f"_format: {fmt!r} is not one of {', '.join(FORMATS)}")
    return fmt


def chosen_fields(raw: str | None, available: tuple[str, ...], default: tuple[str, ...]) -> list[str]:
    if not raw:
        return list(default)
    wanted = [f.strip() for f in raw.split("|") if f.strip()]
    unknown = [f for f in wanted if f not in available]
    if unknown or not wanted:
        raise AcledError(400, f"fields: unknown {', '.join(unknown) or raw!r}; choose from {', '.join(available)}")
    return list(dict.fromkeys(wanted))


def _like(pattern: str) -> re.Pattern[str]:
    # SQL LIKE: % any run, _ one character; ACLED matches case-insensitively.
    body = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern)
    return re.compile(body, re.IGNORECASE | re.DOTALL)


def row_predicate(column: str, kind: str, raw: str, op: str | None, default_op: str) -> Callable[[Any], bool]:
    """One ACLED filter (``column=raw`` with ``column_where=op``) as a test on a value."""
    op = (op or default_op).strip().upper()
    if op not in OPERATORS:
        raise AcledError(400, f"{column}_where: {op!r} is not one of {', '.join(OPERATORS)}")
    values = raw.split("|")
    if any(v.strip() == "" for v in values):
        raise AcledError(400, f"{column}: empty value")
    if op == "LIKE":
        if kind != TEXT:
            raise AcledError(400, f"{column}_where: LIKE applies to text columns only")
        patterns = [_like(v.strip()) for v in values]
        return lambda x: x is not None and any(p.fullmatch(str(x)) for p in patterns)
    try:
        converted = [convert_value(column, kind, v) for v in values]
    except FilterError as exc:
        raise AcledError(400, str(exc)) from None
    if op == "BETWEEN":
        if len(converted) != 2:
            raise AcledError(400, f"{column}: BETWEEN takes two values 'low|high', got {raw!r}")
        low, high = converted
        return lambda x: x is not None and low <= x <= high
    if op in ("=", "!="):
        folded = {v.lower() if isinstance(v, str) else v for v in converted}

        def fold(x: Any) -> Any:
            return x.lower() if isinstance(x, str) else x

        if op == "=":
            return lambda x: x is not None and fold(x) in folded
        return lambda x: x is not None and fold(x) not in folded
    if len(converted) != 1:
        raise AcledError(400, f"{column}: {op} takes one value, got {raw!r}")
    bound = converted[0]
    compare: dict[str, Callable[[Any], bool]] = {
        "<": lambda x: x < bound,
        "<=": lambda x: x <= bound,
        ">": lambda x: x > bound,
        ">=": lambda x: x >= bound,
    }
    test = compare[op]
    return lambda x: x is not None and test(x)


def filter_rows(
    rows: list[dict[str, Any]],
    params: Mapping[str, str],
    kinds: Mapping[str, str],
    defaults: Mapping[str, str] | None = None,
    control: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """Rows passing every ACLED filter in ``params``; an unknown parameter is a 400, as with ACLED."""
    tests: list[tuple[str, Callable[[Any], bool]]] = []
    for name, raw in params.items():
        if name in control or name in CREDENTIALS:
            continue
        if name.endswith("_where"):
            base = name[: -len("_where")]
            if base not in kinds:
                raise AcledError(400, f"{name}: {base!r} is not a filterable field of this endpoint")
            continue
        if name not in kinds:
            raise AcledError(400, f"unknown parameter {name!r}; filters are: {', '.join(kinds)}")
        value = epoch_value(name, raw) if name.endswith("timestamp") else raw
        op = params.get(f"{name}_where")
        tests.append((name, row_predicate(name, kinds[name], value, op, (defaults or {}).get(name, "="))))
    return [r for r in rows if all(test(r.get(name)) for name, test in tests)]


def dates_to_text(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v.isoformat() if isinstance(v, date) else v for k, v in r.items()} for r in rows]


