"""Dedup settings: defaults, a user's dedup.toml in a data folder, and errors."""

from __future__ import annotations

import pytest

from sitrep.dedup import DedupConfig, load_config
from sitrep.errors import SitrepError


def test_user_dedup_toml_overrides_radius_and_thresholds(tmp_path, monkeypatch):
    (tmp_path / "dedup.toml").write_text('merge_threshold = 0.8\n[radius_km]\n"1" = 5.0\n', encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    cfg = load_config()
    assert cfg.merge_threshold == 0.8
    assert cfg.radius(1) == 5.0 and cfg.radius(2) == DedupConfig().radius(2)


def test_unknown_dedup_setting_is_an_error(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text("radius = 50\n", encoding="utf-8")
    with pytest.raises(SitrepError) as err:
        load_config(path)
    assert err.value.code == "E300"
