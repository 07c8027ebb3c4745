"""One catalogue of error codes, used by every layer.

A code is stable (scripts match on it); the message is for people.
"""

from __future__ import annotations

from sitrep.model import ErrorInfo

CATALOGUE: dict[str, str] = {
    # input
    "E100": "input is not valid JSON",
    "E101": "input has no text",
    "E102": "input is empty",
    "E103": "input looks binary or is not text",
    "E104": "input could not be decoded",
    "E105": "input is over the size limit",
    "E106": "input is not in English",
    "E107": "input has no sentences",
    "E108": "input file could not be read",
    "E109": "input format is not supported",
    "E110": "input field has the wrong type",
    # stages
    "E200": "a stage crashed on this article",
    "E201": "a place could not be resolved",
    # warnings: the article goes on, stored and exported, with this noted in its errors
    "W200": "a stage failed on this article; its output is left empty, the other stages' kept",
    # configuration
    "E300": "pipeline configuration is invalid",
    "E301": "unknown stage name",
    "E302": "a user data file is invalid",
    # store / api
    "E400": "database error",
    "E401": "invalid filter",
    "E402": "not found",
    "E403": "not authorised",
    "E404": "method not allowed on this path",
    # engines (sitrep run)
    "E500": "the output already exists",
    "E501": "the engine could not start",
    # feeds (sitrep feeds, serve --watch): recorded per feed and item, never fatal to the others
    "E600": "feed configuration is invalid",
    "E601": "the request timed out",
    "E602": "the server answered with an error status",
    "E603": "too many redirects or a redirect loop",
    "E604": "the response is over the size limit",
    "E605": "robots.txt disallows this URL",
    "E606": "the feed could not be parsed",
    "E607": "network error",
    "E608": "the page has no extractable text",
    "E609": "no such feed",
}


class SitrepError(Exception):
    """An error with a catalogue code; the CLI prints it and exits non-zero."""

    def __init__(self, code: str, detail: str | None = None) -> None:
        self.code = code
        self.detail = detail or CATALOGUE.get(code, "error")
        super().__init__(f"{code}: {self.detail}")

    def info(self, stage: str | None = None) -> ErrorInfo:
        return ErrorInfo(code=self.code, message=self.detail, stage=stage)


def error(code: str, detail: str | None = None, stage: str | None = None) -> ErrorInfo:
    if code not in CATALOGUE:
        raise KeyError(f"unknown error code {code}")
    message = CATALOGUE[code] if detail is None else f"{CATALOGUE[code]}: {detail}"
    return ErrorInfo(code=code, message=message, stage=stage)
