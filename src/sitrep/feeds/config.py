"""What a feed is (URL, country hint, source name, polling interval) and how URLs are compared.

Two links to one page must be one key, or the watcher would fetch and store
the page twice: ``normalise_url`` lower-cases the scheme and host, drops
default ports, fragments and tracking parameters, and sorts the query.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from sitrep.errors import SitrepError

DEFAULT_EVERY = 15 * 60
MIN_EVERY = 1  # seconds; tests poll every second, real feeds should stay at minutes
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$", re.IGNORECASE)
_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}
# Query parameters that only say where a click came from: the same page with or without them.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref_src|_hsenc|_hsmi)$", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_duration(text: str) -> float:
    """``5s``, ``15m``, ``1h``, ``2d``, ``500ms`` or bare seconds, as seconds."""
    match = _DURATION.match(str(text))
    if not match:
        raise SitrepError("E600", f"{text!r} is not a duration like 30s, 15m or 1h")
    value = float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]
    if value <= 0:
        raise SitrepError("E600", f"{text!r}: the duration must be positive")
    return value


def format_duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


def normalise_url(url: str, base: str | None = None) -> str:
    """The comparable form of ``url`` (resolved against ``base`` when relative)."""
    url = (url or "").strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def check_url(url: str) -> str:
    """``url`` normalised, or E600 when it is not an absolute http(s) URL."""
    parts = urlsplit((url or "").strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise SitrepError("E600", f"{url!r} is not an http(s) URL")
    return normalise_url(url)


def url_key(url: str) -> str:
    """A short stable id for a normalised URL (feed ids, queue keys)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class FeedSpec:
    """One configured feed, as stored in the ``feeds`` table."""

    url: str
    every: float = DEFAULT_EVERY
    country: str | None = None
    source: str | None = None

    @property
    def feed_id(self) -> str:
        return url_key(self.url)


def make_spec(url: str, every: str | float | None = None, country: str | None = None, source: str | None = None) -> FeedSpec:
    """A checked FeedSpec from user input (``every`` as a duration string or seconds)."""
    seconds = DEFAULT_EVERY if every is None else (parse_duration(every) if isinstance(every, str) else float(every))
    if seconds < MIN_EVERY:
        raise SitrepError("E600", f"polling more often than every {MIN_EVERY}s is not allowed")
    return FeedSpec(
        url=check_url(url), every=seconds, country=(country or "").strip() or None, source=(source or "").strip() or None
    )
