"""Events stage: one incident told several times (headline and body, references back, supporting mentions)."""

from __future__ import annotations

import pytest
from events_text import events_of, frames_of

from sitrep.model import Article


@pytest.fixture(scope="module")
def pipe(rules_pipe):
    return rules_pipe


def test_events_the_attack_refers_back_to_one_event(pipe):
    text = "Gunmen attacked a village in Zamfara state on Tuesday. The attack left 12 villagers dead."
    events = [e for e in events_of(pipe, text) if e.modality == "asserted"]
    assert len(events) == 1
    assert events[0].fatalities == 12


def with_title(title, body):
    return Article(title=title, text=f"{title}\n\n{body}")


def test_events_headline_folds_into_compatible_body_event(pipe):
    art = with_title("Gunmen kill four police officers in Michoacan",
                     "Gunmen ambushed a police patrol in Aguililla, Michoacan, on Wednesday, killing four officers.")
    events = pipe.process_batch([art])[0].events
    assert len(events) == 1, [(e.sub_event_type, e.trigger) for e in events]
    start, _ = events[0].evidence["sentence"]
    assert start > len(art.title or "")  # the body's evidence is kept, not the headline's


def test_events_headline_does_not_hide_the_body_report(pipe):
    art = with_title("Car bomb hits checkpoint in Mogadishu",
                     "A car bomb exploded at a checkpoint in Mogadishu on Tuesday, killing five people, police said.")
    events = pipe.process_batch([art])[0].events
    assert len(events) == 1
    ev = events[0]
    assert ev.event_type == "Explosions/Remote violence" and ev.fatalities == 5
    assert ev.evidence["sentence"][0] > len(art.title or "")


def test_events_headline_kept_when_body_has_nothing_compatible(pipe):
    art = with_title("Militants attack army post in central Mali",
                     "Officials said the town was calm on Monday and markets reopened.")
    events = pipe.process_batch([art])[0].events
    assert len(events) == 1 and events[0].evidence["sentence"][0] == 0


def test_events_headline_with_other_named_actor_stays_separate(pipe):
    art = with_title("Al-Shabaab fighters attack army base in Baidoa",
                     "Islamic State militants attacked a police post in Puntland on Sunday, killing three officers.")
    events = pipe.process_batch([art])[0].events
    assert len(events) == 2


def test_events_the_attack_after_a_bombing_is_the_same_event(pipe):
    text = ("A car bomb exploded at a checkpoint in Mogadishu on Tuesday, killing five people, police said. "
            "Al-Shabaab claimed the attack.")
    events = events_of(pipe, text)
    assert len(events) == 1
    assert events[0].event_type == "Explosions/Remote violence" and "Shabaab" in (events[0].actor1 or "")


def test_events_verb_on_the_assault_refers_back_and_vague_toll_does_not_lower_it(pipe):
    text = ("JNIM fighters attacked an army post near Boni on Sunday, killing 11 soldiers. "
            "The army said it repelled the assault and killed several attackers.")
    events = events_of(pipe, text)
    assert len(events) == 1
    assert events[0].fatalities == 11


def test_events_later_sentences_of_one_incident_are_supporting_mentions(pipe):
    text = "Police opened fire on a mob in Vadodara on Tuesday. One person was killed in the firing."
    events, frames = frames_of(pipe, text)
    assert len(events) == 1
    ev = events[0]
    assert text[slice(*ev.evidence["trigger"])] == "opened fire"
    second = [k for k, span in ev.evidence.items() if k.startswith("sentence_") and span[0] > 50]
    assert second and text[slice(*ev.evidence[second[0]])] == "One person was killed in the firing."
    assert {m.cls for m in frames[ev.event_id].support if m.sent == 1} >= {"attack", "kill"}


def test_events_clause_triggers_keep_their_own_agent_as_support(pipe):
    text = "A boy was killed when police fired several rounds to disperse a mob in Astodia."
    events, frames = frames_of(pipe, text)
    support = frames[events[0].event_id].support
    fired = [m for m in support if text[m.span[0]:m.span[1]] == "fired"]
    assert fired and fired[0].cls == "attack" and fired[0].agent_inter == 1
    assert all(f"trigger_{k}" in events[0].evidence for k in range(2, len(support) + 2))


def test_events_supporting_mentions_are_json_evidence_spans(pipe):
    import json

    ev = events_of(pipe, "Police opened fire on a mob in Vadodara. Two persons were killed.")[0]
    extra = {k: v for k, v in ev.evidence.items() if k[-1].isdigit()}
    assert extra and all(isinstance(v, list) and len(v) == 2 and v[0] < v[1] for v in extra.values())
    json.dumps(ev.evidence)


def test_events_a_reaction_to_the_event_is_not_a_supporting_mention(pipe):
    text = ("Police opened fire on a mob in Vadodara on Tuesday, killing two. "
            "Opposition leaders condemned the killings on Wednesday.")
    events, frames = frames_of(pipe, text)
    lead = next(e for e in events if e.trigger == "opened fire")
    assert all(m.sent == 0 for m in frames[lead.event_id].support)


def test_events_a_named_event_is_not_a_reference_back(pipe):
    text = ("Police opened fire on a mob in Surat on Sunday, killing six. "
            "The toll does not include the 58 persons killed in the Sabarmati Express attack.")
    events, frames = frames_of(pipe, text)
    lead = next(e for e in events if e.trigger == "opened fire")
    assert all(m.sent == 0 for m in frames[lead.event_id].support)


def test_events_supporting_mention_keeps_its_own_modality(pipe):
    text = "About 28 ramsewaks were arrested on Tuesday while trying to enter the town of Ayodhya."
    events, frames = frames_of(pipe, text)
    mentions = [(m.cls, m.modality) for e in events for m in frames[e.event_id].support]
    leads = [(frames[e.event_id].cls, e.modality) for e in events]
    assert ("arrest", "asserted") in mentions + leads
