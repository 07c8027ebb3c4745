"""ACLED's read endpoints: filters, fields, monadic rows, CSV, error shape, injection probes, access."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests_server_helpers import AUTH, TOKEN

from sitrep.server import create_app

ENDPOINTS = ("acled", "deleted", "actor", "actortype", "country", "region")


def test_events_filter_and_page_like_acled(client: Any) -> None:
    body = client.get(
        "/api/acled/read",
        params={"country": "Syria", "event_date": "2025-01-01|2025-02-28", "event_date_where": "BETWEEN",
                "x_canonical": "false", "limit": "3", "page": "2", "fields": "event_id_cnty|event_date|x_modality"},
    ).json()
    assert body["success"] is True and body["status"] == 200 and body["count"] == 3
    assert list(body["data"][0]) == ["event_id_cnty", "event_date", "x_modality"]
    assert all("2025-01-01" <= r["event_date"] <= "2025-02-28" for r in body["data"])
    plain = client.get("/api/acled/read", params={"limit": "1"}).json()["data"][0]
    assert not [k for k in plain if k.startswith("x_")]  # ours only when asked for
    assert plain["assoc_actor_1"] == ""  # ACLED writes empty text as ""


def test_monadic_gives_one_row_per_actor(client: Any) -> None:
    params = {"event_id_cnty": "a1-000", "x_canonical": "false", "export_type": "monadic"}
    rows = client.get("/api/acled/read", params=params).json()["data"]
    assert [(r["actor1"], r["inter1"]) for r in rows] == [
        ("Military Forces of Iraq (2020-)", 1),
        ("Islamic State (Iraq)", 2),
    ]
    assert "actor2" not in rows[0]


def test_csv_has_acled_columns_in_order(client: Any) -> None:
    response = client.get("/api/acled/read", params={"_format": "csv", "country": "Iraq", "x_canonical": "false"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:3] == ["event_id_cnty", "event_date", "year"] and rows[0][-1] == "timestamp"
    assert len(rows) == 1 + 3
    listed = client.get("/api/country/read", params={"_format": "csv"}).text.splitlines()
    assert listed[0] == "country,iso,iso3,first_event_date,last_event_date,event_count"


def test_bad_parameters_are_acleds_error_shape_never_500(client: Any) -> None:
    bad = [
        ("acled", {"fatalities": "lots"}),
        ("acled", {"limit": "abc"}),
        ("acled", {"_format": "xml"}),
        ("acled", {"event_date": "2025-01-01", "event_date_where": "BETWEEN"}),
        ("acled", {"event_date_where": "DROP"}),
        ("acled", {"iso": "99999999999999999999999"}),
        ("acled", {"latitude": "nan"}),
        ("acled", {"region": "99"}),
        ("acled", {"fields": "event_id_cnty|password"}),
        ("acled", {"export_type": "triadic"}),
        ("acled", {"timestamp": "2025-13-45"}),
        ("deleted", {"deleted_timestamp": "yesterday"}),
        ("actor", {"event_count": "many"}),
        ("actor", {"actor_name": "x", "actor_name_where": ">>"}),
        ("country", {"iso": "1", "iso_where": "LIKE"}),
        ("region", {"page": "0"}),
        ("actortype", {"nonsense": "1"}),
    ]
    for endpoint, params in bad:
        response = client.get(f"/api/{endpoint}/read", params=params)
        assert response.status_code == 400, (endpoint, params, response.text)
        body = response.json()
        assert body["success"] is False and body["status"] == 400, body
        assert body["error"][0]["message"] and body["error"][0]["code"] == "E401"


def test_injection_probes_find_nothing_on_acled_endpoints(client: Any) -> None:
    for endpoint, name in (("acled", "country"), ("deleted", "event_id_cnty"), ("actor", "actor_name"),
                           ("country", "country"), ("acled", "actor1")):
        for probe in ("' OR 1=1 --", "Iraq' OR '1'='1", "x'); DROP TABLE events; --"):
            response = client.get(f"/api/{endpoint}/read", params={name: probe})
            assert response.status_code == 200 and response.json()["data"] == [], (endpoint, probe)
    for endpoint in ENDPOINTS:
        assert client.get(f"/api/{endpoint}/read", params={"country;--": "x"}).status_code == 400
    assert client.get("/api/meta").json()["counts"]["events"] > 0  # nothing was dropped


@pytest.fixture()
def private_client(fresh_store: Path) -> Any:
    with TestClient(create_app(fresh_store, token=TOKEN, public_reads=False)) as c:
        yield c


def test_reads_need_the_token_when_not_public(private_client: Any) -> None:
    for endpoint in ENDPOINTS:
        denied = private_client.get(f"/api/{endpoint}/read")
        assert denied.status_code == 401 and denied.json()["success"] is False
        assert private_client.get(f"/api/{endpoint}/read", params={"key": "nope", "email": "a@b"}).status_code == 401
        assert private_client.get(f"/api/{endpoint}/read", params={"key": TOKEN, "email": "a@b"}).status_code == 200
        assert private_client.get(f"/api/{endpoint}/read", headers=AUTH).status_code == 200
