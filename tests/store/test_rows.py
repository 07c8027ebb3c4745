"""Mentions written column by column: the same rows and the same JSON text as one dict per row."""

from __future__ import annotations

import json
from datetime import date

from store_fixtures import GUNMEN, article_input, attack

from sitrep.model import Actor, DateMention, Mention, Place, Quote, Result
from sitrep.store import rows as R


def _result(item):
    return Result(
        id=item.id,
        published=item.article.published,
        events=[attack()],
        actors=[Actor(text="Gunmen", start=0, end=6, name="Unidentified Armed Group (Mali)", inter=3),
                Actor(text="Touareg élus", start=10, end=22, name="Tuareg Ethnic Group (Mali)", inter=4)],
        places=[Place(text="Kidal", start=31, end=36, name="Kidal", latitude=18.44, longitude=1.41)],
        dates=[DateMention(text="Monday", start=40, end=46, date="2024-03-04", precision=1)],
        quotes=[Quote(text="two villagers", start=14, end=27, speaker=None, partial=True)],
        entities=[Mention(text="Kidal", start=31, end=36, label="GPE", confidence=0.5)],
    )


def _row_by_row(result, article_id):
    """The rows as the store wrote them before: a dict per mention, its fields JSON-encoded with json.dumps."""
    rows = []
    for attr, kind in R.MENTION_KINDS:
        for ordinal, item in enumerate(getattr(result, attr)):
            payload = dict(vars(item))
            rows.append({"article_id": article_id, "kind": kind, "ordinal": ordinal, "start_char": payload["start"],
                         "end_char": payload["end"],
                         "payload": json.dumps(payload, ensure_ascii=False, default=R._json_default)})
    return rows


def test_mention_rows_match_one_dict_per_mention():
    item = article_input("a1", GUNMEN)
    result = _result(item)
    assert R.mention_rows(result, "h1") == _row_by_row(result, "h1")


def test_json_text_matches_json_dumps_for_odd_values():
    class WithDict:
        def to_dict(self):
            return {"k": "v"}

    value = {"é": "naïve ✓", "when": date(2024, 3, 4), "obj": WithDict(), "f": 0.1, "n": None, "nested": [1, {"a": True}]}
    assert R._to_json(value) == json.dumps(value, ensure_ascii=False, default=R._json_default)
    assert R._to_json("plain") == json.dumps("plain", ensure_ascii=False)


def test_stored_mentions_equal_the_rows(store):
    item = article_input("a1", GUNMEN)
    result = _result(item)
    store.write_batch([item], [result])
    h = item.content_hash or item.article.content_hash
    got = store.con.execute(
        "SELECT article_id, kind, ordinal, start_char, end_char, payload FROM mentions ORDER BY kind, ordinal"
    ).fetchall()
    want = sorted((tuple(r.values()) for r in _row_by_row(result, h)), key=lambda r: (r[1], r[2]))
    assert got == want


def test_arrow_columns_fill_a_missing_column_with_nulls(store):
    schema = store.arrow_schema("mentions")
    table = R.arrow_columns({"article_id": ["h1", "h2"], "kind": ["actor", "place"]}, schema)
    assert table.num_rows == 2
    assert table.column("payload").to_pylist() == [None, None]
