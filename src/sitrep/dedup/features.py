"""Event records -> the numeric columns dedup compares.

Input is an Arrow table (what DuckDB hands back) or a list of dicts/Events
with the events table's column names, plus an optional ``text`` column: the
evidence sentence. Strings become integer codes so blocking and scoring are
vectorised numpy work, not Python loops over pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sitrep.dedup.actors import actor_key, split_assoc
from sitrep.dedup.text import minhash

EPOCH = date(1970, 1, 1)
NO_DAY = np.int32(-(2**30))

# ACLED event types that can be one event told differently: a battle one
# source calls an airstrike, an attack on civilians another calls a clash.
TYPE_GROUPS = {
    "battles": "violence",
    "explosions/remote violence": "violence",
    "violence against civilians": "violence",
    "protests": "demonstrations",
    "riots": "demonstrations",
    "strategic developments": "strategic",
}

COLUMNS = (
    "event_id",
    "article_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "text",
    "fatalities",
    "source",
    "unit",
    "article_chars",
)
# Articles up to this long are headline-only reports or briefs: the learned matcher's domain.
SHORT_ARTICLE_CHARS = 300


def to_table(records: Any) -> pa.Table:
    """An Arrow table from a table, a list of dicts or a list of Events."""
    if isinstance(records, pa.Table):
        return records
    rows = [r.to_dict() if hasattr(r, "to_dict") else dict(r) for r in records]
    for r in rows:
        if isinstance(r.get("event_date"), (date, datetime)):
            r["event_date"] = r["event_date"].isoformat()[:10]
        if isinstance(r.get("evidence"), dict):
            r.pop("evidence")  # spans only mean something next to their article text
    return pa.Table.from_pylist(rows)


class Codes:
    """String -> small int, shared by every column that names the same things."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, value: Any) -> int:
        if value is None or value == "":
            return -1
        key = str(value).strip().lower()
        code = self.index.get(key)
        if code is None:
            code = self.index[key] = len(self.index)
        return code


@dataclass
class Features:
    n: int
    event_id: list[str]
    article: np.ndarray
    day: np.ndarray
    tprec: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    gprec: np.ndarray
    country: np.ndarray
    admin1: np.ndarray
    etype: np.ndarray
    subtype: np.ndarray
    tgroup: np.ndarray
    actor: np.ndarray  # (n, 2) base-name codes, -1 missing
    generic: np.ndarray  # (n, 2) bool
    actor_country: np.ndarray  # (n, 2) country codes, -1 unknown
    inter: np.ndarray  # (n, 2)
    bloom: np.ndarray  # (n, 2) 64-bit sets of the named actor codes on each side (actor and associates)
    month: np.ndarray  # year * 12 + month, for month-precise dates
    sig: np.ndarray
    has_text: np.ndarray
    toll: np.ndarray | None = None  # fatalities reported, NaN when none or not stated (0 usually means unstated)
    outlet: np.ndarray | None = None  # code of the report's source (outlet), -1 unknown
    report: np.ndarray | None = None  # a report-level unit: an article with no asserted event (store.py)
    short: np.ndarray | None = None  # the unit's article is a headline or brief (``SHORT_ARTICLE_CHARS``)
    texts: list[str | None] | None = None  # the text each unit is compared on
    head: Any = None  # headline.Headlines, attached by core.prepare for the units the match model reads
    violence_code: int = -2  # type-group code of political violence
    strategic_code: int = -2  # type code of "Strategic developments", -2 when absent

    @property
    def has_day(self) -> np.ndarray:
        return self.day != NO_DAY

    @property
    def vague(self) -> np.ndarray:
        """Events that fit several others: a generic or missing actor, a region, a week or a month."""
        violent = np.isin(self.tgroup, [self.violence_code])
        no_actor = (self.actor[:, 0] < 0) | (violent & (self.actor[:, 1] < 0))
        return self.generic.any(axis=1) | no_actor | (self.gprec >= 3) | (self.tprec >= 2)

    @property
    def has_coords(self) -> np.ndarray:
        return ~(np.isnan(self.lat) | np.isnan(self.lon))

    @property
    def is_report(self) -> np.ndarray:
        return self.report if self.report is not None else np.zeros(self.n, dtype=bool)

    @property
    def headline(self) -> np.ndarray:
        """Units the learned matcher reads: report units, and events of headline-only or brief articles
        dated only by their report's day or week.

        It was fitted on such reports (UCDP's headlines); on day-precise events
        and on events of full articles (the synthetic set, the demo corpus) the
        rules measure better.
        """
        short = self.short if self.short is not None else np.zeros(self.n, dtype=bool)
        return self.is_report | (short & (self.tprec >= 2))


def _array(table: pa.Table, name: str, kind: pa.DataType) -> pa.Array:
    if name not in table.column_names:
        return pa.nulls(table.num_rows, kind)
    col = table.column(name).combine_chunks()
    if pa.types.is_null(col.type) or col.type != kind:
        col = col.cast(kind) if not pa.types.is_null(col.type) else pa.nulls(table.num_rows, kind)
    return col


def _uniques(col: pa.Array) -> tuple[np.ndarray, list[Any]]:
    """(index of each row's value in the distinct values, -1 for null; the distinct values)."""
    encoded = pc.dictionary_encode(col)
    idx = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    return idx, encoded.dictionary.to_pylist()


def _mapped(col: pa.Array, fn: Any, missing: int = -1, dtype: Any = np.int32) -> np.ndarray:
    """fn applied once per distinct value, spread back to the rows."""
    idx, values = _uniques(col)
    table = np.array([fn(v) for v in values] + [missing], dtype=dtype)
    return table[idx]  # idx -1 picks the trailing "missing" entry


def _days(table: pa.Table) -> np.ndarray:
    if "event_date" not in table.column_names:
        return np.full(table.num_rows, NO_DAY, dtype=np.int32)
    col = table.column("event_date").combine_chunks()
    if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
        idx, values = _uniques(col)
        parsed = [_parse_day(v) for v in values] + [int(NO_DAY)]
        return np.array(parsed, dtype=np.int32)[idx]
    if pa.types.is_null(col.type):
        return np.full(table.num_rows, NO_DAY, dtype=np.int32)
    days = col.cast(pa.date32()).cast(pa.int32())
    return days.fill_null(int(NO_DAY)).to_numpy(zero_copy_only=False).astype(np.int32)


def _parse_day(v: str) -> int:
    try:
        return (date.fromisoformat(v[:10]) - EPOCH).days
    except ValueError:
        return int(NO_DAY)


def _ints(table: pa.Table, name: str, missing: int) -> np.ndarray:
    col = _array(table, name, pa.int64())
    return col.fill_null(missing).to_numpy(zero_copy_only=False).astype(np.int16)


def _floats(table: pa.Table, name: str) -> np.ndarray:
    col = _array(table, name, pa.float64())
    return col.fill_null(np.nan).to_numpy(zero_copy_only=False).astype(np.float64)


def build(table: pa.Table, minhash_size: int = 32) -> Features:
    n = table.num_rows
    places, names, articles, types = Codes(), Codes(), Codes(), Codes()
    text = pa.string()
    country_col = _array(table, "country", text)
    country = _mapped(country_col, places)
    admin1_key = pc.binary_join_element_wise(pc.utf8_lower(country_col), _array(table, "admin1", text), "|")
    admin1 = _mapped(admin1_key, places)
    etype_col = _array(table, "event_type", text)
    etype = _mapped(etype_col, types)
    subtype = _mapped(_array(table, "sub_event_type", text), lambda v: types("sub:" + v))
    tgroup = _mapped(etype_col, lambda t: types("group:" + str(TYPE_GROUPS.get(t.strip().lower(), t))))

    actor = np.full((n, 2), -1, dtype=np.int32)
    generic = np.zeros((n, 2), dtype=bool)
    actor_country = np.full((n, 2), -1, dtype=np.int32)
    bloom = np.zeros((n, 2), dtype=np.uint64)
    for side, (main, assoc) in enumerate((("actor1", "assoc_actor_1"), ("actor2", "assoc_actor_2"))):
        idx, values = _uniques(_array(table, main, text))
        keys = [actor_key(v) for v in values]
        code = np.array([names(k.base) if k else -1 for k in keys] + [-1], dtype=np.int32)
        gen = np.array([bool(k and k.generic) for k in keys] + [False])
        own_country = np.array([places(k.country) if k and k.country else -1 for k in keys] + [-1], dtype=np.int32)
        bits = np.array([_bit(names, k) for k in keys] + [0], dtype=np.uint64)
        actor[:, side], generic[:, side] = code[idx], gen[idx]
        actor_country[:, side] = np.where(own_country[idx] >= 0, own_country[idx], np.where(code[idx] >= 0, country, -1))
        assoc_bits = _mapped(_array(table, assoc, text), lambda v: _assoc_bits(names, v), 0, np.uint64)
        bloom[:, side] = bits[idx] | assoc_bits
    inter = np.stack([_ints(table, "inter1", 0), _ints(table, "inter2", 0)], axis=1)

    texts = _array(table, "text", text)
    if texts.null_count == n:
        texts = _array(table, "notes", text)
    text_list = texts.to_pylist()
    sig, has_text = minhash(text_list, minhash_size)
    day = _days(table)
    months = day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    month = np.where(day != NO_DAY, months, -1).astype(np.int32)
    toll = _floats(table, "fatalities")
    return Features(
        n=n,
        toll=np.where(toll > 0, toll, np.nan),
        outlet=_mapped(_array(table, "source", text), Codes()),
        report=pc.fill_null(pc.equal(_array(table, "unit", text), "report"), False).to_numpy(zero_copy_only=False),
        texts=text_list,
        short=_array(table, "article_chars", pa.int64()).fill_null(1 << 30).to_numpy(zero_copy_only=False)
        <= SHORT_ARTICLE_CHARS,
        event_id=[str(x) for x in _array(table, "event_id", text).to_pylist()],
        article=_mapped(_array(table, "article_id", text), articles),
        day=day,
        month=month,
        tprec=_ints(table, "time_precision", 3).clip(1, 3),
        lat=_floats(table, "latitude"),
        lon=_floats(table, "longitude"),
        gprec=_ints(table, "geo_precision", 3).clip(1, 3),
        country=country,
        admin1=admin1,
        etype=etype,
        subtype=subtype,
        tgroup=tgroup,
        actor=actor,
        generic=generic,
        actor_country=actor_country,
        inter=inter,
        bloom=bloom,
        sig=sig,
        has_text=has_text,
        strategic_code=types.index.get("strategic developments", -2),
        violence_code=types.index.get("group:violence", -2),
    )


def _bit(names: Codes, key: Any) -> int:
    return 0 if key is None or key.generic else 1 << (names(key.base) % 64)


def _assoc_bits(names: Codes, value: str) -> int:
    out = 0
    for part in split_assoc(value):
        out |= _bit(names, actor_key(part))
    return out
