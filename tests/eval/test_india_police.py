"""IndiaPoliceEvents scorer: sentence labels from events, skip and a small real run."""

from __future__ import annotations

import pytest

from sitrep.eval import india_police
from sitrep.eval.registry import all_scorers, gold_dir
from sitrep.model import Event


def test_india_police_arrest_event_labels_arrest():
    ev = Event(modality="asserted", sub_event_type="Arrests", inter1=1, actor1="Police Forces of India")
    assert india_police.sentence_labels([(ev, "arrest")], "police arrested ten people.") == {"ARREST", "ANY_ACTION"}


def test_india_police_killing_in_police_firing_labels_kill_and_force():
    ev = Event(modality="asserted", sub_event_type="Attack", fatalities=2)
    labels = india_police.sentence_labels([(ev, "kill")], "two persons were killed in police firing.")
    assert {"KILL", "FORCE", "ANY_ACTION"} <= labels


def test_india_police_mob_killing_is_not_a_police_action():
    ev = Event(modality="asserted", sub_event_type="Mob violence", fatalities=3, actor1="Rioters (India)", inter1=5)
    assert india_police.sentence_labels([(ev, "kill")], "a mob killed three men, police said.") == set()


def test_india_police_hypothetical_events_do_not_count():
    ev = Event(modality="future", sub_event_type="Arrests", inter1=1)
    assert india_police.sentence_labels([(ev, "arrest")], "police will arrest the accused.") == set()


def test_india_police_is_registered_and_skips_without_data(tmp_path):
    assert "india-police" in all_scorers()
    assert india_police.score(tmp_path, None, None)[0].skipped


def test_india_police_small_run():
    if not (gold_dir() / india_police.DATASET / "sents.jsonl").exists():
        pytest.skip("IndiaPoliceEvents data not present")
    report = india_police.score(gold_dir(), None, 8)[0]
    assert report.counts["articles"] == 8
    assert all(0.0 <= v <= 1.0 for v in report.metrics.values())


def test_india_police_police_firing_inside_a_riot_event_labels_kill():
    from sitrep.events.arguments import Support

    ev = Event(modality="asserted", sub_event_type="Mob violence", actor1="Rioters (India)", inter1=5, fatalities=1)
    fired = Support(0, (29, 34), "attack", 1)
    sentence = "a boy was killed when police fired several rounds to disperse a mob."
    assert india_police.mention_labels(ev, "attack", sentence, fired, 0, True) >= {"KILL", "FORCE"}
    assert india_police.mention_labels(ev, "mob", sentence) == set()  # the riot itself is no police action


def test_india_police_kill_needs_a_death_in_the_sentence():
    ev = Event(modality="asserted", sub_event_type="Attack", actor1="Police Forces of India", inter1=1, fatalities=2)
    assert india_police.mention_labels(ev, "attack", "police fired ten rounds at the mob.") == {"FORCE", "ANY_ACTION"}


def test_india_police_bare_toll_inherits_police_only_next_to_the_event():
    from sitrep.events.arguments import Support

    ev = Event(modality="asserted", sub_event_type="Attack", actor1="Police Forces of India", inter1=1, fatalities=2)
    toll = Support(1, (0, 6), "kill", None)
    sentence = "two persons were killed."
    assert "KILL" in india_police.mention_labels(ev, "kill", sentence, toll, 1, True)
    assert india_police.mention_labels(ev, "kill", sentence, toll, 4, True) == set()


def test_india_police_a_government_charged_with_killings_is_not_a_police_action():
    ev = Event(modality="asserted", sub_event_type="Attack", actor1="Government of India", inter1=1, fatalities=0)
    assert india_police.mention_labels(ev, "kill", "the government was responsible for the killings.") == set()


def test_india_police_supporting_mention_counts_with_its_own_modality():
    from sitrep.events.arguments import Support

    ev = Event(modality="hypothetical", sub_event_type="Government regains territory", inter1=1,
               actor1="Police Forces of India")
    arrested = Support(0, (10, 18), "arrest", None, "asserted")
    sentence = "ramsewaks trying to enter the town were arrested."
    assert india_police.mention_labels(ev, "arrest", sentence, arrested) == {"ARREST", "ANY_ACTION"}
    assert india_police.mention_labels(ev, "capture", sentence) == set()
