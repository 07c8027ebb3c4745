"""The server's admin1 resolver answers from the index it has while a stale one is rebuilt in the background:
a gazetteer rebuilt since the index must not hold the dashboard's provinces and surges for a minute."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from sitrep.alerts import admin1

INDEX = {"countries": {"iraq": "IQ"}, "exact": {"IQ": {"ninewa": "IQ.15"}}, "loose": {}}


@pytest.fixture()
def stale_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    index = tmp_path / "admin1_index.json"
    index.write_text(json.dumps(INDEX), encoding="utf-8")
    gazetteer = tmp_path / "gazetteer.cache"
    gazetteer.write_text("rebuilt", encoding="utf-8")
    os.utime(index, (time.time() - 60, time.time() - 60))  # the gazetteer is newer than the index
    release = threading.Event()
    calls: list[str] = []

    def slow_rebuild(rebuild: bool = False) -> dict[str, Any]:
        calls.append("rebuild")
        release.wait(10)
        return INDEX

    monkeypatch.setattr(admin1, "index_path", lambda: index)
    monkeypatch.setattr(admin1, "_sources", lambda: [gazetteer])
    monkeypatch.setattr(admin1, "load_index", slow_rebuild)
    monkeypatch.setattr(admin1, "_memo", {})
    monkeypatch.setattr(admin1, "_background", [])
    return {"release": release, "calls": calls}


def test_a_stale_index_answers_while_it_is_rebuilt(stale_index: dict[str, Any]) -> None:
    started = time.monotonic()
    resolver = admin1.resolver()
    assert time.monotonic() - started < 2  # did not wait for the rebuild
    assert resolver.code("Iraq", "Ninewa") == "IQ.15"
    admin1.resolver()  # a second request starts no second rebuild
    stale_index["release"].set()
    admin1._background[0].join(5)
    assert stale_index["calls"] == ["rebuild"]
