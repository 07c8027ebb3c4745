"""Request dependencies shared by the routers: the database and the write token."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sitrep.server.db import Database

bearer = HTTPBearer(auto_error=False, description="SITREP_TOKEN, required for ingest and reviews")


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def not_found(message: str) -> HTTPException:
    return HTTPException(status_code=404, detail=message)


async def require_token(request: Request) -> None:
    """Writes need ``Authorization: Bearer <SITREP_TOKEN>``; with no token configured, nobody may write."""
    expected: str | None = request.app.state.token
    credentials: HTTPAuthorizationCredentials | None = await bearer(request)
    given = credentials.credentials if credentials else ""
    if not expected or not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            status_code=401,
            detail="a valid bearer token (SITREP_TOKEN) is required for this endpoint",
            headers={"WWW-Authenticate": "Bearer"},
        )
