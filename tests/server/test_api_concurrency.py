"""Many simultaneous readers and writers against one server: every answer correct, no 500s."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from tests_server_helpers import AUTH, TOKEN


@pytest.fixture()
def live_url(fresh_store: Path) -> Iterator[str]:
    import uvicorn

    from sitrep.server import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(fresh_store, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_concurrent_reads_and_reviews_stay_consistent(live_url: str) -> None:
    def reader(i: int) -> tuple[int, int, int]:
        with httpx.Client(base_url=live_url, timeout=30) as client:
            r = client.get("/api/events", params={"canonical": "false", "country": "Syria", "limit": "50"})
            s = client.get("/api/stats", params={"canonical": "false"})
            return r.status_code, s.status_code, len(r.json()["data"]) if r.status_code == 200 else -1

    def writer(i: int) -> int:
        with httpx.Client(base_url=live_url, timeout=30) as client:
            body = {"action": "correct", "reviewer": f"coder{i}", "changes": {"fatalities": i}}
            return client.post(f"/api/events/a2-{1 + i % 30:03d}/review", json=body, headers=AUTH).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        reads = [pool.submit(reader, i) for i in range(40)]
        writes = [pool.submit(writer, i) for i in range(20)]
        read_results = [f.result() for f in reads]
        write_results = [f.result() for f in writes]
    assert all(r == 200 and s == 200 and n == 31 for r, s, n in read_results), read_results
    assert write_results == [200] * 20
    with httpx.Client(base_url=live_url, timeout=30) as client:
        reviews = client.get("/api/reviews", headers=AUTH, params={"limit": "100"}).json()
        assert reviews["count"] == 20
        corrected = client.get("/api/events/a2-005").json()["event"]["fatalities"]
        assert corrected == 4  # coder4's correction (a2-005 is i = 4)
