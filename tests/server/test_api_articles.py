"""GET /api/articles/{id} (spans) and POST /api/articles (ingest, token-guarded)."""

from __future__ import annotations

from typing import Any

from tests_server_helpers import AUTH


def test_article_has_every_kind_of_span(client: Any) -> None:
    body = client.get("/api/articles/a1").json()
    text = body["article"]["text"]
    kinds = {s["kind"] for s in body["spans"]}
    assert {"actor", "place", "date", "quote", "speaker", "event", "evidence"} <= kinds
    quote = next(s for s in body["spans"] if s["kind"] == "quote")
    assert text[quote["start"] : quote["end"]] == '"We will not stop,"'
    assert quote["label"] == "Ali Hassan"
    speaker = next(s for s in body["spans"] if s["kind"] == "speaker")
    assert text[speaker["start"] : speaker["end"]] == "Colonel Ali Hassan"
    assert {e["event_id"] for e in body["events"]} == {"a1-000", "a1-001"}


def test_article_is_found_by_the_input_id_too(client: Any) -> None:
    assert client.get("/api/articles/in-a2").json()["article"]["article_id"] == "a2"
    assert client.get("/api/articles/missing").status_code == 404


def test_article_text_comes_back_verbatim_for_the_page_to_escape(client: Any) -> None:
    text = client.get("/api/articles/a2").json()["article"]["text"]
    assert "<script>alert(1)</script>" in text


def test_ingest_needs_the_token(client: Any) -> None:
    body = {"text": "Police arrested ten protesters in Baghdad on Sunday."}
    assert client.post("/api/articles", json=body).status_code == 401
    assert client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/articles", json=body, headers={"Authorization": "Basic abc"}).status_code == 401


def test_writes_are_refused_when_no_token_is_configured(store_path: Any) -> None:
    from fastapi.testclient import TestClient

    from sitrep.server import create_app

    with TestClient(create_app(store_path, token="")) as anonymous:
        response = anonymous.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer "})
        assert response.status_code == 401
        assert anonymous.get("/api/meta").json()["writes_enabled"] is False


def test_ingest_runs_the_pipeline_and_stores_the_article(writer_client: Any) -> None:
    article = {
        "id": "wire-77",
        "title": "Clashes in Kirkuk",
        "source": "Test Wire",
        "published": "2025-03-10",
        "text": "Clashes in Kirkuk\n\nIraqi soldiers clashed with Islamic State militants near Kirkuk on Sunday, "
        "killing two militants, the army said.",
    }
    response = writer_client.post("/api/articles", json=article, headers=AUTH)
    assert response.status_code == 201
    body = response.json()
    assert body["summary"]["new"] == 1
    article_id = body["articles"][0]["article_id"]
    stored = writer_client.get(f"/api/articles/{article_id}").json()
    assert stored["article"]["input_ids"] == ["wire-77"]
    assert stored["article"]["title"] == "Clashes in Kirkuk"
    # Dedup ran incrementally: each new event is in a canonical event the list can show.
    new_events = {e["event_id"]: e for e in stored["events"] if e["modality"] == "asserted"}
    assert new_events and all(e["canonical_id"] for e in new_events.values())
    canonical = writer_client.get("/api/events", params={"canonical": "true", "limit": "100"}).json()["data"]
    assert {e["canonical_id"] for e in new_events.values()} <= {r["event_id"] for r in canonical}
    again = writer_client.post("/api/articles", json={"articles": [article]}, headers=AUTH).json()
    assert again["summary"]["new"] == 0 and again["summary"]["unchanged"] == 1


def test_ingest_validates_the_body(writer_client: Any) -> None:
    assert writer_client.post("/api/articles", json={"title": "no text"}, headers=AUTH).status_code == 422
    empty = writer_client.post("/api/articles", json={"text": "   "}, headers=AUTH).json()
    assert empty["summary"]["quarantined"] == 1 and empty["articles"][0]["errors"]
