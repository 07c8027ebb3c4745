"""The events-stage tests' way of running text through the rules-only pipeline."""

from __future__ import annotations

from sitrep.model import Article, Document


def events_of(pipe, text):
    return pipe.process_batch([Article(text=text)])[0].events


def only(events, **fields):
    found = [e for e in events if all(getattr(e, k) == v for k, v in fields.items())]
    assert found, [(e.sub_event_type, e.actor1, e.actor2, e.modality) for e in events]
    return found[0]


def frames_of(pipe, text):
    """(events, detection frames) of one text, running the stages directly to keep the frames."""
    from sitrep.stages.events import FRAMES_KEY

    docs = [Document(article=Article(text=text))]
    for _name, fn in pipe.stages:
        fn(docs)
    return docs[0].events, docs[0].extras[FRAMES_KEY]
