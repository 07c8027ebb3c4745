"""Reviewers' verdicts on possible duplicates: recorded, honoured by later runs, exported as training pairs."""

from __future__ import annotations

import json

import pytest
from dedup_fixtures import TARMIYAH, demo_reports, report, store_with

from sitrep.dedup import decisions
from sitrep.dedup.store import canonical_for, dedupe, possible_duplicates, resolve
from sitrep.errors import SitrepError


def _two_attacks() -> list[dict]:
    return [
        report("a", 0, "Islamic State fighters attacked villagers in Tarmiyah on Monday.", event_date="2025-03-03",
               event_type="Violence against civilians", sub_event_type="Attack", **TARMIYAH,
               actor1="Islamic State (Iraq)", actor2="Civilians (Iraq)"),
        report("b", 0, "Popular Mobilization Forces attacked villagers in Tarmiyah on Monday.", event_date="2025-03-03",
               event_type="Violence against civilians", sub_event_type="Attack", **TARMIYAH,
               actor1="Popular Mobilization Forces", actor2="Civilians (Iraq)"),
    ]


def test_a_same_verdict_merges_a_possible_duplicate_at_the_next_incremental_run(store):
    store_with(store, _two_attacks())
    dedupe(store.con)
    apart = canonical_for(store.con, "a-0"), canonical_for(store.con, "b-0")
    assert apart[0] != apart[1] and possible_duplicates(store.con, "a-0")
    done = decisions.decide(store.con, "b-0", "a-0", same=True)
    assert done["effect"] == "merged at the next sitrep dedupe"
    assert possible_duplicates(store.con, "a-0") == []  # reviewed: off the list
    stats = dedupe(store.con)
    survivor = canonical_for(store.con, "a-0")
    assert canonical_for(store.con, "b-0") == survivor and stats["aliases"] == 1
    assert {resolve(store.con, c) for c in apart} == {survivor}
    assert store.con.execute("SELECT n_events FROM canonical_events WHERE canonical_id = ?",
                             [survivor]).fetchall() == [(2,)]


def test_a_different_verdict_splits_a_canonical_event_at_the_next_full_run_and_keeps_it_split(store):
    store_with(store, demo_reports())
    dedupe(store.con)
    bombing = canonical_for(store.con, "tarmiyah-ied-1-0")
    assert canonical_for(store.con, "tarmiyah-ied-3-0") == bombing
    done = decisions.decide(store.con, "tarmiyah-ied-1-0", "tarmiyah-ied-3-0", same=False)
    assert done["effect"] == "split at the next sitrep dedupe --full"
    dedupe(store.con)  # incremental: existing canonical events are not split
    assert canonical_for(store.con, "tarmiyah-ied-3-0") == bombing
    dedupe(store.con, full=True)
    assert canonical_for(store.con, "tarmiyah-ied-1-0") != canonical_for(store.con, "tarmiyah-ied-3-0")
    # the pair the reviewer settled is not flagged again
    assert all(x["other_event_id"] != "tarmiyah-ied-3-0" for x in possible_duplicates(store.con, "tarmiyah-ied-1-0"))
    dedupe(store.con, full=True)
    assert canonical_for(store.con, "tarmiyah-ied-1-0") != canonical_for(store.con, "tarmiyah-ied-3-0")


def test_a_different_verdict_on_a_possible_duplicate_takes_it_off_the_list_for_good(store):
    store_with(store, _two_attacks())
    dedupe(store.con)
    done = decisions.decide(store.con, "a-0", "b-0", same=False)
    assert done["effect"] == "kept apart from now on"
    for full in (False, True):
        dedupe(store.con, full=full)
        assert canonical_for(store.con, "a-0") != canonical_for(store.con, "b-0")
        assert possible_duplicates(store.con, "a-0") == []


def test_verdicts_export_as_labelled_pairs_with_both_events(store, tmp_path):
    store_with(store, _two_attacks())
    dedupe(store.con)
    decisions.decide(store.con, "a-0", "b-0", same=False)
    decisions.decide(store.con, "a-0", "b-0", same=True)  # a later verdict replaces the earlier
    out = tmp_path / "pairs.jsonl"
    assert decisions.export_pairs(store.con, out) == 1
    (pair,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert pair["event_a"] == "a-0" and pair["event_b"] == "b-0" and pair["same"] is True
    assert pair["a"]["actor1"] == "Islamic State (Iraq)" and pair["b"]["actor1"] == "Popular Mobilization Forces"
    assert "Tarmiyah" in pair["a"]["text"]


def test_a_verdict_needs_two_deduplicated_events(store):
    store_with(store, _two_attacks())
    dedupe(store.con)
    with pytest.raises(SitrepError):
        decisions.decide(store.con, "a-0", "a-0", same=True)
    with pytest.raises(SitrepError):
        decisions.decide(store.con, "a-0", "nope-0", same=False)
