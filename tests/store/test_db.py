"""The store: identity, idempotency, versions, quarantine, atomic batches, migration."""

from __future__ import annotations

import duckdb
import pytest
from store_fixtures import GUNMEN, PROTEST, article_input, attack, failed_input, result_for

from sitrep.model import Event, text_hash
from sitrep.store import Store


def test_write_batch_stores_articles_events_mentions_and_counts(store, gunmen_actor):
    a = article_input("wire-1", GUNMEN, source="Wire")
    b = article_input("wire-2", PROTEST)
    summary = store.write_batch(
        [a, b], [result_for(a, attack(), actors=[gunmen_actor]), result_for(b, attack(event_type="Protests"))]
    )
    assert (summary.new, summary.events, summary.quarantined) == (2, 2, 0)
    counts = store.counts()
    assert counts["articles"] == 2 and counts["events"] == 2 and counts["mentions"] == 1
    assert counts["quarantined"] == 0 and counts["by_reason"] == {}


def test_rewriting_the_same_batch_adds_nothing(store):
    a = article_input("wire-1", GUNMEN)
    bad = failed_input("empty.txt")
    store.write_batch([a, bad], [result_for(a, attack()), None])
    before = store.counts()
    summary = store.write_batch([a, bad], [None, None])  # text known: ingest sends no result
    assert summary.unchanged == 1 and summary.new == 0
    assert store.counts() == before


def test_same_text_under_two_ids_is_one_article_with_both_ids_and_sources(store):
    a = article_input("afp-123", GUNMEN, source="AFP")
    b = article_input(
        "reuters-9", "  Gunmen killed two villagers in Kidal on Monday,\n officials said. ", source="Reuters"
    )
    summary = store.write_batch([a, b], [result_for(a, attack()), None])
    assert (summary.new, summary.aliases) == (1, 1)
    article = store.article("reuters-9")
    assert article["article_id"] == text_hash(GUNMEN)
    assert article["input_ids"] == ["afp-123", "reuters-9"]
    assert article["sources"] == ["AFP", "Reuters"]
    (event,) = store.events()
    assert event["article_ids"] == ["afp-123", "reuters-9"]


def test_changed_text_at_same_url_is_a_new_version_and_old_is_kept(store):
    url = "https://news.example/kidal"
    v1 = article_input("k1", GUNMEN, url=url)
    store.write_batch([v1], [result_for(v1, attack(fatalities=2))])
    v2 = article_input("k1", GUNMEN.replace("two", "three"), url=url)
    summary = store.write_batch([v2], [result_for(v2, attack(fatalities=3))])
    assert summary.updated == 1
    assert store.counts()["articles"] == 2 and store.counts()["current_articles"] == 1
    current = store.article(url) or {}
    assert current["version"] == 2 and current["supersedes"] == text_hash(GUNMEN)
    old = store.article(text_hash(GUNMEN)) or {}
    assert old["superseded_by"] == current["article_id"]
    assert [e["fatalities"] for e in store.events()] == [3]  # exports follow the current version
    assert sorted(e["fatalities"] for e in store.events(_all_versions())) == [2, 3]


def _all_versions():
    from sitrep.store import EventFilter

    return EventFilter(include_superseded=True)


def test_made_up_ids_do_not_create_versions(store):
    a = article_input("f.jsonl:1", GUNMEN, stable=False)
    b = article_input("f.jsonl:1", PROTEST, stable=False)
    store.write_batch([a], [result_for(a)])
    summary = store.write_batch([b], [result_for(b)])
    assert summary.new == 1 and summary.updated == 0
    assert store.counts()["current_articles"] == 2


def test_failed_inputs_and_stage_errors_are_quarantined_once_with_reason(store):
    from sitrep.errors import error

    crash = article_input("crash-1", PROTEST)
    crashed = result_for(crash)
    crashed.errors = [error("E200", "sitrep.places.v1: boom", stage="sitrep.places.v1")]
    inputs = [failed_input("empty.txt", "E102"), failed_input("blob.bin", "E103"), crash]
    for _ in range(2):
        store.write_batch(inputs, [None, None, crashed])
    counts = store.counts()
    assert counts["quarantined"] == 3 and counts["articles"] == 0
    assert counts["by_reason"] == {"E102": 1, "E103": 1, "E200": 1}
    rows = {r["input_id"]: r for r in store.quarantined()}
    assert rows["crash-1"]["stage"] == "sitrep.places.v1" and rows["empty.txt"]["origin"] == "test:empty.txt"


def test_input_stored_after_a_fix_leaves_quarantine(store):
    from sitrep.errors import error

    item = article_input("crash-1", PROTEST)
    crashed = result_for(item)
    crashed.errors = [error("E200", "boom")]
    store.write_batch([item], [crashed])
    store.write_batch([item], [result_for(item)])
    assert store.counts()["quarantined"] == 0 and store.counts()["articles"] == 1


def test_a_failing_batch_leaves_nothing_behind(store):
    good = article_input("good", GUNMEN)
    broken = article_input("broken", PROTEST)
    bad_result = result_for(broken)
    bad_result.events = [Event(), 42]  # not an Event: building its row fails mid-batch
    with pytest.raises((TypeError, AttributeError)):
        store.write_batch([good, broken], [result_for(good, attack()), bad_result])
    counts = store.counts()
    assert counts["articles"] == 0 and counts["events"] == 0 and counts["article_ids"] == 0


def test_odd_field_values_are_coerced_not_fatal(store):
    a = article_input("odd", GUNMEN)
    store.write_batch([a], [result_for(a, attack(event_date="last week", fatalities="many", latitude="18.5"))])
    (event,) = store.events(_all_versions())
    assert event["event_date"] is None and event["fatalities"] is None and event["latitude"] == 18.5


def test_event_ids_are_stable_across_stores(tmp_path):
    ids = []
    for name in ("a", "b"):
        with Store(tmp_path / f"{name}.duckdb") as s:
            item = article_input(f"id-{name}", GUNMEN)
            s.write_batch([item], [result_for(item, attack(), attack(event_type="Battles"))])
            ids.append([e["event_id"] for e in s.events()])
    assert ids[0] == ids[1] == [f"{text_hash(GUNMEN)}-000", f"{text_hash(GUNMEN)}-001"]


def test_migrate_adds_columns_missing_from_an_older_file(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL)")
    con.execute("INSERT INTO articles VALUES ('x', 'old text')")
    con.close()
    with Store(path) as s:
        columns = {
            r[0]
            for r in s.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name='articles'"
            ).fetchall()
        }
        assert {"superseded_by", "version", "url"} <= columns
        assert s.counts()["articles"] == 1


def test_read_only_store_rejects_writes(tmp_path):
    path = tmp_path / "ro.duckdb"
    with Store(path):
        pass
    with Store(path, read_only=True) as s:
        item = article_input("x", GUNMEN)
        with pytest.raises(duckdb.Error):
            s.write_batch([item], [result_for(item)])


def test_read_only_open_of_an_older_file_upgrades_it_first(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL)")
    con.close()
    with Store(path, read_only=True) as s:
        assert s.is_current()
        assert s.counts()["events"] == 0 and list(s.events()) == []


def test_stored_events_carry_the_ingest_time_as_acled_timestamp(store):
    import time

    a = article_input("wire-1", GUNMEN)
    before = int(time.time()) - 1
    store.write_batch([a], [result_for(a, attack())])
    (stamp,) = store.con.execute("SELECT timestamp FROM events").fetchone()
    assert stamp is not None and before <= stamp <= int(time.time()) + 1


def test_trim_cache_lets_duckdb_drop_written_blocks_and_keeps_the_rows(tmp_path):
    with Store(tmp_path / "trim.duckdb", memory_limit="256MB") as s:
        items = [article_input(f"id-{i}", f"{GUNMEN} Report number {i}. " + "word " * 400) for i in range(400)]
        s.write_batch(items, [result_for(item, attack()) for item in items])
        s.con.execute("CHECKPOINT")
        held = s.cache_bytes()
        assert held > 1_000_000  # ~1 MB of text and events stays cached after the commit
        assert s.trim_cache(budget_bytes=held + 1) is False  # under budget: nothing to do
        assert s.trim_cache(budget_bytes=100_000) is True
        assert s.cache_bytes() < held / 2
        assert s.con.execute("SELECT current_setting('memory_limit')").fetchone()[0].startswith("244")  # restored
        assert s.con.execute("SELECT count(*) FROM events").fetchone()[0] == 400


def test_trim_cache_leaves_an_in_memory_store_alone():
    with Store() as s:
        item = article_input("id-1", GUNMEN)
        s.write_batch([item], [result_for(item, attack())])
        assert s.trim_cache(budget_bytes=0) is False
        assert s.con.execute("SELECT count(*) FROM events").fetchone()[0] == 1
