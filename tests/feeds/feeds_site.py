"""A local news site for the feed tests (127.0.0.1 only): feeds and pages that can change between polls.

Routes are set by the test (``site.set``); every request is logged with its
path, conditional headers and the status answered. Feeds get a strong ETag
and a Last-Modified and answer 304 when the client sends either back
unchanged. Special behaviours: ``delay`` (answer late), ``huge`` (stream
bytes without a length until the client gives up), ``redirect``.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    conditional: bool = False
    redirect: str | None = None
    huge: int = 0  # bytes to stream with no Content-Length
    extra: dict[str, str] = field(default_factory=dict)  # more response headers
    modified: float = field(default_factory=time.time)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> Site:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: bytes | str = b"", **options: Any) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self.lock:
            self.routes[path] = Route(body=data, **options)

    def requests(self, path: str) -> list[dict[str, Any]]:
        with self.lock:
            return [r for r in self.log if r["path"] == path]

    # -- content --------------------------------------------------------------------
    def page(self, path: str, title: str, text: str, delay: float = 0.0) -> None:
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())
        html = (
            f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
            "<footer>Copyright The Test Gazette</footer></body></html>"
        )
        self.set(path, html, delay=delay)

    def rss(self, path: str, items: list[tuple[str, str]], title: str = "The Test Gazette") -> None:
        """``items``: (title, link path) pairs."""
        entries = "".join(
            f"<item><title>{escape(t)}</title><link>{self.url(p)}?utm_source=rss</link><guid>{escape(p)}</guid>"
            "<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>"
            for t, p in items
        )
        xml = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>{entries}</channel></rss>'
        self.set(path, xml, content_type="application/rss+xml", conditional=True)

    def atom(self, path: str, items: list[tuple[str, str]], title: str = "Atom Wire") -> None:
        entries = "".join(
            f'<entry><title>{escape(t)}</title><link href="{escape(p)}"/><id>urn:test:{escape(p)}</id>'
            "<updated>2025-03-05T08:00:00Z</updated></entry>"
            for t, p in items
        )
        xml = (
            f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}'
            f"</title><id>urn:test:feed</id><updated>2025-03-05T08:00:00Z</updated>{entries}</feed>"
        )
        self.set(path, xml, content_type="application/atom+xml", conditional=True)

    def json_feed(self, path: str, items: list[tuple[str, str]]) -> None:
        body = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "JSON Desk",
            "items": [{"id": p, "url": self.url(p), "title": t, "date_published": "2025-03-06T09:00:00Z"} for t, p in items],
        }
        self.set(path, json.dumps(body), content_type="application/feed+json", conditional=True)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, *args: Any) -> None:  # quiet test output
            pass

        def _answer(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
            with site.lock:
                site.log.append(
                    {
                        "path": self.path.split("?")[0],
                        "status": status,
                        "if_none_match": self.headers.get("If-None-Match"),
                        "if_modified_since": self.headers.get("If-Modified-Since"),
                        "user_agent": self.headers.get("User-Agent"),
                        "at": time.monotonic(),
                    }
                )
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if body:
                try:
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (a timeout test): nothing to tell it

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            path = self.path.split("?")[0]
            with site.lock:
                route = site.routes.get(path)
            if route is None:
                if path == "/robots.txt":
                    self._answer(404, {"Content-Length": "0"})
                else:
                    self._answer(404, {"Content-Length": "9"}, b"not found")
                return
            if route.delay:
                time.sleep(route.delay)
            if route.redirect:
                self._answer(route.status if route.status in (301, 302, 303, 307, 308) else 302, {"Location": route.redirect, "Content-Length": "0"})
                return
            if route.huge:
                self._stream(route.huge)
                return
            headers = {"Content-Type": route.content_type, "Content-Length": str(len(route.body)), **route.extra}
            if route.conditional:
                etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
                stamp = formatdate(route.modified, usegmt=True)
                headers.update({"ETag": etag, "Last-Modified": stamp})
                if self.headers.get("If-None-Match") == etag or (
                    not self.headers.get("If-None-Match") and self.headers.get("If-Modified-Since") == stamp
                ):
                    self._answer(304, {"ETag": etag})
                    return
            self._answer(route.status, headers, route.body if route.status < 300 else route.body or b"error")

        def _stream(self, size: int) -> None:
            self._answer(200, {"Content-Type": "text/html"})
            chunk = b"<p>" + b"x" * 65530 + b"</p>"
            sent = 0
            try:
                while sent < size:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass  # the client stopped reading: what a size cap should do

    return Handler
