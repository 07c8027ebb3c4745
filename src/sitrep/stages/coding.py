"""Coding stage: ACLED event/sub-event type, disorder type, interaction, civilian
targeting, fatalities, PLOVER type/mode and CAMEO root for every event.

Reads the detection frame the events stage keeps per event; the decision rules
are in ``sitrep.events.classify`` and every table (categories, vague amounts,
PLOVER/CAMEO mapping) is a data file.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from sitrep.actors.sides_riots import RIOTERS
from sitrep.events.arguments import Frame, generic_name
from sitrep.events.classify import PARTY, PARTY_TARGET, Context, rule_features, sub_event_type
from sitrep.events.codebook import Codebook, codebook
from sitrep.events.criminal_targets import CUE as CRIMINAL_TARGET
from sitrep.events.criminal_targets import criminal_target
from sitrep.events.cues import SentenceMemo, cue_groups, later_intervention, words_of_span
from sitrep.events.exchanges import remote_fire_in_fights
from sitrep.events.fatalities import total
from sitrep.events.gate import CoderGate, is_incident_summary
from sitrep.events.lexicon import Lexicon, lexicon
from sitrep.events.parties import party_side
from sitrep.events.takings import fights_that_took_places, quiet_takings
from sitrep.learn import load
from sitrep.learn.coder_model import SentencesText
from sitrep.lightdoc import light_doc
from sitrep.model import Document, Event, interaction_code
from sitrep.registry import stage
from sitrep.resources import add_data_dirs
from sitrep.stages.coding_actors import add_article_identities, add_identities, dated_state_name, order_actors
from sitrep.stages.events import COUNTRY_KEY, FRAMES_KEY, article_country

PROTEST_MODES = {"obstruct", "boycott", "strike-gen", "strike-lim", "strike-hun"}


CONTEXT = 2  # sentences on each side of the event's own that the coder model reads
INPUTS_KEY = "coder_inputs"  # document.extras: event id -> (context, rule features, rules' sub-type, own sentences)


ModelInputs = tuple[str, str, list[str], str]  # the rules' sub-type, the event's text, rule features, own clause


def code_event(ev: Event, frame: Frame | None, document: Document, lex: Lexicon, book: Codebook,
               country: str | None, doc_cues: set[str], trailing: tuple[int, ...] = (),
               sents: list[Any] | None = None, coder: Any = None, gate: CoderGate | None = None,
               memo: SentenceMemo | None = None) -> None:
    """Code one event; ``trailing`` are sentences after it that only report its toll ("3 fatalities.").

    With a ``coder`` model the sub-event type is the model's choice and ``confidence`` its probability;
    without one the rules decide. What the model was given is kept in ``document.extras[INPUTS_KEY]``.
    (``code_document`` does the same for all of a document's events, the model scoring them together.)
    """
    sub, victims, inputs = rule_coding(ev, frame, document, lex, book, doc_cues, trailing, sents, memo)
    if coder is not None and inputs is not None:
        sub, ev.confidence = (gate or CoderGate()).decide_many(coder, book, [inputs])[0]
    finish_event(ev, frame, document, lex, book, country, sub, victims)


def rule_coding(ev: Event, frame: Frame | None, document: Document, lex: Lexicon, book: Codebook,
                doc_cues: set[str], trailing: tuple[int, ...] = (), sents: list[Any] | None = None,
                memo: SentenceMemo | None = None) -> tuple[str, set[int], ModelInputs | None]:
    """The rules' sub-event type, the victims' inter codes and what the model reads (None: no frame); sets the
    event's fatalities and keeps the model's inputs in ``document.extras[INPUTS_KEY]``."""
    inputs: ModelInputs | None = None
    doc: Any = light_doc(document)  # the events stage's copy of the parse: plain objects, read fast
    if sents is None:  # callers coding many events pass the document's sentences once
        sents = list(doc.sents) if doc is not None else []
    if memo is None:
        memo = SentenceMemo(sents, lex, book)
    if frame is not None and sents:
        cues: set[str] = set()
        for si in [frame.sent, *frame.extra_sents]:
            cues |= memo.cues(si)
        if frame.cls == "protest":
            cues |= later_intervention(memo, frame.sent, max([frame.sent, *frame.extra_sents]))
        if frame.cls == "protest" and any(m.cls == "arrest" and m.modality == "asserted" for m in frame.support):
            cues.add("protest_arrest")  # arrests folded into the demonstration (``Merger._merge_across``)
        ctx = Context(
            cls=frame.cls,
            trigger=" ".join(frame.trigger.words),
            cues=cues,
            doc_cues=doc_cues,
            inter1=ev.inter1,
            inter2=ev.inter2,
            victims={v.inter for v in frame.victims},
            objects=set(frame.objects),
            civilian_places=lex.cues.get("civilian_place", frozenset()),
            military_places=lex.cues.get("military_place", frozenset()),
        )
        if party_side(frame.actor1):
            ctx.agent_cues = {PARTY}  # the doers are a party's people (read with their own words below)
        if party_side(frame.actor2):
            ctx.cues.add(PARTY_TARGET)
        span = None  # the doers' words, read by the cue and criminal-target checks below
        if frame.actor1 is not None and doc is not None:
            span = doc.char_span(frame.actor1.start, frame.actor1.end, alignment_mode="expand")
            ctx.agent_cues = set(ctx.agent_cues) | (cue_groups(lex, words_of_span(span)) if span is not None else set())
            if span is not None and _called_armed(span.root):
                ctx.agent_cues.add("armed_doer")  # "armed Fulani pastoralists": their own words say "armed"
            if "military_target" in cues and span is not None and not _named_beside(
                    sents, [frame.sent, *frame.extra_sents], lex.cues.get("military_target", frozenset()), span):
                # "militants assassinated a councillor": the only armed words name the doer, not the target
                cues.discard("military_target")
        following = _describing_sentences(document, frame, len(sents))
        if criminal_target(sents, [frame.sent, *frame.extra_sents], following, lex, _doer_tokens(span, frame.tok)):
            ctx.cues.add(CRIMINAL_TARGET)
        sub = sub_event_type(ctx)
        counts = []
        for si in [frame.sent, *frame.extra_sents, *trailing]:
            counts += memo.counts(si)
        ev.fatalities, span = total(counts)
        if span:
            ev.evidence["fatalities"] = span
        victims = ctx.victims
        # the words around the event too: what the reporter says next often decides the type
        # ("... The protesters later set tyres on fire"); measured: the event sentence alone loses ~5 points
        own = [frame.sent, *frame.extra_sents]
        # joined texts that keep their sentences: the model reads each sentence's words once per document
        text = SentencesText(memo.text(si) for si in range(max(0, min(own) - CONTEXT), min(len(sents), max(own) + CONTEXT + 1)))
        clause = SentencesText(memo.text(si) for si in own)
        feats = rule_features(ctx, sub, ev.fatalities)
        document.extras.setdefault(INPUTS_KEY, {})[ev.event_id] = (str(text), feats, sub, str(clause))
        inputs = (sub, text, feats, clause)
    else:
        sub = ev.sub_event_type or "Other"
        victims = set()
    return sub, victims, inputs


def _called_armed(head: Any) -> bool:
    """Whether the doer's noun (or the noun it belongs to: "police" of "police force") is said to be armed
    ("armed Fulani pastoralists", "heavily armed men")."""
    while head.dep_ in ("compound", "amod") and head.head.i != head.i:
        head = head.head
    return any(c.dep_ in ("amod", "compound") and c.lower_ in ("armed", "heavily-armed") for c in head.children)


DESCRIBING_AHEAD = 3  # sentences after an event that may describe its victim ("The victim was a drug dealer.")


def _describing_sentences(document: Document, frame: Frame, n_sents: int) -> list[int]:
    """The sentences among the DESCRIBING_AHEAD after the event's own that tell no event of their own."""
    frames: dict[str, Frame] = document.extras.get(FRAMES_KEY, {})
    used = {si for f in frames.values() for si in (f.sent, *f.extra_sents)}
    out = []
    last = max([frame.sent, *frame.extra_sents])
    for si in range(last + 1, min(n_sents, last + 1 + DESCRIBING_AHEAD)):
        if si not in used:  # another event's sentence is skipped: notes tell one incident in several
            out.append(si)
    return out


def _doer_tokens(agent: Any, trigger: Any) -> set[int]:
    """The doers' tokens: their span and the doers joined to its noun, and whoever the trigger's clause names as its
    doer (its active subject, a passive's "by" phrase: "was shot and killed by two drug traffickers")."""
    verbs = [trigger, *trigger.conjuncts] + ([trigger.head] if trigger.dep_ == "conj" else [])
    # a verb the parser hung off the trigger unlabelled ("was attacked then shot by gangsters")
    verbs += [c for c in trigger.children if c.dep_ == "dep" and c.pos_ == "VERB"]
    named = {t.i for v in verbs for c in v.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    if not named and agent is None:
        named = _headline_doers(trigger)
    if agent is None:
        return named
    head = agent.root
    while head.dep_ in ("compound", "amod") and head.head.i != head.i:  # "police" of "police force"
        head = head.head
    own = set(range(agent.start, agent.end)) | {head.i}
    own |= {t.i for t in head.children if t.dep_ in ("compound", "amod")}
    return own | named | {t.i for c in head.conjuncts for t in c.subtree}


def _headline_doers(trigger: Any) -> set[int]:
    """A headline the parser could not read ("Gangsters raid village, rob and kill civilians"): no subject or agent
    anywhere in the sentence, yet a verb acting on an object; who acts stands before the first such verb (or the
    verb it is joined to)."""
    sent = list(trigger.sent)
    if any(t.dep_ in ("nsubj", "nsubjpass", "nsubj:pass", "agent") for t in sent):
        return set()
    acting = [t for t in sent if t.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") for c in t.children)]
    if not acting:
        return set()
    first = min(v.head.i if v.dep_ == "conj" else v.i for v in acting)
    return {t.i for t in sent if t.i < first and t.i != trigger.i}


def _named_beside(sents: list[Any], indices: list[int], words: frozenset[str], agent: Any) -> bool:
    """Whether a word of ``words`` (its form or lemma) stands in the sentences outside the agent's span and the
    doers joined to it ("police and ethnic militias shot ...": the militias shot too, they are no target)."""
    first, last = agent.start, agent.end  # token indices of the span
    head = agent.root
    while head.dep_ in ("compound", "amod") and head.head.i != head.i:  # "police" of "police force"
        head = head.head
    own = {head.i} | {t.i for t in head.children if t.dep_ in ("compound", "amod")}
    own |= {t.i for c in head.conjuncts for t in c.subtree}
    for si in indices:
        for tok in sents[si]:
            if first <= tok.i < last or tok.i in own:
                continue
            if tok.lower_ in words or tok.lemma_.lower() in words:
                return True
    return False


def finish_event(ev: Event, frame: Frame | None, document: Document, lex: Lexicon, book: Codebook,
                 country: str | None, sub: str, victims: set[int]) -> None:
    """Everything that follows from the sub-event type: event and disorder type, actors in ACLED's order and
    defaults, interaction, civilian targeting, PLOVER and CAMEO, evidence."""
    ev.sub_event_type = sub
    ev.event_type = book.event_type(sub)
    ev.disorder_type = book.disorder_type(sub)
    trig = ev.evidence.get("trigger")
    if sub == "Armed clash" and ev.inter2 in (None, 7) and _criminal_target(document, ev):
        # the victim the text names is a gang's member: the other side is an armed group, not civilians
        ev.actor2, ev.inter2 = generic_name(3, country), 3
    if sub == "Attack" and _armed_among_victims(ev, frame, document):
        sub = _recode(ev, "Armed clash", book)
    order_actors(ev, frame, document, lex, book, country, sub, victims)
    if ev.event_type == "Battles" and RIOTERS in (ev.inter1, ev.inter2) and _named_crowd(ev, document):
        sub = _rioters_battle(ev, frame, document, book)
        order_actors(ev, frame, document, lex, book, country, sub, victims)
    ev.interaction = interaction_code(ev.inter1, ev.inter2)
    civilian = sub in book.civilian_sub_events or (
        ev.event_type == "Explosions/Remote violence" and (ev.inter2 == 7 or (victims and victims <= {7}))
    )
    ev.civilian_targeting = "Civilian targeting" if civilian else None
    plover = book.plover.get(sub, {})
    ev.plover_type = plover.get("plover")
    ev.plover_mode = plover.get("mode")
    if ev.plover_type == "ASSAULT" and frame is not None:
        ev.plover_mode = book.mode_by_trigger.get(frame.tok.lemma_.lower()) or acted_on_mode(frame.tok, book) \
            or ev.plover_mode
    elif ev.plover_mode == "demo" and frame is not None:
        # people blocking roads or boycotting: the trigger names the protest's form ("obstruct", "boycott")
        mode = book.mode_by_trigger.get(frame.tok.lemma_.lower())
        ev.plover_mode = mode if mode in PROTEST_MODES else ev.plover_mode
    ev.cameo_root = plover.get("cameo")
    # The trigger justifies the type; the target justifies civilian targeting.
    if trig:
        for name in ("event_type", "sub_event_type", "disorder_type", "plover_type", "cameo_root"):
            ev.evidence.setdefault(name, list(trig))
    if ev.civilian_targeting and "actor2" in ev.evidence:
        ev.evidence.setdefault("civilian_targeting", list(ev.evidence["actor2"]))


_DEMONSTRATION = re.compile(r"\b(?:demonstrat\w*|protest\w*|rall(?:y|ies)|march(?:ed|es|ing)?|sit-ins?)\b", re.I)
_CROWD_NAME = re.compile(r"\b(?:rioters?|mobs?|crowds?|protesters?|demonstrators?)\b", re.I)


def _named_crowd(ev: Event, document: Document) -> bool:
    """The rioting side's own words call it a crowd ("Palestinian rioters"), not only the coding ("SCACUF youth
    exchanged gunfire" read as rioters stays a battle)."""
    side = "actor1" if ev.inter1 == RIOTERS else "actor2"
    span = ev.evidence.get(side)
    if not span:
        return False
    return bool(_CROWD_NAME.search(document.article.text[int(span[0]):int(span[1])]))


def _rioters_battle(ev: Event, frame: Frame | None, document: Document, book: Codebook) -> str:
    """A battle whose side the note names as rioters is a riot: ACLED's battles are fought by organised armed sides
    (the training countries' 3,297 events with a rioting side: 1,744 mob violence, 1,489 violent demonstrations,
    64 protest events, no battle). "Palestinian rioters clashed with Israeli military forces" is mob violence; a
    crowd told as demonstrating, a violent demonstration."""
    text = _sentence_text(ev, document) if frame is not None else document.article.text
    return _recode(ev, "Violent demonstration" if _DEMONSTRATION.search(text) else "Mob violence", book)


def _sentence_text(ev: Event, document: Document) -> str:
    """The text of the event's sentence (the whole article when the event has none)."""
    text = document.article.text
    if "sentence" not in ev.evidence:
        return text
    start, end = ev.evidence["sentence"][:2]
    return text[int(start):int(end)]


def _recode(ev: Event, sub: str, book: Codebook) -> str:
    """Give ``ev`` the sub-event type ``sub`` and the event and disorder types the codebook puts it under."""
    ev.sub_event_type, ev.event_type, ev.disorder_type = sub, book.event_type(sub), book.disorder_type(sub)
    return sub


# "killed seven people including five Koglweogo militiamen": the dead the note counts include armed men on duty
_ARMED_AMONG = re.compile(
    r"\b(?:including|among them|among whom|of whom|amongst them)\s+(?!(?:\w+\s+){0,3}?(?:former|retired|off-duty|ex-))"
    r"(?:[\w-]+\s+){0,3}?(?:soldiers?|gendarmes?|militiam[ae]n|policem[ae]n|police officers?|combatants?|fighters?|"
    r"troops|guardsm[ae]n|dozos?|VDPs?)\b(?!\s+(?:on leave|off[- ]duty|in civilian))", re.I)


def _armed_among_victims(ev: Event, frame: Frame | None, document: Document) -> bool:
    """The victims the event's sentence counts include armed men ("killing at least 13 people including two
    gendarmerie soldiers"): ACLED's attacks are on unarmed people, so both sides are armed and it is a battle
    (training notes with such a count: 103 armed clashes, 6 attacks, of all 96k)."""
    return frame is not None and "sentence" in ev.evidence and bool(_ARMED_AMONG.search(_sentence_text(ev, document)))


def _criminal_target(document: Document, ev: Event) -> bool:
    inputs = document.extras.get(INPUTS_KEY, {}).get(ev.event_id)
    return inputs is not None and f"cue={CRIMINAL_TARGET}" in inputs[1]


_ACTED_ON = ("dobj", "obj", "nsubjpass", "nsubj:pass")


def acted_on_mode(tok: Any, book: Codebook) -> str | None:
    """The manner of assault a trigger that names none ("thwarted", "foiled") takes from what it acted on: "an
    attempt to assassinate the governor was thwarted" is an assassination (the first word with a mode in the
    subtree of the trigger's object or passive subject)."""
    for child in tok.children:
        if child.dep_ in _ACTED_ON:
            for t in child.subtree:
                mode = book.mode_by_trigger.get(t.lemma_.lower())
                if mode is not None:
                    return mode
    return None


def code_document(document: Document, lex: Lexicon, book: Codebook, coder: Any = None,
                  gate: CoderGate | None = None) -> None:
    if not document.events:
        return
    frames: dict[str, Frame] = document.extras.get(FRAMES_KEY, {})
    country = document.extras[COUNTRY_KEY] if COUNTRY_KEY in document.extras else article_country(document)
    doc_cues: set[str] = set()
    doc = light_doc(document)
    sents = list(doc.sents) if doc is not None else []
    for sent in sents[:3]:
        doc_cues |= cue_groups(lex, words_of_span(sent))
    published = document.article.published_date
    trailing = _toll_sentences(frames, len(sents))
    identities = {(a.start, a.end): a.identity for a in document.actors if a.identity}
    memo = SentenceMemo(sents, lex, book)  # several events share a sentence: read each sentence once
    gate = gate.for_text(document.article.text) if gate is not None else None
    found = [rule_coding(ev, frames.get(ev.event_id), document, lex, book, doc_cues,
                         trailing.get(ev.event_id, ()), sents, memo) for ev in document.events]
    found = fights_that_took_places(document.events, frames, found, document.extras.setdefault(INPUTS_KEY, {}))
    summary = is_incident_summary(document.article.text)
    found = quiet_takings(document.events, frames, found, document.extras[INPUTS_KEY], summary)
    if summary:
        found = remote_fire_in_fights(document.events, frames, found, document.extras[INPUTS_KEY])
    subs = [sub for sub, _, _ in found]
    if coder is not None:
        # the model weighs the words and what the rules found, every event of the document in one pass; the gate
        # says when its choice replaces the rules' (``sitrep.events.gate``: CASE 2021 0.775 rules, 0.612 model alone)
        scored = [(i, inputs) for i, (_, _, inputs) in enumerate(found) if inputs is not None]
        decisions = (gate or CoderGate()).decide_many(coder, book, [inputs for _, inputs in scored])
        for (i, _), (sub, confidence) in zip(scored, decisions, strict=True):
            subs[i] = sub
            document.events[i].confidence = confidence
    year = published.year if published else None
    for ev, sub, (_, victims, _) in zip(document.events, subs, found, strict=True):
        finish_event(ev, frames.get(ev.event_id), document, lex, book, country, sub, victims)
        add_identities(ev, identities, country, doc, year)  # also when none was read: victims of violence are civilians
        add_article_identities(ev, document.article.text)
        ev.actor1 = dated_state_name(ev.actor1, year)
        ev.actor2 = dated_state_name(ev.actor2, year)


def _toll_sentences(frames: dict[str, Frame], n_sents: int) -> dict[str, tuple[int, ...]]:
    """A sentence right after an event that reports deaths but no event of its own ("3 fatalities.",
    "Two bodies were found later.") gives that event's toll; only when one event ends just before it."""
    if not n_sents or not frames:
        return {}
    used = {si for f in frames.values() for si in (f.sent, *f.extra_sents)}
    last = {eid: max((f.sent, *f.extra_sents)) for eid, f in frames.items()}
    ends = Counter(last.values())
    return {eid: (si + 1,) for eid, si in last.items()
            if ends[si] == 1 and si + 1 < n_sents and si + 1 not in used}


@stage("sitrep.coding.v1", needs=("doc", "events"), sets=("events.coding",))
def make_coding(config: dict[str, Any]) -> Any:
    """Code each event into ACLED's taxonomy, PLOVER and CAMEO, with fatalities."""
    add_data_dirs(config.get("data_dirs", []))
    lex = lexicon()
    book = codebook()
    # loaded once per process (learn.load caches); rules alone when switched off or when no artifact exists
    coder = load("coder", config.get("model_dir") or None) if config.get("use_model", True) else None
    gate = CoderGate.from_config(config)

    def run(documents: list[Document]) -> None:
        for document in documents:
            code_document(document, lex, book, coder, gate)

    return run
