"""`sitrep train dev-draw` and `sitrep eval acled --dataset dev`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.cli.train_dev_cmd import DEFAULT_DRAW, read_draw
from sitrep.learn.splits import DEFAULT_HOLDOUT


def test_dev_draw_refuses_a_held_out_country(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "dev-draw", str(tmp_path / "dev"), "--draw", "Mali,Kenya",
                                      "--no-coder", "--data", str(tmp_path)])
    assert result.exit_code != 0
    assert "Kenya" in result.output
    assert not (tmp_path / "dev").exists()


def test_default_draw_is_of_training_countries_only() -> None:
    assert not set(DEFAULT_DRAW) & set(DEFAULT_HOLDOUT)


def test_read_draw_reads_the_folder_draw_file(tmp_path: Path) -> None:
    assert read_draw(tmp_path) == ()
    (tmp_path / "draw.txt").write_text("Mali, Chad\n", encoding="utf-8")
    assert read_draw(tmp_path) == ("Mali", "Chad")


def test_eval_acled_dev_is_skipped_without_a_dev_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.eval.acled import score

    (tmp_path / "acled_public").mkdir()
    monkeypatch.delenv("SITREP_LEARNED_DIR", raising=False)
    (report,) = score(tmp_path, "dev", None)
    assert report.dataset == "dev" and report.skipped and "SITREP_LEARNED_DIR" in report.skipped
