"""``POST /api/articles`` under ``serve --watch``: posts go through the durable queue the watcher drains."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.engines.local import LocalEngine
from sitrep.feeds import Fetcher
from sitrep.feeds.fetcher import FetchPolicy
from sitrep.server import create_app
from sitrep.server.feeds import attach_watcher
from sitrep.store.db import Store

AUTH = {"Authorization": "Bearer t"}
WIRE = {
    "id": "wire-9",
    "title": "Clashes near Kirkuk",
    "published": "2025-03-10",
    "country": "Iraq",
    "text": "Clashes near Kirkuk\n\nIraqi soldiers clashed with Islamic State militants near Kirkuk on Sunday, "
    "killing two militants, the army said.",
}


@pytest.fixture()
def watching(tmp_path: Path) -> Iterator[tuple[TestClient, Any]]:
    db = tmp_path / "live.duckdb"
    Store(db).close()
    app = create_app(db, token="t")
    policy = FetchPolicy(host_interval=0.0, timeout=0.5, retries=0, backoff=0.05, max_bytes=100_000)
    with LocalEngine() as engine:
        watcher = attach_watcher(app, engine, Fetcher(policy), tick=0.2)
        with TestClient(app) as client:
            yield client, watcher


def wait_processed(client: TestClient, count: int, limit: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        queue = client.get("/api/feeds").json()["queue"]
        if queue["processed"] >= count and queue["fetched"] == 0:
            return dict(queue)
        time.sleep(0.2)
    raise AssertionError("the watcher did not process the posted articles")


def test_posted_articles_are_queued_then_become_events(watching: tuple[TestClient, Any]) -> None:
    client, _ = watching
    response = client.post("/api/articles", json=WIRE, headers=AUTH)
    assert response.status_code == 202
    body = response.json()
    assert body["queued"] == 1 and body["articles"][0]["input_id"] == "wire-9"
    wait_processed(client, 1)
    stored = client.get("/api/articles/wire-9").json()
    assert stored["article"]["input_ids"] == ["wire-9"]
    assert any(e["modality"] == "asserted" and e["country"] == "Iraq" for e in stored["events"])


def test_the_same_text_is_queued_once_and_a_new_text_becomes_a_version(watching: tuple[TestClient, Any]) -> None:
    client, _ = watching
    first = client.post("/api/articles", json={"articles": [WIRE, WIRE]}, headers=AUTH).json()
    assert len({a["item_key"] for a in first["articles"]}) == 1
    wait_processed(client, 1)
    assert client.post("/api/articles", json=WIRE, headers=AUTH).json()["queue"]["fetched"] == 0
    changed = {**WIRE, "text": WIRE["text"].replace("two militants", "three militants")}
    client.post("/api/articles", json=changed, headers=AUTH)
    wait_processed(client, 2)
    stored = client.get("/api/articles/wire-9").json()["article"]
    assert "three militants" in stored["text"] and stored["version"] == 2


def test_an_empty_post_is_refused_without_queueing(watching: tuple[TestClient, Any]) -> None:
    client, _ = watching
    body = client.post("/api/articles", json={"id": "blank", "text": "   "}, headers=AUTH).json()
    assert body["queued"] == 0 and body["articles"][0]["state"] == "refused"
    assert body["articles"][0]["errors"][0]["code"].startswith("E1")
    assert body["queue"] == {"fetched": 0, "processed": 0, "failed": 0}
    assert client.post("/api/articles", json={"text": "x"}).status_code == 401
