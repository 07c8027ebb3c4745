"""PLOVER scorer: 0.5b1 -> current mapping, ACLED scope split, markup spans, anchoring and metrics."""

from __future__ import annotations

import json

import pytest

from sitrep.eval import plover
from sitrep.eval.registry import all_scorers, gold_dir
from sitrep.model import Event

# Invented sentences in the gold file's layout (not taken from the data set).
FIXTURE = [
    {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation only"},
    {"id": "X-FIGHT-0001", "event": "FIGHT", "mode": "heavy-weapons", "dead": "7",
     "text": "Rebel gunners shelled the town of Arvik, killing 7 people.",
     "textInfo": {"markup": "(SRC: Rebel gunners) (EVT: shelled) the (TAR: town of (LOC: Arvik)), killing 7 people."},
     "source": [{"actorText": "Rebel gunners", "code": "XXX", "sector": "REB"}],
     "target": [{"actorText": "town of Arvik", "code": "XXX", "sector": ""}]},
    {"id": "X-THREATEN-0001", "event": "THREATEN", "mode": "violence",
     "text": "The Dorn militia threatened to attack the capital.",
     "textInfo": {"markup": "The (SRC: Dorn militia) (EVT: threatened) to (EVT: attack) the (TAR: capital)."},
     "source": [{"actorText": "Dorn militia"}], "target": [{"actorText": "capital"}]},
    {"id": "X-AGREE-0001", "event": "AGREE", "mode": None,
     "text": "Officials of Velia and Morn agreed to cooperate on trade.",
     "textInfo": {"markup": "Officials of (SRC: Velia) and (SRC: Morn) (EVT: agreed) to (EVT: cooperate) on trade."},
     "source": [{"actorText": "Velia"}, {"actorText": "Morn"}], "target": ""},
    {"id": "X-DEMAND-0001", "event": "DEMAND",
     "text": "Velia demanded an end to the raids (near the border).",
     "textInfo": {"markup": "(SRC: Velia) (EVT: demanded) an end to the raids (near the border)."},
     "source": [{"actorText": "Velia"}]},
    {"id": "X-PROTEST-0001", "event": "PROTEST", "mode": "strike-hun",
     "text": "Two prisoners began a hunger strike in Arvik jail.",
     "textInfo": {"markup": "Two (SRC: prisoners) (EVT: began a hunger strike) in Arvik jail."},
     "source": [{"actorText": "prisoners"}]},
]


@pytest.fixture
def records(tmp_path):
    (tmp_path / "plover").mkdir()
    (tmp_path / "plover" / "plover_gsr.json").write_text(json.dumps(FIXTURE), encoding="utf-8")
    return {r.id: r for r in plover.load_records(tmp_path / "plover" / "plover_gsr.json")}


def test_plover_maps_05b1_categories_to_current_types():
    assert plover.map_category("DEMAND", None) == ("REQUEST", None)
    assert plover.map_category("DISAPPROVE", None) == ("ACCUSE", None)
    assert plover.map_category("INVESTIGATE", "") == ("ACCUSE", None)
    assert plover.map_category("FIGHT", "heavy-weapons") == ("ASSAULT", "heavy-weapons")
    assert plover.map_category("FIGHT", "other") == ("ASSAULT", None)  # not a mode of ASSAULT
    assert plover.map_category("COERCE", "detain") == ("ASSAULT", "abduct")
    assert plover.map_category("COERCE", "destroy") == ("ASSAULT", "destroy")
    assert plover.map_category("COERCE", "curfew") == ("COERCE", "curfew")
    assert plover.map_category("THREATEN", "curfew") == ("THREATEN", "restrict")
    assert plover.map_category("PROTEST", "demo-spon") == ("PROTEST", "demo")
    assert plover.map_category("PROTEST", "riot-spon") == ("PROTEST", "riot")
    assert plover.map_category("AGREE", None) == ("AGREE", None)


def test_plover_scope_split_follows_acled():
    assert plover.scope_of("ASSAULT", None) == plover.IN
    assert plover.scope_of("PROTEST", "demo") == plover.IN
    assert plover.scope_of("PROTEST", "strike-hun") == plover.BORDER
    assert plover.scope_of("COERCE", "arrest") == plover.IN
    assert plover.scope_of("COERCE", "censor") == plover.OUT
    assert plover.scope_of("THREATEN", "violence") == plover.THREAT
    assert plover.scope_of("THREATEN", "relations") == plover.OUT
    assert plover.scope_of("RETREAT", None) == plover.BORDER
    for verbal in ("AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "SANCTION", "AID"):
        assert plover.scope_of(verbal, None) == plover.OUT


def test_plover_markup_keeps_literal_brackets_and_nested_tags():
    plain, spans = plover.parse_markup("(SRC: Forces) (EVT: shelled) (TAR: Arvik (LOC: town)) (APEC) today")
    assert plain == "Forces shelled Arvik town (APEC) today"
    got = {(tag, plain[s:e]) for tag, s, e in spans}
    assert got == {("SRC", "Forces"), ("EVT", "shelled"), ("TAR", "Arvik town"), ("LOC", "town")}
    text = "Forces have shelled Arvik town (APEC) today"  # the gold text may differ from the markup a little
    moved = plover.align_spans(plain, text, spans)
    assert ("EVT", text.index("shelled"), text.index("shelled") + 7) in moved


def test_plover_load_skips_document_and_sets_scope(records):
    assert "X-DOCUMENT-0001" not in records
    fight = records["X-FIGHT-0001"]
    assert (fight.gold_type, fight.mode, fight.scope, fight.dead) == ("ASSAULT", "heavy-weapons", plover.IN, 7)
    assert [fight.text[s:e] for s, e in fight.events] == ["shelled"]
    assert records["X-THREATEN-0001"].scope == plover.THREAT
    assert records["X-AGREE-0001"].scope == plover.OUT and records["X-AGREE-0001"].targets == []
    assert records["X-DEMAND-0001"].gold_type == "REQUEST"
    assert records["X-PROTEST-0001"].scope == plover.BORDER


def _event(text, trigger, modality="asserted", plover_type="ASSAULT", mode=None, actor1=None, actor2=None,
           fatalities=0):
    s = text.index(trigger)
    return Event(trigger=trigger, modality=modality, plover_type=plover_type, plover_mode=mode, actor1=actor1,
                 actor2=actor2, fatalities=fatalities, evidence={"trigger": [s, s + len(trigger)]})


def test_plover_metrics_on_known_events(records):
    fight, threat, agree = records["X-FIGHT-0001"], records["X-THREATEN-0001"], records["X-AGREE-0001"]
    demand = records["X-DEMAND-0001"]
    predicted = {
        # right type and mode, actor1 named by a shared word, 7 dead; no actor2
        fight.text: ([_event(fight.text, "shelled", mode="heavy-weapons", actor1="Rebel Forces", fatalities=7)], None),
        # the threat coded as a real attack: detected, wrong effective type, counts as an asserted threat
        threat.text: ([_event(threat.text, "attack", actor1="Dorn Militia", actor2="Civilians")], None),
        # "agreed to cooperate" turned into an ACLED Agreement: a false (non-conflict) event
        agree.text: ([_event(agree.text, "agreed", plover_type="AGREE")], None),
        # a raid mentioned outside the gold event span is not anchored, so not a false event
        demand.text: ([_event(demand.text, "raids")], None),
    }
    report = plover.score_records(list(records.values()), predicted)
    m = report.metrics
    assert report.counts["in_scope"] == 1 and report.counts["threats"] == 1
    assert report.counts["out_of_scope"] == 2 and report.counts["borderline"] == 1
    assert m["detection_recall"] == 1.0
    assert m["type_accuracy"] == 0.5 and m["type_accuracy_detected"] == 0.5
    assert m["mode_accuracy"] == 1.0
    assert m["false_event_rate"] == 0.5 and m["false_conflict_event_rate"] == 0.0
    assert m["out_of_scope_clean"] == 0.5 and m["out_of_scope_conflict_clean"] == 1.0
    assert m["any_asserted_rate"] == 1.0
    assert m["threat_asserted_rate"] == 1.0 and m["threat_not_asserted"] == 0.0
    assert m["source_match"] == 1.0
    assert m["target_match"] == 0.0  # gold target "capital" vs our "Civilians"; the fight has no actor2
    assert m["dead_exact"] == 1.0
    assert report.counts["assault_typed"] == 1 and report.counts["threaten_detected"] == 1


def test_plover_future_event_counts_as_threat(records):
    threat = records["X-THREATEN-0001"]
    predicted = {threat.text: ([_event(threat.text, "attack", modality="future")], None)}
    report = plover.score_records([threat], predicted)
    assert report.metrics["type_accuracy"] == 1.0
    assert report.metrics["threat_asserted_rate"] == 0.0
    negated = {threat.text: ([_event(threat.text, "attack", modality="negated")], None)}
    assert plover.score_records([threat], negated).metrics["detection_recall"] == 0.0


def test_plover_anchoring_follows_the_clause():
    from sitrep.stages.nlp import load_model

    nlp = load_model()
    text = "A roadside bomb killed two soldiers after days of fighting near the border."
    doc = nlp(text)
    rec = plover.Record(id="x", text=text, gold_type="ASSAULT", mode=None, scope=plover.IN)
    rec.events = [(text.index("killed"), text.index("killed") + 6)]
    bomb, fighting = _event(text, "bomb"), _event(text, "fighting")
    assert plover.anchored(rec, [bomb, fighting], doc) == [bomb]  # subject of "killed"; "after ..." is another event
    assert plover.anchored(rec, [bomb, fighting], None) == []  # without the parse: exact overlap only


def test_plover_is_registered_and_skips_without_data(tmp_path):
    assert "plover" in all_scorers()
    report = plover.score(tmp_path, None, None)[0]
    assert report.skipped and not report.metrics


def test_plover_small_real_run_scores_in_range():
    if not (gold_dir() / plover.DATASET / plover.FILE).exists():
        pytest.skip("PLOVER data not present")
    report = plover.score(gold_dir(), None, 60)[0]
    assert report.counts["records"] == 60
    assert all(0.0 <= v <= 1.0 for v in report.metrics.values())
