"""Issue #19's acceptance: on a multi-week corpus with one surging province, the CLI and the API flag it
and no quiet one, with the week's count, both baselines and the p-value."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitrep.cli import _load_commands, app
from sitrep.server import create_app

from .corpus import LAST_WEEK, SURGE, build


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[int]]]:
    path = tmp_path_factory.mktemp("alerts") / "surge.duckdb"
    counts = build(path)
    return path, counts


@pytest.fixture(scope="module")
def client(corpus: tuple[Path, dict[str, list[int]]]) -> Any:
    with TestClient(create_app(corpus[0])) as c:
        yield c


def _check(body: dict[str, Any], counts: dict[str, list[int]]) -> None:
    assert body["week"] == LAST_WEEK.isoformat()
    flagged = [(a["admin1"], a["event_type"]) for a in body["alerts"]]
    assert flagged == [SURGE]
    [alert] = body["alerts"]
    history = counts["Ninewa"][:-1]
    assert alert["count"] == 24
    assert alert["avg_4w"] == pytest.approx(sum(history[-4:]) / 4, abs=0.01)
    assert alert["avg_52w"] == pytest.approx(sum(history) / len(history), abs=0.01)
    assert 0 < alert["p_value"] < 1e-4
    assert body["history_weeks"] == len(history)
    assert body["tested"] >= 6


def test_api_flags_the_surge_and_no_quiet_province(client: TestClient, corpus: Any) -> None:
    response = client.get("/api/alerts")
    assert response.status_code == 200, response.text
    _check(response.json(), corpus[1])
    assert response.json()["alerts"][0]["admin1_code"] == "IQ.15"  # joined to the map by GeoNames code


def test_api_week_and_filters(client: TestClient) -> None:
    earlier = client.get("/api/alerts", params={"week": "2025-05-27"}).json()  # a Tuesday: its week's Monday
    assert earlier["week"] == "2025-05-26"
    assert all(a["admin1"] != "Ninewa" for a in earlier["alerts"])
    only_protests = client.get("/api/alerts", params={"event_type": "Protests"}).json()
    assert only_protests["alerts"] == []
    assert client.get("/api/alerts", params={"week": "soon"}).status_code == 422
    assert client.get("/api/alerts", params={"colour": "red"}).status_code == 422


def test_a_looser_threshold_lets_more_through(client: TestClient) -> None:
    loose = client.get("/api/alerts", params={"alpha": "0.5", "min_count": "1"}).json()
    assert len(loose["alerts"]) > 1


def test_cli_json_and_markdown(corpus: Any) -> None:
    _load_commands()
    runner = CliRunner()
    result = runner.invoke(app, ["alerts", "--db", str(corpus[0]), "--format", "json"])
    assert result.exit_code == 0, result.output
    _check(json.loads(result.stdout), corpus[1])
    md = runner.invoke(app, ["alerts", "--db", str(corpus[0]), "--week", LAST_WEEK.isoformat()])
    assert md.exit_code == 0, md.output
    assert "| Iraq | Ninewa | Battles | 24 |" in md.stdout
    assert "Diyala" not in md.stdout
    bad = runner.invoke(app, ["alerts", "--db", str(corpus[0]), "--where", "nonsense=1"])
    assert bad.exit_code == 2


def test_admin1_totals_carry_codes_for_the_map(client: TestClient, corpus: Any) -> None:
    body = client.get("/api/admin1").json()
    by_name = {r["admin1"]: r for r in body["data"]}
    assert by_name["Ninewa"]["events"] == sum(corpus[1]["Ninewa"])
    assert by_name["Ninewa"]["polygon"] == "IQ.15" and by_name["Al Anbar"]["polygon"] == "IQ.01"
    assert body["unmatched"] == 0


def test_map_cells_cover_every_event(client: TestClient, corpus: Any) -> None:
    total = sum(sum(c) for c in corpus[1].values())
    for zoom in (2, 6, 12):
        body = client.get("/api/map", params={"zoom": str(zoom)}).json()
        assert body["events"] == total
    near = client.get("/api/map", params={"zoom": "14"}).json()
    assert any(c["event_id"] for c in near["cells"])
    view = client.get("/api/map", params={"zoom": "8", "bbox": "42.5,35.5,44,37"}).json()
    assert view["events"] == sum(corpus[1]["Ninewa"])
