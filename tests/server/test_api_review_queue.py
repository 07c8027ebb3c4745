"""The review queue: events not yet reviewed, the coder's least sure first."""

from __future__ import annotations

from pathlib import Path

import duckdb
from fastapi.testclient import TestClient
from tests_server_helpers import AUTH, TOKEN

from sitrep.server import create_app


def test_queue_is_least_sure_first_and_drops_reviewed(fresh_store: Path) -> None:
    con = duckdb.connect(str(fresh_store))
    con.execute("UPDATE events SET confidence = 0.9")
    con.execute("UPDATE events SET confidence = 0.3 WHERE event_id = 'a2-000'")
    con.execute("UPDATE events SET confidence = 0.5 WHERE event_id = 'a3-000'")
    con.close()
    with TestClient(create_app(fresh_store, token=TOKEN)) as client:
        assert client.get("/api/reviews/queue").status_code == 401
        queue = client.get("/api/reviews/queue", headers=AUTH).json()["data"]
        assert [r["event_id"] for r in queue[:2]] == ["a2-000", "a3-000"]
        confidences = [r["confidence"] for r in queue]
        assert confidences == sorted(confidences)
        body = {"action": "accept", "reviewer": "amina"}
        assert client.post("/api/events/a2-000/review", json=body, headers=AUTH).status_code == 200
        after = client.get("/api/reviews/queue", headers=AUTH, params={"limit": 1}).json()["data"]
        assert [r["event_id"] for r in after] == ["a3-000"]
