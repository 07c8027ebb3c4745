"""`sitrep train dev-draw` and `sitrep eval acled --dataset dev`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import _load_commands, app
from sitrep.learn.splits import DEFAULT_DRAW, DEFAULT_HOLDOUT, read_draw
from sitrep.resources import HELDOUT_BUILD, LEARNED, PACKAGE_DATA


def test_dev_draw_refuses_a_held_out_country(tmp_path: Path) -> None:
    _load_commands()
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


COLUMNS = ["event_id_cnty", "event_date", "disorder_type", "event_type", "sub_event_type", "actor1", "inter1",
           "actor2", "inter2", "interaction", "region", "country", "admin1", "location", "notes", "fatalities"]


def _write_notes(folder: Path, rows: list[tuple[str, str]]) -> None:
    import csv

    folder.mkdir(parents=True)
    with (folder / "tiny.csv").open("w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=COLUMNS)
        out.writeheader()
        for n, (country, note) in enumerate(rows):
            out.writerow({"event_id_cnty": f"T{n}", "event_date": "2021-03-05", "disorder_type": "Political violence",
                          "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Someone",
                          "inter1": "1", "inter2": "2", "interaction": "12", "region": "Nowhere",
                          "country": country, "admin1": "A", "location": "B", "notes": note, "fatalities": "0"})


def test_eval_acled_reports_under_its_dataset_key_whichever_rows_it_scores(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The floors gate looks reports up by key: 'acled.acled_public' for the held-out rows, 'acled.dev' for a draw."""
    from sitrep.eval.acled import score

    _write_notes(tmp_path / "data" / "acled_public", [
        ("Kenya", "On 5 March 2021, police clashed with bandits in Nairobi."),
        ("Chad", "On 5 March 2021, soldiers clashed with rebels in Abeche."),
    ])
    monkeypatch.setattr("sitrep.eval.acled.words_baseline", lambda train, rows: None)
    held_out_build = tmp_path / "held"  # in-process: the package's held-out build, linked
    for name in LEARNED:
        (held_out_build / name).parent.mkdir(parents=True, exist_ok=True)
        (held_out_build / name).symlink_to(HELDOUT_BUILD / name)
    monkeypatch.setenv("SITREP_LEARNED_DIR", str(held_out_build))
    (held,) = score(tmp_path / "data", "acled_public", None)
    assert held.key == "acled.acled_public" and held.counts["notes"] == 1
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "draw.txt").write_text("Chad\n", encoding="utf-8")
    # the package's tables stand in for a --no-coder build (a folder without them is refused: in-sample figures)
    for name in LEARNED - {"models/coder"}:
        (dev / name).symlink_to(PACKAGE_DATA / name)
    monkeypatch.setenv("SITREP_LEARNED_DIR", str(dev))
    (drawn,) = score(tmp_path / "data", "dev", None)
    assert drawn.key == "acled.dev" and drawn.counts["notes"] == 1 and drawn.details["holdout"] == ["Chad"]


@pytest.mark.slow
def test_eval_acled_scores_held_out_notes_in_a_process_reading_the_held_out_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SITREP_LEARNED_DIR the held-out notes are scored by a fresh process given the package's held-out
    build; the caller's environment is left as it was."""
    import os

    from sitrep.eval.acled import score

    _write_notes(tmp_path / "data" / "acled_public", [
        ("Kenya", "On 5 March 2021, police clashed with bandits in Nairobi."),
        ("Chad", "On 5 March 2021, soldiers clashed with rebels in Abeche."),
    ])
    monkeypatch.delenv("SITREP_LEARNED_DIR", raising=False)
    (held,) = score(tmp_path / "data", "acled_public", None)
    assert held.key == "acled.acled_public" and held.counts["notes"] == 1 and not held.skipped
    assert held.metrics["event_type_accuracy"] == 1.0
    assert "SITREP_LEARNED_DIR" not in os.environ
