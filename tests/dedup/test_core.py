"""dedupe_records: clusters, guards, flags and stable ids over plain event records."""

from __future__ import annotations

from dedup_fixtures import ARMY, IED, TARMIYAH, demo_reports, report

from sitrep.dedup import dedupe_records


def _cluster_of(result, event_id):
    return result.members[event_id]


def test_dedupe_groups_three_reports_of_one_bombing_with_all_sources():
    result = dedupe_records(demo_reports())
    ids = {_cluster_of(result, f"tarmiyah-ied-{n}-0") for n in (1, 2, 3)}
    assert len(ids) == 1
    merged = result.canonical[ids.pop()]
    assert merged["article_ids"] == ["tarmiyah-ied-1", "tarmiyah-ied-2", "tarmiyah-ied-3"]
    assert merged["sources"] == ["Synthetic Wire", "Synthetic Daily", "Synthetic Times"]
    assert merged["actor1"] == "Islamic State (Iraq)"  # named beats "unidentified", and two sources say so


def test_dedupe_keeps_a_clash_in_the_same_district_a_week_later_apart():
    result = dedupe_records(demo_reports())
    assert _cluster_of(result, "tarmiyah-clash-0") != _cluster_of(result, "tarmiyah-ied-1-0")


def test_dedupe_joins_town_report_with_region_level_report_of_same_attack():
    result = dedupe_records(demo_reports())
    assert _cluster_of(result, "boni-attack-1-0") == _cluster_of(result, "boni-attack-2-0")


def test_dedupe_keeps_different_attackers_same_town_same_day_apart():
    rows = [
        report("a", 0, "Islamic State fighters attacked villagers in Tarmiyah on Monday.", event_date="2025-03-03",
               event_type="Violence against civilians", sub_event_type="Attack", **TARMIYAH,
               actor1="Islamic State (Iraq)", actor2="Civilians (Iraq)", inter1=2, inter2=7),
        report("b", 0, "Popular Mobilization Forces attacked villagers in Tarmiyah on Monday.", event_date="2025-03-03",
               event_type="Violence against civilians", sub_event_type="Attack", **TARMIYAH,
               actor1="Popular Mobilization Forces", actor2="Civilians (Iraq)", inter1=3, inter2=7),
    ]
    result = dedupe_records(rows)
    assert result.members["a-0"] != result.members["b-0"]
    assert result.possible and "actors conflict" in result.possible[0]["reasons"]["actors"]


def test_dedupe_keeps_same_actors_in_a_town_30_km_away_apart():
    rows = [
        report("a", 0, "Army and IS clashed near Tarmiyah.", event_date="2025-03-03", event_type="Battles",
               sub_event_type="Armed clash", **TARMIYAH, actor1=ARMY, actor2="Islamic State (Iraq)"),
        report("b", 0, "Army and IS clashed near Baqubah.", event_date="2025-03-03", event_type="Battles",
               sub_event_type="Armed clash", country="Iraq", admin1="Diyala", location="Baqubah", latitude=33.75,
               longitude=44.64, actor1=ARMY, actor2="Islamic State (Iraq)"),
    ]
    result = dedupe_records(rows)
    assert result.members["a-0"] != result.members["b-0"]


def test_dedupe_never_merges_two_events_of_one_article_that_differ():
    rows = [
        report("roundup", 0, "A bomb hit an army patrol near Tarmiyah on Monday.", event_date="2025-03-03", **IED,
               **TARMIYAH, actor1="Islamic State (Iraq)", actor2=ARMY),
        report("roundup", 1, "Separately, militants attacked an army checkpoint near Tarmiyah on Monday.",
               event_date="2025-03-03", event_type="Battles", sub_event_type="Armed clash", **TARMIYAH,
               actor1="Islamic State (Iraq)", actor2=ARMY),
    ]
    result = dedupe_records(rows)
    assert result.members["roundup-0"] != result.members["roundup-1"]


def test_dedupe_merges_one_article_repeating_the_same_event():
    sentence = "A roadside bomb killed three soldiers near Tarmiyah on Monday."
    rows = [
        report("x", n, sentence, event_date="2025-03-03", **IED, **TARMIYAH, actor1="Islamic State (Iraq)",
               actor2=ARMY, fatalities=3)
        for n in (0, 1)
    ]
    result = dedupe_records(rows)
    assert result.members["x-0"] == result.members["x-1"]


def test_dedupe_flags_a_vague_report_that_fits_two_events_instead_of_guessing():
    army_is = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor2": ARMY}
    rows = [
        report("a", 0, "IS attacked the army in Tarmiyah.", event_date="2025-03-03", **army_is, **TARMIYAH,
               actor1="Islamic State (Iraq)"),
        report("b", 0, "IS attacked the army in Mishahda.", event_date="2025-03-03", **army_is, country="Iraq",
               admin1="Baghdad", location="Mishahda", latitude=33.62, longitude=44.18, actor1="Islamic State (Iraq)"),
        report("c", 0, "Militants attacked the army in Baghdad province.", event_date="2025-03-03", **army_is,
               country="Iraq", admin1="Baghdad", location="Baghdad", latitude=33.31, longitude=44.37,
               geo_precision=3, actor1="Unidentified Armed Group (Iraq)"),
    ]
    result = dedupe_records(rows)
    assert len(set(result.members.values())) == 3
    flagged = {frozenset((p["event_a"], p["event_b"])) for p in result.possible}
    assert frozenset(("a-0", "c-0")) in flagged and frozenset(("b-0", "c-0")) in flagged


def test_new_article_joins_existing_cluster_and_keeps_its_id():
    rows = demo_reports()
    first = dedupe_records(rows[:2])
    cid = first.members["tarmiyah-ied-1-0"]
    second = dedupe_records(rows, existing=first.members, new=[r["event_id"] for r in rows[2:]])
    assert second.members["tarmiyah-ied-3-0"] == cid
    assert second.canonical[cid]["article_ids"] == ["tarmiyah-ied-1", "tarmiyah-ied-2", "tarmiyah-ied-3"]
    assert "boni-attack-1-0" in second.members and cid in second.canonical


def test_full_rerun_keeps_existing_ids():
    rows = demo_reports()
    first = dedupe_records(rows)
    again = dedupe_records(list(reversed(rows)), existing=first.members, incremental=False)
    assert again.members == first.members
    assert not again.aliases


def test_two_clusters_joined_by_a_new_report_keep_the_oldest_id_and_alias_the_other():
    rows = demo_reports()[:3]
    a, b, bridge = rows[0], rows[2], rows[1]
    existing = {a["event_id"]: "ce-old", b["event_id"]: "ce-young"}
    created = {"ce-old": "2025-01-01 00:00:00", "ce-young": "2025-02-01 00:00:00"}
    result = dedupe_records([a, b, bridge], existing=existing, created=created, new=[bridge["event_id"]])
    assert set(result.members.values()) == {"ce-old"}
    assert result.aliases == {"ce-young": "ce-old"}
