import csv
import io
import json

import pytest

from sitrep.io.writers import EXPORT_COLUMNS, event_row, write_acled_csv, write_geojson, write_results
from sitrep.model import ACLED_COLUMNS, Event, Result


def sample_event(**overrides):
    base = dict(
        event_id="art:0",
        article_id="art",
        event_date="2020-05-08",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Islamic State (Iraq)",
        country="Iraq",
        admin1="Al Anbar",
        latitude=33.4,
        longitude=43.3,
        fatalities=3,
        evidence={"sentence": [0, 20]},
    )
    base.update(overrides)
    return Event(**base)


def test_acled_csv_header_is_acled_columns_in_order_then_prefixed_extras():
    out = io.StringIO()
    write_acled_csv([event_row(sample_event())], out)
    header = next(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert all(h.startswith("x_") for h in header[len(ACLED_COLUMNS) :])
    assert tuple(header) == EXPORT_COLUMNS


def test_event_row_derives_year_and_lists_article_ids():
    row = event_row(sample_event())
    assert row["year"] == 2020
    assert row["event_id_cnty"] == "art:0"
    assert row["x_article_ids"] == ["art"]


def test_geojson_skips_events_without_coordinates():
    out = io.StringIO()
    n = write_geojson([event_row(sample_event()), event_row(sample_event(latitude=None, longitude=None))], out)
    data = json.loads(out.getvalue())
    assert n == 1 and len(data["features"]) == 1
    assert data["features"][0]["geometry"]["coordinates"] == [43.3, 33.4]


def test_csv_export_leaves_out_non_asserted_events_unless_asked():
    result = Result(id="a", events=[sample_event(), sample_event(event_id="art:1", modality="hypothetical")])
    out = io.StringIO()
    assert write_results([result], "acled-csv", out) == 1
    out = io.StringIO()
    assert write_results([result], "acled-csv", out, include_all=True) == 2


def test_jsonl_and_json_write_the_text_of_each_results_to_dict():
    from sitrep.model import Actor, DateMention, ErrorInfo, Mention, Place, Quote

    result = Result(
        id="art",
        published="2020-05-08",
        events=[sample_event(), sample_event(event_id="art:1", evidence={"sentence": [3, 9], "actor1": (3, 5)})],
        actors=[Actor(text="IS", start=0, end=2, name="Islamic State (Iraq)", inter=2)],
        places=[Place(text="Ramadi", start=10, end=16, latitude=33.42, longitude=43.3)],
        quotes=[Quote(text="\u201cWe will\u201d", start=20, end=30, speaker="Ayed")],
        entities=[Mention(text="Ramadi", start=10, end=16, label="GPE")],
        dates=[DateMention(text="Monday", start=31, end=37, date="2020-05-04")],
        errors=[ErrorInfo(code="W200", message="a stage failed")],
    )
    for fmt, expected in (
        ("jsonl", json.dumps(result.to_dict(), ensure_ascii=False) + "\n"),
        ("json", json.dumps([result.to_dict()], ensure_ascii=False, indent=2) + "\n"),
    ):
        out = io.StringIO()
        write_results([result], fmt, out)
        assert out.getvalue() == expected


def test_a_value_json_cannot_write_fails_the_jsonl_writer_as_before():
    result = Result(id="art", events=[sample_event(evidence={"when": {1, 2}})])
    with pytest.raises(TypeError):
        json.dumps(result.to_dict())
    with pytest.raises(TypeError):
        write_results([result], "jsonl", io.StringIO())
