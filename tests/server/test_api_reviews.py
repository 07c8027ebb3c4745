"""Reviews: accept / correct / reject, who-when-before-after, corrections win, training export."""

from __future__ import annotations

import json
from typing import Any

from tests_server_helpers import AUTH, ids


def _review(client: Any, event_id: str, **body: Any) -> Any:
    return client.post(f"/api/events/{event_id}/review", json={"reviewer": "amina", **body}, headers=AUTH)


def test_review_needs_the_token(client: Any) -> None:
    response = client.post("/api/events/a1-000/review", json={"action": "accept", "reviewer": "x"})
    assert response.status_code == 401
    assert client.get("/api/reviews/export").status_code == 401
    assert client.get("/api/reviews").status_code == 401


def test_correction_is_stored_with_before_and_after_and_wins(writer_client: Any) -> None:
    response = _review(
        writer_client,
        "a1-000",
        action="correct",
        changes={"fatalities": 5, "sub_event_type": "Armed clash"},
        note="toll",
    )
    assert response.status_code == 200, response.text
    detail = response.json()
    assert detail["event"]["fatalities"] == 5 and detail["event"]["review_status"] == "correct"
    assert detail["machine"] == {"fatalities": 4}
    history = {r["field"]: r for r in detail["reviews"]}
    assert history["fatalities"]["before"] == "4" and history["fatalities"]["after"] == "5"
    assert history["fatalities"]["reviewer"] == "amina" and history["fatalities"]["reviewed_at"]
    listed = writer_client.get("/api/events", params={"canonical": "false", "fatalities": "5"}).json()["data"]
    assert ids(listed) == {"a1-000"}


def test_correcting_event_type_moves_the_event_between_filters(writer_client: Any) -> None:
    changes = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    assert _review(writer_client, "a3-000", action="correct", changes=changes).status_code == 200
    battles = writer_client.get(
        "/api/events", params={"canonical": "false", "event_type": "Battles", "country": "Iraq"}
    )
    assert ids(battles.json()["data"]) == {"a1-000"}


def test_reject_hides_the_event_unless_asked(writer_client: Any) -> None:
    assert _review(writer_client, "a2-000", action="reject", note="not an event").status_code == 200
    default = writer_client.get("/api/events", params={"canonical": "false", "country": "Iraq"}).json()["data"]
    assert "a2-000" not in ids(default)
    everything = writer_client.get(
        "/api/events", params={"canonical": "false", "country": "Iraq", "include_rejected": "true"}
    ).json()["data"]
    assert "a2-000" in ids(everything)


def test_canonical_events_take_corrections_too(writer_client: Any) -> None:
    assert _review(writer_client, "c-ramadi", action="correct", changes={"admin1": "Anbar"}).status_code == 200
    rows = writer_client.get("/api/events", params={"canonical": "true", "admin1": "Anbar"}).json()["data"]
    assert ids(rows) == {"c-ramadi"}


def test_corrections_must_come_from_the_codebook(writer_client: Any) -> None:
    cases = [
        ({"event_type": "Skirmish"}, "not in the codebook"),
        ({"sub_event_type": "Peaceful protest"}, "belongs to event_type 'Protests'"),
        ({"fatalities": "several"}, "not an integer"),
        ({"latitude": 123}, "out of range"),
        ({"event_date": "last week"}, "not a date"),
        ({"event_id": "x"}, "cannot be corrected"),
    ]
    for changes, message in cases:
        response = _review(writer_client, "a1-000", action="correct", changes=changes)
        assert response.status_code == 422, changes
        assert message in json.dumps(response.json()["detail"]), changes
    assert _review(writer_client, "a1-000", action="correct", changes={}).status_code == 422
    assert _review(writer_client, "a1-000", action="accept", changes={"fatalities": 1}).status_code == 422
    assert _review(writer_client, "missing", action="accept").status_code == 404


def test_events_reviewed_view_applies_corrections_for_exports(writer_client: Any, fresh_store: Any) -> None:
    _review(writer_client, "a1-000", action="correct", changes={"actor2": None})
    _review(writer_client, "a2-000", action="reject")
    con = writer_client.app.state.db.con
    rows = dict(con.execute("SELECT event_id, actor2 FROM events_reviewed WHERE article_id IN ('a1', 'a2')").fetchall())
    assert "a1-000" in rows and rows["a1-000"] is None  # cleared by the coder
    assert "a2-000" not in rows  # rejected
    assert con.execute("SELECT actor2 FROM events WHERE event_id = 'a1-000'").fetchone()[0] == "Islamic State (Iraq)"


def test_review_export_is_training_data(writer_client: Any) -> None:
    _review(writer_client, "a1-000", action="correct", changes={"fatalities": 6})
    _review(writer_client, "a3-000", action="accept")
    _review(writer_client, "a2-000", action="reject")
    response = writer_client.get("/api/reviews/export", headers=AUTH)
    records = {r["event_id"]: r for r in map(json.loads, response.text.splitlines())}
    assert {k: r["label"] for k, r in records.items()} == {"a1-000": "correct", "a3-000": "accept", "a2-000": "reject"}
    fixed = records["a1-000"]
    assert fixed["changed"] == ["fatalities"]
    assert fixed["machine"]["fatalities"] == 4 and fixed["gold"]["fatalities"] == 6
    assert fixed["sentence"]["text"].startswith("Iraqi forces clashed")
    assert fixed["reviewers"] == ["amina"]


def test_codebook_lists_choices(client: Any) -> None:
    book = client.get("/api/codebook").json()
    assert "Battles" in book["choices"]["event_type"]
    assert book["sub_event_event_type"]["Armed clash"] == "Battles"
    assert "fatalities" in book["fields"]


def test_paging_merges_corrected_rows_into_their_new_place(writer_client: Any) -> None:
    # Move an old Syrian event to the newest date, and reject another one.
    assert _review(writer_client, "a2-030", action="correct", changes={"event_date": "2025-03-10"}).status_code == 200
    assert _review(writer_client, "a2-002", action="reject").status_code == 200
    keys: list[tuple[str | None, str]] = []
    params = {"canonical": "false", "limit": "4", "fields": "event_date"}
    while True:
        body = writer_client.get("/api/events", params=params).json()
        keys += [(r["event_date"], r["event_id"]) for r in body["data"]]
        if not body["next"]:
            break
        params["next"] = body["next"]
    ids = [k[1] for k in keys]
    assert ids[0] == "a2-030" and keys[0][0] == "2025-03-10"
    assert "a2-002" not in ids and len(ids) == len(set(ids)) == 33
    dated = [k for k in keys if k[0]]
    assert dated == sorted(dated, reverse=True)
    pages = [
        writer_client.get("/api/events", params={"canonical": "false", "limit": "4", "page": str(p)}).json()
        for p in (1, 2)
    ]
    assert [r["event_id"] for page in pages for r in page["data"]] == ids[:8]


def test_timestamp_tracks_changes_for_incremental_sync(writer_client: Any) -> None:
    con = writer_client.app.state.db.con
    con.execute("UPDATE events SET timestamp = NULL WHERE event_id = 'a3-000'")  # as the store writes rows
    ingested = con.execute(
        "SELECT CAST(epoch(ingested_at) AS BIGINT) FROM articles WHERE article_id = 'a3'"
    ).fetchone()[0]
    since = {"canonical": "false", "timestamp": str(ingested), "fields": "timestamp"}
    rows = {r["event_id"]: r for r in writer_client.get("/api/events", params=since).json()["data"]}
    assert rows["a3-000"]["timestamp"] == ingested  # an untimed row counts from its article's ingest
    assert "a1-000" not in rows
    before = writer_client.get("/api/events/a1-000").json()["event"]["timestamp"]
    _review(writer_client, "a1-000", action="accept")
    after = writer_client.get("/api/events/a1-000").json()["event"]["timestamp"]
    assert after > before  # a review is a change a sync must pick up
    synced = writer_client.get("/api/events", params={"canonical": "false", "timestamp": str(after)}).json()["data"]
    assert "a1-000" in {r["event_id"] for r in synced}
    canonical = writer_client.get("/api/events", params={"canonical": "true", "fields": "timestamp"}).json()["data"]
    assert all(isinstance(r["timestamp"], int) for r in canonical)  # from the cluster's last update
