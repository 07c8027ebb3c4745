"""`sitrep export`: formats, filters and errors through the command line."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import _load_commands, app
from sitrep.io.readers import Input
from sitrep.io.writers import EXPORT_COLUMNS
from sitrep.model import Article, Event, Result
from sitrep.store import Store

_load_commands()
runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.duckdb"
    texts = {
        "a-1": ("Gunmen killed two villagers in Kidal on Monday.", "2024-03-04", "Mali", "Violence against civilians"),
        "a-2": ("Protesters marched in Basra on Friday.", "2024-05-10", "Iraq", "Protests"),
    }
    inputs, results = [], []
    for input_id, (text, day, country, event_type) in texts.items():
        item = Input(input_id, article=Article(text=text, id=input_id, published=day))
        event = Event(event_date=day, country=country, event_type=event_type, latitude=1.0, longitude=2.0)
        hypothetical = Event(event_date=day, country=country, event_type=event_type, modality="hypothetical")
        inputs.append(item)
        results.append(Result(id=input_id, events=[event, hypothetical]))
    with Store(path) as store:
        store.write_batch(inputs, results)
    return path


def export(*args):
    return runner.invoke(app, ["export", *map(str, args)])


def test_export_acled_csv_to_stdout_with_filters(db):
    result = export("--db", db, "--country", "iraq")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert [(r["country"], r["x_article_ids"]) for r in rows] == [("Iraq", "a-2")]


def test_export_all_modalities_and_date_range(db):
    result = export("--db", db, "-f", "jsonl", "--all-modalities", "--since", "2024-01-01", "--until", "2024-04-01")
    modalities = sorted(json.loads(line)["x_modality"] for line in result.stdout.splitlines())
    assert modalities == ["asserted", "hypothetical"]


def test_export_parquet_needs_an_output_file(db, tmp_path):
    assert export("--db", db, "-f", "parquet").exit_code != 0
    out = tmp_path / "e.parquet"
    result = export("--db", db, "-f", "parquet", "-o", out)
    assert result.exit_code == 0 and "exported 2 events" in result.stderr
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == 2


def test_export_geojson_to_file(db, tmp_path):
    out = tmp_path / "e.geojson"
    assert export("--db", db, "-f", "geojson", "-o", out).exit_code == 0
    assert len(json.loads(out.read_text())["features"]) == 2


def test_export_canonical_reads_canonical_tables(db):
    with Store(db) as store:
        store.con.execute(
            "INSERT INTO canonical_events (canonical_id, payload, article_ids, sources, created_at, updated_at) "
            """VALUES ('c-9', '{"country": "Mali", "event_date": "2024-03-04"}', [], [], now(), now())"""
        )
    result = export("--db", db, "--canonical", "-f", "jsonl")
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["event_id_cnty"] == "c-9" and row["country"] == "Mali"


def test_export_bad_date_and_missing_store_fail(db, tmp_path):
    assert export("--db", db, "--since", "yesterday").exit_code != 0
    missing = export("--db", tmp_path / "none.duckdb")
    assert missing.exit_code != 0 and "E402" in missing.output
