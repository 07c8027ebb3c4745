"""PLOVER scorer: anchoring of our events on the gold event, metrics on known inputs, skip and a real run."""

from __future__ import annotations

import plover_fixture
import pytest

from sitrep.eval import plover, plover_gold
from sitrep.eval.registry import all_scorers, gold_dir
from sitrep.model import Event


@pytest.fixture
def records(tmp_path):
    return plover_fixture.load(tmp_path)


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
    rec = plover_gold.Record(id="x", text=text, gold_type="ASSAULT", mode=None, scope=plover_gold.IN)
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
