"""The polite fetcher against a local server: conditional requests, pacing, caps, redirects, robots.txt."""

from __future__ import annotations

import gzip
import time

import pytest
from feeds_site import Site

from sitrep.feeds.fetcher import Fetcher, FetchError, FetchPolicy


def fast(**overrides: object) -> Fetcher:
    options = {"host_interval": 0.0, "timeout": 2.0, "retries": 1, "backoff": 0.05, **overrides}
    return Fetcher(FetchPolicy(**options))  # type: ignore[arg-type]


def test_etag_then_304_and_user_agent(site: Site) -> None:
    site.rss("/feed.xml", [("One", "/a")])
    fetcher = fast()
    first = fetcher.get(site.url("/feed.xml"))
    assert first.status == 200 and first.etag and first.last_modified
    again = fetcher.get(site.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    by_date = fetcher.get(site.url("/feed.xml"), last_modified=first.last_modified)
    assert by_date.status == 304
    log = site.requests("/feed.xml")
    assert [r["status"] for r in log] == [200, 304, 304]
    assert log[1]["if_none_match"] == first.etag
    assert log[0]["user_agent"].startswith("sitrep/")
    site.rss("/feed.xml", [("One", "/a"), ("Two", "/b")])  # changed: the old ETag no longer matches
    assert fetcher.get(site.url("/feed.xml"), etag=first.etag).status == 200


def test_server_error_is_retried_then_reported(site: Site) -> None:
    site.set("/broken.xml", "oops", status=500)
    with pytest.raises(FetchError) as caught:
        fast(retries=2).get(site.url("/broken.xml"))
    assert caught.value.code == "E602" and caught.value.status == 500
    assert len(site.requests("/broken.xml")) == 3  # the first try and two retries


def test_not_found_is_not_retried(site: Site) -> None:
    with pytest.raises(FetchError) as caught:
        fast(retries=3).get(site.url("/missing"))
    assert caught.value.code == "E602" and len(site.requests("/missing")) == 1


def test_timeout(site: Site) -> None:
    site.set("/slow", "late", delay=1.5)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fast(timeout=0.3, retries=0).get(site.url("/slow"))
    assert caught.value.code == "E601" and time.monotonic() - started < 1.4


def test_redirects_followed_within_limits(site: Site) -> None:
    site.set("/old", redirect="/mid", status=301)
    site.set("/mid", redirect=site.url("/new"), status=302)
    site.set("/new", "here")
    got = fast().get(site.url("/old"))
    assert got.body == b"here" and got.url == site.url("/new")
    site.set("/loop-a", redirect="/loop-b")
    site.set("/loop-b", redirect="/loop-a")
    with pytest.raises(FetchError) as loop:
        fast().get(site.url("/loop-a"))
    assert loop.value.code == "E603" and "loop" in loop.value.detail
    for n in range(8):
        site.set(f"/hop{n}", redirect=f"/hop{n + 1}")
    with pytest.raises(FetchError) as chain:
        fast(max_redirects=3).get(site.url("/hop0"))
    assert chain.value.code == "E603" and len(site.requests("/hop3")) == 1 and not site.requests("/hop4")


def test_size_cap_declared_and_streamed(site: Site) -> None:
    site.set("/big", b"x" * 5000)
    with pytest.raises(FetchError) as declared:
        fast(max_bytes=1000).get(site.url("/big"))
    assert declared.value.code == "E604"
    site.set("/endless", huge=50_000_000)
    started = time.monotonic()
    with pytest.raises(FetchError) as streamed:
        fast(max_bytes=200_000).get(site.url("/endless"))
    assert streamed.value.code == "E604" and time.monotonic() - started < 5


def test_gzip_is_decoded_and_capped(site: Site) -> None:
    payload = b"<p>" + b"word " * 2000 + b"</p>"
    site.set("/z", gzip.compress(payload), extra={"Content-Encoding": "gzip"})
    assert fast().get(site.url("/z")).body == payload
    with pytest.raises(FetchError) as caught:  # small on the wire, over the cap once inflated
        fast(max_bytes=1000).get(site.url("/z"))
    assert caught.value.code == "E604"


def test_robots_txt_is_obeyed_and_read_once(site: Site) -> None:
    site.set("/robots.txt", "User-agent: sitrep\nDisallow: /private/\n", content_type="text/plain")
    site.set("/private/page", "secret")
    site.set("/public/page", "open")
    fetcher = fast()
    assert fetcher.get(site.url("/public/page")).body == b"open"
    with pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/private/page"))
    assert caught.value.code == "E605"
    assert not site.requests("/private/page") and len(site.requests("/robots.txt")) == 1


def test_unreadable_robots_txt_means_keep_out(site: Site) -> None:
    site.set("/robots.txt", "down", status=503)
    site.set("/page", "content")
    with pytest.raises(FetchError) as caught:
        fast(retries=0).get(site.url("/page"))
    assert caught.value.code == "E605" and not site.requests("/page")


def test_requests_to_one_host_are_spaced(site: Site) -> None:
    site.set("/p", "x")
    fetcher = fast(host_interval=0.2, robots=False)
    for _ in range(4):
        fetcher.get(site.url("/p"))
    times = [r["at"] for r in site.requests("/p")]
    assert times[-1] - times[0] >= 0.55
