"""The dashboard's analyst view in Debian's Chromium: provinces shaded by events, the surging province
outlined and listed, a click on a province filtering to it, every event on the map (clustered by the
server), and a stray 1945 event listed under the timeline instead of squeezing it. Screenshots are saved
(to $SITREP_ARTIFACTS when set) for review."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from alerts.corpus import build  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
POLYGONS = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "web" / "vendor" / "admin1.topo.json"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

pytestmark = pytest.mark.browser


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[tuple[str, int]]:
    if not Path(CHROMIUM).exists() or not POLYGONS.exists():
        missing = CHROMIUM if not Path(CHROMIUM).exists() else str(POLYGONS)
        if os.environ.get("CI"):
            pytest.fail(f"{missing} is missing: `make install` builds it")
        pytest.skip(f"{missing} is missing (run `make install`)")
    import uvicorn

    from sitrep.server import create_app

    db = tmp_path / "surge.duckdb"
    counts = build(db)
    with Store(db) as store:  # one event dated 1945 among 2025's
        store.con.execute(
            "INSERT INTO events (event_id, article_id, ordinal, event_date, event_type, country, admin1, latitude, "
            "longitude, fatalities, modality) VALUES ('old-1', 'art-old', 0, DATE '1945-05-08', 'Battles', 'Iraq', "
            "'Baghdad', 33.3, 44.4, 0, 'asserted')"
        )
    total = sum(sum(c) for c in counts.values()) + 1
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", total
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


def _save(page: Any, tmp_path: Path, name: str) -> None:
    shot = tmp_path / name
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("SITREP_ARTIFACTS"):
        Path(os.environ["SITREP_ARTIFACTS"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(os.environ["SITREP_ARTIFACTS"]) / name)


def test_provinces_alerts_and_every_event(server: tuple[str, int], tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    url, total = server
    errors: list[str] = []
    outside: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 950})

            def guard(route: Any) -> None:
                if route.request.url.startswith(url) or route.request.url.startswith("data:"):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            page.route("**/*", guard)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(url)
            page.wait_for_selector("body[data-loaded=true]", timeout=30_000)

            # The surge is listed, and its province outlined on the map among the shaded ones.
            alerts = page.locator("#alerts li.alert")
            assert alerts.count() == 1
            assert "Ninewa" in alerts.inner_text() and "Battles: 24" in alerts.inner_text()
            assert page.evaluate("document.body.dataset.provinces") == "7"
            assert page.locator("path.province.alerted").count() >= 1
            filled = page.evaluate(
                "[...document.querySelectorAll('path.province')].filter(p => p.getAttribute('fill-opacity') > 0).length"
            )
            assert filled >= 7
            assert page.locator("#province-legend .legend-row").count() == 5
            # Every event is on the map, none capped; the 1945 one is listed, not plotted to scale.
            assert page.evaluate("document.body.dataset.mapEvents") == str(total)
            assert "1945" in page.locator("#timeline-outliers").inner_text()
            assert (page.locator("#timeline .axis").first.text_content() or "").startswith("2024")
            _save(page, tmp_path, "provinces.png")

            # Clicking the surge filters the dashboard to its province.
            alerts.first.click()
            page.wait_for_function("document.getElementById('filter-admin1').value === 'Ninewa'")
            page.wait_for_function(
                "[...document.querySelectorAll('#event-table tbody tr td:nth-child(6)')]"
                ".every(td => td.innerText.startsWith('Ninewa'))"
            )
            page.wait_for_function("document.body.dataset.provinces === '1'")
            # Zoomed in: single events become their own points.
            page.evaluate("document.body.dataset.mapEvents = ''")
            page.locator(".leaflet-control-zoom-in").click()
            page.locator(".leaflet-control-zoom-in").click()
            page.wait_for_function("document.body.dataset.mapEvents !== ''")
            # the second zoom's reload may still be drawing: wait for the points, not a fixed 500 ms
            page.wait_for_function("document.querySelectorAll('path.event-point, path.event-cluster').length > 0")
            assert page.locator("path.event-point, path.event-cluster").count() > 0
            _save(page, tmp_path, "province-zoomed.png")
        finally:
            browser.close()
    assert not errors, errors
    assert not outside, f"the page tried to reach the network: {outside}"
