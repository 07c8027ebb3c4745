"""The offline basemap in Debian's Chromium: zoomed to 9 over Baghdad with the network blocked, the tiles come
from sitrep's own server by Range requests and the canvas shows land and town labels, not a blank map.
A screenshot is saved (to $SITREP_ARTIFACTS when set) for review."""

from __future__ import annotations

import os
import re
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from alerts.corpus import build  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
BASEMAP = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "web" / "vendor" / "basemap.pmtiles"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

pytestmark = pytest.mark.browser

# Per loaded tile canvas: pixels of the land fill, of label ink (dark grey text) and of the sea.
PIXELS = """() => [...document.querySelectorAll('#map canvas.leaflet-tile-loaded')].map((c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let land = 0, ink = 0, sea = 0;
  for (let i = 0; i < d.length; i += 4) {
    const [r, g, b, a] = [d[i], d[i + 1], d[i + 2], d[i + 3]];
    if (a < 200) continue;
    if (r > 235 && g > 233 && b > 225 && r < 250 && b < 240) land++;
    else if (r < 110 && g < 110 && b < 110) ink++;
    else if (b > r + 25) sea++;
  }
  return { land, ink, sea };
})"""


@pytest.fixture()
def server_url(tmp_path: Path) -> Iterator[str]:
    if not Path(CHROMIUM).exists() or not BASEMAP.exists():
        missing = CHROMIUM if not Path(CHROMIUM).exists() else str(BASEMAP)
        if os.environ.get("CI"):
            pytest.fail(f"{missing} is missing: `make install` builds it")
        pytest.skip(f"{missing} is missing (run `make install`)")
    import uvicorn

    from sitrep.server import create_app

    db = tmp_path / "iraq.duckdb"
    build(db)
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
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


def _settled(page: Any, zoom: int) -> list[dict[str, int]]:
    page.wait_for_function(
        f"document.getElementById('map').leafletMap.getZoom() === {zoom} && "
        "document.querySelectorAll('#map canvas.leaflet-tile-loaded').length >= 4",
        timeout=60_000,
    )
    page.wait_for_timeout(1500)  # labels that cross tile edges redraw their neighbours once
    tiles: list[dict[str, int]] = page.evaluate(PIXELS)
    return tiles


@pytest.mark.xfail(strict=False, reason="about 1 load in 3 the basemap layer is never added (#map[data-basemap] "
                   "missing; cause not found yet): open work on issue #19, not a pass")
def test_basemap_draws_offline_when_zoomed_in(server_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    outside: list[str] = []
    ranges: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})

            def block(route: Any) -> None:
                outside.append(route.request.url)
                route.abort()

            # Only requests leaving sitrep's server are intercepted (and refused): routing every tile request
            # through this Python handler would time the test harness, not the map.
            page.route(re.compile(r"^(?!" + re.escape(server_url) + r"/|data:)"), block)
            page.on("request", lambda r: ranges.append(r.headers.get("range", "")) if ".pmtiles" in r.url else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            started = time.monotonic()
            page.goto(server_url)
            # the layer is added; the first view's tiles are not awaited (see the report: an early zoom change
            # can leave one blank until the map moves), the zoomed-in view below is
            page.wait_for_selector("#map[data-basemap=built]", timeout=60_000)
            first_paint = time.monotonic() - started
            page.wait_for_selector("body[data-loaded=true]", timeout=30_000)
            loaded = time.monotonic() - started

            # (a statement, not an expression: returning the map would make Playwright serialise all of Leaflet)
            page.evaluate("() => { document.getElementById('map').leafletMap.setView([33.34, 44.40], 9, {animate: false}); }")
            tiles = _settled(page, 9)
            zoomed = time.monotonic() - started
            assert len(tiles) >= 4
            assert sum(t["land"] for t in tiles) > 100_000  # the tiles are painted, not blank or transparent
            inked = [t for t in tiles if t["ink"] > 60]
            assert len(inked) >= 2, tiles  # town names (Baghdad and its neighbours) drawn on several tiles
            shot = tmp_path / "basemap-baghdad-z9.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 30_000

            # Zoomed out to the region: the sea (the Gulf) and labels still drawn from the same file.
            page.evaluate("() => { document.getElementById('map').leafletMap.setView([30.0, 48.5], 6, {animate: false}); }")
            wide = _settled(page, 6)
            assert sum(t["sea"] for t in wide) > 10_000 and sum(t["ink"] for t in wide) > 200
            page.screenshot(path=str(tmp_path / "basemap-gulf-z6.png"))
        finally:
            browser.close()
    if os.environ.get("SITREP_ARTIFACTS"):
        Path(os.environ["SITREP_ARTIFACTS"]).mkdir(parents=True, exist_ok=True)
        for name in (shot.name, "basemap-gulf-z6.png"):
            shutil.copy(tmp_path / name, Path(os.environ["SITREP_ARTIFACTS"]) / name)
    assert not errors, errors
    assert not outside, f"the page tried to reach the network: {outside}"
    assert ranges and all(r.startswith("bytes=") for r in ranges), ranges  # read in pieces, not whole
    print(f"basemap layer added {first_paint:.2f} s, dashboard loaded {loaded:.2f} s, zoom 9 drawn {zoomed:.2f} s")
