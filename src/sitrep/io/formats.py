"""Record-shaped inputs: RSS/Atom feed entries and CSV rows, as plain records.

Each function yields ``(record, fallback_id)`` pairs where ``record`` is the
dict shape ``readers.article_from_record`` takes ({id, text, title, url,
published, source}); a record that can't be made becomes an exception the
reader turns into a quarantined input.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from typing import IO, Any

TEXT_COLUMNS = ("text", "body", "content", "article", "article_text", "story")
ID_COLUMNS = ("id", "article_id", "guid", "url", "link")
DATE_COLUMNS = ("published", "date", "pubdate", "published_at", "publication_date")
_BLOCK_TAGS = frozenset("p div br li h1 h2 h3 h4 h5 h6 blockquote tr section article".split())
_SPACES = re.compile(r"[ \t\r\f\v]+")


class _TextCollector(HTMLParser):
    """Text of an HTML fragment, one paragraph per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def fragment_text(html: str) -> str:
    """Plain text of a short HTML fragment (feed entry body), paragraphs kept."""
    if "<" not in html:
        return html.strip()
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = "".join(collector.parts)
    paragraphs = [_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _struct_date(value: Any) -> str | None:
    if not value:
        return None
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    except (AttributeError, ValueError):
        return None


def feed_records(raw: bytes, name: str) -> Iterator[tuple[dict[str, Any], str]]:
    """Entries of an RSS or Atom feed: content (else summary) as text, entry date as published."""
    import feedparser

    parsed = feedparser.parse(raw)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise ValueError(f"no feed entries found{': ' + str(reason)[:200] if reason else ''}")
    source = parsed.feed.get("title") if hasattr(parsed, "feed") else None
    for number, entry in enumerate(parsed.entries, start=1):
        body = ""
        for content in entry.get("content") or []:
            if content.get("value"):
                body = content["value"]
                break
        body = fragment_text(body or entry.get("summary") or "")
        title = fragment_text(entry.get("title") or "")
        text = f"{title}\n\n{body}" if title and body and not body.startswith(title) else (body or "")
        published = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        record = {
            "id": entry.get("id") or entry.get("link"),
            "url": entry.get("link"),
            "title": title or None,
            "text": text,
            "published": published,
            "source": source,
        }
        yield record, f"{name}#{number}"


def _pick(row: dict[str, Any], names: tuple[str, ...]) -> str | None:
    lowered = {str(k).strip().lower(): k for k in row if k is not None}
    for name in names:
        if name in lowered:
            value = row[lowered[name]]
            if value not in (None, ""):
                return str(value)
    return None


def csv_records(stream: IO[str], name: str, max_field: int) -> Iterator[tuple[dict[str, Any], str]]:
    """Rows of a CSV file with a text column (text/body/content/...), streamed."""
    csv.field_size_limit(max(max_field + 1, csv.field_size_limit()))
    reader = csv.DictReader(stream)
    header = [str(h).strip().lower() for h in (reader.fieldnames or [])]
    if not any(c in header for c in TEXT_COLUMNS):
        raise ValueError(f"no text column (one of {', '.join(TEXT_COLUMNS)}) in the header")
    for number, row in enumerate(reader, start=2):
        record = {
            "id": _pick(row, ID_COLUMNS),
            "url": _pick(row, ("url", "link")),
            "title": _pick(row, ("title", "headline")),
            "text": _pick(row, TEXT_COLUMNS) or "",
            "published": _pick(row, DATE_COLUMNS),
            "source": _pick(row, ("source", "publisher", "outlet")),
        }
        yield record, f"{name}:{number}"
