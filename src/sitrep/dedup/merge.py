"""One canonical event from its members: fields merged by source agreement.

- date: the most specific time precision any source gives; among those the
  date most sources agree on (ties: the earliest);
- place: the most specific geo precision; among those the location most
  sources agree on; its admin and coordinate fields travel together;
- kind of event and actors: the values most members agree on; ties go to a
  named actor over a generic one, then to the more confident member;
- associated actors: everyone any source names;
- fatalities: ACLED's rule, the most conservative figure reported: the
  smallest positive count any source gives (a source silent on deaths does
  not count as reporting zero);
- sources and articles: every one of them.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from sitrep.dedup.actors import actor_key, split_assoc

# Fields copied from the member chosen for each aspect.
DATE_FIELDS = ("event_date", "time_precision")
PLACE_FIELDS = (
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision"
)
KIND_FIELDS = ("disorder_type", "event_type", "sub_event_type", "plover_type", "plover_mode", "cameo_root",
               "civilian_targeting")
ACTOR_FIELDS = (("actor1", "inter1"), ("actor2", "inter2"))


def canonical_id(event_id: str) -> str:
    """A canonical id from the member it started with: stable, and readable as ours."""
    return "ce-" + hashlib.sha256(event_id.encode()).hexdigest()[:16]


def _text(v: Any) -> str:
    return "" if v is None else str(v)


def _prec(v: Any) -> int:
    return 3 if v is None else int(v)


def _pick(rows: Sequence[dict[str, Any]], rank: Callable[[dict[str, Any]], Any],
          agree: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    """Among the best-ranked rows, the one whose ``agree`` value most rows share."""
    ranks = [rank(r) for r in rows]
    agrees = [agree(r) for r in rows]
    votes = Counter(agrees)
    best = min(ranks)
    top = [k for k, v in enumerate(ranks) if v == best]
    return rows[min(top, key=lambda k: (-votes[agrees[k]], _text(agrees[k]), _text(rows[k].get("event_id"))))]


def _actor_vote(rows: Sequence[dict[str, Any]], name_field: str) -> dict[str, Any]:
    def weight(r: dict[str, Any]) -> tuple[int, int, float]:
        key = actor_key(r.get(name_field))
        named = key is not None and not key.generic
        return (-votes[_text(r.get(name_field))], 0 if named else 1, -float(r.get("confidence") or 0.0))

    votes = Counter(_text(r.get(name_field)) for r in rows if r.get(name_field))
    return min(rows, key=lambda r: (*weight(r), _text(r.get("event_id"))))


def merge_cluster(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Merged Event fields plus ``event_ids``, ``article_ids``, ``sources`` and ``provenance``."""
    if not rows:
        raise ValueError("a canonical event needs at least one member")
    rows = sorted(rows, key=lambda r: _text(r.get("event_id")))
    best: dict[str, Any] = max(rows, key=_confidence)
    base = dict(best)
    base.pop("text", None)
    _evidence(base, best.get("event_id"))
    provenance: dict[str, Any] = {}

    dated = [r for r in rows if r.get("event_date")] or list(rows)
    when = _pick(dated, lambda r: _prec(r.get("time_precision")), lambda r: _text(r.get("event_date")))
    base.update({k: when.get(k) for k in DATE_FIELDS})
    provenance["date"] = when.get("event_id")

    placed = [r for r in rows if r.get("latitude") is not None or r.get("admin1")] or list(rows)
    where = _pick(placed, lambda r: _prec(r.get("geo_precision")),
                  lambda r: (_text(r.get("location")), _text(r.get("admin1"))))
    base.update({k: where.get(k) for k in PLACE_FIELDS})
    provenance["place"] = where.get("event_id")

    kind = _pick(rows, lambda r: 0, lambda r: (_text(r.get("event_type")), _text(r.get("sub_event_type"))))
    base.update({k: kind.get(k) for k in KIND_FIELDS})
    provenance["type"] = kind.get("event_id")

    for name_field, inter_field in ACTOR_FIELDS:
        chosen = _actor_vote(rows, name_field)
        base[name_field], base[inter_field] = chosen.get(name_field), chosen.get(inter_field)
    for n, assoc_field in ((1, "assoc_actor_1"), (2, "assoc_actor_2")):
        main = base.get(f"actor{n}")
        names: list[str] = []
        for r in rows:
            for a in [*split_assoc(r.get(assoc_field)), *([r[f"actor{n}"]] if r.get(f"actor{n}") else [])]:
                key = actor_key(a)
                if a != main and a not in names and key is not None and not key.generic:
                    names.append(a)
        base[assoc_field] = "; ".join(names) or None

    reported = {r.get("event_id"): int(r["fatalities"]) for r in rows if r.get("fatalities")}
    base["fatalities"] = min(reported.values()) if reported else 0
    provenance["fatalities"] = reported

    sources: list[str] = []
    for r in rows:
        for s in split_assoc(r.get("source")):
            if s not in sources:
                sources.append(s)
    base["source"] = "; ".join(sources) or None
    base["event_ids"] = [r.get("event_id") for r in rows]
    base["article_ids"] = sorted({_text(r.get("article_id")) for r in rows if r.get("article_id")})
    base["sources"] = sources
    base["confidence"] = round(1.0 - _product(1.0 - float(r.get("confidence") or 0.0) for r in rows), 4)
    base["provenance"] = provenance
    base.pop("event_id", None)
    base.pop("article_id", None)
    return base


def single(row: dict[str, Any]) -> dict[str, Any]:
    """The canonical fields of a one-member cluster (what ``merge_cluster`` gives for one row, cheaper)."""
    out = dict(row)
    out.pop("text", None)
    event_id, article_id = out.pop("event_id", None), out.pop("article_id", None)
    _evidence(out, event_id)
    sources = split_assoc(out.get("source"))
    out["event_ids"] = [event_id]
    out["article_ids"] = [str(article_id)] if article_id else []
    out["sources"] = sources
    out["source"] = "; ".join(sources) or None
    out["fatalities"] = int(out.get("fatalities") or 0)
    out["provenance"] = {
        "date": event_id, "place": event_id, "type": event_id,
        "fatalities": {event_id: out["fatalities"]} if out["fatalities"] else {},
    }
    return out


def _evidence(payload: dict[str, Any], event_id: Any) -> None:
    """Evidence spans stay an object (the store hands them over as JSON text) and say whose article they are in."""
    ev = payload.get("evidence")
    if isinstance(ev, str):
        try:
            payload["evidence"] = json.loads(ev)
        except ValueError:
            payload["evidence"] = {}
    if payload.get("evidence"):
        payload["evidence_event_id"] = event_id


def _confidence(row: dict[str, Any]) -> float:
    return float(row.get("confidence") or 0.0)


def _product(values: Any) -> float:
    out = 1.0
    for v in values:
        out *= v
    return out
