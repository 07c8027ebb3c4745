"""Fixtures shared by the dashboard's browser tests: a sitrep server on a free loopback port, and Debian's
headless Chromium opening pages that may reach only that server (helpers in browser_harness.py).

Each test builds its own store; `serve` runs the app on it and `dashboard` opens a page whose requests to
anything but that server are refused and recorded (the dashboard must work with no network)."""

from __future__ import annotations

import re
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_harness import ARGS, CHROMIUM, TESTS, Watch  # noqa: E402

if str(TESTS) not in sys.path:  # the stores the tests build come from sibling test packages (alerts.corpus)
    sys.path.insert(0, str(TESTS))


def _warm_admin1_index() -> None:
    """Load (or rebuild) the admin1 code index before a page asks for provinces. The index is rebuilt whenever
    the gazetteer cache is newer; rebuilt inside the page's first /api/admin1 or /api/alerts it held those
    answers (and the test's waits) for half a minute on a busy machine."""
    try:
        from sitrep.alerts.admin1 import load_index

        load_index()
    except Exception:  # noqa: BLE001 - without a gazetteer the server leaves codes out; the tests say so
        pass


@pytest.fixture()
def serve() -> Iterator[Callable[..., str]]:
    """serve(db, **create_app_args) -> the base URL of the app on that store, stopped after the test."""
    import uvicorn

    from sitrep.server import create_app

    running: list[tuple[Any, threading.Thread]] = []
    _warm_admin1_index()

    def start(db: Path, **app_args: Any) -> str:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(create_app(db, **app_args), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        running.append((server, thread))
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in running:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture()
def dashboard() -> Iterator[Callable[..., tuple[Any, Watch]]]:
    """dashboard(url, width, height) -> (page, watch): a fresh Chromium page allowed to reach only `url`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:

            def open_page(url: str, width: int = 1500, height: int = 950) -> tuple[Any, Watch]:
                page = browser.new_page(viewport={"width": width, "height": height})
                watch = Watch()

                def refuse(route: Any) -> None:
                    watch.outside.append(route.request.url)
                    route.abort()

                # Only requests leaving the server are intercepted: routing every tile request through a
                # Python handler would time the test harness, not the dashboard.
                page.route(re.compile(r"^(?!" + re.escape(url) + r"/|data:)"), refuse)
                page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
                return page, watch

            yield open_page
        finally:
            browser.close()
