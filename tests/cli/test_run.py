"""`sitrep run --engine local`: the partitioned Parquet layout, the quarantine, and dedup over the output."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from sitrep.cli import _load_commands, app
from sitrep.engines import batch as B
from sitrep.engines import runfiles as RF

_load_commands()
runner = CliRunner()

SAMPLES = Path(B.__file__).resolve().parents[1] / "samples" / "corpus.jsonl"


def write_corpus(folder: Path) -> Path:
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()[:6]
    folder.mkdir()
    (folder / "news.jsonl").write_text("\n".join([*lines, "{broken", ""]) + "\n", encoding="utf-8")
    return folder


def test_run_local_writes_events_articles_quarantine_and_canonical(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", "--input", str(corpus), "--output", str(out), "--dedupe"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["engine"] == "local" and summary["inputs"] == 8
    assert summary["articles"] + summary["quarantined"] == 8
    assert json.loads((out / B.SUMMARY_FILE).read_text())["events"] == summary["events"] > 0
    events = RF.read_events(out)
    assert events.num_rows == summary["events"]
    assert all(p.parent.name.startswith("month=") for p in (out / "events").rglob("*.parquet"))
    codes = {q["input_id"]: q["code"] for q in RF.read_quarantine(out).to_pylist()}
    assert codes["news.jsonl:7"] == "E100" and codes["news.jsonl:8"] == "E102"
    members = pq.read_table(out / "canonical" / "canonical_members.parquet").to_pylist()
    asserted = [e for e in events.to_pylist() if e["x_modality"] == "asserted"]
    assert {m["event_id"] for m in members} == {e["x_event_id"] for e in asserted}
    assert summary["dedup"]["canonical_events"] <= len(asserted)


def test_run_refuses_to_replace_output_unless_told(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    args = ["run", "--input", str(corpus), "--output", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "E500" in again.output
    assert runner.invoke(app, [*args, "--overwrite"]).exit_code == 0


def test_run_rejects_malformed_spark_settings(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["run", "--engine", "spark", "--input", str(tmp_path), "--output", str(tmp_path / "o"), "--conf", "nokey"]
    )
    assert result.exit_code != 0 and "KEY=VALUE" in result.output


def test_run_loaded_into_a_store_exports_the_same_events(tmp_path: Path) -> None:
    from sitrep.store import Store
    from sitrep.store.export import write_export

    corpus = write_corpus(tmp_path / "in")
    out, db = tmp_path / "out", tmp_path / "store.duckdb"
    result = runner.invoke(app, ["run", "--input", str(corpus), "--output", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    loaded = json.loads(result.stdout.strip().splitlines()[-1])["store"]
    assert loaded["quarantined"] == 2 and loaded["events"] > 0
    with Store(db) as store:
        write_export(store.con, "parquet", None, path=tmp_path / "export.parquet")
    exported = pq.read_table(tmp_path / "export.parquet").sort_by("x_event_id").to_pylist()
    ours = [r for r in RF.read_events(out).drop_columns(["month"]).to_pylist() if r["x_modality"] == "asserted"]
    assert exported and exported == ours  # the store's default export: asserted events, same columns and values
