"""The coded values themselves, not only that they are there: disorder type, PLOVER type and CAMEO root.

The expected tables are ACLED's and PLOVER's published rules, typed here (not read from sitrep's codebooks).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sitrep
from sitrep.model import Article

DISORDER = {  # ACLED codebook: disorder type by event type ...
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence; Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB = {  # ... except these sub-event types
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# CAMEO 17x (1712: destroy property) is PLOVER's ASSAULT when property is destroyed or looted
CAMEO_ROOTS_OF = {"ASSAULT": {"17", "18", "19", "20"}, "PROTEST": {"14"}, "MOBILIZE": {"15"}, "COERCE": {"17"},
                  "THREATEN": {"13"}}
CORPUS = Path(sitrep.__file__).parent / "samples" / "corpus.jsonl"


@pytest.fixture(scope="module")
def corpus_events(pipeline):
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(text=r["text"], published=r.get("published"), id=r.get("id")) for r in records]
    results = pipeline.process_batch(articles)
    events = [e for r in results for e in r.events]
    assert len(events) >= len(records)
    return events


def test_disorder_type_follows_acled_rules(corpus_events):
    for e in corpus_events:
        expected = DISORDER_BY_SUB.get(e.sub_event_type or "", DISORDER.get(e.event_type or ""))
        assert e.disorder_type == expected, (e.event_type, e.sub_event_type, e.disorder_type)


def test_plover_type_and_cameo_root_are_valid_and_agree(corpus_events):
    for e in corpus_events:
        assert e.plover_type in PLOVER_TYPES, e.plover_type
        assert e.cameo_root is not None and len(e.cameo_root) == 2 and 1 <= int(e.cameo_root) <= 20, e.cameo_root
        if e.plover_type in CAMEO_ROOTS_OF:
            assert e.cameo_root in CAMEO_ROOTS_OF[e.plover_type], (e.plover_type, e.cameo_root)
    kinds = {e.plover_type for e in corpus_events}
    assert {"ASSAULT", "PROTEST"} <= kinds  # the sample corpus has attacks and protests


def test_seed_events_carry_the_expected_codes(seed_text):
    result = sitrep.extract(seed_text, published="2020-05-10", id="seed")
    coded = {(e.modality, e.event_type, e.sub_event_type): e for e in result.events}
    attack = coded[("asserted", "Violence against civilians", "Attack")]
    assert (attack.disorder_type, attack.plover_type, attack.cameo_root) == ("Political violence", "ASSAULT", "18")
    assert attack.civilian_targeting == "Civilian targeting" and attack.interaction == 27
    agreement = coded[("asserted", "Strategic developments", "Agreement")]
    assert (agreement.disorder_type, agreement.plover_type) == ("Strategic developments", "AGREE")
    threat = [e for e in result.events if e.modality == "hypothetical"]
    assert threat and all(e.disorder_type == "Political violence" and e.plover_type == "ASSAULT" for e in threat)
