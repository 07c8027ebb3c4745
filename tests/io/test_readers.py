"""Readers: every input becomes an Article or a failure with a catalogue code."""

from __future__ import annotations

import io
import json

import pytest

from sitrep.errors import SitrepError
from sitrep.io import readers
from sitrep.io.language import check_english, detect_language
from sitrep.io.readers import decode_bytes, read_inputs, read_stdin
from sitrep.io.sizing import estimate_count

ENGLISH = "Gunmen killed two villagers in Kidal on Monday, officials said. The army sent troops to the area."
FRENCH = "Des hommes armés ont tué deux villageois à Kidal lundi, selon des responsables locaux qui ont parlé."

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Sahel Wire</title>
<item><title>Attack near Kidal</title><link>https://wire.example/kidal</link><guid>wire-77</guid>
<pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Gunmen killed two villagers near Kidal.&lt;/p&gt;&lt;p&gt;The army said it sent troops.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://wire.example/empty</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gulf Desk</title>
<entry><title>Protest in Basra</title><id>urn:gulf:1</id><link href="https://gulf.example/basra"/>
<updated>2024-07-02T08:00:00Z</updated><summary>Short summary.</summary>
<content type="html">&lt;p&gt;Hundreds of protesters marched in Basra on Friday.&lt;/p&gt;</content></entry>
</feed>"""


def one(paths):
    items = list(read_inputs([str(p) for p in paths]))
    assert len(items) == 1
    return items[0]


def test_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café owners in Beirut protested on Monday against new taxes.".encode("latin-1"))
    item = one([path])
    assert item.article is not None and item.article.text.startswith("Café owners")


def test_utf16_with_bom_is_decoded():
    assert decode_bytes("Troops entered Gao.".encode("utf-16")) == "Troops entered Gao."


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "E102"), (b"   \n\n ", "E102"), (bytes(range(256)) * 8, "E103"), (b"\x81\x8d\x8f\x90\x9d" * 40, "E104")],
)
def test_unusable_text_files_fail_with_reason(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    item = one([path])
    assert item.article is None and item.failure.code == code
    assert item.origin == str(path) and item.raw_hash


def test_file_over_the_size_limit_is_refused_without_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text(ENGLISH * 5)
    assert one([path]).failure.code == "E105"


def test_folder_is_read_recursively_in_order_and_unknown_files_are_reported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "b" / "c.txt").write_text(ENGLISH + " More.")
    (tmp_path / "b" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(ENGLISH)
    (tmp_path / "sitrep.duckdb").write_bytes(b"DUCK")  # the store itself is never an input
    items = list(read_inputs([str(tmp_path)]))
    assert [i.id.removeprefix(str(tmp_path)) for i in items] == ["/a.txt", "/b/c.txt", "/b/scan.pdf"]
    assert items[2].failure.code == "E109"


def test_html_page_keeps_text_and_title(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Clashes in Mosul</title></head><body><article><h1>Clashes in Mosul</h1>"
        "<p>Iraqi forces clashed with Islamic State fighters near Mosul on Sunday, the army said.</p>"
        "<p>Residents reported gunfire through the night.</p></article></body></html>"
    )
    item = one([path])
    assert item.article is not None and "Iraqi forces clashed" in item.article.text
    assert item.article.title == "Clashes in Mosul"


def test_rss_entries_become_articles_with_dates_and_ids(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS)
    items = list(read_inputs([str(path)]))
    first, empty = items
    assert first.id == "wire-77" and first.article.url == "https://wire.example/kidal"
    assert first.article.published == "2025-01-06" and first.article.source == "Sahel Wire"
    assert first.article.text.startswith("Attack near Kidal\n\nGunmen killed two villagers near Kidal.\n\nThe army")
    assert empty.failure.code == "E102"  # a headline without a body is not an article
    assert estimate_count([str(path)]) == 2


def test_atom_entry_prefers_content_over_summary(tmp_path):
    path = tmp_path / "gulf.atom"
    path.write_text(ATOM)
    (item,) = read_inputs([str(path)])
    assert item.id == "urn:gulf:1" and item.article.published == "2024-07-02"
    assert "Hundreds of protesters marched in Basra" in item.article.text and "Short summary" not in item.article.text


def test_xml_that_is_not_a_feed_is_reported(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><config><a>1</a></config>")
    assert one([path]).failure.code == "E109"


def test_csv_with_text_column(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text(f'id,Title,Text,date\nc-1,Kidal,"{ENGLISH}",2024-01-05\nc-2,Nothing,,2024-01-06\n')
    good, empty = read_inputs([str(path)])
    assert good.id == "c-1" and good.article.published == "2024-01-05" and good.article.title == "Kidal"
    assert empty.id == "c-2" and empty.failure.code == "E102"


def test_csv_without_text_column_is_reported(tmp_path):
    path = tmp_path / "numbers.csv"
    path.write_text("a,b\n1,2\n")
    assert one([path]).failure.code == "E109"


def test_jsonl_made_up_ids_are_marked_unstable(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"id": "w1", "text": ENGLISH}) + "\n")
    made_up, given = read_inputs([str(path)])
    assert made_up.id == f"{path}:1" and not made_up.stable_id
    assert given.id == "w1" and given.stable_id


def test_stdin_jsonl_is_read_line_by_line():
    raw = (json.dumps({"id": "s1", "text": ENGLISH}) + "\n" + json.dumps({"id": "s2", "text": ENGLISH}) + "\n").encode()
    assert [i.id for i in read_stdin(io.BufferedReader(io.BytesIO(raw)))] == ["s1", "s2"]


def test_stdin_plain_text_is_one_document():
    (item,) = read_stdin(io.BufferedReader(io.BytesIO(ENGLISH.encode())))
    assert item.id == "stdin" and not item.stable_id and item.article.text == ENGLISH


def test_missing_path_raises_e108(tmp_path):
    with pytest.raises(SitrepError) as info:
        list(read_inputs([str(tmp_path / "nope.txt")]))
    assert info.value.code == "E108"


def test_language_check_is_deterministic_and_quarantines_non_english():
    assert detect_language(ENGLISH) == "en"
    assert [check_english(FRENCH)[1].code for _ in range(3)] == ["E106"] * 3
    assert check_english("Kidal.")[1] is None  # too short to judge: let it through


def test_json_file_with_one_article_or_a_list(tmp_path):
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": ENGLISH, "title": "Kidal"}))
    (item,) = read_inputs([str(single)])
    assert item.id == str(single) and item.stable_id and item.article.title == "Kidal"
    many = tmp_path / "many.json"
    many.write_text(json.dumps({"articles": [{"id": "j1", "text": ENGLISH}, {"text": ""}, 7]}))
    first, empty, wrong = read_inputs([str(many)])
    assert first.id == "j1" and empty.failure.code == "E102" and wrong.failure.code == "E110"
    assert empty.id == f"{many}#2" and not empty.stable_id


def test_tolerant_reading_turns_an_unreadable_path_into_a_failed_input(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH)
    items = list(read_inputs([str(tmp_path / "gone.txt"), str(good)], tolerant=True))
    assert items[0].failure.code == "E108" and items[1].article is not None
