"""`sitrep eval plover`: PLOVER event coding of the CAMEO-manual gold standard records.

The gold file (``plover/plover_gsr.json``, 322 coded sentences plus one
DOCUMENT record, which is skipped) is in PLOVER 0.5b1 categories. Each unique
sentence goes once through the coding pipeline (nlp, actors, events, coding);
every record coded on that sentence is then scored against its events.

Choices, and why:

1. **0.5b1 -> today's 16 types** (``sitrep.eval.plover_gold``). As in PLOVER's
   own revision (manual 0.7b1 and ``CAMEO2PLOVER-2021.txt`` in
   openeventdata/PLOVER): DISAPPROVE and INVESTIGATE -> ACCUSE (merged,
   "investigate" is now a mode), FIGHT -> ASSAULT (CAMEO 19/20 fold into
   ASSAULT); DEMAND -> REQUEST is the later rename in the 16-type list (AGREE
   ... ASSAULT) that POLECAT data use; 0.7b1 still says DEMAND. Three 0.5b1
   COERCE modes moved to ASSAULT: destroy -> ASSAULT/destroy, firearms (CAMEO
   175, violent repression) -> ASSAULT, and detain (the manual's examples are
   CAMEO 181/184, abduction and human shields) -> ASSAULT/abduct. Modes are
   renamed where the revision renamed them (demo-org/demo-spon -> demo,
   riot-spon -> riot, THREATEN curfew/martial-law -> restrict; COERCE keeps
   both) and dropped when they are not a mode of the new type, so they are
   not scored.
2. **ACLED scope.** sitrep codes ACLED events: political violence, protests and
   a few strategic developments. Records split by gold type and mode into
   - *in scope* (sitrep should emit an event here): ASSAULT (incl. old FIGHT),
     PROTEST demo/riot/obstruct, COERCE arrest/confiscate (ACLED Arrests,
     Disrupted weapons use, Looting/property destruction), MOBILIZE
     troops/police (Change to group/activity, HQ established);
   - *threats* (THREATEN violence/territory): sitrep keeps threats with a
     future/hypothetical modality, so the expected event is non-asserted;
   - *borderline*, reported but counted in neither direction: strikes and
     hunger strikes (ACLED codes them only with a public gathering), COERCE
     restrict/deport/curfew/martial-law, MOBILIZE weapons, and RETREAT
     (ACLED codes only territorial withdrawal; the 0.5b1 RETREAT records carry
     no mode to tell withdrawals from resignations and releases);
   - *out of scope*: the verbal and cooperative types (AGREE, CONSULT,
     SUPPORT, CONCEDE, COOPERATE, AID, REQUEST, ACCUSE, REJECT), SANCTION
     (ACLED does not code diplomatic or economic reductions), COERCE ban/censor
     and threats of non-violent measures.
3. **Anchoring.** CAMEO examples often mention a second, real event ("... a
   day after the jet was shot down"). An event of ours counts for a record only
   when its trigger overlaps the gold event text (the EVT spans of the markup,
   aligned to the sentence); a sentence without usable spans falls back to the
   whole sentence. Negated events never count.
4. **Effective type.** A future or hypothetical event is a THREATEN in PLOVER
   terms ("threatened to shell" is not an ASSAULT), so our effective type is
   THREATEN for those and ``plover_type`` otherwise. Where several of our
   events anchor on one record, the record is typed right when any of them
   has the gold type (PLOVER codes one sentence as several events too).

Metrics: ``detection_recall`` (in scope + threats: an anchored event exists),
``type_accuracy`` (share of all those records typed right, so at most the
recall; ``type_accuracy_detected`` over the detected ones), ``mode_accuracy``
(in-scope records typed right whose gold has a mode; threats carry no mode of
ours), ``false_event_rate`` (out of scope: an asserted event anchored on the
gold event, e.g. an ACLED Agreement from "officials agreed to cooperate"),
``false_conflict_event_rate`` (the same, only violent/protest/coercion/
mobilisation types), ``any_asserted_rate`` (out of scope: any asserted event
in the sentence, anchored or not, so an upper bound; ``out_of_scope_clean`` and
``out_of_scope_conflict_clean`` are 1 minus the first two, for floors), ``threat_asserted_rate``
(all THREATEN records: the threat coded as an asserted event; its complement
is ``threat_not_asserted``),
``source_match`` (detected records with a gold source: our actor1 overlaps the
gold actor text, by span or by a shared content word), ``target_match`` (the
same for actor2 and the gold target, on ASSAULT/COERCE/THREATEN only: a
protest's PLOVER recipient is whom it addresses, which ACLED does not code)
and ``dead_exact`` (detected records whose gold has ``dead``: the largest
fatality count among the anchored events equals it). Per-type counts are in
``counts``. Note that CAMEO filed a few real ACLED events under verbal types
("was arrested ... for collaborating" is a DISAPPROVE example), so the false
event rate has a small floor of defensible events. The default run scores
every record (a few seconds once the model is loaded).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sitrep.errors import error
from sitrep.eval.case2021 import coding_pipeline
from sitrep.eval.plover_gold import BORDER, IN, OUT, THREAT, Record, load_records
from sitrep.eval.registry import Report, scorer
from sitrep.model import Article, Document, Event

DATASET = "plover"
FILE = "plover_gsr.json"

CONFLICT_TYPES = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"}
# Types whose PLOVER recipient is ACLED's actor2 (the victim); a protest's or a mobilisation's
# recipient is whom it addresses, which ACLED does not code.
RECIPIENT_TYPES = {"ASSAULT", "COERCE", "THREATEN"}
SCORED_TYPES = ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "THREATEN")
NOT_ASSERTED = {"future", "hypothetical"}


def effective_type(ev: Event) -> str | None:
    return "THREATEN" if ev.modality in NOT_ASSERTED else ev.plover_type


def _overlaps(span: list[int] | tuple[int, int] | None, spans: list[tuple[int, int]]) -> bool:
    return span is not None and len(span) == 2 and any(span[0] < e and s < span[1] for s, e in spans)


# Dependency links that join two clauses (and so, usually, two events), and prepositions that
# place another event in time or cause ("after the fighting", "because of clashes").
CLAUSE_DEPS = {"advcl", "ccomp", "conj", "relcl", "acl", "parataxis", "csubj", "appos", "cc"}
LINK_PREPS = {"after", "before", "following", "because", "amid", "during", "despite", "since", "over", "until"}
MAX_ARCS = 2


def _near(tok: Any, targets: set[int]) -> bool:
    """Whether a token of ``targets`` is within MAX_ARCS dependency arcs of ``tok`` inside one clause."""
    frontier = [tok]
    seen = {tok.i}
    for _ in range(MAX_ARCS):
        step = []
        for t in frontier:
            links = [(t.head, t.dep_)] if t.head.i != t.i else []
            links += [(c, c.dep_) for c in t.children]
            for other, dep in links:
                if other.i in seen or dep in CLAUSE_DEPS or other.lemma_.lower() in LINK_PREPS:
                    continue
                if other.i in targets:
                    return True
                seen.add(other.i)
                step.append(other)
        frontier = step
    return False


def anchored(rec: Record, events: list[Event], doc: Any = None) -> list[Event]:
    """Our non-negated events on the gold event: the trigger overlaps the gold event text or (given the
    parse) sits a dependency arc or two from it in the same clause. Without gold spans, the whole sentence."""
    live = [ev for ev in events if ev.modality != "negated"]
    if not rec.events:
        return live
    targets: set[int] = set()
    if doc is not None:
        for s, e in rec.events:
            span = doc.char_span(s, e, alignment_mode="expand")
            targets |= {t.i for t in span} if span is not None else set()
    out = []
    for ev in live:
        trig = ev.evidence.get("trigger")
        if _overlaps(trig, rec.events):
            out.append(ev)
        elif doc is not None and trig and len(trig) == 2 and targets:
            span = doc.char_span(trig[0], trig[1], alignment_mode="expand")
            if span is not None and _near(span.root, targets):
                out.append(ev)
    return out


_STOP = {"the", "of", "and", "in", "a", "an", "to", "on", "at", "for", "by", "from", "with", "forces", "force",
         "group", "groups", "unidentified", "armed", "its", "their", "his", "her", "some", "new", "local"}


def _content(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in _STOP and len(w) > 2}


def actor_match(ev: Event, role: str, text: str, gold_names: list[str], gold_spans: list[tuple[int, int]]) -> bool:
    """Our actor in ``role`` overlaps the gold actor: by character span, or by a shared content word."""
    name = getattr(ev, role) or ""
    if not name:
        return False
    span = ev.evidence.get(role)
    if _overlaps(span, gold_spans):
        return True
    ours = _content(name)
    if span and len(span) == 2:
        ours |= _content(text[span[0] : span[1]])
    return any(ours & _content(g) for g in gold_names)


def predict(texts: list[str]) -> dict[str, tuple[list[Event], Any]]:
    """Events and the spaCy parse per unique text, from the coding pipeline's own stages."""
    pipe = coding_pipeline()
    unique = list(dict.fromkeys(texts))
    out: dict[str, tuple[list[Event], Any]] = {}
    for k0 in range(0, len(unique), pipe.batch_size):
        batch = [Document(article=Article(text=t, id=f"plover-{k0 + i}")) for i, t in enumerate(unique[k0 : k0 + pipe.batch_size])]
        for name, fn in pipe.stages:  # run the stages directly to keep each document's parse
            for document in batch:
                if not document.errors:
                    try:
                        fn([document])
                    except Exception as exc:  # noqa: BLE001 - a crashing sentence scores as "no event", as in the pipeline
                        document.errors.append(error("E200", f"{name}: {exc}", stage=name))
        for document in batch:
            out[document.article.text] = ([] if document.errors else list(document.events), document.doc)
    return out


def _rate(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def score_records(records: list[Record], predicted: dict[str, tuple[list[Event], Any]]) -> Report:
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    c: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    for rec in records:
        events, doc = predicted.get(rec.text, ([], None))
        hits = anchored(rec, events, doc)
        asserted_hits = [ev for ev in hits if ev.modality == "asserted"]
        c[rec.scope] += 1
        per_type[rec.gold_type]["n"] += 1
        if rec.gold_type == "THREATEN":
            c["threaten_all"] += 1
            c["threaten_asserted"] += bool(asserted_hits)
        if rec.scope == OUT:
            c["out_false"] += bool(asserted_hits)
            c["out_false_conflict"] += any(ev.plover_type in CONFLICT_TYPES for ev in asserted_hits)
            c["out_any_asserted"] += any(ev.modality == "asserted" for ev in events)
            per_type[rec.gold_type]["false_event"] += bool(asserted_hits)
            continue
        if rec.scope == BORDER:
            per_type[rec.gold_type]["asserted_event"] += bool(asserted_hits)
            continue
        c["scored"] += 1
        per_type[rec.gold_type]["scored"] += 1
        if not hits:
            confusions[(rec.gold_type, "NONE")] += 1
            continue
        c["detected"] += 1
        per_type[rec.gold_type]["detected"] += 1
        right = [ev for ev in hits if effective_type(ev) == rec.gold_type]
        ev = right[0] if right else hits[0]
        if right:
            c["type_ok"] += 1
            per_type[rec.gold_type]["type_ok"] += 1
            if rec.mode is not None and rec.scope == IN:
                c["mode_n"] += 1
                c["mode_ok"] += ev.plover_mode == rec.mode
        else:
            confusions[(rec.gold_type, str(effective_type(ev)))] += 1
        if rec.sources:
            c["src_n"] += 1
            c["src_ok"] += actor_match(ev, "actor1", rec.text, rec.sources, rec.source_spans)
        if rec.targets and rec.gold_type in RECIPIENT_TYPES:
            c["tgt_n"] += 1
            c["tgt_ok"] += actor_match(ev, "actor2", rec.text, rec.targets, rec.target_spans)
        if rec.dead is not None:
            c["dead_n"] += 1
            c["dead_ok"] += max(e.fatalities for e in hits) == rec.dead
    metrics = {
        "detection_recall": _rate(c["detected"], c["scored"]),
        "type_accuracy": _rate(c["type_ok"], c["scored"]),
        "type_accuracy_detected": _rate(c["type_ok"], c["detected"]),
        "mode_accuracy": _rate(c["mode_ok"], c["mode_n"]),
        "false_event_rate": _rate(c["out_false"], c[OUT]),
        "false_conflict_event_rate": _rate(c["out_false_conflict"], c[OUT]),
        # complements of the two rates above, so floors.toml (minimums) can hold them
        "out_of_scope_clean": _rate(c[OUT] - c["out_false"], c[OUT]),
        "out_of_scope_conflict_clean": _rate(c[OUT] - c["out_false_conflict"], c[OUT]),
        "any_asserted_rate": _rate(c["out_any_asserted"], c[OUT]),
        "threat_asserted_rate": _rate(c["threaten_asserted"], c["threaten_all"]),
        "threat_not_asserted": _rate(c["threaten_all"] - c["threaten_asserted"], c["threaten_all"]),
        "source_match": _rate(c["src_ok"], c["src_n"]),
        "target_match": _rate(c["tgt_ok"], c["tgt_n"]),
        "dead_exact": _rate(c["dead_ok"], c["dead_n"]),
    }
    counts = {
        "records": len(records),
        "in_scope": c[IN],
        "threats": c[THREAT],
        "borderline": c[BORDER],
        "out_of_scope": c[OUT],
        "detected": c["detected"],
        "with_gold_mode": c["mode_n"],
        "with_gold_dead": c["dead_n"],
    }
    for t in SCORED_TYPES:  # per-type counts over the scored (in-scope and threat) records
        row = per_type.get(t, Counter())
        counts[f"{t.lower()}_scored"] = row["scored"]
        counts[f"{t.lower()}_detected"] = row["detected"]
        counts[f"{t.lower()}_typed"] = row["type_ok"]
    details = {
        "per_type": {t: dict(v) for t, v in sorted(per_type.items())},
        "confusions": confusions.most_common(20),
    }
    return Report("plover", DATASET, metrics=metrics, counts=counts, details=details)


@scorer("plover", "PLOVER gold records (CAMEO manual): detection, PLOVER type, false events, actors, dead")
def score(data_dir: Path, dataset: str | None, limit: int | None) -> list[Report]:
    path = data_dir / DATASET / FILE
    if not path.exists():
        return [Report("plover", DATASET, skipped=f"{path} not found")]
    records = load_records(path)
    if limit:
        records = records[:limit]
    return [score_records(records, predict([r.text for r in records]))]
