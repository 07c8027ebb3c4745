"""merge_cluster: canonical fields by source agreement."""

from __future__ import annotations

from sitrep.dedup import canonical_id, merge_cluster


def _row(n: int, **kw):
    base = {"event_id": f"e{n}", "article_id": f"a{n}", "source": f"S{n}", "confidence": 0.5}
    base.update(kw)
    return base


def test_merge_takes_the_most_specific_date_and_place():
    merged = merge_cluster([
        _row(1, event_date="2025-03-01", time_precision=3, location="Al Anbar", admin1="Al Anbar", geo_precision=3,
             latitude=33.1, longitude=42.0),
        _row(2, event_date="2025-03-03", time_precision=1, location="Ramadi", admin1="Al Anbar", geo_precision=1,
             latitude=33.42, longitude=43.3),
    ])
    assert (merged["event_date"], merged["time_precision"]) == ("2025-03-03", 1)
    assert (merged["location"], merged["latitude"], merged["geo_precision"]) == ("Ramadi", 33.42, 1)
    assert merged["provenance"]["date"] == "e2" and merged["provenance"]["place"] == "e2"


def test_merge_prefers_the_date_most_sources_agree_on():
    merged = merge_cluster([_row(n, event_date=d, time_precision=1) for n, d in
                            enumerate(["2025-03-04", "2025-03-03", "2025-03-03"])])
    assert merged["event_date"] == "2025-03-03"


def test_merge_reports_the_most_conservative_fatalities_and_ignores_silent_sources():
    merged = merge_cluster([_row(1, fatalities=11), _row(2, fatalities=9), _row(3, fatalities=0)])
    assert merged["fatalities"] == 9
    assert merged["provenance"]["fatalities"] == {"e1": 11, "e2": 9}


def test_merge_lists_every_source_and_article_and_keeps_named_actor_over_generic():
    merged = merge_cluster([
        _row(1, actor1="Unidentified Armed Group (Iraq)", source="Wire; Radio"),
        _row(2, actor1="Islamic State (Iraq)", assoc_actor_1="Tribal Militia (Iraq)"),
    ])
    assert merged["sources"] == ["Wire", "Radio", "S2"]
    assert merged["article_ids"] == ["a1", "a2"]
    assert merged["event_ids"] == ["e1", "e2"]
    assert merged["actor1"] == "Islamic State (Iraq)"
    assert merged["assoc_actor_1"] == "Tribal Militia (Iraq)"


def test_canonical_id_is_a_stable_hash_of_the_first_member():
    assert canonical_id("a1-0") == canonical_id("a1-0") != canonical_id("a1-1")
    assert canonical_id("a1-0").startswith("ce-")
