"""Coding stage: ACLED event/sub-event type, disorder type, interaction, civilian
targeting, fatalities, PLOVER type/mode and CAMEO root for every event.

Reads the detection frame the events stage keeps per event; the decision rules
are in ``sitrep.events.classify`` and every table (categories, vague amounts,
PLOVER/CAMEO mapping) is a data file.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sitrep.actors import get_matcher
from sitrep.actors.identities import crowd_country
from sitrep.events.arguments import Frame, generic_name
from sitrep.events.classify import Context, rule_features, sub_event_type
from sitrep.events.codebook import Codebook, codebook
from sitrep.events.detect import self_ended
from sitrep.events.fatalities import Count, counts_in, total
from sitrep.events.gate import CoderGate
from sitrep.events.lexicon import Lexicon, lexicon
from sitrep.learn import load
from sitrep.model import Document, Event
from sitrep.registry import stage
from sitrep.resources import add_data_dirs
from sitrep.stages.events import COUNTRY_KEY, FRAMES_KEY, article_country

# Sub-event types where the unnamed state actor is, in ACLED's practice, the police.
PROTEST_MODES = {"obstruct", "boycott", "strike-gen", "strike-lim", "strike-hun"}
POLICE_SUBS = {"Protest with intervention", "Excessive force against protesters", "Arrests"}


CROWD_INTER = {"Protests": 6, "Riots": 5}
CONTEXT = 2  # sentences on each side of the event's own that the coder model reads
INPUTS_KEY = "coder_inputs"  # document.extras: event id -> (context, rule features, rules' sub-type, own sentences)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: both actor types, lower first; X0 for a sole actor."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def _swap_actors(ev: Event) -> None:
    ev.actor1, ev.actor2 = ev.actor2, ev.actor1
    ev.inter1, ev.inter2 = ev.inter2, ev.inter1
    ev.assoc_actor_1, ev.assoc_actor_2 = ev.assoc_actor_2, ev.assoc_actor_1
    for a, b in (("actor1", "actor2"), ("assoc_actor_1", "assoc_actor_2")):
        ea, eb = ev.evidence.pop(a, None), ev.evidence.pop(b, None)
        if ea is not None:
            ev.evidence[b] = ea
        if eb is not None:
            ev.evidence[a] = eb


INTRA_INTER = {3, 4}  # ACLED codes fighting among unidentified armed or communal groups on both sides


def intra_group(ev: Event) -> bool:
    """Whether the same actor on both sides is ACLED's intra-group coding (rival unidentified armed
    groups or communal militias clashing), not a misread argument."""
    return (ev.event_type in ("Battles", "Riots") and ev.inter1 in INTRA_INTER and ev.inter1 == ev.inter2
            and (ev.actor1 or "").startswith("Unidentified"))


def cue_groups(lex: Lexicon, words: set[str]) -> set[str]:
    """The cue groups any of ``words`` belongs to (looked up word by word in the lexicon's inverted index)."""
    index = _cue_index(lex)
    found: set[str] = set()
    for w in words:
        groups = index.get(w)
        if groups is not None:
            found |= groups
    return found


_CUE_INDEX: dict[int, tuple[Any, dict[str, frozenset[str]]]] = {}  # id(lex.cues) -> (cues, word -> groups)


def _cue_index(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Word -> the cue groups holding it, built once per lexicon (a lexicon's cues are not changed)."""
    cached = _CUE_INDEX.get(id(lex.cues))
    if cached is not None and cached[0] is lex.cues:
        return cached[1]
    index: dict[str, set[str]] = {}
    for name, vocab in lex.cues.items():
        for w in vocab:
            index.setdefault(w, set()).add(name)
    frozen = {w: frozenset(groups) for w, groups in index.items()}
    _CUE_INDEX[id(lex.cues)] = (lex.cues, frozen)
    return frozen


NOT_A_RIOT = {"police", "gear", "squad", "control", "officers", "officer", "unit", "units", "shield", "shields", "act"}
PROTEST_PEOPLE = {"protester", "protestor", "demonstrator", "participant", "marcher", "striker", "rioter"}


def _words(span: Any) -> set[str]:
    """Lower-case forms and lemmas of a span; "riot" in "riot police" is not a riot."""
    out: set[str] = set()
    for t in span:
        if t.lower_ in ("riot", "anti-riot") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in NOT_A_RIOT:
            continue
        out.add(t.lower_)
        out.add(t.lemma_.lower())
        # the tokenizer splits "stone-pelting", "tear-gas": cue lists hold the joined word
        if t.text == "-" and not t.whitespace_ and t.i > 0 and t.i + 1 < len(t.doc) and not t.doc[t.i - 1].whitespace_:
            out.add(f"{t.doc[t.i - 1].lower_}-{t.doc[t.i + 1].lower_}")
    return out


FORCE_VERBS = {"suppress", "disperse", "break", "crack", "attack", "beat", "repress", "quell", "crush", "evict"}
DEMO_GROUPS = {"lethal", "violence", "violence_vague", "intervention"}
TOPIC_PREPS = {"against", "over", "following", "after", "about", "for", "of", "to"}
TOPIC_VERBS = {"demand", "condemn", "protest", "denounce", "decry", "mourn", "honor", "honour", "remember",
               "commemorate", "oppose", "allege", "end", "stop", "call", "repudiate", "reject", "criticise",
               "criticize", "complain"}
NAME_ENTITIES = {"FAC", "ORG", "EVENT", "WORK_OF_ART", "LAW", "GPE", "LOC", "PERSON"}


def _topic(tok: Any) -> bool:
    """Whether a word names what a protest is about rather than what happened at it."""
    cur = tok
    for _ in range(5):
        head = cur.head
        if cur.dep_ == "relcl":
            return True
        if head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and head.lower_ in TOPIC_PREPS and head.head.lemma_.lower() not in ("use", "with"):
            return True
        if head.lemma_.lower() in TOPIC_VERBS and cur.dep_ in ("dobj", "xcomp", "ccomp", "prep"):
            return True
        if head.pos_ == "VERB" and head.lemma_.lower() not in TOPIC_VERBS and cur.i != tok.i:
            return False
        cur = head
    return False


PROTEST_EVENTS = {"protest", "demonstration", "rally", "sit-in", "march", "gathering", "vigil", "picket"}
NOT_DURING = {"before", "prior", "anticipation", "ahead", "after", "against", "over", "following", "organise", "organize"}


def _protest_arrest(span: Any) -> bool:
    """Demonstrators arrested or detained, or people arrested at a protest (an intervention in it)."""
    for t in span:
        if t.lemma_.lower() in ("arrest", "detain", "round"):
            for c in t.subtree:
                lemma = c.lemma_.lower()
                if lemma in PROTEST_PEOPLE:
                    return True
                if lemma in PROTEST_EVENTS and not (c.ent_type_ in ("DATE", "TIME") or c.pos_ == "PROPN"):
                    # ("On 22 March ...": the month is no march)
                    path = [a.lower_ for a in c.ancestors if a.i != t.i and t.is_ancestor(a)] + [c.lower_]
                    if not NOT_DURING & set(path) and not NOT_DURING & {x.lemma_.lower() for x in c.ancestors}:
                        return True
    return False


def _words_of(toks: list[Any], lows: list[str], lemmas: list[str]) -> set[str]:
    """``_words`` over tokens whose lower-case forms and lemmas are read already."""
    out: set[str] = set()
    for t, low, lemma in zip(toks, lows, lemmas, strict=True):
        if low in ("riot", "anti-riot", "-"):
            out |= _words([t])  # the rare words with rules of their own
        else:
            out.add(low)
            out.add(lemma)
    return out


def _topics(toks: list[Any], lows: list[str], lemmas: list[str]) -> list[bool]:
    """``_topic`` for every token of a sentence, climbing the parse by index instead of by Token."""
    start, n = toks[0].i if toks else 0, len(toks)
    heads = [t.head.i - start for t in toks]
    deps = [t.dep_ for t in toks]
    pos = [t.pos_ for t in toks]
    out = []
    for k in range(n):
        cur, found = k, False
        for _ in range(5):
            head = heads[cur]
            if not 0 <= head < n or not 0 <= heads[head] < n:
                found = _topic(toks[k])  # a head outside the sentence: the plain walk
                break
            if deps[cur] == "relcl":
                found = True  # "parents of soldiers who died in the war": who the people are, not what happened
                break
            if head == cur:
                break
            if deps[cur] == "pobj" and lows[head] in TOPIC_PREPS and lemmas[heads[head]] not in ("use", "with"):
                found = True
                break
            if lemmas[head] in TOPIC_VERBS and deps[cur] in ("dobj", "xcomp", "ccomp", "prep"):
                found = True
                break
            if pos[head] == "VERB" and lemmas[head] not in TOPIC_VERBS and cur != k:
                break
            cur = head
        out.append(found)
    return out


INTERVENING = {"arrest", "detain", "interrupt", "block", "impede", "prevent", "stop", "remove", "disperse", "evict",
               "fine", "register", "break", "intervene", "confront", "push", "clear"}
STATE_WORDS = {"police", "policeman", "policemen", "officer", "officers", "authorities", "authority", "security",
               "forces", "gendarmes", "gendarmerie", "troops", "soldiers", "army"}


def later_intervention(sents: list[Any], first: int, last: int, memo: SentenceMemo) -> set[str]:
    """The police's response told in the sentence after a demonstration ("Police blocked the march",
    "Police interrupted the protest", "1 person was arrested"): an intervention in it, without making the
    response an event of its own."""
    for si in range(first + 1, min(len(sents), last + 2)):  # its own later sentences and the next one
        if "intervention" in memo.cues(si):  # topic words left out ("against police brutality")
            return {"intervention"}
        toks = list(sents[si])
        lows = [t.lower_ for t in toks]
        lemmas = [t.lemma_.lower() for t in toks]
        # what happened, not what the protesters demanded ("the release of demonstrators detained ...")
        done = {lemma for lemma, topic in zip(lemmas, _topics(toks, lows, lemmas), strict=True) if not topic}
        if done & INTERVENING and done & STATE_WORDS:
            return {"intervention"}
    return set()


def _word_part(toks: list[Any], k: int) -> bool:
    """A piece of a hyphenated word ("die" of "die-in", "sit" of "sit-in"): the whole word is read instead."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    prev = toks[k - 1] if k > 0 else None
    return (nxt is not None and nxt.text == "-" and not toks[k].whitespace_ and not nxt.whitespace_) or (
        prev is not None and prev.text == "-" and not prev.whitespace_ and k > 1 and not toks[k - 2].whitespace_)


def sentence_cues(sent: Any, lex: Lexicon) -> set[str]:
    """The cue groups one sentence holds, as the coding rules read them."""
    toks = list(sent)  # one walk of the sentence's tokens, reused (each Doc[i] builds a Token)
    lows = [t.lower_ for t in toks]
    lemmas = [t.lemma_.lower() for t in toks]
    cues = cue_groups(lex, _words_of(toks, lows, lemmas)) - DEMO_GROUPS
    # force, violence and intervention count only as things that happened here, not as the
    # protest's cause ("marched against police brutality", "after the shooting of ...")
    self_ending = lex.cues.get("self_ending", frozenset())
    keep = [k for k, topic in enumerate(_topics(toks, lows, lemmas))
            if not topic and not (lemmas[k] in self_ending and self_ended(toks[k], lex))
            and toks[k].ent_type_ not in NAME_ENTITIES and not _word_part(toks, k)]
    cues |= cue_groups(lex, _words_of([toks[k] for k in keep], [lows[k] for k in keep],
                                      [lemmas[k] for k in keep])) & DEMO_GROUPS
    if _protest_arrest(toks):
        cues.add("protest_arrest")
    for t, low in zip(toks, lows, strict=True):
        if low in ("violent", "violently") and t.head.lemma_.lower() in ("turn", "become", "grow"):
            cues.add("violence")  # "the protest turned violent"
        elif low == "violently" and t.head.lemma_.lower() in FORCE_VERBS:
            cues.add("lethal")  # "police violently dispersed/suppressed": force, not the crowd's violence
    return cues


class SentenceMemo:
    """What the coding rules read from one sentence (its cues, its death figures) is the same for every
    event of the document that names it: computed once per sentence."""

    def __init__(self, sents: list[Any], lex: Lexicon, book: Codebook) -> None:
        self.sents, self.lex, self.book = sents, lex, book
        self._cues: dict[int, frozenset[str]] = {}
        self._counts: dict[int, tuple[Count, ...]] = {}
        self._texts: dict[int, str] = {}

    def text(self, si: int) -> str:
        if si not in self._texts:
            self._texts[si] = self.sents[si].text  # Span.text joins its tokens' texts on every call
        return self._texts[si]

    def cues(self, si: int) -> frozenset[str]:
        if si not in self._cues:
            self._cues[si] = frozenset(sentence_cues(self.sents[si], self.lex))
        return self._cues[si]

    def counts(self, si: int) -> list[Count]:
        if si not in self._counts:
            self._counts[si] = tuple(counts_in(self.sents[si], si, self.book.vague))
        return list(self._counts[si])


def code_event(ev: Event, frame: Frame | None, document: Document, lex: Lexicon, book: Codebook,
               country: str | None, doc_cues: set[str], trailing: tuple[int, ...] = (),
               sents: list[Any] | None = None, coder: Any = None, gate: CoderGate | None = None,
               memo: SentenceMemo | None = None) -> None:
    """Code one event; ``trailing`` are sentences after it that only report its toll ("3 fatalities.").

    With a ``coder`` model the sub-event type is the model's choice and ``confidence`` its probability;
    without one the rules decide. What the model was given is kept in ``document.extras[INPUTS_KEY]``.
    """
    doc = document.doc
    if sents is None:  # callers coding many events pass the document's sentences once
        sents = list(doc.sents) if doc is not None else []
    if memo is None:
        memo = SentenceMemo(sents, lex, book)
    if frame is not None and sents:
        cues: set[str] = set()
        for si in [frame.sent, *frame.extra_sents]:
            cues |= memo.cues(si)
        if frame.cls == "protest":
            cues |= later_intervention(sents, frame.sent, max([frame.sent, *frame.extra_sents]), memo)
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
        if frame.actor1 is not None and doc is not None:
            span = doc.char_span(frame.actor1.start, frame.actor1.end, alignment_mode="expand")
            ctx.agent_cues = cue_groups(lex, _words(span)) if span is not None else set()
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
        text = " ".join(memo.text(si) for si in range(max(0, min(own) - CONTEXT), min(len(sents), max(own) + CONTEXT + 1)))
        clause = " ".join(memo.text(si) for si in own)
        feats = rule_features(ctx, sub, ev.fatalities)
        document.extras.setdefault(INPUTS_KEY, {})[ev.event_id] = (text, feats, sub, clause)
        if coder is not None:
            # the model weighs the words and what the rules found; the gate says when its choice replaces
            # the rules' (``sitrep.events.gate``: measured, CASE 2021 0.775 rules, 0.612 model alone)
            sub, ev.confidence = (gate or CoderGate()).decide(coder, book, sub, text, feats, clause)
    else:
        sub = ev.sub_event_type or "Other"
        victims = set()
    ev.sub_event_type = sub
    ev.event_type = book.event_type(sub)
    ev.disorder_type = book.disorder_type(sub)
    # ACLED: protesters are actor1 of a protest met by intervention; the force user is actor1 of excessive force.
    if sub == "Excessive force against protesters" and ev.inter1 == 6 and ev.inter2 != 6:
        _swap_actors(ev)
    if sub == "Excessive force against protesters" and ev.inter1 != 6 and ev.inter2 != 6 and frame is not None:
        # the protesters are the other side even when the toll names "people" as the dead
        facing = next((a for a in document.actors if a.inter == 6 and a.sent in (frame.sent, *frame.extra_sents)), None)
        if facing is not None:
            ev.actor2, ev.inter2 = facing.name, 6
            ev.evidence["actor2"] = [facing.start, facing.end]
    if sub == "Protest with intervention" and ev.inter1 == 1 and ev.inter2 in (None, 6, 7):
        _swap_actors(ev)
    if sub == "Protest with intervention" and ev.inter2 == 6 and ev.inter1 != 6:
        _swap_actors(ev)
    trig = ev.evidence.get("trigger")
    if ev.actor1 is None and sub in book.default_actor1:
        ev.inter1 = book.default_actor1[sub]
        ev.actor1 = generic_name(ev.inter1, country, police=sub in POLICE_SUBS)
        if trig:
            ev.evidence["actor1"] = list(trig)
    if ev.actor2 is None and sub == "Looting/property destruction" and frame is not None and country \
            and set(frame.objects) & lex.cues.get("civilian_place", frozenset()):
        ev.actor2, ev.inter2 = generic_name(7, country), 7  # burned houses, looted shops: civilians' property
    if ev.actor2 is None and sub in book.default_actor2 and (sub != "Attack" or not victims - {7}):
        ev.inter2 = book.default_actor2[sub]
        ev.actor2 = generic_name(ev.inter2, country, police=sub in POLICE_SUBS)
    crowd = CROWD_INTER.get(ev.event_type or "")
    if crowd and ev.inter1 in (1, 8) and ev.inter2 in (5, 6) and sub != "Excessive force against protesters":
        _swap_actors(ev)  # "protesters clashed with security forces": the crowd leads a riot or protest event
    if crowd and ev.inter1 in (5, 6) and ev.inter1 != crowd:
        # a violent crowd is coded as rioters, a peaceful one as protesters, whatever the text calls them
        ev.inter1 = crowd
        ev.actor1 = generic_name(crowd, crowd_country(document, ev, country))
    if crowd and ev.inter1 in (None, 3, 4, 7):
        # ACLED codes the crowd as Protesters/Rioters, party supporters in a mob too (measured on the training
        # countries: 1,729 of 1,744 mob-violence events lead with Rioters); who they are goes to the associated
        # actor (their identity, added below; never a bare "Civilians" or an unidentified group).
        if ev.actor1 and not (ev.inter1 == 7 and ev.actor1.startswith("Civilians")) \
                and not ev.actor1.startswith("Unidentified"):
            ev.assoc_actor_1 = "; ".join(x for x in (ev.actor1, ev.assoc_actor_1) if x)
        ev.inter1 = crowd
        ev.actor1 = generic_name(crowd, crowd_country(document, ev, country))
    if sub == "Armed clash" and ev.actor2 is None and ev.inter1 == 4 and (ev.actor1 or "").startswith("Unidentified"):
        # "rival clans clashed", "clashes between two communities": both sides are that kind of militia
        ev.actor2, ev.inter2 = ev.actor1, ev.inter1
    if ev.actor1 is not None and ev.actor1 == ev.actor2 and not intra_group(ev):
        # One actor cannot be both sides: the second is whoever the sub-event implies, else unknown.
        ev.evidence.pop("actor2", None)
        ev.inter2 = book.default_actor2.get(sub)
        ev.actor2 = generic_name(ev.inter2, country, police=sub in POLICE_SUBS) if ev.inter2 else None
        if ev.actor2 == ev.actor1:
            ev.actor2, ev.inter2 = None, None
    ev.interaction = interaction(ev.inter1, ev.inter2)
    civilian = sub in book.civilian_sub_events or (
        ev.event_type == "Explosions/Remote violence" and (ev.inter2 == 7 or (victims and victims <= {7}))
    )
    ev.civilian_targeting = "Civilian targeting" if civilian else None
    plover = book.plover.get(sub, {})
    ev.plover_type = plover.get("plover")
    ev.plover_mode = plover.get("mode")
    if ev.plover_type == "ASSAULT" and frame is not None:
        ev.plover_mode = book.mode_by_trigger.get(frame.tok.lemma_.lower(), ev.plover_mode)
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


def code_document(document: Document, lex: Lexicon, book: Codebook, coder: Any = None,
                  gate: CoderGate | None = None) -> None:
    if not document.events:
        return
    frames: dict[str, Frame] = document.extras.get(FRAMES_KEY, {})
    country = document.extras[COUNTRY_KEY] if COUNTRY_KEY in document.extras else article_country(document)
    doc_cues: set[str] = set()
    sents = list(document.doc.sents) if document.doc is not None else []
    for sent in sents[:3]:
        doc_cues |= cue_groups(lex, _words(sent))
    published = document.article.published_date
    trailing = _toll_sentences(frames, len(sents))
    identities = {(a.start, a.end): a.identity for a in document.actors if a.identity}
    memo = SentenceMemo(sents, lex, book)  # several events share a sentence: read each sentence once
    for ev in document.events:
        code_event(ev, frames.get(ev.event_id), document, lex, book, country, doc_cues,
                   trailing=trailing.get(ev.event_id, ()), sents=sents, coder=coder, gate=gate, memo=memo)
        add_identities(ev, identities)  # also when no identity was read: victims of violence are civilians
        ev.actor1 = dated_state_name(ev.actor1, published.year if published else None)
        ev.actor2 = dated_state_name(ev.actor2, published.year if published else None)


def add_identities(ev: Event, identities: dict[tuple[int, int], str]) -> None:
    """ACLED names who the people are as an associated actor: striking teachers are "Protesters (X)" with
    "Teachers (X)", killed farmers are "Civilians (X)" with "Farmers (X)"; people-words anywhere in the
    event's sentences go to the one crowd or civilian side (``sitrep.actors.identities``)."""
    from sitrep.actors.identities import attach

    attach(ev, identities)


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


_STATE_PREFIXES = (("Military Forces of ", "military"), ("Police Forces of ", "police"))


def dated_state_name(name: str | None, year: int | None) -> str | None:
    """ACLED names state forces by period: "Military Forces of Mali" -> "Military Forces of Mali (2021-)".

    Generic participants ("a military camp", a default victim) are coded by country only; the actor
    dictionary knows which period's row holds in the article's year.
    """
    if not name or name.endswith(")"):
        return name
    for prefix, kind in _STATE_PREFIXES:
        if name.startswith(prefix):
            return _state_row_name(name[len(prefix) :], kind, year) or name
    return name


_STATE_ROWS: dict[tuple[int, str, str, int | None], tuple[Any, str | None]] = {}


def _state_row_name(country: str, kind: str, year: int | None) -> str | None:
    """The dictionary's state-force row name, kept per (country, kind, year): finding the row scans the
    whole dictionary, and every event of a country asks the same."""
    index = get_matcher().index
    key = (id(index), country, kind, year)
    cached = _STATE_ROWS.get(key)
    if cached is None or cached[0] is not index:
        row = index.state_row(country, kind, year)
        cached = _STATE_ROWS[key] = (index, row.name if row is not None else None)
    return cached[1]


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
