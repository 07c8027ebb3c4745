"""dedupe(con) over a real DuckDB store: incremental runs, stable ids, flags, removals."""

from __future__ import annotations

from dedup_fixtures import ARMY, TARMIYAH, demo_reports, report, store_with

from sitrep.dedup.store import canonical_for, dedupe, possible_duplicates, resolve


def _canonical_rows(store):
    return store.con.execute(
        "SELECT canonical_id, n_events, article_ids, sources FROM canonical_events ORDER BY canonical_id"
    ).fetchall()


def test_store_dedupe_makes_one_canonical_event_per_real_event(store):
    store_with(store, demo_reports())
    stats = dedupe(store.con)
    assert stats["canonical_total"] == 3
    bombing = canonical_for(store.con, "tarmiyah-ied-1-0")
    n_events, articles, sources = store.con.execute(
        "SELECT n_events, article_ids, sources FROM canonical_events WHERE canonical_id = ?", [bombing]
    ).fetchall()[0]
    assert n_events == 3 and articles == ["tarmiyah-ied-1", "tarmiyah-ied-2", "tarmiyah-ied-3"]
    assert sources == ["Synthetic Wire", "Synthetic Daily", "Synthetic Times"]
    payload_fatalities = store.con.execute(
        "SELECT payload->>'fatalities' FROM canonical_events WHERE canonical_id = ?", [bombing]
    ).fetchall()[0][0]
    assert payload_fatalities == "3"  # sources say 3, 3 and 4: the conservative figure
    evidence_type, evidence_of = store.con.execute(
        "SELECT json_type(payload->'evidence'), payload->>'evidence_event_id' FROM canonical_events "
        "WHERE canonical_id = ?", [bombing]
    ).fetchall()[0]
    assert evidence_type == "OBJECT" and evidence_of.startswith("tarmiyah-ied-")


def test_rerunning_dedupe_changes_nothing(store):
    store_with(store, demo_reports())
    dedupe(store.con)
    before = _canonical_rows(store)
    stats = dedupe(store.con)
    assert stats["new_events"] == 0 and _canonical_rows(store) == before
    dedupe(store.con, full=True)
    assert [r[:3] for r in _canonical_rows(store)] == [r[:3] for r in before]


def test_adding_articles_keeps_existing_ids_and_extends_clusters(store):
    rows = demo_reports()
    store_with(store, rows[:1] + rows[3:])
    dedupe(store.con)
    before = {r[0] for r in _canonical_rows(store)}
    bombing = canonical_for(store.con, "tarmiyah-ied-1-0")
    store_with(store, rows[1:3])
    stats = dedupe(store.con)
    assert stats["new_events"] == 2
    assert {r[0] for r in _canonical_rows(store)} == before
    assert canonical_for(store.con, "tarmiyah-ied-3-0") == bombing


def test_uncertain_pairs_are_stored_and_readable_by_event_and_canonical_id(store):
    rows = [
        report("a", 0, "Islamic State fighters attacked villagers in Tarmiyah on Monday.", event_date="2025-03-03",
               event_type="Violence against civilians", sub_event_type="Attack", **TARMIYAH,
               actor1="Islamic State (Iraq)", actor2="Civilians (Iraq)"),
        report("b", 0, "Popular Mobilization Forces attacked villagers in Tarmiyah on Monday.", event_date="2025-03-03",
               event_type="Violence against civilians", sub_event_type="Attack", **TARMIYAH,
               actor1="Popular Mobilization Forces", actor2="Civilians (Iraq)"),
    ]
    store_with(store, rows)
    dedupe(store.con)
    links = possible_duplicates(store.con, "a-0")
    assert [(x["other_event_id"], x["other_canonical_id"]) for x in links] == [("b-0", canonical_for(store.con, "b-0"))]
    assert links[0]["reasons"]["actors"] == "actors conflict" and 0 < links[0]["score"] < 1
    assert possible_duplicates(store.con, canonical_for(store.con, "b-0"))[0]["other_event_id"] == "a-0"


def test_bridging_report_merges_two_canonical_events_and_old_id_resolves(store):
    army_ied = {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
                "actor1": "Islamic State (Iraq)", "actor2": ARMY}
    first = report("p", 0, "A bomb killed soldiers near Tarmiyah on Monday.", event_date="2025-03-03", **army_ied,
                   **TARMIYAH)
    second = report("q", 0, "An IED hit troops north of Tarmiyah on Monday night.", event_date="2025-03-03",
                    **army_ied, **{**TARMIYAH, "latitude": 33.80})  # 14 km away: too far on its own
    store_with(store, [first])
    dedupe(store.con)
    store_with(store, [second])
    dedupe(store.con)
    ids = {canonical_for(store.con, "p-0"), canonical_for(store.con, "q-0")}
    assert len(ids) == 2
    bridge = report("r", 0, "Militants bombed an army patrol in Tarmiyah district on Monday.", event_date="2025-03-03",
                    **army_ied, **{**TARMIYAH, "latitude": 33.74})
    store_with(store, [bridge])
    stats = dedupe(store.con)
    survivor = canonical_for(store.con, "p-0")
    assert canonical_for(store.con, "q-0") == canonical_for(store.con, "r-0") == survivor
    assert stats["aliases"] == 1
    (retired,) = ids - {survivor}
    assert resolve(store.con, retired) == survivor


def test_events_of_superseded_articles_leave_their_canonical_events(store):
    rows = demo_reports()
    store_with(store, rows)
    dedupe(store.con)
    store.con.execute("UPDATE articles SET superseded_by = 'newer' WHERE article_id = 'tarmiyah-clash'")
    stats = dedupe(store.con)
    assert stats["removed_events"] == 1
    assert canonical_for(store.con, "tarmiyah-clash-0") is None
    assert store.con.execute("SELECT count(*) FROM canonical_events").fetchall()[0][0] == 2


def test_canonical_event_that_loses_a_report_is_merged_again_from_the_rest(store):
    store_with(store, demo_reports())
    dedupe(store.con)
    bombing = canonical_for(store.con, "tarmiyah-ied-1-0")
    store.con.execute("UPDATE articles SET superseded_by = 'newer' WHERE article_id = 'tarmiyah-ied-3'")
    dedupe(store.con)
    assert canonical_for(store.con, "tarmiyah-ied-1-0") == bombing
    n_events, articles = store.con.execute(
        "SELECT n_events, article_ids FROM canonical_events WHERE canonical_id = ?", [bombing]
    ).fetchall()[0]
    assert n_events == 2 and articles == ["tarmiyah-ied-1", "tarmiyah-ied-2"]


def test_a_headline_without_an_asserted_event_joins_the_event_as_a_report_unit(store, tmp_path):
    from sitrep.dedup import DedupConfig, headline
    from sitrep.dedup.match import NAMES, MatchModel

    # a model that merges on a shared rare word; common words weigh 1, unseen ones 3
    common = {headline.stem(w): 1.0 for w in "gunmen kill village attack".split()}
    coef = [3.0 if n == "rare_shared" else 0.0 for n in NAMES]
    MatchModel(list(NAMES), [0.0] * len(NAMES), [1.0] * len(NAMES), coef, -6.0, 0.6, 0.3, idf=common,
               default_idf=3.0).write(tmp_path)
    cfg = DedupConfig(model_dir=str(tmp_path))
    event = report("h1", 0, "Gunmen kill 9 in Zarqa village", event_date="2025-03-04", time_precision=2,
                   country="Iraq", event_type="Violence against civilians", sub_event_type="Attack")
    store_with(store, [event])
    store.con.execute("INSERT INTO articles (article_id, text, source, published) VALUES "
                      "('h2', 'Zarqa attack toll rises', 'Other Wire', '2025-03-05'), "
                      "('h3', 'Floods cut roads', 'Other Wire', '2025-03-05')")
    dedupe(store.con, cfg)
    members = dict(store.con.execute("SELECT article_id, canonical_id FROM canonical_members").fetchall())
    assert members["h2"] == members["h1"] and "h3" not in members  # a report unit alone makes no event
    n_events, articles = store.con.execute("SELECT n_events, article_ids FROM canonical_events").fetchall()[0]
    assert n_events == 1 and articles == ["h1", "h2"]
    before = sorted(store.con.execute("SELECT * FROM canonical_members").fetchall())
    stats = dedupe(store.con, cfg)
    assert sorted(store.con.execute("SELECT * FROM canonical_members").fetchall()) == before
    assert stats["canonical_total"] == 1
    # the article is withdrawn: its report unit leaves the canonical event
    store.con.execute("DELETE FROM articles WHERE article_id = 'h2'")
    dedupe(store.con, cfg)
    assert "h2" not in dict(store.con.execute("SELECT article_id, canonical_id FROM canonical_members").fetchall())
