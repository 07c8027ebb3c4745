"""Where data files come from: user folders add rows; a learned-build folder replaces learned files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.resources import LEARNED, PACKAGE_DATA, data_files


def test_data_files_adds_user_copies_after_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "actors.csv").write_text("name,inter\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    assert data_files("actors.csv") == [PACKAGE_DATA / "actors.csv", tmp_path / "actors.csv"]


def test_learned_dir_replaces_the_package_copy_of_a_learned_file(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "actors_acled.csv").write_text("name,inter\n", encoding="utf-8")
    (tmp_path / "actors.csv").write_text("name,inter\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_LEARNED_DIR", str(tmp_path))
    assert "actors_acled.csv" in LEARNED
    assert data_files("actors_acled.csv") == [tmp_path / "actors_acled.csv"]
    # a hand-made file is no learned one: the folder does not replace it
    assert data_files("actors.csv") == [PACKAGE_DATA / "actors.csv"]
    # a learned file the folder lacks stays the package's
    assert data_files("sources_country.csv") == [PACKAGE_DATA / "sources_country.csv"]


def test_learned_dir_replaces_the_coder_model_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.learn import model_dir

    (tmp_path / "models" / "coder").mkdir(parents=True)
    monkeypatch.setenv("SITREP_LEARNED_DIR", str(tmp_path))
    assert model_dir("coder") == tmp_path / "models" / "coder"
    monkeypatch.delenv("SITREP_LEARNED_DIR")
    assert model_dir("coder") == PACKAGE_DATA / "models" / "coder"
