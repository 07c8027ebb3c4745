"""PLOVER gold reader: 0.5b1 -> current mapping, ACLED scope split, markup spans, record loading."""

from __future__ import annotations

import plover_fixture
import pytest

from sitrep.eval import plover_gold


@pytest.fixture
def records(tmp_path):
    return plover_fixture.load(tmp_path)


def test_plover_maps_05b1_categories_to_current_types():
    assert plover_gold.map_category("DEMAND", None) == ("REQUEST", None)
    assert plover_gold.map_category("DISAPPROVE", None) == ("ACCUSE", None)
    assert plover_gold.map_category("INVESTIGATE", "") == ("ACCUSE", None)
    assert plover_gold.map_category("FIGHT", "heavy-weapons") == ("ASSAULT", "heavy-weapons")
    assert plover_gold.map_category("FIGHT", "other") == ("ASSAULT", None)  # not a mode of ASSAULT
    assert plover_gold.map_category("COERCE", "detain") == ("ASSAULT", "abduct")
    assert plover_gold.map_category("COERCE", "destroy") == ("ASSAULT", "destroy")
    assert plover_gold.map_category("COERCE", "curfew") == ("COERCE", "curfew")
    assert plover_gold.map_category("THREATEN", "curfew") == ("THREATEN", "restrict")
    assert plover_gold.map_category("PROTEST", "demo-spon") == ("PROTEST", "demo")
    assert plover_gold.map_category("PROTEST", "riot-spon") == ("PROTEST", "riot")
    assert plover_gold.map_category("AGREE", None) == ("AGREE", None)


def test_plover_scope_split_follows_acled():
    assert plover_gold.scope_of("ASSAULT", None) == plover_gold.IN
    assert plover_gold.scope_of("PROTEST", "demo") == plover_gold.IN
    assert plover_gold.scope_of("PROTEST", "strike-hun") == plover_gold.BORDER
    assert plover_gold.scope_of("COERCE", "arrest") == plover_gold.IN
    assert plover_gold.scope_of("COERCE", "censor") == plover_gold.OUT
    assert plover_gold.scope_of("THREATEN", "violence") == plover_gold.THREAT
    assert plover_gold.scope_of("THREATEN", "relations") == plover_gold.OUT
    assert plover_gold.scope_of("RETREAT", None) == plover_gold.BORDER
    for verbal in ("AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "SANCTION", "AID"):
        assert plover_gold.scope_of(verbal, None) == plover_gold.OUT


def test_plover_markup_keeps_literal_brackets_and_nested_tags():
    plain, spans = plover_gold.parse_markup("(SRC: Forces) (EVT: shelled) (TAR: Arvik (LOC: town)) (APEC) today")
    assert plain == "Forces shelled Arvik town (APEC) today"
    got = {(tag, plain[s:e]) for tag, s, e in spans}
    assert got == {("SRC", "Forces"), ("EVT", "shelled"), ("TAR", "Arvik town"), ("LOC", "town")}
    text = "Forces have shelled Arvik town (APEC) today"  # the gold text may differ from the markup a little
    moved = plover_gold.align_spans(plain, text, spans)
    assert ("EVT", text.index("shelled"), text.index("shelled") + 7) in moved


def test_plover_load_skips_document_and_sets_scope(records):
    assert "X-DOCUMENT-0001" not in records
    fight = records["X-FIGHT-0001"]
    assert (fight.gold_type, fight.mode, fight.scope, fight.dead) == ("ASSAULT", "heavy-weapons", plover_gold.IN, 7)
    assert [fight.text[s:e] for s, e in fight.events] == ["shelled"]
    assert records["X-THREATEN-0001"].scope == plover_gold.THREAT
    assert records["X-AGREE-0001"].scope == plover_gold.OUT and records["X-AGREE-0001"].targets == []
    assert records["X-DEMAND-0001"].gold_type == "REQUEST"
    assert records["X-PROTEST-0001"].scope == plover_gold.BORDER
