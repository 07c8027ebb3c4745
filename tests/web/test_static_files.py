"""The dashboard's own files load nothing from elsewhere and never put data into the page as HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "web"
OWN = sorted(p for p in WEB.iterdir() if p.suffix in {".html", ".js", ".css"})
VENDOR = WEB / "vendor"
# what `make install` copies from npm (web/package-lock.json) into the package: the page needs every one
VENDORED = ("leaflet.js", "leaflet.css", "leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css",
            "topojson-client.min.js", "countries-50m.json", "images/marker-icon.png", "protomaps-leaflet.js")
LICENCES = ("leaflet", "leaflet.markercluster", "topojson-client", "world-atlas", "protomaps-leaflet")


@pytest.fixture(scope="module")
def vendored() -> Path:
    """The vendored libraries, checked first: without them the dashboard has no map (run `make install`)."""
    assert (VENDOR / ".installed").exists(), f"{VENDOR} is not installed: run `make install`"
    missing = [name for name in VENDORED if not (VENDOR / name).is_file() or not (VENDOR / name).stat().st_size]
    missing += [f"{p}.LICENSE" for p in LICENCES if not (VENDOR / f"{p}.LICENSE").is_file()]
    assert not missing, f"vendored files missing from {VENDOR}: {missing} (run `make install`)"
    return VENDOR


def test_dashboard_references_only_its_own_files(vendored: Path) -> None:
    assert OWN
    for path in OWN:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?:src|href)\s*=\s*[\"'](?:https?:)?//", text), path.name  # no CDN
        assert not re.search(r"\b(?:fetch|import)\s*\(\s*[\"'`]https?:", text), path.name
        for ref in re.findall(r"(?:src|href)=\"([^\"]+)\"", text):
            if ref.startswith("data:"):
                continue
            assert (WEB / ref).is_file(), f"{path.name} -> {ref}"  # vendor/ files too: the fixture checked them


def test_data_the_scripts_fetch_is_vendored(vendored: Path) -> None:
    for path in (p for p in OWN if p.suffix == ".js"):
        for ref in re.findall(r"fetch\(\s*[\"'`](vendor/[^\"'`]+)[\"'`]", path.read_text(encoding="utf-8")):
            assert (WEB / ref).is_file(), f"{path.name} fetches {ref}, which is not in the package"


def test_dashboard_scripts_write_text_not_html() -> None:
    for path in (p for p in OWN if p.suffix == ".js"):
        text = path.read_text(encoding="utf-8")
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text, path.name
