"""Turn input files into Articles, or into errors that say why not.

Every reader yields ``Input`` items in input order: an Article ready for the
pipeline, or a failure carrying the id it would have had and an ErrorInfo.
One bad line or file never stops the others.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError, error
from sitrep.model import Article, ErrorInfo

MAX_BYTES = 2_000_000  # longer than any news article; guards memory on junk input


@dataclass
class Input:
    id: str
    article: Article | None = None
    failure: ErrorInfo | None = None
    origin: str = ""  # file path (and line) the input came from
    raw_hash: str | None = None  # hash of the raw bytes, so a quarantined input is recorded once
    stable_id: bool = True  # False for made-up ids (file:line, stdin) that can't identify a version


def decode_bytes(raw: bytes) -> str:
    """UTF-8 first, then Windows-1252/Latin-1, which accept any byte sequence."""
    if b"\x00" in raw[:4096]:
        raise SitrepError("E103", "contains NUL bytes")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def check_text(text: str) -> ErrorInfo | None:
    """Why ``text`` can't be an article, or None when it can."""
    if not text or not text.strip():
        return error("E102")
    if len(text) > MAX_BYTES:
        return error("E105", f"{len(text)} characters")
    sample = text[:4000]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\r\n\t") or 0xFFFD == ord(c))
    letters = sum(1 for c in sample if c.isalpha())
    if controls > len(sample) * 0.05 or letters < len(sample.strip()) * 0.4:
        return error("E103", f"{controls} control characters, {letters} letters in the first {len(sample)}")
    return None


def article_from_record(record: Any, fallback_id: str, origin: str = "") -> Input:
    """A JSONL record {id, text, title?, url?, published?, source?} as an Input."""
    if not isinstance(record, dict):
        return Input(fallback_id, failure=error("E110", "a JSON object is expected"), origin=origin)
    rid = str(record.get("id") or record.get("url") or fallback_id)
    text = record.get("text")
    if text is None:
        return Input(rid, failure=error("E101", "no 'text' field"), origin=origin)
    if not isinstance(text, str):
        return Input(rid, failure=error("E110", "'text' must be a string"), origin=origin)
    problem = check_text(text)
    if problem:
        return Input(rid, failure=problem, origin=origin)
    published = record.get("published") or record.get("date")
    article = Article(
        text=text,
        id=rid,
        url=record.get("url"),
        title=record.get("title"),
        source=record.get("source"),
        published=str(published)[:10] if published else None,
        language=record.get("language"),
    )
    return Input(rid, article=article, origin=origin)


def read_jsonl_lines(lines: Iterator[bytes], name: str) -> Iterator[Input]:
    for number, raw in enumerate(lines, start=1):
        fallback = f"{name}:{number}"
        if not raw.strip():
            yield Input(fallback, failure=error("E102", "blank line"), origin=fallback)
            continue
        try:
            record = json.loads(decode_bytes(raw))
        except (SitrepError, ValueError) as exc:
            yield Input(fallback, failure=error("E100", str(exc)[:200]), origin=fallback)
            continue
        yield article_from_record(record, fallback, origin=fallback)


def html_to_article(html: str, fallback_id: str) -> Article | None:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:
        return None
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = data.get("text") or ""
    title = data.get("title")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Article(
        text=text,
        id=data.get("url") or fallback_id,
        url=data.get("url"),
        title=title,
        source=data.get("sitename") or data.get("hostname"),
        published=(data.get("date") or None),
    )


def read_text_document(raw: bytes, name: str, suffix: str) -> Input:
    try:
        text = decode_bytes(raw)
    except SitrepError as exc:
        return Input(name, failure=exc.info(), origin=name)
    if suffix in (".html", ".htm"):
        if not text.strip():
            return Input(name, failure=error("E102"), origin=name)
        article = html_to_article(text, name)
        if article is None or not article.text.strip():
            return Input(name, failure=error("E107", "no article text found in the HTML"), origin=name)
        article.id = name
        problem = check_text(article.text)
        return Input(name, article=None if problem else article, failure=problem, origin=name)
    problem = check_text(text)
    if problem:
        return Input(name, failure=problem, origin=name)
    first_line = text.strip().splitlines()[0].strip()
    return Input(name, article=Article(text=text, id=name, title=first_line[:300]), origin=name)


def read_path(path: str) -> Iterator[Input]:
    """Inputs from one path: a file, ``-`` for stdin. Raises SitrepError when unreadable."""
    if path == "-":
        raw = sys.stdin.buffer.read()
        stripped = raw.lstrip()
        if stripped.startswith(b"{"):
            yield from read_jsonl_lines(iter(raw.splitlines()), "stdin")
        else:
            yield read_text_document(raw, "stdin", ".txt")
        return
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise SitrepError("E108", f"{path}: {exc.strerror or exc}") from exc
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl_lines(iter(raw.splitlines()), str(p))
    else:
        yield read_text_document(raw, str(p), suffix)


def read_inputs(paths: list[str]) -> Iterator[Input]:
    for path in paths:
        yield from read_path(path)
