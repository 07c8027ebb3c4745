"""The dashboard in Debian's headless Chromium: load, filter, open an event, see the evidence, correct it.

The app runs under uvicorn on a free loopback port over a small store built by
the server tests' fixture; every request the page makes to anything but that
server fails the test (the dashboard must work with no network).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from browser_harness import VENDOR, need, save_shot

TOKEN = "browser-token"

pytestmark = pytest.mark.browser


def _build_store(path: Path) -> None:
    helpers = Path(__file__).resolve().parents[1] / "server"
    spec = importlib.util.spec_from_file_location("server_fixture", helpers / "conftest.py")
    assert spec and spec.loader
    sys.path.insert(0, str(helpers))
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(helpers))
    module.build_store(path)


def _dashboard_on_store(serve: Callable[..., str], dashboard: Callable[..., Any],
                        tmp_path: Path) -> tuple[str, Any, Any]:
    """The app served with writes enabled over the fixture store, and a browser page for it (not loaded yet):
    (server url, page, request watch)."""
    need(VENDOR / "leaflet.js")
    db = tmp_path / "sitrep.duckdb"
    _build_store(db)
    server_url = serve(db, token=TOKEN)
    page, watch = dashboard(server_url)
    return server_url, page, watch


def _load(page: Any, server_url: str) -> None:
    page.goto(f"{server_url}/#token={TOKEN}")
    page.wait_for_selector("body[data-loaded=true]", timeout=20_000)


def test_dashboard_filter_open_event_and_correct_it(
    serve: Callable[..., str], dashboard: Callable[..., Any], tmp_path: Path
) -> None:
    server_url, page, watch = _dashboard_on_store(serve, dashboard, tmp_path)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    # Load: per-article and deduplicated events, map markers, a timeline.
    _load(page, server_url)
    assert page.locator("#event-table tbody tr").count() == 2  # deduplicated by default
    page.uncheck("#canonical")
    page.wait_for_function("document.querySelectorAll('#event-table tbody tr').length === 34")
    assert page.locator("#timeline rect").count() > 10
    page.wait_for_selector("#map[data-basemap], .leaflet-overlay-pane path", state="attached")  # a backdrop

    # Brush the timeline's last weeks: the table keeps only events in that range.
    box = page.locator("#timeline").bounding_box()
    assert box
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.86, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.999, y, steps=5)
    page.mouse.up()
    page.wait_for_function("document.querySelectorAll('#event-table tbody tr').length < 34")
    start = page.input_value("#filter-from")
    assert start and page.input_value("#filter-to")
    dates = page.locator("#event-table tbody tr td:first-child").all_inner_texts()
    assert dates and all(d >= start for d in dates)
    assert page.locator("#timeline .brush").count() == 1
    page.click("#clear-brush")
    page.wait_for_function("document.querySelectorAll('#event-table tbody tr').length === 34")

    # Filter: Iraq, Battles.
    page.fill("#filter-country", "Iraq")
    page.select_option("#filter-event-type", "Battles")
    page.click("#apply")
    page.wait_for_function("document.querySelectorAll('#event-table tbody tr').length === 2")
    types = page.locator("#event-table tbody tr td:nth-child(2)").all_inner_texts()
    assert all("Battles" in t for t in types)

    # Open the Ramadi event from Wire One and see its evidence highlighted.
    page.locator("#event-table tbody tr[data-event-id='a1-000']").click()
    page.wait_for_selector("#event-panel[data-event-id='a1-000'] blockquote.evidence mark.ev")
    marks = page.locator("#event-panel blockquote.evidence mark.ev").all_inner_texts()
    assert "Iraqi forces" in marks and "Islamic State fighters" in marks

    # Correct the fatality count as a named coder.
    page.fill("#reviewer", "amina")
    page.dispatch_event("#reviewer", "change")
    page.click("#correction summary")
    page.fill("#correction input[data-field='fatalities']", "5")
    page.click("#review-correct")
    page.wait_for_selector("#event-panel tr[data-field='fatalities'] .was")
    assert page.locator("#event-panel tr[data-field='fatalities'] td").inner_text().startswith("5")
    assert "fatalities: 4 → 5" in page.locator("#event-panel .history").inner_text()
    page.wait_for_function(
        "[...document.querySelectorAll('#event-table tbody tr')].some(r => r.innerText.includes('correct'))"
    )

    # The article view escapes markup: the Basra article's <script> shows as text.
    page.click("#reset-filters")
    page.wait_for_function("document.querySelectorAll('#event-table tbody tr').length === 34")
    page.locator("#event-table tbody tr[data-event-id='a2-000']").click()
    page.wait_for_selector("#event-panel[data-event-id='a2-000']")
    page.click("#event-panel a.open-article")
    page.wait_for_selector("#article-text")
    assert "<script>alert(1)</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script").count() == 0
    assert page.locator("#article-text mark.m-place").count() >= 1

    # Back to the corrected event's article, with actors, places, dates and quotes marked.
    page.locator("#event-table tbody tr[data-event-id='a1-000']").click()
    page.click("#event-panel a.open-article")
    page.wait_for_selector("#article-text mark.m-quote")
    for kind in ("actor", "place", "date", "quote", "speaker", "event"):
        assert page.locator(f"#article-text mark.m-{kind}").count() >= 1, kind
    page.locator("#event-table tbody tr[data-event-id='a1-000']").click()
    page.wait_for_selector("#event-panel[data-event-id='a1-000'] mark.ev")

    shot = save_shot(page, tmp_path, "dashboard.png", full_page=True)
    print(f"screenshot: {shot}")
    watch.assert_clean()
    assert not dialogs, f"article text ran as script: {dialogs}"


def test_dashboard_reviewer_marks_a_possible_duplicate_as_different(
    serve: Callable[..., str], dashboard: Callable[..., Any], tmp_path: Path
) -> None:
    server_url, page, watch = _dashboard_on_store(serve, dashboard, tmp_path)
    _load(page, server_url)
    page.uncheck("#canonical")
    page.wait_for_function("document.querySelectorAll('#event-table tbody tr').length === 34")
    page.locator("#event-table tbody tr[data-event-id='a1-000']").click()
    pair = "#event-panel[data-event-id='a1-000'] li[data-other='a2-000']"
    page.wait_for_selector(f"{pair} button.dup-different")
    page.click(f"{pair} button.dup-different")
    # the verdict is stored: the pair leaves the event's review list once the panel reloads
    page.wait_for_function(
        "!document.querySelector(\"#event-panel li[data-other='a2-000']\")"
        " && document.querySelector(\"#event-panel[data-event-id='a1-000']\")")
    assert page.evaluate("fetch('/api/duplicates').then(r => r.json()).then(b => b.duplicates.length)") == 0
    watch.assert_clean()
