"""The choices a coder may pick from when correcting an event, read from the codebook data files.

Reads ``acled_codebook.yaml`` and ``plover_mapping.yaml`` through
``data_files`` so a user's own copy extends the package's (a new sub-event
type in the user's codebook becomes a valid correction).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sitrep.model import MODALITIES
from sitrep.resources import data_files, read_yaml_mapping


def _merged(name: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in data_files(name):
        loaded = read_yaml_mapping(path)
        for key, value in loaded.items():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    return merged


@lru_cache(maxsize=1)
def codebook() -> dict[str, Any]:
    """Field → allowed values (and the sub-event → event type map), for the UI and validation."""
    acled = _merged("acled_codebook.yaml")
    plover = _merged("plover_mapping.yaml")
    event_types: dict[str, str] = {str(k): str(v) for k, v in (acled.get("event_types") or {}).items()}
    sub_events: dict[str, str] = {}
    for name, spec in (acled.get("sub_event_types") or {}).items():
        sub_events[str(name)] = str(spec.get("event_type")) if isinstance(spec, dict) else str(spec)
    disorder: list[str] = []
    for value in list(event_types.values()) + [str(v) for v in (acled.get("disorder_by_sub_event") or {}).values()]:
        for part in value.split(";"):
            if part.strip() and part.strip() not in disorder:
                disorder.append(part.strip())
    inter = {int(k): str(v) for k, v in (acled.get("inter_codes") or {}).items()}
    plover_types = sorted({str(v["plover"]) for v in plover.values() if isinstance(v, dict) and v.get("plover")})
    plover_modes = sorted({str(v["mode"]) for v in plover.values() if isinstance(v, dict) and v.get("mode")})
    cameo = sorted({str(v["cameo"]) for v in plover.values() if isinstance(v, dict) and v.get("cameo")})
    inter_codes = sorted(inter)
    # ACLED's interaction code joins the two actor types, lower digit first; a lone actor is 10 × its type.
    interactions = sorted(
        {10 * a for a in inter_codes} | {10 * a + b for a in inter_codes for b in inter_codes if b >= a}
    )
    return {
        "choices": {
            "event_type": list(event_types),
            "sub_event_type": list(sub_events),
            "disorder_type": disorder,
            "inter1": inter_codes,
            "inter2": [0, *inter_codes],
            "interaction": interactions,
            "modality": list(MODALITIES),
            "plover_type": plover_types,
            "plover_mode": plover_modes,
            "cameo_root": cameo,
            "civilian_targeting": ["Civilian targeting"],
            "time_precision": [1, 2, 3],
            "geo_precision": [1, 2, 3],
        },
        "sub_event_event_type": sub_events,
        "inter_names": {str(k): v for k, v in inter.items()},
    }
