"""Dedup settings: match windows, radii, weights and thresholds.

Defaults live here; a user overrides any of them with a ``dedup.toml`` in a
data folder (``SITREP_DATA_PATH``) or with ``--config FILE``. Keys are the
field names below; the per-precision tables are TOML tables keyed by the
precision code as a string (``[date_window_days] "1" = 1``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.resources import data_files


@dataclass
class DedupConfig:
    # Days two reports' dates may differ, by the coarser ACLED time_precision
    # of the pair (1 day, 2 week, 3 month). A day-precise pair may be one day
    # apart: "last night" and time zones move a report's date by a day.
    date_window_days: dict[int, int] = field(default_factory=lambda: {1: 1, 2: 7, 3: 31})
    # Kilometres two locations may be apart, by the coarser ACLED
    # geo_precision (1 town, 2 near a town / part of a district, 3 region).
    # Beyond the radius and up to twice it a pair can only be a possible
    # duplicate; beyond that it is not a match.
    radius_km: dict[int, float] = field(default_factory=lambda: {1: 10.0, 2: 20.0, 3: 150.0})
    weights: dict[str, float] = field(
        default_factory=lambda: {"date": 0.25, "place": 0.25, "actors": 0.2, "type": 0.15, "text": 0.15}
    )
    merge_threshold: float = 0.7
    possible_threshold: float = 0.6
    # Two events of one article are merged only when they agree this well.
    same_article_threshold: float = 0.85
    # A cluster's day-precise dates may span at most this many days, so a
    # chain of one-day steps cannot glue a week of events together.
    max_precise_span_days: int = 2
    # Likewise a cluster's town-level places (geo precision 1-2) may lie at
    # most this far apart: a region-level report must not join two towns.
    max_place_span_km: float = 30.0
    # A vague report (generic actor, region, week or month) that fits several
    # clusters joins the best one only when it beats the next by this much.
    clear_margin: float = 0.1
    # Text similarity: MinHash Jaccard of evidence words; a Jaccard of
    # ``text_full_at`` counts as full agreement (paraphrases share few words).
    minhash_size: int = 32
    text_full_at: float = 0.35
    # Sorted-neighbourhood blocking: neighbours compared per event per pass.
    neighbours: int = 40
    grid_degrees: float = 0.5
    # Headline units (report-dated events, articles without an asserted event) are also blocked by country
    # and by each rare word they share (IDF at least ``block_min_idf``), within this many days.
    headline_window_days: int = 7
    headline_neighbours: int = 12
    # ... and each with this many nearest in time whatever their country (blocking pass 7).
    headline_any_neighbours: int = 24
    block_min_idf: float = 2.0
    # "model": the learned matcher (data/models/dedup) scores pairs when it is installed; "rules": the
    # weighted mean above. ``model_dir`` points at another build; the two thresholds, when above 0,
    # override the probabilities the model was shipped with.
    matcher: str = "model"
    model_dir: str = ""
    match_merge_at: float = 0.0
    match_possible_at: float = 0.0
    match_link_at: float = 0.0  # above 0: overrides the model's average-link threshold

    def window(self, precision: int | None) -> int:
        return self.date_window_days.get(int(precision or 3), max(self.date_window_days.values()))

    def radius(self, precision: int | None) -> float:
        return self.radius_km.get(int(precision or 3), max(self.radius_km.values()))


_TABLES = ("date_window_days", "radius_km", "weights")


def config_from_dict(data: dict[str, Any], base: DedupConfig | None = None) -> DedupConfig:
    cfg = base or DedupConfig()
    known = {f.name for f in fields(DedupConfig)}
    for key, value in data.items():
        if key not in known:
            raise SitrepError("E300", f"dedup config: unknown key {key!r}")
        if key in _TABLES:
            table = dict(getattr(cfg, key))
            for k, v in dict(value).items():
                table[int(k) if key != "weights" else str(k)] = type(next(iter(table.values())))(v)
            setattr(cfg, key, table)
        else:
            setattr(cfg, key, type(getattr(cfg, key))(value))
    return cfg


def load_config(path: Path | None = None) -> DedupConfig:
    """Defaults, then every ``dedup.toml`` in the data folders, then ``path``."""
    cfg = DedupConfig()
    for p in [*data_files("dedup.toml"), *([path] if path else [])]:
        try:
            with open(p, "rb") as f:
                cfg = config_from_dict(tomllib.load(f), cfg)
        except (OSError, tomllib.TOMLDecodeError, TypeError, ValueError) as exc:
            raise SitrepError("E302", f"{p}: {exc}") from exc
    return cfg
