"""The ACLED codebook and PLOVER mapping tables (data files, user-extensible)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.resources import data_files, read_yaml_mapping


@dataclass
class Codebook:
    sub_events: dict[str, dict[str, Any]]
    event_types: dict[str, str]
    disorder_by_sub_event: dict[str, str]
    civilian_sub_events: set[str]
    vague: dict[str, int]
    default_actor1: dict[str, int]
    default_actor2: dict[str, int]
    inter_names: dict[int, str]
    plover: dict[str, dict[str, Any]]
    mode_by_trigger: dict[str, str]

    def event_type(self, sub: str) -> str:
        return str(self.sub_events.get(sub, {}).get("event_type", "Strategic developments"))

    def disorder_type(self, sub: str) -> str:
        if sub in self.disorder_by_sub_event:
            return self.disorder_by_sub_event[sub]
        return self.event_types.get(self.event_type(sub), "Strategic developments")

    def code(self, sub: str) -> str:
        return str(self.sub_events.get(sub, {}).get("code", "OTHER"))


@lru_cache(maxsize=8)
def _load(acled: tuple[str, ...], plover: tuple[str, ...]) -> Codebook:
    merged: dict[str, Any] = {}
    for p in acled:
        for k, v in read_yaml_mapping(Path(p)).items():
            if isinstance(v, dict) and isinstance(merged.get(k), dict):
                merged[k] = {**merged[k], **v}
            else:
                merged[k] = v
    pl: dict[str, dict[str, Any]] = {}
    modes: dict[str, str] = {}
    for p in plover:
        data = read_yaml_mapping(Path(p))
        modes.update({str(k): str(v) for k, v in (data.pop("mode_by_trigger", None) or {}).items()})
        pl.update({str(k): dict(v) for k, v in data.items() if isinstance(v, dict)})
    return Codebook(
        sub_events={str(k): dict(v) for k, v in merged.get("sub_event_types", {}).items()},
        event_types={str(k): str(v) for k, v in merged.get("event_types", {}).items()},
        disorder_by_sub_event={str(k): str(v) for k, v in merged.get("disorder_by_sub_event", {}).items()},
        civilian_sub_events=set(merged.get("civilian_targeting_sub_events", [])),
        vague={str(k).lower(): int(v) for k, v in merged.get("vague_amounts", {}).items()},
        default_actor1={str(k): int(v) for k, v in merged.get("default_actor1", {}).items()},
        default_actor2={str(k): int(v) for k, v in merged.get("default_actor2", {}).items()},
        inter_names={int(k): str(v) for k, v in merged.get("inter_codes", {}).items()},
        plover=pl,
        mode_by_trigger=modes,
    )


def codebook() -> Codebook:
    return _load(
        tuple(str(p) for p in data_files("acled_codebook.yaml")),
        tuple(str(p) for p in data_files("plover_mapping.yaml")),
    )
