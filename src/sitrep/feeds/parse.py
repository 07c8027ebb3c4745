"""Feed documents (RSS, Atom, JSON Feed) into entries: link, title, date, and any text the feed carries.

A document that is not well-formed XML is refused (E606) rather than read
by feedparser's forgiving parser: a damaged feed can carry damaged links,
and the next poll tries again. Undeclared HTML entities (``&nbsp;``), which
many publishers leave in, are not counted as damage.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sitrep.feeds.config import normalise_url
from sitrep.feeds.fetcher import FetchError
from sitrep.io.formats import fragment_text

JSON_FEED_PREFIX = "https://jsonfeed.org/version/"
_TOLERATED = ("undefined entity",)


@dataclass
class Entry:
    key: str  # normalised page URL, or feed URL + '#' + entry id when the entry has no link
    url: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD
    text: str  # what the feed itself says (content, else summary); the page's text is preferred
    source: str | None  # the feed's own title


def parse_feed(raw: bytes, feed_url: str, content_type: str = "") -> list[Entry]:
    """Entries of the document at ``feed_url`` (relative links resolved against it); E606 when unreadable."""
    head = raw[:256].lstrip()
    if "json" in content_type or head.startswith(b"{"):
        return _json_feed(raw, feed_url)
    return _xml_feed(raw, feed_url)


def _entry(feed_url: str, link: Any, ident: Any, title: str, published: str | None, text: str, source: Any) -> Entry | None:
    url = normalise_url(str(link), base=feed_url) if link else None
    if url is None and not (ident and text.strip()):
        return None  # neither a page to fetch nor text to read
    key = url or f"{normalise_url(feed_url)}#{ident}"
    return Entry(
        key=key,
        url=url,
        title=title or None,
        published=published,
        text=text,
        source=str(source) if source else None,
    )


def _xml_feed(raw: bytes, feed_url: str) -> list[Entry]:
    import feedparser

    parsed = feedparser.parse(raw)
    problem = getattr(parsed, "bozo_exception", None) if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ == "SAXParseException":
        if not any(t in str(problem).lower() for t in _TOLERATED):
            raise FetchError("E606", f"{feed_url}: not well-formed XML: {problem}"[:300])
    if not parsed.get("version") and not parsed.entries:
        raise FetchError("E606", f"{feed_url}: not an RSS, Atom or JSON feed")
    source = parsed.feed.get("title") if hasattr(parsed, "feed") else None
    entries: list[Entry] = []
    for item in parsed.entries:
        body = ""
        for content in item.get("content") or []:
            if content.get("value"):
                body = content["value"]
                break
        text = fragment_text(body or item.get("summary") or "")
        title = fragment_text(item.get("title") or "")
        when = item.get("published_parsed") or item.get("updated_parsed")
        published = date(when.tm_year, when.tm_mon, when.tm_mday).isoformat() if when else None
        entry = _entry(feed_url, item.get("link"), item.get("id"), title, published, text, source)
        if entry is not None:
            entries.append(entry)
    return entries


def _json_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return value[:10] if len(value) >= 10 and value[4] == "-" else None


def _json_feed(raw: bytes, feed_url: str) -> list[Entry]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FetchError("E606", f"{feed_url}: not valid JSON: {exc}"[:300]) from exc
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED_PREFIX):
        raise FetchError("E606", f"{feed_url}: JSON without a JSON Feed version")
    items = data.get("items")
    if not isinstance(items, list):
        raise FetchError("E606", f"{feed_url}: a JSON Feed needs an 'items' list")
    entries: list[Entry] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        text = item.get("content_text") or fragment_text(str(item.get("content_html") or "")) or item.get("summary")
        link = item.get("url") or item.get("external_url")
        title = str(item.get("title") or "")
        published = _json_date(item.get("date_published") or item.get("date_modified"))
        entry = _entry(feed_url, link, item.get("id"), title, published, str(text or ""), data.get("title"))
        if entry is not None:
            entries.append(entry)
    return entries
