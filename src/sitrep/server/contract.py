"""Keep the OpenAPI document true to what the server answers.

FastAPI documents a 200 and its own 422 shape; the server also answers 404
for unknown ids, 401 without the token, 400 for a body that is not JSON,
422 in sitrep's ``{"detail", "code"}`` shape, streamed media types, and 405
(with an ``Allow`` header listing exactly the path's methods) for a method a
path does not have. ``openapi(app)`` adds what the routes leave out, and
``method_not_allowed`` answers the 405 before the dashboard's static mount
(which would otherwise claim every path) can.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse

from sitrep.server.codebook import codebook
from sitrep.server.db import EDITABLE_FIELDS

ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {}, "code": {"type": "string"}},
    "required": ["detail"],
}
# Streamed answers besides JSON, by path.
EXTRA_MEDIA = {"/api/reviews/export": ("application/x-ndjson",)}
_TYPES = {"DATE": {"type": "string", "format": "date"}, "INTEGER": {"type": "integer"}, "DOUBLE": {"type": "number"}}
_RANGES = {"latitude": (-90, 90), "longitude": (-180, 180), "fatalities": (0, None)}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}}


def _change_schema(name: str, typ: str | None) -> dict[str, Any]:
    """What a review may set ``name`` to: its type, its codebook choices, its range; null clears it."""
    schema: dict[str, Any] = dict(_TYPES.get(typ or "", {"type": "string", "minLength": 1}))
    choices = codebook()["choices"].get(name)
    if choices is not None:
        schema = {"enum": list(choices)}
    low, high = _RANGES.get(name, (None, None))
    if low is not None:
        schema["minimum"] = low
    if high is not None:
        schema["maximum"] = high
    return {"anyOf": [schema, {"type": "null"}]}


def _review_body(schemas: dict[str, Any]) -> None:
    """A review: accept or reject with no changes, or correct with at least one editable field."""
    review = schemas.get("ReviewIn")
    if not review:
        return
    props = review.get("properties", {})
    changes = {
        "type": "object",
        "properties": {n: _change_schema(n, t) for n, t in EDITABLE_FIELDS.items()},
        "additionalProperties": False,
    }
    common = {k: v for k, v in props.items() if k not in ("action", "changes")}
    review["oneOf"] = [
        {"properties": {"action": {"enum": ["accept", "reject"]}, "changes": {"type": "object", "maxProperties": 0}}},
        {"properties": {"action": {"const": "correct"}, "changes": {**changes, "minProperties": 1}}, "required": ["changes"]},
    ]
    review["properties"] = {**common, "action": props.get("action", {}), "changes": changes}
    review["additionalProperties"] = False


def openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas["ApiError"] = ERROR_SCHEMA
    _review_body(schemas)
    for path, item in doc.get("paths", {}).items():
        acled = path.endswith("/read")
        for op in item.values():
            responses = op.setdefault("responses", {})
            if acled:
                responses.pop("422", None)  # ACLED's endpoints answer bad parameters with 400 in ACLED's shape
                continue
            if "422" in responses or op.get("parameters") or op.get("requestBody"):
                responses["422"] = _error("a parameter or body the API cannot honour")
            if any(p.get("in") == "path" for p in op.get("parameters", [])):
                responses.setdefault("404", _error("no such id"))
            if op.get("security"):
                responses.setdefault("401", _error("a valid bearer token is required"))
            if op.get("requestBody"):
                responses.setdefault("400", _error("the body is not valid JSON"))
            for media in EXTRA_MEDIA.get(path, ()):
                responses["200"].setdefault("content", {})[media] = {"schema": {"type": "string"}}
    app.openapi_schema = doc
    return doc


def _path_methods(app: FastAPI) -> list[tuple[re.Pattern[str], set[str]]]:
    """Each documented path as a pattern, with its documented methods (read once from the OpenAPI document)."""
    cached: list[tuple[re.Pattern[str], set[str]]] | None = getattr(app.state, "path_methods", None)
    if cached is None:
        cached = []
        for path, item in openapi(app).get("paths", {}).items():
            pattern = re.escape(path).replace(r"\{", "{").replace(r"\}", "}")
            pattern = re.sub(r"\{[^}/]+\}", "[^/]+", pattern)
            cached.append((re.compile(f"^{pattern}$"), {m.upper() for m in item}))
        app.state.path_methods = cached
    return cached


async def method_not_allowed(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """405 with the path's documented methods in ``Allow`` when an API path exists but not for this method."""
    if not request.url.path.startswith("/api/"):
        return await call_next(request)
    allowed: set[str] = set()
    for pattern, methods in _path_methods(request.app):
        if pattern.match(request.url.path):
            allowed |= methods
    if not allowed or request.method in allowed or (request.method == "HEAD" and "GET" in allowed):
        return await call_next(request)
    names = ", ".join(sorted(allowed))
    body = {"detail": f"{request.method} is not allowed here; use {names}", "code": "E404"}
    return JSONResponse(status_code=405, content=body, headers={"Allow": names})
