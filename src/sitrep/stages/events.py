"""Events stage: trigger lexicon + dependency parse -> Event records with evidence and modality.

Each detected event gets its actors (actor1 the agent, actor2 the target,
associated actors), modality, trigger, confidence and evidence spans; ACLED
types are left to the coding stage, which reads the detection frame kept in
``document.extras["sitrep.events"]``. When one event's sentence names several
places joined as conjuncts ("in Idlib and Hama"), ACLED codes one event per
place, so the event is split with one ``location`` evidence span each. Further
mentions folded into an event (the clause's other triggers, "the firing" in a
later sentence, a bare toll, the headline) stay in its evidence as
``trigger_2``/``sentence_2``, ``trigger_3``/``sentence_3`` ..., so a coder sees
every sentence that reports it.
"""

from __future__ import annotations

from typing import Any

from sitrep.events.arguments import Frame
from sitrep.events.detect import Detector, whole_sentence
from sitrep.events.lexicon import lexicon
from sitrep.events.posts import force_holds_post
from sitrep.events.responders import force_faces_crowd
from sitrep.lightdoc import light_doc
from sitrep.model import Document, Event
from sitrep.registry import stage
from sitrep.resources import add_data_dirs

FRAMES_KEY = "sitrep.events"
COUNTRY_KEY = "sitrep.events.country"  # article_country as the events stage read it; the coding stage reuses it


def article_country(document: Document) -> str | None:
    """The country of the article's generic and state actors: ``Article.country`` when given, else the
    one its places, nationality words, named actors and source support most (``sitrep.actors.country``)."""
    from sitrep.actors.country import article_country as best_supported

    return best_supported(document)


def _confidence(f: Frame) -> float:
    c = 0.45 + 0.1 * min(1.0, f.trigger.weight)
    c += 0.15 if f.actor1 is not None else 0.0
    c += 0.1 if f.actor2 is not None else 0.0
    c += 0.05 if f.tok.pos_ == "VERB" else 0.0
    c -= 0.2 if f.generic else 0.0
    c += 0.05 if f.main_clause else 0.0
    return round(max(0.05, min(0.95, c)), 2)


def _in_brackets(span: Any) -> bool:
    """Whether a place name stands inside parentheses ("Moura (Djenne, Mopti)"): an admin hint for the
    place before it, not a second place."""
    sent = span.sent
    for t in reversed(span.doc[sent.start : span.start]):
        if t.text in (")", "]"):
            return False
        if t.text in ("(", "["):
            return True
    return False


def _places_split(document: Document, f: Frame) -> list[list[int] | None]:
    """Spans of conjoined places in the event's sentence (one event each), else [None]."""
    places = [p for p in document.places if p.sent == f.sent and p.feature != "country"]
    if len(places) < 2 or document.doc is None:
        return [None]
    doc = document.doc
    heads = []
    for p in places:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and not _in_brackets(span):
            heads.append((span.root, p))
    # "the road between Basra and Zubair" is one stretch, not two places
    conj_pairs = {(a.i, b.i) for a, _ in heads for b, _ in heads if b.dep_ == "conj" and b.head.i == a.i
                  and not (a.dep_ == "pobj" and a.head.lower_ == "between")}
    linked = {i for pair in conj_pairs for i in pair}
    chosen = [[p.start, p.end] for root, p in heads if root.i in linked]
    return chosen if len(chosen) >= 2 else [None]  # type: ignore[return-value]


def supporting_mentions(f: Frame, sents: list[Any], links: list[bool] | None = None) -> dict[str, list[int]]:
    """Evidence for the event's further mentions: ``trigger_2``/``sentence_2``, ``trigger_3`` ... in text
    order, so a coder sees every sentence that reports the event, not only the one holding its trigger."""
    out: dict[str, list[int]] = {}
    seen = {f.trigger_span}
    for m in sorted(f.support, key=lambda m: m.span):
        si, span = m.sent, m.span
        if span in seen or span == (0, 0) or not 0 <= si < len(sents):
            continue
        seen.add(span)
        k = len(seen)
        out[f"trigger_{k}"] = [span[0], span[1]]
        out[f"sentence_{k}"] = list(whole_sentence(sents, si, links))
    return out


def frame_to_event(document: Document, f: Frame, ordinal: int, location: list[int] | None,
                   sents: list[Any] | None = None, links: list[bool] | None = None) -> Event:
    a = document.article
    ev = Event(
        event_id=f"{a.id}-{ordinal}",
        article_id=a.id,
        source=a.source,
        modality=f.modality,
        trigger=document.doc[f.tok.i].text if f.trigger_span == (0, 0) else a.text[f.trigger_span[0]:f.trigger_span[1]],
        confidence=_confidence(f),
    )
    ev.evidence["sentence"] = [f.sent_span[0], f.sent_span[1]]
    ev.evidence["trigger"] = [f.trigger_span[0], f.trigger_span[1]]
    if f.support and sents:
        ev.evidence.update(supporting_mentions(f, sents, links))
    if f.actor1 is not None:
        ev.actor1, ev.inter1 = f.actor1.name, f.actor1.inter
        ev.evidence["actor1"] = [f.actor1.start, f.actor1.end]
    target = f.actor2
    if target is None and f.victims and (f.actor1 is None or f.victims[0].name != f.actor1.name):
        target = f.victims[0]  # those killed or hurt are the other side when no object was named
    if target is not None and any(target.name == a.name for a in f.assoc1):
        target = None  # an ally named "in coordination with" is not the other side
    if target is not None:
        ev.actor2, ev.inter2 = target.name, target.inter
        ev.evidence["actor2"] = [target.start, target.end]
    assoc1 = [x for x in f.assoc1 if f.actor1 is None or x.name != f.actor1.name]
    if assoc1:
        ev.assoc_actor_1 = "; ".join(dict.fromkeys(x.name for x in assoc1))
        ev.evidence["assoc_actor_1"] = [assoc1[0].start, assoc1[0].end]
    assoc2 = [x for x in f.assoc2 if f.actor2 is None or x.name != f.actor2.name]
    if assoc2:
        ev.assoc_actor_2 = "; ".join(dict.fromkeys(x.name for x in assoc2))
        ev.evidence["assoc_actor_2"] = [assoc2[0].start, assoc2[0].end]
    if location is not None:
        ev.evidence["location"] = location
    return ev


def detect_events(document: Document, detector: Detector) -> None:
    if document.doc is None:
        return
    country = document.extras[COUNTRY_KEY] = article_country(document)
    frames = detector.detect(document, country)
    events: list[Event] = []
    kept: dict[str, Frame] = {}
    sents = list(light_doc(document).sents)  # type: ignore[union-attr]
    force_faces_crowd(frames, document.actors or [], sents)
    force_holds_post(frames, document.actors or [], sents, detector.lex, country)
    for f in frames:
        for loc in _places_split(document, f):
            ev = frame_to_event(document, f, len(events) + 1, loc, sents, detector.links)
            events.append(ev)
            kept[ev.event_id] = f
    document.events = events
    document.extras[FRAMES_KEY] = kept


@stage("sitrep.events.v1", needs=("doc", "actors"), sets=("events",))
def make_events(config: dict[str, Any]) -> Any:
    """Find events per clause with the trigger lexicon and the dependency parse."""
    add_data_dirs(config.get("data_dirs", []))
    detector = Detector(lexicon())

    def run(documents: list[Document]) -> None:
        for document in documents:
            detect_events(document, detector)

    return run
