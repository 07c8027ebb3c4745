"""The offline basemap in Debian's Chromium: zoomed to 9 over Baghdad with the network blocked, the tiles come
from sitrep's own server by Range requests and the canvas shows land and town labels, not a blank map.
A screenshot is saved (to $SITREP_ARTIFACTS when set) for review. A refused first request for the basemap's
settings or script does not cost the visit its basemap; a basemap that cannot be had says why and falls back."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alerts.corpus import build
from browser_harness import VENDOR, need, save_shot

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


def _iraq_dashboard(serve: Callable[..., str], dashboard: Callable[..., Any], tmp_path: Path, width: int,
                    height: int) -> tuple[str, Any, Any]:
    """The surge corpus (Iraq) served, and a page of the given size on it: (url, page, console watch)."""
    need(VENDOR / "basemap.pmtiles")
    db = tmp_path / "iraq.duckdb"
    build(db)
    url = serve(db)
    page, watch = dashboard(url, width, height)
    return url, page, watch


def _settled(page: Any, zoom: int) -> list[dict[str, int]]:
    page.wait_for_function(
        f"document.getElementById('map').leafletMap.getZoom() === {zoom} && "
        "document.querySelectorAll('#map canvas.leaflet-tile-loaded').length >= 4",
        timeout=60_000,
    )
    page.wait_for_timeout(1500)  # labels that cross tile edges redraw their neighbours once
    tiles: list[dict[str, int]] = page.evaluate(PIXELS)
    return tiles


def test_basemap_draws_offline_when_zoomed_in(
    serve: Callable[..., str], dashboard: Callable[..., Any], tmp_path: Path
) -> None:
    url, page, watch = _iraq_dashboard(serve, dashboard, tmp_path, 1400, 900)
    ranges: list[str] = []
    page.on("request", lambda r: ranges.append(r.headers.get("range", "")) if ".pmtiles" in r.url else None)
    started = time.monotonic()
    page.goto(url)
    # The map says which backdrop it drew (or why it drew none) once it knows: wait for that, then check it.
    page.wait_for_selector("#map[data-basemap]", timeout=60_000)
    assert page.get_attribute("#map", "data-basemap") == "built", page.get_attribute("#map", "data-basemap-problem")
    first_paint = time.monotonic() - started
    page.wait_for_selector("body[data-loaded=true]", timeout=30_000)
    # the first view's tiles are drawn, none left blank by the dashboard's own zoom to its events
    page.wait_for_function(
        "(() => { const t = [...document.querySelectorAll('#map canvas.leaflet-tile')];"
        " return t.length >= 4 && t.every(c => c.classList.contains('leaflet-tile-loaded')); })()",
        timeout=60_000,
    )
    loaded = time.monotonic() - started

    # (a statement, not an expression: returning the map would make Playwright serialise all of Leaflet)
    page.evaluate("() => { document.getElementById('map').leafletMap.setView([33.34, 44.40], 9, {animate: false}); }")
    tiles = _settled(page, 9)
    zoomed = time.monotonic() - started
    assert len(tiles) >= 4
    assert sum(t["land"] for t in tiles) > 100_000  # the tiles are painted, not blank or transparent
    inked = [t for t in tiles if t["ink"] > 60]
    assert len(inked) >= 2, tiles  # town names (Baghdad and its neighbours) drawn on several tiles
    shot = save_shot(page, tmp_path, "basemap-baghdad-z9.png")
    assert shot.stat().st_size > 30_000

    # Zoomed out to the region: the sea (the Gulf) and labels still drawn from the same file.
    page.evaluate("() => { document.getElementById('map').leafletMap.setView([30.0, 48.5], 6, {animate: false}); }")
    wide = _settled(page, 6)
    assert sum(t["sea"] for t in wide) > 10_000 and sum(t["ink"] for t in wide) > 200
    save_shot(page, tmp_path, "basemap-gulf-z6.png")
    watch.assert_clean()
    assert ranges and all(r.startswith("bytes=") for r in ranges), ranges  # read in pieces, not whole
    print(f"basemap layer added {first_paint:.2f} s, first view drawn {loaded:.2f} s, zoom 9 drawn {zoomed:.2f} s")


def _fail_first(page: Any, pattern: str, abort: bool = False, times: int = 1) -> list[str]:
    """Make the first `times` requests matching `pattern` fail (503, or a network error with `abort`)."""
    failed: list[str] = []

    def handle(route: Any) -> None:
        if len(failed) < times:
            failed.append(route.request.url)
            if abort:
                route.abort()
            else:
                route.fulfill(status=503, body='{"detail": "busy"}', content_type="application/json")
        else:
            route.continue_()

    page.route(pattern, handle)
    return failed


def test_basemap_survives_a_failed_first_request(
    serve: Callable[..., str], dashboard: Callable[..., Any], tmp_path: Path
) -> None:
    url, page, watch = _iraq_dashboard(serve, dashboard, tmp_path, 1000, 700)
    refused = _fail_first(page, "**/api/basemap")
    dropped = _fail_first(page, "**/vendor/protomaps-leaflet.js", abort=True)
    page.goto(url)
    page.wait_for_selector("#map[data-basemap]", timeout=60_000)
    assert refused and dropped  # both failures happened, and the map still has its basemap
    assert page.get_attribute("#map", "data-basemap") == "built", page.get_attribute("#map", "data-basemap-problem")
    page.wait_for_selector("#map canvas.leaflet-tile-loaded", timeout=60_000)
    assert not watch.outside, watch.outside


def test_without_a_basemap_the_map_says_why_and_draws_outlines(
    serve: Callable[..., str], dashboard: Callable[..., Any], tmp_path: Path
) -> None:
    url, page, watch = _iraq_dashboard(serve, dashboard, tmp_path, 1000, 700)
    _fail_first(page, "**/api/basemap", times=100)
    page.goto(url)
    page.wait_for_selector("#map[data-basemap=none]", timeout=60_000)
    assert "/api/basemap: 503" in (page.get_attribute("#map", "data-basemap-problem") or "")
    page.wait_for_selector("body[data-loaded=true]", timeout=30_000)
    # the fallback backdrop (country outlines) and the shaded provinces, which then draw their own lines
    page.wait_for_selector(".leaflet-overlay-pane path", state="attached")
    assert page.locator("path.province:not([stroke=none])").count() >= 1
    watch.assert_clean()
