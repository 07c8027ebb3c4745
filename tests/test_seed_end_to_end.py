"""The reference article end to end: what DESIGN.md says a user expects."""

from __future__ import annotations

import pytest

import sitrep

# DESIGN.md: the Anbar desert is Al Anbar governorate, spelled as ACLED spells it
ANBAR = "Al Anbar"



@pytest.fixture(scope="module")
def seed(seed_text):
    return sitrep.extract(seed_text, published="2020-05-10", id="seed")


def asserted(result):
    return [e for e in result.events if e.modality == "asserted"]


def sentence_of(result_text, event):
    start, end = event.evidence["sentence"]
    return result_text[start:end]


def test_seed_has_a_strategic_development_operation(seed):
    assert any(e.event_type == "Strategic developments" for e in asserted(seed))


def test_seed_has_islamic_state_attack_on_civilians(seed):
    attacks = [
        e
        for e in asserted(seed)
        if e.event_type == "Violence against civilians" and e.sub_event_type == "Attack"
    ]
    assert attacks, [(e.event_type, e.sub_event_type, e.actor1) for e in seed.events]
    assert any((e.actor1 or "").startswith("Islamic State") for e in attacks)
    assert any((e.actor2 or "").startswith("Civilians (Iraq)") for e in attacks)


def test_seed_has_security_tribal_agreement(seed):
    assert any(e.sub_event_type == "Agreement" for e in asserted(seed))


def test_seed_conditional_threat_is_not_asserted(seed, seed_text):
    for event in asserted(seed):
        assert "If the tribes were called" not in sentence_of(seed_text, event)
    hypothetical = [e for e in seed.events if "If the tribes were called" in sentence_of(seed_text, e)]
    assert all(e.modality != "asserted" for e in hypothetical)


def test_seed_actors_are_normalised(seed):
    names = {a.name for a in seed.actors}
    assert "Military Forces of Iraq (2018-)" in names
    assert "PMF: Popular Mobilization Forces" in names
    assert "Islamic State (Iraq)" in names
    assert "Civilians (Iraq)" in names
    assert any("Tribal" in n or n.startswith("TMF") for n in names)
    coalition = [a for a in seed.actors if "Coalition" in a.text]
    assert coalition and all(a.inter == 8 for a in coalition)


def test_seed_every_event_has_evidence_for_its_coded_fields(seed, seed_text):
    for event in seed.events:
        assert "sentence" in event.evidence
        for field, (start, end) in event.evidence.items():
            assert 0 <= start < end <= len(seed_text), field


def test_seed_events_are_in_al_anbar_at_region_precision(seed):
    events = asserted(seed)
    assert events
    for event in events:
        assert event.country == "Iraq" and event.iso == 368
        assert event.admin1 == ANBAR
    assert all(e.geo_precision in (2, 3) for e in events)


def test_seed_places_resolve_anbar(seed):
    anbar = [p for p in seed.places if "Anbar" in p.text]
    assert anbar and all(p.admin1 == ANBAR and p.latitude is not None for p in anbar)


def test_seed_quotes_have_three_speakers_with_roles(seed):
    speakers = {q.speaker: q.speaker_role or "" for q in seed.quotes if q.direct}
    assert {"Ghanem al-A’yfan", "Tareq al-Asal", "Ayed Khalaf al-Shammari"} <= set(speakers)
    assert "security expert" in speakers["Ghanem al-A’yfan"]
    assert "vice deputy" in speakers["Tareq al-Asal"]
    assert "tribal leader" in speakers["Ayed Khalaf al-Shammari"]


def test_seed_event_dates_come_from_publication_date_without_false_precision(seed):
    for event in asserted(seed):
        assert event.event_date is not None and event.event_date <= "2020-05-10"
        assert event.time_precision in (1, 2, 3)
    recent = [e for e in asserted(seed) if e.event_type == "Violence against civilians"]
    assert all(e.time_precision >= 2 for e in recent)
