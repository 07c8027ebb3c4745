"""Live feeds: configured RSS / Atom / JSON Feed sources polled politely into a durable queue in the store.

- ``config``: durations, URL normalisation, ``FeedSpec``.
- ``fetcher``: the polite HTTP client (robots.txt, conditional requests, pacing, caps, retries).
- ``parse``: feed documents into entries.
- ``queue``: the ``feeds`` / ``feed_items`` / ``feed_failures`` tables.
- ``poller``: one poll of a feed into the queue.
- ``worker``: the background watcher (poll, ingest, incremental dedup) used by ``sitrep serve --watch``.
"""

from sitrep.feeds.config import FeedSpec, make_spec, normalise_url, parse_duration
from sitrep.feeds.fetcher import Fetcher, FetchError, FetchPolicy
from sitrep.feeds.poller import PollResult, poll_due, poll_feed
from sitrep.feeds.queue import FeedTables
from sitrep.feeds.worker import Watcher, process_pending

__all__ = [
    "FeedSpec",
    "FeedTables",
    "FetchError",
    "FetchPolicy",
    "Fetcher",
    "PollResult",
    "Watcher",
    "make_spec",
    "normalise_url",
    "parse_duration",
    "poll_due",
    "poll_feed",
    "process_pending",
]
