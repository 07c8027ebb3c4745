"""Property tests: the readers users feed arbitrary files to (encodings, CSV, JSONL, RSS, HTML)."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import SitrepError
from sitrep.io.readers import check_text, decode_bytes, read_feed, read_file, read_jsonl_lines, read_text_document

FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGH", min_size=2, max_size=9)
SENTENCE = st.lists(WORD, min_size=3, max_size=12).map(lambda ws: " ".join(ws) + ".")
# non-ASCII letters that are lead bytes in Windows-1252 (never UTF-8 continuation bytes), so cp1252 text with
# them is never also valid UTF-8
WESTERN = st.lists(st.sampled_from(["é", "ü", "ñ", "à", "ö", "ç"]) | WORD, min_size=3, max_size=12).map(" ".join)
NO_NUL = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00\ufeff"), max_size=200)


@FAST
@given(text=NO_NUL, bom=st.booleans())
def test_utf8_and_utf16_text_decodes_to_itself(text, bom):
    raw = text.encode("utf-8")
    assert decode_bytes(b"\xef\xbb\xbf" + raw if bom else raw) == text
    assert decode_bytes(text.encode("utf-16")) == text  # Python writes the BOM


@FAST
@given(text=WESTERN)
def test_windows_1252_text_decodes_to_itself(text):
    assert decode_bytes(text.encode("cp1252")) == text


@FAST
@given(raw=st.binary(max_size=300))
def test_any_bytes_decode_or_fail_with_a_catalogue_code(raw):
    try:
        assert isinstance(decode_bytes(raw), str)
    except SitrepError as exc:
        assert exc.code in ("E103", "E104")


@FAST
@given(text=st.text(max_size=300))
def test_check_text_takes_any_string(text):
    problem = check_text(text)
    assert problem is None or problem.code in ("E102", "E103", "E105")


@FAST
@given(rows=st.lists(st.tuples(WORD, SENTENCE, st.dates().map(str)), min_size=1, max_size=6),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]), header=st.sampled_from(["text", "Body", "content"]))
def test_csv_rows_become_one_article_each(rows, encoding, header):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.csv"
        with open(path, "w", encoding=encoding, newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["id", header, "published"])
            for n, (rid, text, day) in enumerate(rows):
                writer.writerow([f"{rid}-{n}", text, day])
        inputs = list(read_file(path))
    assert len(inputs) == len(rows)
    for item, (rid, text, day) in zip(inputs, rows, strict=True):
        assert item.article is not None, item.failure
        assert item.article.text == text and item.article.published == day[:10] and item.id.startswith(rid)


@FAST
@given(lines=st.lists(st.one_of(st.binary(max_size=80), st.builds(
    lambda t: json.dumps({"id": "x", "text": t}).encode(), st.text(max_size=60))), max_size=8))
def test_jsonl_gives_one_input_per_line_whatever_the_line(lines):
    inputs = list(read_jsonl_lines(lines, "in.jsonl"))
    assert len(inputs) == len(lines)
    assert all((i.article is None) != (i.failure is None) for i in inputs)


def _feed(items: list[tuple[str, str]], atom: bool) -> bytes:
    if atom:
        entries = "".join(f"<entry><id>urn:{n}</id><title>{escape(t)}</title><summary>{escape(s)}</summary>"
                          "<updated>2021-03-04T10:00:00Z</updated></entry>" for n, (t, s) in enumerate(items))
        return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>{entries}</feed>'.encode()
    entries = "".join(f"<item><guid>g{n}</guid><title>{escape(t)}</title><description>{escape(s)}</description>"
                      "<pubDate>Thu, 04 Mar 2021 10:00:00 GMT</pubDate></item>" for n, (t, s) in enumerate(items))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{entries}</channel></rss>'.encode()


@FAST
@given(items=st.lists(st.tuples(SENTENCE, SENTENCE), min_size=1, max_size=5), atom=st.booleans())
def test_feed_entries_become_one_article_each(items, atom):
    inputs = list(read_feed(_feed(items, atom), "feed.xml"))
    assert len(inputs) == len(items)
    for item, (title, summary) in zip(inputs, items, strict=True):
        assert item.article is not None, item.failure
        assert title in item.article.text and summary in item.article.text
        assert item.article.published == "2021-03-04"


@FAST
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_bytes_as_a_feed_give_inputs_not_exceptions(raw):
    assert all((i.article is None) != (i.failure is None) for i in read_feed(raw, "feed.xml"))


@SLOW
@given(title=SENTENCE, paragraphs=st.lists(SENTENCE, min_size=0, max_size=4), junk=st.text(max_size=40))
def test_html_pages_give_an_article_or_a_coded_failure(title, paragraphs, junk):
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    page = f"<html><head><title>{escape(title)}</title></head><body><article>{body}</article>{junk}</body></html>"
    item = read_text_document(page.encode("utf-8"), "page.html", ".html")
    assert (item.article is None) != (item.failure is None)
    if item.failure is not None:
        assert item.failure.code in ("E102", "E103", "E107")
