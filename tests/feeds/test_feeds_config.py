"""Durations, URL keys and feed documents: the pure parts of the watcher."""

from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.feeds.config import format_duration, make_spec, normalise_url, parse_duration
from sitrep.feeds.fetcher import FetchError
from sitrep.feeds.parse import parse_feed


@pytest.mark.parametrize(
    ("text", "seconds"), [("5s", 5), ("15m", 900), ("1h", 3600), ("2d", 172800), ("90", 90), ("1.5m", 90), ("500ms", 0.5)]
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "5x", "-1m", "0s"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(SitrepError) as caught:
        parse_duration(text)
    assert caught.value.code == "E600"


def test_format_duration_round_trips() -> None:
    for text in ("5s", "15m", "1h", "2d", "90s"):
        assert parse_duration(format_duration(parse_duration(text))) == parse_duration(text)


def test_url_normalisation() -> None:
    same = {
        normalise_url("HTTP://News.Example.COM:80/a?b=2&a=1&utm_source=rss#comments"),
        normalise_url("http://news.example.com/a?a=1&b=2&fbclid=xyz"),
        normalise_url("/a?a=1&b=2", base="http://news.example.com/feed.xml"),
    }
    assert same == {"http://news.example.com/a?a=1&b=2"}
    assert normalise_url("https://x.org:8443/p") == "https://x.org:8443/p"
    assert normalise_url("https://x.org") == "https://x.org/"
    assert normalise_url("http://x.org/a") != normalise_url("http://x.org/A")  # paths are case-sensitive


def test_specs_are_checked() -> None:
    spec = make_spec("https://x.org/rss?utm_medium=feed", "5m", country=" Iraq ", source="")
    assert spec.url == "https://x.org/rss" and spec.every == 300 and spec.country == "Iraq" and spec.source is None
    for bad in ("ftp://x.org/feed", "not a url", "/relative/feed.xml"):
        with pytest.raises(SitrepError):
            make_spec(bad)
    with pytest.raises(SitrepError):
        make_spec("https://x.org/rss", "100ms")


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Clash in &amp; around Kirkuk&nbsp;city</title><link>/k?utm_campaign=x</link><pubDate>Wed, 05 Mar 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Two killed.&lt;/p&gt;</description></item>
<item><title>No link</title><guid isPermaLink="false">abc</guid><description>Text only.</description></item>
<item><title>Nothing at all</title></item>
</channel></rss>"""


def test_rss_entries() -> None:
    entries = parse_feed(RSS, "https://desk.example/feed.xml")
    assert [e.key for e in entries] == ["https://desk.example/k", "https://desk.example/feed.xml#abc"]
    first = entries[0]
    assert first.published == "2025-03-05" and first.text == "Two killed." and first.source == "Desk"
    assert entries[1].url is None and entries[1].text == "Text only."


def test_atom_and_json_feed() -> None:
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><id>x</id><updated>2025-01-02T00:00:00Z</updated>'
        b'<entry><title>T</title><link href="https://w.example/1"/><id>1</id><updated>2025-01-02T10:00:00Z</updated>'
        b"<content type='html'>&lt;b&gt;Body&lt;/b&gt;</content></entry></feed>"
    )
    (entry,) = parse_feed(atom, "https://w.example/atom")
    assert (entry.url, entry.published, entry.text) == ("https://w.example/1", "2025-01-02", "Body")
    jf = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": ['
        b'{"id": "1", "url": "https://j.example/1", "title": "A", "date_published": "2025-02-03T04:05:06Z"},'
        b'{"id": "2", "content_text": "Only text"}, {"id": "3"}, "junk"]}'
    )
    entries = parse_feed(jf, "https://j.example/feed.json", "application/feed+json")
    assert [(e.key, e.published) for e in entries] == [
        ("https://j.example/1", "2025-02-03"),
        ("https://j.example/feed.json#2", None),
    ]


@pytest.mark.parametrize(
    "raw",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut',
        b"<html><body><p>Just a page</p></body></html>",
        b'{"items": []}',
        b"{not json",
    ],
)
def test_unreadable_documents_are_refused(raw: bytes) -> None:
    with pytest.raises(FetchError) as caught:
        parse_feed(raw, "https://x.example/feed")
    assert caught.value.code == "E606"
