"""The offline basemap built by `make install`: tiles where an analyst looks, served with Range requests.

PMTiles readers (the dashboard's protomaps-leaflet, and the user's own extract) fetch byte ranges of one file, so
the server must answer ``Range`` with 206 and the bytes asked for, on the built file and on ``SITREP_BASEMAP``.
"""

from __future__ import annotations

import gzip
import math
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.basemap.build import MAX_ZOOM, place_zoom
from sitrep.server import create_app
from sitrep.server.basemap import BUILT_MAX_ZOOM

BASEMAP = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "web" / "vendor" / "basemap.pmtiles"
BAGHDAD = (33.3406, 44.4009)


@pytest.fixture(scope="module")
def built() -> Path:
    if not BASEMAP.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{BASEMAP} is missing: `make install` builds it")
        pytest.skip(f"{BASEMAP} is missing (run `make install`)")
    return BASEMAP


def _tile(lat: float, lon: float, z: int) -> tuple[int, int]:
    n = 2**z
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    return int((lon + 180) / 360 * n), int(y)


def _read(path: Path, z: int, lat: float, lon: float) -> bytes:
    from pmtiles.reader import MmapSource, Reader

    with open(path, "rb") as f:
        data = Reader(MmapSource(f)).get(z, *_tile(lat, lon, z))
    assert data, f"no tile at zoom {z} over {lat},{lon}"
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def test_tiles_cover_baghdad_from_country_to_town_zoom(built: Path) -> None:
    from pmtiles.reader import MmapSource, Reader

    with open(built, "rb") as f:
        header = Reader(MmapSource(f)).header()
    assert header["min_zoom"] <= 4 and header["max_zoom"] == MAX_ZOOM == BUILT_MAX_ZOOM
    wide = _read(built, 4, *BAGHDAD)
    for layer in (b"land", b"boundaries", b"places", b"rivers"):
        assert layer in wide
    assert b"Baghdad" in wide and b"Mosul" in wide  # big cities from zoom 4 ...
    assert "Ţārmīyah".encode() not in wide  # ... a town of a few thousand only when zoomed in
    close = _read(built, MAX_ZOOM, *BAGHDAD)  # the level the dashboard draws zoom 9 to 12 from
    assert b"Baghdad" in close and "Ţārmīyah".encode() in close
    assert b"province" in close  # the governorate lines


def test_places_thin_out_by_population() -> None:
    assert place_zoom(8_000_000, False) < place_zoom(500_000, False) < place_zoom(20_000, False)
    assert place_zoom(600, False) > MAX_ZOOM  # villages only where the map overzooms
    assert place_zoom(600, True) <= 4  # a capital shows early whatever its size


@pytest.fixture()
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.delenv("SITREP_BASEMAP", raising=False)
    with TestClient(create_app(tmp_path / "empty.duckdb")) as c:
        yield c


def test_served_basemap_answers_range_requests(built: Path, client: TestClient) -> None:
    config = client.get("/api/basemap").json()
    assert config["url"] == "vendor/basemap.pmtiles" and config["extract"] is None and config["problem"] is None
    whole = built.read_bytes()
    part = client.get("/" + config["url"], headers={"Range": "bytes=0-126"})
    assert part.status_code == 206 and part.content == whole[:127] and part.content.startswith(b"PMTiles")
    assert part.headers["content-range"] == f"bytes 0-126/{len(whole)}"
    tail = client.get("/" + config["url"], headers={"Range": f"bytes={len(whole) - 1000}-"})
    assert tail.status_code == 206 and tail.content == whole[-1000:]


def test_users_own_extract_is_served_with_ranges(
    built: Path, client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert client.get("/basemap/extract.pmtiles").status_code == 404
    monkeypatch.setenv("SITREP_BASEMAP", str(tmp_path / "typo.pmtiles"))
    assert "not a file" in client.get("/api/basemap").json()["problem"]
    extract = tmp_path / "city.pmtiles"
    extract.write_bytes(built.read_bytes()[:200_000])  # any bytes will do: the server only slices them
    monkeypatch.setenv("SITREP_BASEMAP", str(extract))
    config = client.get("/api/basemap").json()
    assert config["extract"]["url"] == "basemap/extract.pmtiles" and "OpenStreetMap" in config["extract"]["attribution"]
    part = client.get("/basemap/extract.pmtiles", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == extract.read_bytes()[100:200]


def test_build_fails_loudly_without_its_tools(tmp_path: Path) -> None:
    from sitrep.basemap.build import BuildError, build, main

    out = tmp_path / "map.pmtiles"
    with pytest.raises(BuildError, match="tippecanoe"):
        build(out, tmp_path / "node_modules", tmp_path / "no-tippecanoe")
    fake = tmp_path / "tippecanoe"
    fake.write_text("")
    with pytest.raises(BuildError, match="mapshaper"):
        build(out, tmp_path / "node_modules", fake)
    assert main([str(out), "--npm", str(tmp_path), "--tippecanoe", str(fake)]) == 1  # make stops here
    assert not out.exists()  # no blank map left behind for make to take as built
