"""GET /api/events and /api/events/{id} against a small store."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from tests_server_helpers import ids


def test_events_default_to_deduplicated_events_once_dedup_ran(client: Any) -> None:
    body = client.get("/api/events").json()
    assert body["canonical"] is True
    assert {r["event_id"] for r in body["data"]} == {"c-ramadi", "c-basra"}
    assert set(body) >= {"count", "data", "next"}
    assert body["data"][0]["sources"] == ["Wire One", "Times Three"]


def test_events_filter_by_column_names_like_acled(client: Any) -> None:
    rows = client.get("/api/events", params={"canonical": "false", "country": "Iraq", "event_type": "Battles"}).json()[
        "data"
    ]
    assert ids(rows) == {"a1-000", "a3-000"}  # the hypothetical a1-001 is not a claim that it happened
    rows = client.get("/api/events", params={"canonical": "false", "country": "Iraq|Syria", "limit": 100}).json()[
        "data"
    ]
    assert len(rows) == 34  # the superseded version's a0-000 is not listed
    rows = client.get("/api/events", params={"canonical": "false", "interaction": "60"}).json()["data"]
    assert ids(rows) == {"a2-000"}


def test_events_date_ranges_use_between(client: Any) -> None:
    params = {"canonical": "false", "event_date": "2025-02-01|2025-03-01", "event_date_where": "BETWEEN"}
    rows = client.get("/api/events", params=params).json()["data"]
    assert rows and all("2025-02-01" <= r["event_date"] <= "2025-03-01" for r in rows)


def test_events_modality_filter_reaches_non_asserted_codings(client: Any) -> None:
    rows = client.get("/api/events", params={"canonical": "false", "modality": "hypothetical"}).json()["data"]
    assert ids(rows) == {"a1-001"}


def test_events_fields_pick_columns(client: Any) -> None:
    rows = client.get("/api/events", params={"fields": "country|fatalities", "canonical": "false"}).json()["data"]
    assert set(rows[0]) == {"event_id", "country", "fatalities"}


def test_events_timestamp_returns_rows_stored_since(client: Any) -> None:
    rows = client.get("/api/events", params={"canonical": "false", "timestamp": "1700000200"}).json()["data"]
    assert ids(rows) == {"a2-000", "a3-000"}


def test_events_cursor_pages_through_everything_once(client: Any) -> None:
    seen: list[str] = []
    keys: list[tuple[str, str]] = []
    params: dict[str, str] = {"canonical": "false", "limit": "7", "fields": "event_date"}
    pages = 0
    while True:
        body = client.get("/api/events", params=params).json()
        seen += [r["event_id"] for r in body["data"]]
        keys += [(r["event_date"], r["event_id"]) for r in body["data"]]
        pages += 1
        if not body["next"]:
            break
        params["next"] = body["next"]
    assert pages == 5 and len(seen) == 34 == len(set(seen))
    assert seen[-1] == "a2-031"  # undated: last
    dated = keys[:-1]
    assert dated == sorted(dated, reverse=True)  # newest first, ties broken by id
    offset = client.get("/api/events", params={"canonical": "false", "limit": "7", "page": "2"}).json()["data"]
    assert [r["event_id"] for r in offset] == seen[7:14]


def test_events_injection_probe_finds_nothing(client: Any) -> None:
    for params in ({"country": "' OR 1=1 --"}, {"country": "Iraq' OR '1'='1", "canonical": "false"}):
        response = client.get("/api/events", params=params)
        assert response.status_code == 200
        assert response.json()["data"] == []
    response = client.get("/api/events", params={"country;--": "x"})
    assert response.status_code == 422


def test_events_bad_filters_are_422_with_a_message(client: Any) -> None:
    cases = {
        "fatalities=lots": "not an integer",
        "limit=5001": "less than or equal to 5000",
        "limit=abc": "valid integer",
        "format=xml": "'json', 'csv', 'ndjson' or 'geojson'",
        "_format=xml": "is not one of",
        "next=garbage": "not a cursor",
        "canonical=maybe": "valid boolean",
        "page=2&next=WyJ4Il0": "either page or next",
    }
    for query, message in cases.items():
        response = client.get(f"/api/events?{query}")
        assert response.status_code == 422, query
        assert message in str(response.json()["detail"]), query


def test_events_csv_is_streamed_with_the_chosen_columns(client: Any) -> None:
    response = client.get("/api/events", params={"format": "csv", "canonical": "false", "fields": "country|event_type"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 34 and set(rows[0]) == {"event_id", "country", "event_type"}


def test_events_ndjson_and_geojson_formats(client: Any) -> None:
    lines = client.get("/api/events", params={"format": "ndjson", "canonical": "false", "limit": "5"}).text.splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["event_id"]
    geo = client.get("/api/events", params={"format": "geojson", "country": "Iraq", "canonical": "false"}).json()
    assert geo["type"] == "FeatureCollection"
    assert {f["properties"]["event_id"] for f in geo["features"]} == {"a1-000", "a2-000", "a3-000"}
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 40 < lon < 50 and 29 < lat < 35


def test_event_detail_has_evidence_sources_and_duplicates(client: Any) -> None:
    detail = client.get("/api/events/a1-000").json()
    assert detail["kind"] == "event" and detail["canonical_id"] == "c-ramadi"
    source = detail["sources"][0]
    assert source["sentence"]["text"].startswith("Iraqi forces clashed")
    spans = {h["field"]: h for h in source["highlights"]}
    actor = spans["actor1"]
    assert source["sentence"]["text"][actor["rel_start"] : actor["rel_end"]] == "Iraqi forces"
    assert detail["possible_duplicates"][0]["event_id"] == "a2-000"
    assert detail["possible_duplicates"][0]["score"] == 0.41
    assert detail["same_event"] == ["a3-000"]


def test_canonical_event_detail_lists_every_source(client: Any) -> None:
    detail = client.get("/api/events/c-ramadi").json()
    assert detail["kind"] == "canonical"
    assert [s["source"] for s in detail["sources"]] == ["Wire One", "Times Three"]
    assert all(s["sentence"]["text"] for s in detail["sources"])
    assert detail["possible_duplicates"][0]["event_id"] == "c-basra"  # links to the other canonical event


def test_unknown_event_is_404(client: Any) -> None:
    assert client.get("/api/events/nope").status_code == 404


def test_openapi_documents_the_endpoints(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats"} <= set(paths)


def test_events_rows_lead_with_acled_columns_in_acled_order(client: Any) -> None:
    from sitrep.model import ACLED_COLUMNS

    row = client.get("/api/events", params={"canonical": "false", "limit": "1"}).json()["data"][0]
    assert tuple(row)[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert row["event_id_cnty"] == row["event_id"] and row["year"] == int(row["event_date"][:4])
    header = client.get("/api/events", params={"canonical": "false", "format": "csv"}).text.splitlines()[0]
    assert header.startswith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type")


def test_events_total_counts_every_match_when_asked(client: Any) -> None:
    body = client.get("/api/events", params={"canonical": "false", "limit": "5", "total": "true"}).json()
    assert body["count"] == 5 and body["total"] == 34
    follow = client.get(
        "/api/events", params={"canonical": "false", "limit": "5", "total": "true", "next": body["next"]}
    )
    assert follow.json()["total"] == 34  # the cursor pages; the total stays the whole match
    assert "total" not in client.get("/api/events", params={"limit": "5"}).json()
