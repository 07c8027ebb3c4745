"""Where the dashboard finds its basemap: the tiles built at install time, and the user's own extract if any.

The built file (``web/vendor/basemap.pmtiles``) is served by the static mount; a user's street-level extract
(``SITREP_BASEMAP=/path/to/area.pmtiles``, e.g. a Protomaps/OpenStreetMap extract) is served from
``/basemap/extract.pmtiles``. PMTiles readers fetch byte ranges; Starlette's file responses answer Range requests.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
BUILT = "vendor/basemap.pmtiles"
EXTRACT_URL = "basemap/extract.pmtiles"
BUILT_MAX_ZOOM = 9  # sitrep.basemap.build.MAX_ZOOM; the server does not import the build tool
ATTRIBUTION = "places © GeoNames (CC BY 4.0); Natural Earth"
EXTRACT_ATTRIBUTION = "© OpenStreetMap contributors"

router = APIRouter(tags=["basemap"])


def extract_path() -> Path | None:
    """The user's own .pmtiles extract named by ``SITREP_BASEMAP``, when that file exists."""
    value = os.environ.get("SITREP_BASEMAP", "").strip()
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_file() else None


@router.get("/api/basemap", summary="The basemap tiles the dashboard draws: the built file and the user's extract")
def basemap() -> dict[str, Any]:
    built = WEB_DIR / BUILT
    extract = extract_path()
    configured = os.environ.get("SITREP_BASEMAP", "").strip()
    return {
        "url": BUILT if built.is_file() else None,
        "max_zoom": BUILT_MAX_ZOOM,
        "attribution": ATTRIBUTION,
        "extract": {"url": EXTRACT_URL, "attribution": EXTRACT_ATTRIBUTION} if extract else None,
        # a set variable naming no file is a typo the user should see, not a silently plain map
        "problem": f"SITREP_BASEMAP={configured} is not a file" if configured and extract is None else None,
    }


@router.get("/basemap/extract.pmtiles", include_in_schema=False)
def extract_file() -> FileResponse:
    path = extract_path()
    if path is None:
        raise HTTPException(status_code=404, detail="no basemap extract: set SITREP_BASEMAP to a .pmtiles file")
    return FileResponse(path, media_type="application/octet-stream")
