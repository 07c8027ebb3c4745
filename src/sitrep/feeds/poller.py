"""One poll of a feed: read it (conditionally), fetch the pages of new items, put each in the queue.

Each item is committed to ``feed_items`` on its own as soon as its page is
in, so stopping (or being killed) at any point loses only work in flight.
The feed's ETag / Last-Modified are saved last, and only when every new item
is either stored or failed for good; otherwise the next poll reads the whole
feed again and picks up what is missing (stored items are skipped by key).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sitrep.errors import SitrepError
from sitrep.feeds.config import FeedSpec
from sitrep.feeds.fetcher import Fetcher, FetchError
from sitrep.feeds.parse import Entry, parse_feed
from sitrep.feeds.queue import RETRYABLE_CODES, FeedTables
from sitrep.io.readers import decode_bytes, html_to_article
from sitrep.model import text_hash

log = logging.getLogger("sitrep.feeds")
PAGE_WORKERS = 8  # pages fetched at once across hosts; each host keeps its own cap


@dataclass
class PollResult:
    feed_id: str
    url: str
    status: int | None = None  # HTTP status of the feed (304 = unchanged), None when unreachable
    entries: int = 0
    new_items: int = 0
    failed_items: int = 0
    skipped: int = 0  # entries already in the queue
    error: str | None = None
    codes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def page_text(body: bytes, content_type: str, url: str) -> tuple[str, str | None, str | None]:
    """(main text, title, published) of a fetched page; trafilatura for HTML."""
    try:
        decoded = decode_bytes(body)
    except SitrepError as exc:
        raise FetchError("E608", f"{url}: {exc.detail}") from exc
    if content_type.startswith("text/plain"):
        return decoded.strip(), None, None
    article = html_to_article(decoded, url)
    if article is None or not article.text.strip():
        raise FetchError("E608", f"{url}: no main text found in the page")
    return article.text, article.title, article.published


def fetch_item(spec: FeedSpec, entry: Entry, fetcher: Fetcher) -> dict[str, Any]:
    """The queue row for ``entry``: its page's main text, else (no link) the text the feed carries."""
    title, published = entry.title, entry.published
    if entry.url is None:
        text = entry.text
    else:
        response = fetcher.get(entry.url)
        text, page_title, page_date = page_text(response.body, response.content_type, entry.url)
        title = title or page_title
        published = published or page_date
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"  # the headline is often where the event is named
    return {
        "item_key": entry.key,
        "feed_id": spec.feed_id,
        "url": entry.url,
        "title": title,
        "published": (published or "")[:10] or None,
        "source": spec.source or entry.source,
        "country": spec.country,
        "text": text,
        "content_hash": text_hash(text),
    }


def poll_feed(
    spec: FeedSpec, fetcher: Fetcher, tables: FeedTables, stop: threading.Event | None = None
) -> PollResult:
    """Poll one feed; every failure is recorded in the tables and returned, never raised."""
    result = PollResult(spec.feed_id, spec.url)
    etag, last_modified = tables.validators(spec.feed_id)
    try:
        response = fetcher.get(spec.url, etag=etag, last_modified=last_modified)
        result.status = response.status
        if response.not_modified:
            tables.record_poll(spec, status=304)
            return result
        entries = parse_feed(response.body, response.url, response.content_type)
    except FetchError as exc:
        result.status, result.error, result.codes = exc.status, exc.detail, [exc.code]
        tables.record_poll(spec, status=exc.status, error=exc)
        log.warning("feed %s: %s %s", spec.url, exc.code, exc.detail)
        return result
    unique = list({e.key: e for e in entries}.values())
    result.entries = len(unique)
    skip = tables.skip_keys([e.key for e in unique])
    todo = [e for e in unique if e.key not in skip]
    result.skipped = len(unique) - len(todo)
    complete = True
    # A page counts against its feed's cap until it is stored, not only while it downloads: pages fetched but
    # waiting for the store's write lock would be lost to a crash and fetched again.
    in_hand = threading.BoundedSemaphore(max(1, fetcher.policy.per_host))

    def one(entry: Entry) -> str | None:
        """Fetch and store one item; the failure code when there is one."""
        if stop is not None and stop.is_set():
            return "stopped"
        try:
            with in_hand:
                tables.put_item(fetch_item(spec, entry, fetcher))
        except SitrepError as exc:
            tables.fail_item(spec, entry.key, entry.url, exc)
            return exc.code
        return None

    with ThreadPoolExecutor(max_workers=PAGE_WORKERS, thread_name_prefix="sitrep-page") as pool:
        for code in pool.map(one, todo):
            if code is None:
                result.new_items += 1
            elif code == "stopped":
                complete = False
            else:
                result.failed_items += 1
                result.codes.append(code)
                complete = complete and code not in RETRYABLE_CODES
    # Validators only when nothing is left to fetch later: a 304 must never hide a missing item.
    tables.record_poll(
        spec,
        status=response.status,
        etag=response.etag if complete else None,
        last_modified=response.last_modified if complete else None,
        items=result.new_items,
    )
    return result


def poll_due(
    tables: FeedTables, fetcher: Fetcher, *, everything: bool = False, stop: threading.Event | None = None,
    workers: int = 4,
) -> list[PollResult]:
    """Poll every feed that is due (``everything``: every feed), a few at a time."""
    specs = [FeedSpec(f["url"], f["every_seconds"], f["country"], f["source"]) for f in tables.feeds()] if everything \
        else tables.due()
    if not specs:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(specs))), thread_name_prefix="sitrep-feed") as pool:
        return list(pool.map(lambda s: poll_feed(s, fetcher, tables, stop), specs))
