"""A Title Case headline is parsed in sentence case: its event is found, and evidence points into the text as given."""

from __future__ import annotations

from sitrep.model import Article

HEADLINE = "Junta Troops Kill 7 Villagers In Kayah Township"


def test_nlp_title_case_headline_yields_its_event(pipeline) -> None:
    result = pipeline.process_batch([Article(text=HEADLINE, published="2023-04-12")])[0]
    assert result.events, "a Title Case headline yields its event"
    event = result.events[0]
    start, end = event.evidence["trigger"]
    assert HEADLINE[start:end] == "Kill"  # offsets into the article as given, capitals and all
    assert event.event_type == "Violence against civilians"


def test_nlp_sentence_case_can_be_switched_off() -> None:
    from sitrep.model import Document
    from sitrep.registry import get

    run = get("sitrep.nlp.v1").factory({"sentence_case": False})
    document = Document(article=Article(text=HEADLINE))
    run([document])
    assert document.doc.text == HEADLINE
    run = get("sitrep.nlp.v1").factory({})
    document = Document(article=Article(text=HEADLINE))
    run([document])
    assert document.doc.text == "Junta troops kill 7 villagers in Kayah township"
