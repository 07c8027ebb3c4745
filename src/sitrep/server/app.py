"""The FastAPI application: API routers, error handling and the dashboard's static files."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import duckdb
from fastapi import Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from sitrep.server import (
    acled_api,
    acled_lists,
    articles,
    basemap,
    contract,
    duplicates,
    events,
    feeds,
    maps,
    reviews,
    stats,
)
from sitrep.server.acled_params import AcledError, error_body
from sitrep.server.db import Database
from sitrep.server.deps import get_db
from sitrep.server.filters import FilterError

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
log = logging.getLogger("sitrep.server")


def _public_reads(value: bool | None) -> bool:
    if value is not None:
        return value
    return os.environ.get("SITREP_PUBLIC_READS", "1").strip().lower() not in ("0", "false", "no")


def create_app(
    db_path: str | Path, token: str | None = None, read_only: bool = False, public_reads: bool | None = None
) -> FastAPI:
    """The app serving ``db_path``. ``token`` (default: ``SITREP_TOKEN``) guards writes; without one, writes get 401.

    ``public_reads`` (default: ``SITREP_PUBLIC_READS``, on): false makes ACLED's read endpoints ask for the token.
    """
    db = Database(db_path, read_only=read_only)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="sitrep",
        version="0.1.0",
        description="Coded, geocoded, deduplicated conflict events from news text, every field traceable to its "
        "evidence. Filters follow ACLED's API so ACLED scripts work unchanged.",
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.token = token if token is not None else os.environ.get("SITREP_TOKEN") or None
    app.state.public_reads = _public_reads(public_reads)

    @app.exception_handler(AcledError)
    async def acled_error(request: Request, exc: AcledError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(status_code=exc.status, content=error_body(exc), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # ACLED's endpoints answer in ACLED's error shape; the rest keep FastAPI's 422.
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        if request.url.path.endswith("/read") and request.url.path.startswith("/api/"):
            return JSONResponse(status_code=400, content=error_body(AcledError(400, problems)))
        return JSONResponse(status_code=422, content={"detail": jsonable_encoder(exc.errors()), "code": "E401"})

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc), "code": "E401"})

    @app.exception_handler(duckdb.Error)
    async def database_error(request: Request, exc: duckdb.Error) -> JSONResponse:
        log.error("database error on %s: %s", request.url.path, exc)
        return JSONResponse(status_code=500, content={"detail": "database error", "code": "E400"})

    @app.get("/api/meta", tags=["meta"], summary="What the store holds and whether writes need a token")
    def meta(db: Database = Depends(get_db)) -> Any:
        with db.cursor() as cur:

            def one(sql: str) -> int:
                row = cur.execute(sql).fetchone()
                return int(row[0]) if row else 0

            counts = {
                "articles": one("SELECT count(*) FROM articles"),
                "events": one("SELECT count(*) FROM events"),
                "canonical_events": one("SELECT count(*) FROM canonical_events"),
                "possible_duplicates": one("SELECT count(*) FROM possible_duplicates"),
                "reviews": one("SELECT count(*) FROM reviews"),
            }
            span = cur.execute("SELECT min(event_date), max(event_date) FROM events").fetchone()
        return {
            "counts": counts,
            "canonical_default": counts["canonical_events"] > 0,
            "first_date": span[0].isoformat() if span and span[0] else None,
            "last_date": span[1].isoformat() if span and span[1] else None,
            "writes_enabled": bool(app.state.token),
        }

    for module in (events, articles, stats, reviews, duplicates, acled_api, acled_lists, maps, feeds, basemap):
        app.include_router(module.router)
    app.middleware("http")(contract.method_not_allowed)
    app.openapi = lambda: contract.openapi(app)  # type: ignore[method-assign]
    if WEB_DIR.is_dir():
        app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="dashboard")
    return app
