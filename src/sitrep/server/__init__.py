"""The HTTP API and the dashboard: ``create_app(db_path)`` or ``sitrep serve``."""

from __future__ import annotations

from sitrep.server.app import create_app

__all__ = ["create_app"]
