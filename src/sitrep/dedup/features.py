"""Event records -> the numeric columns dedup compares.

Input is an Arrow table (what DuckDB hands back) or a list of dicts/Events
with the events table's column names, plus an optional ``text`` column: the
evidence sentence. Strings become integer codes so blocking and scoring are
vectorised numpy work, not Python loops over pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pyarrow as pa

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
)


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


def _column(table: pa.Table, name: str) -> list[Any]:
    return table.column(name).to_pylist() if name in table.column_names else [None] * table.num_rows


def _days(values: Sequence[Any]) -> np.ndarray:
    out = np.full(len(values), NO_DAY, dtype=np.int32)
    for n, v in enumerate(values):
        if v is None:
            continue
        if isinstance(v, str):
            try:
                v = date.fromisoformat(v[:10])
            except ValueError:
                continue
        if isinstance(v, datetime):
            v = v.date()
        out[n] = (v - EPOCH).days
    return out


def _ints(values: Sequence[Any], missing: int) -> np.ndarray:
    return np.array([missing if v is None else int(v) for v in values], dtype=np.int16)


def _floats(values: Sequence[Any]) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)


def build(table: pa.Table, minhash_size: int = 32) -> Features:
    n = table.num_rows
    places, names, articles, types = Codes(), Codes(), Codes(), Codes()
    country = np.array([places(c) for c in _column(table, "country")], dtype=np.int32)
    admin1_raw = _column(table, "admin1")
    admin1 = np.array(
        [places(f"{c}|{a}") if a else -1 for c, a in zip(country.tolist(), admin1_raw, strict=True)], dtype=np.int32
    )
    etypes = _column(table, "event_type")
    etype = np.array([types(t) for t in etypes], dtype=np.int32)
    subtype = np.array([types("sub:" + s) if s else -1 for s in _column(table, "sub_event_type")], dtype=np.int32)
    tgroup = np.array([types("group:" + TYPE_GROUPS.get((t or "").lower(), t or "")) if t else -1 for t in etypes])

    actor = np.full((n, 2), -1, dtype=np.int32)
    generic = np.zeros((n, 2), dtype=bool)
    actor_country = np.full((n, 2), -1, dtype=np.int32)
    bloom = np.zeros((n, 2), dtype=np.uint64)
    sides = (
        (_column(table, "actor1"), _column(table, "assoc_actor_1")),
        (_column(table, "actor2"), _column(table, "assoc_actor_2")),
    )
    for side, (main, assoc) in enumerate(sides):
        for k in range(n):
            key = actor_key(main[k])
            if key is not None:
                actor[k, side] = names(key.base)
                generic[k, side] = key.generic
                actor_country[k, side] = places(key.country) if key.country else country[k]
            for other in ([key] if key is not None and not key.generic else []) + [
                a for a in (actor_key(x) for x in split_assoc(assoc[k])) if a is not None and not a.generic
            ]:
                bloom[k, side] |= np.uint64(1) << np.uint64(names(other.base) % 64)
    inter = np.stack([_ints(_column(table, "inter1"), 0), _ints(_column(table, "inter2"), 0)], axis=1)

    texts = _column(table, "text")
    if all(t is None for t in texts):
        texts = _column(table, "notes")
    sig, has_text = minhash(texts, minhash_size)
    day = _days(_column(table, "event_date"))
    month = np.array([(EPOCH + timedelta(days=int(d))).year * 12 + (EPOCH + timedelta(days=int(d))).month
                      if d != NO_DAY else -1 for d in day.tolist()], dtype=np.int32)
    return Features(
        n=n,
        event_id=[str(x) for x in _column(table, "event_id")],
        article=np.array([articles(a) for a in _column(table, "article_id")], dtype=np.int32),
        day=day,
        month=month,
        tprec=_ints(_column(table, "time_precision"), 3).clip(1, 3),
        lat=_floats(_column(table, "latitude")),
        lon=_floats(_column(table, "longitude")),
        gprec=_ints(_column(table, "geo_precision"), 3).clip(1, 3),
        country=country,
        admin1=admin1,
        etype=etype,
        subtype=subtype,
        tgroup=np.asarray(tgroup, dtype=np.int32),
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
