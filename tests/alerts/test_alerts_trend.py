"""The province trend behind a surge alert (/api/alerts/trend): weekly counts by event type with the baselines,
and the weeks it marks as surges are exactly the ones /api/alerts flags for the same filters."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.server import create_app

from .corpus import LAST_WEEK, PROVINCES, SURGE, build


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[int]]]:
    path = tmp_path_factory.mktemp("trend") / "surge.duckdb"
    return path, build(path)


@pytest.fixture(scope="module")
def client(corpus: tuple[Path, dict[str, list[int]]]) -> Any:
    with TestClient(create_app(corpus[0])) as c:
        yield c


def test_trend_of_the_surging_province_ends_in_its_surge(client: TestClient, corpus: Any) -> None:
    counts = corpus[1]["Ninewa"]
    body = client.get("/api/alerts/trend", params={"country": "Iraq", "admin1": "Ninewa"}).json()
    assert body["week"] == LAST_WEEK.isoformat()
    assert len(body["weeks"]) == 26 and body["weeks"][-1] == LAST_WEEK.isoformat()
    assert body["total"]["counts"] == counts[-26:]
    [battles] = body["by_event_type"]
    assert battles["event_type"] == SURGE[1] and battles["counts"] == counts[-26:]
    assert battles["surge"][-1] is True
    history = counts[:-1]
    assert battles["avg_4w"][-1] == pytest.approx(sum(history[-4:]) / 4, abs=0.01)
    assert battles["avg_52w"][-1] == pytest.approx(sum(history) / len(history), abs=0.01)
    [alert] = client.get("/api/alerts", params={"country": "Iraq", "admin1": "Ninewa"}).json()["alerts"]
    assert battles["baseline"][-1] == alert["baseline"]


@pytest.mark.parametrize("province", sorted(PROVINCES))
def test_trend_marks_the_weeks_the_alerts_flag(client: TestClient, province: str) -> None:
    where = {"country": "Iraq", "admin1": province}
    body = client.get("/api/alerts/trend", params={**where, "weeks": 8}).json()
    [series] = body["by_event_type"]
    for week, surged in zip(body["weeks"], series["surge"], strict=True):
        flagged = client.get("/api/alerts", params={**where, "week": week}).json()["alerts"]
        assert surged == bool(flagged), (province, week)
    assert series["surge"][-1] == (province == SURGE[0])  # quiet provinces, the volatile one included


def test_trend_window_and_bad_parameters(client: TestClient) -> None:
    earlier = (LAST_WEEK - timedelta(weeks=3)).isoformat()
    body = client.get("/api/alerts/trend", params={"weeks": 4, "week": earlier}).json()
    assert body["weeks"][-1] == earlier and len(body["weeks"]) == 4
    assert sum(s["counts"][-1] for s in body["by_event_type"]) == body["total"]["counts"][-1]
    assert client.get("/api/alerts/trend", params={"weeks": 0}).status_code == 422
    assert client.get("/api/alerts/trend", params={"week": "soon"}).status_code == 422
    empty = client.get("/api/alerts/trend", params={"country": "Atlantis"}).json()
    assert empty["week"] is None and empty["by_event_type"] == [] and empty["weeks"] == []
