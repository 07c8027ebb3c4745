"""GET /api/stats: weekly × type counts, admin1 and actor tallies, change vs 4/52-week averages."""

from __future__ import annotations

from typing import Any


def test_stats_counts_by_week_admin1_and_actor(client: Any) -> None:
    stats = client.get("/api/stats", params={"canonical": "false"}).json()
    assert stats["events"] == 34
    weeks = {(r["week"], r["event_type"]): r["count"] for r in stats["weekly"]}
    assert weeks[("2025-03-03", "Battles")] == 2  # weeks start on Monday
    assert weeks[("2025-02-24", "Protests")] == 1
    admin1 = {(r["country"], r["admin1"]): r["count"] for r in stats["by_admin1"]}
    assert admin1[("Syria", "Idlib")] == 31 and admin1[("Iraq", "Al Anbar")] == 2
    actors = {r["actor"]: r["count"] for r in stats["by_actor"]}
    assert actors["Military Forces of Syria (2024-)"] == 31
    assert actors["Islamic State (Iraq)"] == 2


def test_stats_change_against_four_and_fifty_two_week_averages(client: Any) -> None:
    change = client.get("/api/stats", params={"canonical": "false"}).json()["change"]
    assert change["week"] == "2025-03-03"
    # The four weeks before hold 1 protest + 4 weekly Syrian events: 1.25 a week.
    assert change["total"]["count"] == 2 and change["total"]["avg_4w"] == 1.25
    assert change["total"]["change_4w_pct"] == 60.0
    assert change["total"]["avg_52w"] == round(31 / 52, 2)


def test_stats_take_the_event_filters_and_as_of(client: Any) -> None:
    stats = client.get("/api/stats", params={"canonical": "false", "country": "Syria", "as_of": "2025-02-26"}).json()
    assert stats["events"] == 31
    assert stats["change"]["week"] == "2025-02-24"
    assert client.get("/api/stats", params={"as_of": "soon"}).status_code == 422
    assert client.get("/api/stats", params={"country": "' OR 1=1 --"}).json()["events"] == 0
