"""Possible duplicates listed for review, and reviewers' verdicts recorded through the API."""

from __future__ import annotations

from typing import Any

import duckdb
from tests_server_helpers import AUTH


def test_duplicates_lists_the_pairs_the_dedup_left_apart_most_likely_first(client: Any) -> None:
    pairs = client.get("/api/duplicates").json()["duplicates"]
    assert pairs[0]["event_a"] == "a1-000" and pairs[0]["event_b"] == "a2-000"
    assert pairs[0]["canonical_a"] == "c-ramadi" and pairs[0]["reasons"] == {"date": "3 days apart"}
    assert [p["score"] for p in pairs] == sorted((p["score"] for p in pairs), reverse=True)


def test_duplicates_verdict_needs_the_token(writer_client: Any) -> None:
    body = {"event_a": "a1-000", "event_b": "a2-000", "same": True}
    assert writer_client.post("/api/duplicates/verdict", json=body).status_code == 401


def test_duplicates_verdict_is_stored_and_leaves_the_list(writer_client: Any, fresh_store: Any) -> None:
    body = {"event_a": "a2-000", "event_b": "a1-000", "same": False}
    answer = writer_client.post("/api/duplicates/verdict", json=body, headers=AUTH)
    assert answer.status_code == 200
    assert answer.json() == {"event_a": "a1-000", "event_b": "a2-000", "same": False,
                             "effect": "kept apart from now on"}
    assert writer_client.get("/api/duplicates").json()["duplicates"] == []
    writer_client.app.state.db.close()  # the API holds the store open; read what it wrote
    con = duckdb.connect(str(fresh_store), read_only=True)
    assert con.execute("SELECT event_a, event_b, same FROM dedup_decisions").fetchall() == [("a1-000", "a2-000", False)]


def test_duplicates_verdict_on_unknown_or_identical_events_says_why(writer_client: Any) -> None:
    unknown = {"event_a": "a1-000", "event_b": "nope-000", "same": True}
    answer = writer_client.post("/api/duplicates/verdict", json=unknown, headers=AUTH)
    assert answer.status_code == 404 and "nope-000" in answer.json()["detail"]
    same = {"event_a": "a1-000", "event_b": "a1-000", "same": True}
    assert writer_client.post("/api/duplicates/verdict", json=same, headers=AUTH).status_code == 422
