"""Event filters shared by the store, the exports and the API.

A filter becomes a SQL ``WHERE`` clause with bound parameters (never string
interpolation of values). The same filter works on stored events and on
canonical events; only the column expressions differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.errors import SitrepError
from sitrep.model import MODALITIES


@dataclass
class EventFilter:
    """Which events to return. Empty filter = every asserted event of current article versions."""

    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    country: str | None = None  # exact, case-insensitive
    admin1: str | None = None  # exact, case-insensitive
    event_type: str | None = None  # exact, case-insensitive
    sub_event_type: str | None = None
    actor: str | None = None  # substring of actor1/actor2/assoc actors, case-insensitive
    article_id: str | None = None
    modalities: tuple[str, ...] = ("asserted",)  # () = all
    include_superseded: bool = False  # events of older article versions too
    limit: int | None = None
    offset: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(cls, *, all_modalities: bool = False, **kwargs: Any) -> EventFilter:
        f = cls(**{k: v for k, v in kwargs.items() if v is not None})
        if all_modalities:
            f.modalities = ()
        f.validate()
        return f

    def validate(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is None:
                continue
            try:
                date.fromisoformat(str(value)[:10])
            except ValueError as exc:
                raise SitrepError("E401", f"{name}={value!r}: expected YYYY-MM-DD") from exc
        bad = [m for m in self.modalities if m not in MODALITIES]
        if bad:
            raise SitrepError("E401", f"unknown modality {bad[0]!r}; expected one of {', '.join(MODALITIES)}")
        if self.limit is not None and self.limit < 0:
            raise SitrepError("E401", "limit must be >= 0")


# Column expressions for plain events (alias e) and canonical events (payload JSON, alias c).
EVENT_COLUMNS: dict[str, str] = {
    "event_date": "e.event_date",
    "country": "e.country",
    "admin1": "e.admin1",
    "event_type": "e.event_type",
    "sub_event_type": "e.sub_event_type",
    "actor1": "e.actor1",
    "actor2": "e.actor2",
    "assoc_actor_1": "e.assoc_actor_1",
    "assoc_actor_2": "e.assoc_actor_2",
    "modality": "e.modality",
    "article_id": "e.article_id",
}
# Canonical events are filtered on their export rows (alias q), after reviews are applied.
CANONICAL_COLUMNS: dict[str, str] = {
    "event_date": 'q."event_date"',
    "country": 'q."country"',
    "admin1": 'q."admin1"',
    "event_type": 'q."event_type"',
    "sub_event_type": 'q."sub_event_type"',
    "actor1": 'q."actor1"',
    "actor2": 'q."actor2"',
    "assoc_actor_1": 'q."assoc_actor_1"',
    "assoc_actor_2": 'q."assoc_actor_2"',
    "modality": 'q."x_modality"',
}


def where_clause(f: EventFilter | None, columns: dict[str, str]) -> tuple[str, list[Any]]:
    """SQL condition (``TRUE`` when empty) and its parameters."""
    f = f or EventFilter()
    f.validate()
    parts: list[str] = []
    params: list[Any] = []
    if f.since:
        parts.append(f"{columns['event_date']} >= CAST(? AS DATE)")
        params.append(str(f.since)[:10])
    if f.until:
        parts.append(f"{columns['event_date']} <= CAST(? AS DATE)")
        params.append(str(f.until)[:10])
    for name in ("country", "admin1", "event_type", "sub_event_type"):
        value = getattr(f, name)
        if value:
            parts.append(f"lower({columns[name]}) = lower(?)")
            params.append(value)
    if f.actor:
        names = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        parts.append("(" + " OR ".join(f"{columns[n]} ILIKE ?" for n in names) + ")")
        pattern = "%" + f.actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params.extend([pattern] * len(names))
    if f.article_id and columns.get("article_id"):
        parts.append(f"{columns['article_id']} = ?")
        params.append(f.article_id)
    if f.modalities:
        parts.append(f"{columns['modality']} IN ({', '.join('?' for _ in f.modalities)})")
        params.extend(f.modalities)
    return (" AND ".join(parts) or "TRUE"), params


def limit_clause(f: EventFilter | None) -> str:
    if f is None or (f.limit is None and not f.offset):
        return ""
    text = f" LIMIT {int(f.limit)}" if f.limit is not None else " LIMIT NULL"
    return text + (f" OFFSET {int(f.offset)}" if f.offset else "")
