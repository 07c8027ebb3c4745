"""The dashboard's own files load nothing from elsewhere and never put data into the page as HTML."""

from __future__ import annotations

import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "web"
OWN = sorted(p for p in WEB.iterdir() if p.suffix in {".html", ".js", ".css"})


def test_dashboard_references_only_its_own_files() -> None:
    assert OWN
    for path in OWN:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?:src|href)\s*=\s*[\"'](?:https?:)?//", text), path.name  # no CDN
        assert not re.search(r"\b(?:fetch|import)\s*\(\s*[\"'`]https?:", text), path.name
        for ref in re.findall(r"(?:src|href)=\"([^\"]+)\"", text):
            if ref.startswith("data:"):
                continue
            assert (WEB / ref).exists() or ref.startswith("vendor/"), f"{path.name} -> {ref}"


def test_dashboard_scripts_write_text_not_html() -> None:
    for path in (p for p in OWN if p.suffix == ".js"):
        text = path.read_text(encoding="utf-8")
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text, path.name
