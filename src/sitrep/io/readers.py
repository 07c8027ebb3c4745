"""Turn input files into Articles, or into errors that say why not.

Every reader yields ``Input`` items in input order: an Article ready for the
pipeline, or a failure carrying the id it would have had and an ErrorInfo.
One bad line or file never stops the others.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import IO, Any

from sitrep.errors import SitrepError, error
from sitrep.model import Article, ErrorInfo

MAX_BYTES = 2_000_000  # longer than any news article; guards memory on junk input
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
JSON_SUFFIXES = frozenset({".json"})
CSV_SUFFIXES = frozenset({".csv"})
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")
_LETTERS = re.compile(r"[^\W\d_]+")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | CSV_SUFFIXES | JSON_SUFFIXES
# Store files (ingesting a folder that holds the store itself) are not inputs.
SKIPPED_ENDINGS = (".duckdb", ".duckdb.wal", ".duckdb.tmp")
MANY_ARTICLE_SUFFIXES = FEED_SUFFIXES | JSON_SUFFIXES  # whole-file formats holding many articles


@dataclass
class Input:
    id: str
    article: Article | None = None
    failure: ErrorInfo | None = None
    origin: str = ""  # file path (and line) the input came from
    raw_hash: str | None = None  # hash of the raw bytes, so a quarantined input is recorded once
    stable_id: bool = True  # False for made-up ids (file:line, stdin) that can't identify a version

    @cached_property
    def content_hash(self) -> str | None:
        """The article's identity (hash of its normalised text), computed once."""
        return self.article.content_hash if self.article is not None else None


def raw_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def decode_bytes(raw: bytes) -> str:
    """UTF-8 (or UTF-16 with a BOM) first, then Windows-1252, then Latin-1.

    NUL bytes mean binary (E103). Latin-1 accepts any byte sequence, so the
    last step fails (E104) only when the result is mostly C1 control codes,
    i.e. the bytes were not text in any 8-bit Western encoding either.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SitrepError("E104", f"bad UTF-16: {exc.reason}") from exc
    if b"\x00" in raw[:4096]:
        raise SitrepError("E103", "contains NUL bytes")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    c1 = sum(1 for c in text[:4096] if 0x80 <= ord(c) < 0xA0)
    if c1 > max(3, len(text[:4096]) // 50):
        raise SitrepError("E104", f"not UTF-8, Windows-1252 or Latin-1 text ({c1} control bytes)")
    return text


def check_text(text: str) -> ErrorInfo | None:
    """Why ``text`` can't be an article, or None when it can."""
    if not text or not text.strip():
        return error("E102")
    if len(text) > MAX_BYTES:
        return error("E105", f"{len(text)} characters")
    sample = text[:4000]
    controls = len(_CONTROL.findall(sample))
    letters = sum(map(len, _LETTERS.findall(sample)))
    if controls > len(sample) * 0.05 or letters < len(sample.strip()) * 0.4:
        return error("E103", f"{controls} control characters, {letters} letters in the first {len(sample)}")
    return None


def article_from_record(record: Any, fallback_id: str, origin: str = "") -> Input:
    """A JSONL record {id, text, title?, url?, published?, source?} as an Input."""
    if not isinstance(record, dict):
        return Input(fallback_id, failure=error("E110", "a JSON object is expected"), origin=origin)
    given = record.get("id") or record.get("url")
    rid = str(given or fallback_id)
    stable = bool(given)
    text = record.get("text")
    if text is None:
        return Input(rid, failure=error("E101", "no 'text' field"), origin=origin, stable_id=stable)
    if not isinstance(text, str):
        return Input(rid, failure=error("E110", "'text' must be a string"), origin=origin, stable_id=stable)
    problem = check_text(text)
    if problem:
        return Input(rid, failure=problem, origin=origin, stable_id=stable)
    published = record.get("published") or record.get("date")
    article = Article(
        text=text,
        id=rid,
        url=record.get("url"),
        title=record.get("title"),
        source=record.get("source"),
        published=str(published)[:10] if published else None,
        language=record.get("language"),
        country=str(record["country"]) if record.get("country") else None,  # the reporting country, if known
    )
    return Input(rid, article=article, origin=origin, stable_id=stable)


def read_jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[Input]:
    """One Input per line; a line over the size limit is quarantined without parsing it."""
    for number, raw in enumerate(lines, start=1):
        fallback = f"{name}:{number}"
        if not raw.strip():
            yield Input(fallback, failure=error("E102", "blank line"), origin=fallback, stable_id=False)
            continue
        if len(raw) > MAX_BYTES:
            yield Input(
                fallback,
                failure=error("E105", f"{len(raw)} bytes"),
                origin=fallback,
                raw_hash=raw_hash(raw),
                stable_id=False,
            )
            continue
        try:
            record = json.loads(decode_bytes(raw))
        except (SitrepError, ValueError) as exc:
            yield Input(
                fallback,
                failure=error("E100", str(exc)[:200]),
                origin=fallback,
                raw_hash=raw_hash(raw),
                stable_id=False,
            )
            continue
        item = article_from_record(record, fallback, origin=fallback)
        item.raw_hash = raw_hash(raw)
        yield item


def records_to_inputs(records: Iterable[tuple[Any, str]], origin_name: str) -> Iterator[Input]:
    for record, fallback in records:
        item = article_from_record(record, fallback, origin=fallback)
        item.raw_hash = raw_hash(json.dumps(record, sort_keys=True, default=str).encode("utf-8"))
        yield item


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
    """One file (or stdin) holding one article: plain text or an HTML page."""
    rhash = raw_hash(raw)
    stable = name != "stdin"
    if len(raw) > MAX_BYTES:
        return Input(name, failure=error("E105", f"{len(raw)} bytes"), origin=name, raw_hash=rhash, stable_id=stable)
    try:
        text = decode_bytes(raw)
    except SitrepError as exc:
        return Input(name, failure=exc.info(), origin=name, raw_hash=rhash, stable_id=stable)
    if suffix in HTML_SUFFIXES:
        if not text.strip():
            return Input(name, failure=error("E102"), origin=name, raw_hash=rhash, stable_id=stable)
        article = html_to_article(text, name)
        if article is None or not article.text.strip():
            failure = error("E107", "no article text found in the HTML")
            return Input(name, failure=failure, origin=name, raw_hash=rhash, stable_id=stable)
        # The page's own URL is the id it gives; else the path.
        article.id = article.url or name
        problem = check_text(article.text)
        return Input(
            article.id,
            article=None if problem else article,
            failure=problem,
            origin=name,
            raw_hash=rhash,
            stable_id=stable or bool(article.url),
        )
    problem = check_text(text)
    if problem:
        return Input(name, failure=problem, origin=name, raw_hash=rhash, stable_id=stable)
    first_line = text.strip().splitlines()[0].strip()
    article = Article(text=text, id=name, title=first_line[:300])
    return Input(name, article=article, origin=name, raw_hash=rhash, stable_id=stable)


def _open_text(path: Path) -> IO[str]:
    """A CSV file as text: UTF-8 when its start decodes as UTF-8, else Windows-1252."""
    with open(path, "rb") as f:
        head = f.read(65536)
    try:
        head.decode("utf-8-sig")
        encoding = "utf-8-sig"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        encoding = "utf-8-sig" if exc.start >= len(head) - 3 else "cp1252"
    return open(path, encoding=encoding, errors="replace", newline="")


def read_file(p: Path, name: str | None = None) -> Iterator[Input]:
    """Inputs from one file, by suffix. Raises SitrepError (E108) when it can't be opened."""
    name = name or str(p)
    suffix = p.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with open(p, "rb") as f:
                yield from read_jsonl_lines(f, name)
            return
        if suffix in CSV_SUFFIXES:
            from sitrep.io.formats import csv_records

            with _open_text(p) as stream:
                try:
                    yield from records_to_inputs(csv_records(stream, name, MAX_BYTES), name)
                except (ValueError, csv.Error) as exc:
                    yield Input(name, failure=error("E109", f"CSV: {exc}"), origin=name)
            return
        size = p.stat().st_size
        if size > MAX_BYTES and suffix not in MANY_ARTICLE_SUFFIXES:
            yield Input(name, failure=error("E105", f"{size} bytes"), origin=name, raw_hash=f"size:{size}")
            return
        raw = p.read_bytes()
    except OSError as exc:
        raise SitrepError("E108", f"{name}: {exc.strerror or exc}") from exc
    if suffix in FEED_SUFFIXES:
        yield from read_feed(raw, name)
    elif suffix in JSON_SUFFIXES:
        yield from read_json_document(raw, name)
    else:
        yield read_text_document(raw, name, suffix)


def read_json_document(raw: bytes, name: str) -> Iterator[Input]:
    """A ``.json`` file: one article object, a list of them, or {"articles": [...]}."""
    try:
        data = json.loads(decode_bytes(raw))
    except (SitrepError, ValueError) as exc:
        yield Input(name, failure=error("E100", str(exc)[:200]), origin=name, raw_hash=raw_hash(raw))
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if not isinstance(data, list):
        item = article_from_record(data, name, origin=name)
        item.raw_hash, item.stable_id = raw_hash(raw), True  # the path identifies a one-article file
        yield item
        return
    yield from records_to_inputs(((record, f"{name}#{n}") for n, record in enumerate(data, start=1)), name)


def read_feed(raw: bytes, name: str) -> Iterator[Input]:
    from sitrep.io.formats import feed_records

    try:
        records = list(feed_records(raw, name))
    except ValueError as exc:
        yield Input(name, failure=error("E109", f"feed: {exc}"), origin=name, raw_hash=raw_hash(raw))
        return
    yield from records_to_inputs(records, name)


def iter_files(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, in a stable order, hidden ones skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for filename in sorted(files):
            if not filename.startswith("."):
                yield Path(root) / filename


def read_folder(folder: Path) -> Iterator[Input]:
    for p in iter_files(folder):
        if p.name.endswith(SKIPPED_ENDINGS):
            continue
        if p.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield Input(str(p), failure=error("E109", f"{p.suffix} files are not read"), origin=str(p))
            continue
        try:
            yield from read_file(p)
        except SitrepError as exc:  # one unreadable file in a folder is quarantined, not fatal
            yield Input(str(p), failure=exc.info(), origin=str(p))


def read_stdin(stream: IO[bytes] | None = None) -> Iterator[Input]:
    """stdin: JSONL streamed line by line when it starts with ``{``; else one document."""
    buffer = stream or sys.stdin.buffer
    peek = getattr(buffer, "peek", None)
    head = peek(512) if peek else b""
    if head.lstrip().startswith(b"{"):
        yield from read_jsonl_lines(buffer, "stdin")
        return
    raw = buffer.read()
    start = raw[:2048].lstrip().lower()
    if start.startswith(b"{"):
        yield from read_jsonl_lines(io.BytesIO(raw), "stdin")
    elif start.startswith(b"<?xml") and (b"<rss" in raw[:4096] or b"<feed" in raw[:4096]):
        yield from read_feed(raw, "stdin")
    elif start.startswith((b"<!doctype html", b"<html")):
        yield read_text_document(raw, "stdin", ".html")
    else:
        yield read_text_document(raw, "stdin", ".txt")


def read_path(path: str) -> Iterator[Input]:
    """Inputs from one path: a file, a folder (recursive), ``-`` for stdin. Raises SitrepError when unreadable."""
    if path == "-":
        yield from read_stdin()
        return
    p = Path(path)
    if p.is_dir():
        yield from read_folder(p)
        return
    yield from read_file(p, str(p))


def read_inputs(paths: list[str], tolerant: bool = False) -> Iterator[Input]:
    """Inputs from every path in order. ``tolerant``: an unreadable path becomes a failed input instead of an error."""
    for path in paths:
        if not tolerant:
            yield from read_path(path)
            continue
        try:
            yield from read_path(path)
        except SitrepError as exc:
            yield Input(path, failure=exc.info(), origin=path)


def with_country(inputs: Iterable[Input], country: str | None) -> Iterator[Input]:
    """Inputs whose article gives no reporting country take ``country`` (``--country``); None changes nothing."""
    for item in inputs:
        if country and item.article is not None and not item.article.country:
            item.article.country = country
        yield item

