"""Exports: ACLED column order, our prefixed extras, filters, modalities, canonical rows, streaming."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_fixtures import GUNMEN, PROTEST, article_input, attack, result_for

from sitrep.errors import SitrepError
from sitrep.io.writers import EXPORT_COLUMNS
from sitrep.model import ACLED_COLUMNS, text_hash
from sitrep.store import EventFilter
from sitrep.store.export import export_schema, record_batches, rows, write_export


@pytest.fixture
def filled(store):
    a = article_input("afp-1", GUNMEN, source="AFP")
    a2 = article_input("reuters-1", GUNMEN, source="Reuters")
    b = article_input("bbc-1", PROTEST, source="BBC")
    store.write_batch(
        [a, a2, b],
        [
            result_for(a, attack(), attack(event_date="2024-03-05", modality="hypothetical")),
            None,
            result_for(
                b,
                attack(
                    event_date="2024-02-01",
                    event_type="Protests",
                    sub_event_type="Peaceful protest",
                    actor1="Protesters (Mali)",
                    actor2=None,
                    admin1="Bamako",
                    latitude=None,
                    longitude=None,
                    fatalities=0,
                ),
            ),
        ],
    )
    return store


def test_acled_csv_has_acled_columns_in_order_then_prefixed_extras(filled):
    out = io.StringIO()
    assert write_export(filled.con, "acled-csv", out) == 2
    table = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(table[0]) == EXPORT_COLUMNS
    assert tuple(table[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert all(c.startswith("x_") for c in table[0][len(ACLED_COLUMNS) :])
    by_type = {r[EXPORT_COLUMNS.index("event_type")]: r for r in table[1:]}
    attack_row = by_type["Violence against civilians"]
    assert attack_row[EXPORT_COLUMNS.index("x_article_ids")] == "afp-1|reuters-1"
    assert attack_row[EXPORT_COLUMNS.index("year")] == "2024"
    assert json.loads(attack_row[EXPORT_COLUMNS.index("x_evidence")])["trigger"] == [7, 13]


def test_only_asserted_events_unless_all_modalities(filled):
    assert [r["x_modality"] for r in rows(filled.con)] == ["asserted", "asserted"]
    every = list(rows(filled.con, EventFilter.build(all_modalities=True)))
    assert sorted(r["x_modality"] for r in every) == ["asserted", "asserted", "hypothetical"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (dict(since="2024-03-01"), ["Violence against civilians"]),
        (dict(until="2024-02-28"), ["Protests"]),
        (dict(country="MALI"), ["Protests", "Violence against civilians"]),
        (dict(admin1="bamako"), ["Protests"]),
        (dict(event_type="protests"), ["Protests"]),
        (dict(actor="armed group"), ["Violence against civilians"]),
        (dict(actor="100%_"), []),
    ],
)
def test_filters_select_events(filled, filters, expected):
    got = sorted(r["event_type"] for r in rows(filled.con, EventFilter.build(**filters)))
    assert got == expected


def test_bad_filter_is_an_error_with_code():
    with pytest.raises(SitrepError) as info:
        EventFilter.build(since="March")
    assert info.value.code == "E401"


def test_parquet_uses_the_shared_export_schema(filled, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert write_export(filled.con, "parquet", None, path=path) == 2
    table = pq.read_table(path)
    assert table.schema.equals(export_schema())
    assert table.column("x_article_ids").to_pylist()[-1] == ["afp-1", "reuters-1"]


def test_geojson_writes_only_located_events(filled):
    out = io.StringIO()
    assert write_export(filled.con, "geojson", out) == 1
    data = json.loads(out.getvalue())
    (feature,) = data["features"]
    assert feature["geometry"]["coordinates"] == [1.41, 18.44]
    assert feature["properties"]["x_article_ids"] == ["afp-1", "reuters-1"]


def test_export_streams_in_record_batches(store):
    items = [article_input(f"id-{i}", f"{GUNMEN} Report number {i}.") for i in range(30)]
    store.write_batch(items, [result_for(i, attack()) for i in items])
    batches = list(record_batches(store.con, batch_rows=8))
    assert len(batches) >= 4 and sum(b.num_rows for b in batches) == 30
    assert all(b.schema.equals(export_schema()) for b in batches)


def test_canonical_export_lists_input_ids_of_all_member_articles(filled):
    gid, pid = text_hash(GUNMEN), text_hash(PROTEST)
    payload = json.dumps({"event_date": "2024-03-04", "event_type": "Violence against civilians", "country": "Mali"})
    filled.con.execute(
        "INSERT INTO canonical_events (canonical_id, payload, article_ids, sources, created_at, updated_at) "
        "VALUES ('c-1', ?, [?, ?], ['AFP', 'BBC'], now(), now())",
        [payload, gid, pid],
    )
    filled.con.execute(
        "INSERT INTO canonical_members (canonical_id, event_id) VALUES ('c-1', ?), ('c-1', ?)",
        [f"{gid}-000", f"{pid}-000"],
    )
    (row,) = rows(filled.con, EventFilter.build(country="mali"), canonical=True)
    assert row["event_id_cnty"] == "c-1" and row["event_date"] == "2024-03-04"
    assert row["x_article_ids"] == ["afp-1", "bbc-1", "reuters-1"]
    assert row["source"] == "AFP; BBC"
    assert list(rows(filled.con, EventFilter.build(country="Iraq"), canonical=True)) == []


def test_exports_apply_coder_corrections_and_leave_out_rejections(filled):
    gid, pid = text_hash(GUNMEN), text_hash(PROTEST)
    filled.con.execute(
        "INSERT INTO reviews (review_id, event_id, action, field, before, after, reviewer, reviewed_at) VALUES "
        "('r1', ?, 'correct', 'fatalities', '2', '5', 'ana', now()), ('r2', ?, 'reject', NULL, NULL, NULL, 'ana', now())",
        [f"{gid}-000", f"{pid}-000"],
    )
    # The API materialises reviewed rows after each review (schema.sql: events_corrected -> reviewed_events).
    filled.con.execute("INSERT INTO reviewed_events BY NAME SELECT * FROM events_corrected")
    (row,) = rows(filled.con)
    assert row["x_event_id"] == f"{gid}-000" and row["fatalities"] == 5


def test_canonical_export_applies_reviews_of_canonical_events(filled):
    for cid, country in (("c-1", "Mali"), ("c-2", "Mali")):
        filled.con.execute(
            "INSERT INTO canonical_events (canonical_id, payload, article_ids, sources) VALUES (?, ?, [], [])",
            [cid, json.dumps({"event_date": "2024-03-04", "country": country, "source": ""})],
        )
    filled.con.execute(
        "INSERT INTO reviews (review_id, event_id, action, field, before, after, reviewer, reviewed_at) VALUES "
        "('r1', 'c-1', 'correct', 'country', 'Mali', 'Niger', 'ana', now()), "
        "('r2', 'c-2', 'reject', NULL, NULL, NULL, 'ana', now())"
    )
    (row,) = rows(filled.con, canonical=True)
    assert (row["event_id_cnty"], row["country"]) == ("c-1", "Niger")
    assert [r["event_id_cnty"] for r in rows(filled.con, EventFilter.build(country="niger"), canonical=True)] == ["c-1"]
