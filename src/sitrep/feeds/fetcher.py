"""A polite HTTP client for feeds and article pages (standard library only).

Polite means: it says who it is (user agent), asks robots.txt first, sends
ETag / Last-Modified back so an unchanged feed costs a 304, keeps a gap
between requests to one host and caps how many run there at once, gives up
after a timeout, a size cap or a few redirects, and retries only what may
succeed later (timeouts, connection errors, 5xx, 429) with a growing pause.
Every failure is a FetchError with a catalogue code, never a crash.
"""

from __future__ import annotations

import http.client
import os
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from sitrep.errors import SitrepError
from sitrep.feeds.config import normalise_url

VERSION = "0.1.0"
ROBOTS_TOKEN = "sitrep"
USER_AGENT = f"sitrep/{VERSION} (news feed watcher for conflict event data; honours robots.txt)"
REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 65536


@dataclass
class FetchPolicy:
    """Limits for one Fetcher. The defaults suit public news sites; tests shorten the waits."""

    user_agent: str = field(default_factory=lambda: os.environ.get("SITREP_USER_AGENT") or USER_AGENT)
    timeout: float = 15.0  # per socket operation (connect, each read)
    deadline: float = 60.0  # the whole request, so a server dripping bytes cannot hold a worker
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry, doubled after each
    max_retry_after: float = 60.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    per_host: int = 2  # requests in flight to one host
    host_interval: float = 1.0  # seconds between request starts to one host
    robots: bool = True
    robots_ttl: float = 3600.0


class FetchError(SitrepError):
    """A request that did not give a usable answer: code, reason, and whether trying later may help."""

    def __init__(self, code: str, detail: str, *, retryable: bool = False, status: int | None = None) -> None:
        super().__init__(code, detail)
        self.retryable = retryable
        self.status = status


@dataclass
class Response:
    url: str  # after redirects
    status: int  # 2xx, or 304 for "not modified"
    body: bytes
    headers: dict[str, str]
    requests: int = 1  # HTTP requests it took (retries and redirects included)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class _Host:
    """Pacing for one host: a concurrency cap and the earliest time the next request may start."""

    def __init__(self, per_host: int) -> None:
        self.slots = threading.BoundedSemaphore(max(1, per_host))
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.interval = 0.0
        self.robots: RobotFileParser | None = None
        self.robots_ok = True  # False: robots.txt could not be read, so nothing may be fetched
        self.robots_expires = 0.0
        self.robots_lock = threading.Lock()


class Fetcher:
    """``get(url, etag=, last_modified=)`` with the policy's limits; safe to share between threads."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self.requests = 0  # counted for tests and the benchmark

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        with self._lock:
            if key not in self._hosts:
                host = _Host(self.policy.per_host)
                host.interval = self.policy.host_interval
                self._hosts[key] = host
            return self._hosts[key]

    # -- one request ----------------------------------------------------------
    def _send(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """One GET without redirects or retries; the body only for 2xx answers, read up to the cap."""
        policy = self.policy
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("E600", f"{url}: not an http(s) URL")
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn: http.client.HTTPConnection
        if parts.scheme == "https":
            conn = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=policy.timeout)
        else:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=policy.timeout)
        started = time.monotonic()
        with self._lock:
            self.requests += 1
        try:
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            found = {k.lower(): v for k, v in resp.getheaders()}
            if not 200 <= resp.status < 300:
                return resp.status, found, b""
            declared = found.get("content-length", "")
            if declared.isdigit() and int(declared) > policy.max_bytes:
                raise FetchError("E604", f"{url}: {declared} bytes declared, the cap is {policy.max_bytes}")
            body = self._read(resp, url, started, found.get("content-encoding", "").lower())
            return resp.status, found, body
        except FetchError:
            raise
        except ssl.SSLCertVerificationError as exc:
            raise FetchError("E607", f"{url}: certificate: {exc.verify_message}") from exc
        except TimeoutError as exc:
            raise FetchError("E601", f"{url}: no answer within {policy.timeout:g}s", retryable=True) from exc
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError("E607", f"{url}: {type(exc).__name__}: {exc}"[:300], retryable=True) from exc
        finally:
            conn.close()

    def _read(self, resp: http.client.HTTPResponse, url: str, started: float, encoding: str) -> bytes:
        policy = self.policy
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding in ("gzip", "x-gzip") else None
        parts: list[bytes] = []
        size = 0
        while chunk := resp.read(_CHUNK):
            if inflate is not None:
                # Decompress as it arrives, never more than the cap: a small gzip bomb stays small.
                chunk = inflate.decompress(chunk, policy.max_bytes + 1 - size)
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchError("E604", f"{url}: over the {policy.max_bytes}-byte cap")
            parts.append(chunk)
            if time.monotonic() - started > policy.deadline:
                raise FetchError("E601", f"{url}: still downloading after {policy.deadline:g}s", retryable=True)
        return b"".join(parts)

    def _paced(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """``_send`` inside the host's concurrency cap and after its gap since the previous start."""
        host = self._host(url)
        with host.slots:
            with host.lock:
                now = time.monotonic()
                wait = host.next_start - now
                host.next_start = max(now, host.next_start) + host.interval
            if wait > 0:
                time.sleep(wait)
            return self._send(url, headers)

    def _retrying(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, int]:
        policy = self.policy
        attempts = max(1, policy.retries + 1)
        for attempt in range(attempts):
            last = attempt == attempts - 1
            pause = policy.backoff * (2**attempt)
            try:
                status, found, body = self._paced(url, headers)
            except FetchError as exc:
                if not exc.retryable or last:
                    raise
                time.sleep(pause)
                continue
            if (status >= 500 or status == 429) and not last:
                time.sleep(min(policy.max_retry_after, max(pause, _retry_after(found.get("retry-after")))))
                continue
            return status, found, body, attempt + 1
        raise AssertionError("unreachable")  # the loop returns or raises on its last attempt

    # -- robots.txt -------------------------------------------------------------
    def allowed(self, url: str) -> bool:
        """Whether robots.txt of ``url``'s host lets this user agent fetch it (read once per TTL)."""
        if not self.policy.robots:
            return True
        host = self._host(url)
        with host.robots_lock:
            if time.monotonic() >= host.robots_expires:
                self._load_robots(url, host)
        if not host.robots_ok:
            return False
        return host.robots is None or host.robots.can_fetch(ROBOTS_TOKEN, url)

    def _load_robots(self, url: str, host: _Host) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        ttl = self.policy.robots_ttl
        headers = {"User-Agent": self.policy.user_agent}
        host.robots, host.robots_ok = None, True
        try:
            status, found, body, _ = self._retrying(robots_url, headers)
            hops = 0
            while status in REDIRECTS and found.get("location") and hops < self.policy.max_redirects:
                hops += 1
                robots_url = urljoin(robots_url, found["location"])
                status, found, body, _ = self._retrying(robots_url, headers)
        except FetchError:
            status, body = 503, b""
        if 200 <= status < 300:
            parser = RobotFileParser(robots_url)
            parser.parse(body.decode("utf-8", "replace").splitlines())
            host.robots = parser
            delay = parser.crawl_delay(ROBOTS_TOKEN)
            if delay:
                host.interval = max(self.policy.host_interval, min(float(delay), 60.0))
        elif status >= 500 or status in REDIRECTS:
            # RFC 9309: an unreachable robots.txt means "assume everything is disallowed", for a while.
            host.robots_ok = False
            ttl = min(ttl, 600.0)
        host.robots_expires = time.monotonic() + ttl

    # -- the public call ------------------------------------------------------------
    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` following at most ``max_redirects`` redirects; raises FetchError with the reason."""
        headers = {"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip", "Accept": "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {normalise_url(url)}
        requests = 0
        for _ in range(self.policy.max_redirects + 1):
            if not self.allowed(url):
                raise FetchError("E605", f"{url}: disallowed by robots.txt")
            status, found, body, tries = self._retrying(url, headers)
            requests += tries
            if status in REDIRECTS and found.get("location"):
                target = urljoin(url, found["location"])
                key = normalise_url(target)
                if key in seen:
                    raise FetchError("E603", f"{url}: redirect loop back to {target}")
                seen.add(key)
                url = target
                continue
            if status == 304 or 200 <= status < 300:
                return Response(url=url, status=status, body=body, headers=found, requests=requests)
            raise FetchError("E602", f"{url}: HTTP {status}", status=status, retryable=status >= 500 or status == 429)
        raise FetchError("E603", f"more than {self.policy.max_redirects} redirects from {sorted(seen)[0]}")


def _retry_after(value: str | None) -> float:
    """Seconds asked for by a Retry-After header (only the seconds form; a date counts as none)."""
    try:
        return max(0.0, float(value)) if value else 0.0
    except ValueError:
        return 0.0
