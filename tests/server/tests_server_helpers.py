"""Helpers for the server tests."""

from __future__ import annotations

from typing import Any

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def ids(rows: list[dict[str, Any]]) -> set[str]:
    return {r["event_id"] for r in rows}
