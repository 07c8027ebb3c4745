from pathlib import Path

import pytest

from sitrep.eval import acled
from sitrep.resources import LEARNED


def _folder(tmp_path: Path, files: list[str]) -> Path:
    folder = tmp_path / "dev"
    folder.mkdir()
    (folder / "draw.txt").write_text("Mali, Chad\n", encoding="utf-8")
    for name in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("", encoding="utf-8")
    return folder


def test_dev_score_refuses_a_folder_without_its_learned_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a folder holding only the draw list would score the draw with the package's tables, built on its notes
    monkeypatch.setenv("SITREP_LEARNED_DIR", str(_folder(tmp_path, [])))
    (tmp_path / "data" / "acled_public").mkdir(parents=True)
    [report] = acled.score(tmp_path / "data", acled.DEV, None)
    assert report.skipped and "lacks" in report.skipped and "actors_acled.csv" in report.skipped


def test_dev_draw_lists_only_the_coder_model_missing_from_a_no_coder_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tables = sorted(n for n in LEARNED if n != acled.CODER_MODEL)
    monkeypatch.setenv("SITREP_LEARNED_DIR", str(_folder(tmp_path, tables)))
    assert acled._dev_draw() == (("Mali", "Chad"), [acled.CODER_MODEL])


def test_held_out_score_refuses_a_build_without_its_learned_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the package's own learned files are built on the held-out countries: scoring with them would be in-sample
    monkeypatch.setenv("SITREP_LEARNED_DIR", str(_folder(tmp_path, [acled.CODER_MODEL])))
    (tmp_path / "data" / "acled_public").mkdir(parents=True)
    [report] = acled.score(tmp_path / "data", acled.DATASET, None)
    assert report.skipped and "built on the notes scored" in report.skipped and "actors_acled.csv" in report.skipped


def test_held_out_score_names_the_command_that_rebuilds_a_missing_build(tmp_path: Path) -> None:
    [report] = acled._score_in_build(tmp_path / "absent", tmp_path, acled.DATASET, None)
    assert report.skipped and "sitrep train heldout" in report.skipped
