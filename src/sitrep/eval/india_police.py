"""`sitrep eval india-police`: sentence-level police actions in IndiaPoliceEvents.

Each article goes through the coding pipeline. Every event labels the gold
sentence holding its trigger and each sentence holding one of its supporting
mentions (the frame's ``support``: the clause's other triggers with their own
agents, later references such as "the firing", bare tolls), so an incident told
over several sentences labels each of them. A sentence gets a label when a
mention there matches the dataset's definitions (all are actions *by the police*):

- KILL: a death caused by police/security forces, reported in the sentence itself
  (a police use of force with deaths, or "killed in police firing").
- ARREST: an arrest (the arrests trigger class; arrests are state actions).
- FORCE: police use of force: firing, tear gas, lathi charge, beating, killing.
- ANY_ACTION: any of those, or any other event with a state force as actor1.

Default run: the first 400 articles in file order (a fixed subset so the run
stays under a few minutes); ``--limit N`` scores the first N articles.
Precision, recall and F1 per label over sentences.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitrep.errors import error
from sitrep.eval.case2021 import coding_pipeline
from sitrep.eval.registry import Report, scorer
from sitrep.events.arguments import Frame, Support
from sitrep.model import Article, Document, Event
from sitrep.stages.events import FRAMES_KEY

DATASET = "india_police_events"
LABELS = ("KILL", "ARREST", "FORCE", "ANY_ACTION")
DEFAULT_DOCS = 400
POLICE_WORDS = re.compile(r"\b(police|cops?|policem[ae]n|constables?|security forces|army|troops|jawans?|crpf|rapid action force|raf|srp|bsf)\b")
POLICE_AGENT = re.compile(r"\b(police|security forces|army|troops)('s)? (firing|fire|action|shot|fired|opened)|"
                          r"\bby (the )?(police|army|security forces|troops|cops)\b")
DEATH_WORDS = re.compile(r"kill|dead|die[ds]?\b|dying|death|slain|lynch|perish|succumb|bod(y|ies)\b|\btoll\b|fatal|lives\b")
FORCE_CLASSES = ("force", "attack", "kill", "clash")
FORCE_SUBS = {"Excessive force against protesters", "Protest with intervention", "Armed clash", "Attack",
              "Violent demonstration", "Mob violence"}


def mention_labels(ev: Event, cls: str, sentence: str, support: Support | None = None, distance: int = 0,
                   police_force: bool = False, lead_agent: int | None = None) -> set[str]:
    """Labels one mention of ``ev`` gives its sentence; ``cls`` is the mention's trigger class.

    The lead mention (the event's trigger) speaks for the whole coded event. A supporting mention
    speaks for what its own trigger and agent say: police firing inside a riot event ("a boy was killed
    when police fired to disperse a mob"), or, in a later sentence, a further report of a police use of
    force ("one person was killed in the firing"). ``lead_agent`` is the inter code of the lead
    trigger's own agent: ACLED puts the crowd first in a riot the police fired on (the police are actor2),
    but the firing is theirs.
    """
    if (support.modality if support is not None else ev.modality) != "asserted":
        return set()
    low = sentence.lower()
    if support is None:
        police_in_riot = lead_agent == 1 and ev.inter2 == 1 and ev.event_type == "Riots"
        state_agent = security_force(ev) or police_in_riot or (ev.actor1 is None and bool(POLICE_AGENT.search(low)))
        if cls == "arrest" or ev.sub_event_type == "Arrests":
            return {"ARREST", "ANY_ACTION"}
        forceful = cls == "force" or (state_agent and (cls in ("attack", "kill", "clash") or ev.sub_event_type in FORCE_SUBS))
        police = security_force(ev) or police_in_riot or bool(POLICE_WORDS.search(low))
    else:
        agent = support.agent_inter
        # without an agent of its own, a later mention inherits the event's when the event is police force;
        # a bare toll ("two persons have been killed") only right after it, as it may be another incident
        inherited = agent is None and distance > 0 and police_force and (cls != "kill" or distance <= 1)
        state_agent = agent == 1 or inherited
        if cls == "arrest" and agent in (1, None):
            return {"ARREST", "ANY_ACTION"}
        forceful = (cls == "force" and agent in (1, None)) or (state_agent and cls in ("attack", "kill", "clash"))
        police = state_agent or bool(POLICE_WORDS.search(low))
    if forceful and police:
        out = {"FORCE", "ANY_ACTION"}
        # a death reported in this very sentence, not only somewhere in the event's account
        if DEATH_WORDS.search(low) and (ev.fatalities > 0 or cls == "kill"):
            out.add("KILL")
        return out
    if support is None and state_agent and security_force(ev):
        return {"ANY_ACTION"}
    return set()


def security_force(ev: Event) -> bool:
    """actor1 is a state force; a government named as the doer ("the government was responsible for the
    killings") is a political charge, not an action of its police."""
    return ev.inter1 == 1 and not (ev.actor1 or "").startswith("Government")


def police_force(ev: Event, frame: Frame) -> bool:
    """Whether the event is a use of force by the police: its lead says so, or one of its mentions has
    the police as agent ("a mob ... police opened fire to disperse it")."""
    lead_police = security_force(ev) or (frame.actor1 is not None and frame.actor1.inter == 1
                                         and ev.inter2 == 1 and ev.event_type == "Riots")
    return frame.cls == "force" or (lead_police and frame.cls in FORCE_CLASSES) or any(
        m.agent_inter == 1 and m.cls in FORCE_CLASSES for m in frame.support)


def sentence_labels(events: list[tuple[Event, str]], sentence: str) -> set[str]:
    """Labels for one gold sentence from the events whose trigger lies in it."""
    out: set[str] = set()
    for ev, cls in events:
        out |= mention_labels(ev, cls, sentence)
    return out


def load(path: Path, limit: int) -> list[tuple[str, list[tuple[str, set[str]]]]]:
    """(doc text, [(sentence text, gold labels)]) per article, in file order."""
    docs: dict[int, str] = {}
    order: list[int] = []
    with open(path / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs[d["doc_id"]] = d["doc_text"]
            order.append(d["doc_id"])
            if len(order) >= limit:
                break
    sents: dict[int, list[tuple[str, set[str]]]] = {i: [] for i in order}
    with open(path / "sents.jsonl", encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            if s["doc_id"] in sents:
                sents[s["doc_id"]].append((s["sent_text"], set(s["sent_labels"])))
    return [(docs[i], sents[i]) for i in order]


@scorer("india-police", "IndiaPoliceEvents: sentence-level KILL / ARREST / FORCE / ANY_ACTION by police (P/R/F1)")
def score(data_dir: Path, dataset: str | None, limit: int | None) -> list[Report]:
    path = data_dir / DATASET
    if not (path / "sents.jsonl").exists():
        return [Report("india-police", DATASET, skipped=f"{path} not found")]
    data = load(path, limit or DEFAULT_DOCS)
    pipe = coding_pipeline()
    articles = [Article(text=text, id=f"ipe-{i}") for i, (text, _) in enumerate(data)]
    tp = dict.fromkeys(LABELS, 0)
    fp = dict.fromkeys(LABELS, 0)
    fn_ = dict.fromkeys(LABELS, 0)
    n_sents = 0
    for k0 in range(0, len(data), pipe.batch_size):
        batch = [Document(article=a) for a in articles[k0 : k0 + pipe.batch_size]]
        for name, fn in pipe.stages:  # run the stages directly to keep each event's detection frame
            for document in batch:
                if not document.errors:
                    try:
                        fn([document])
                    except Exception as exc:  # noqa: BLE001 - a crashing article is skipped, as the pipeline does
                        document.errors.append(error("E200", f"{name}: {exc}", stage=name))
        for k, document in enumerate(batch, start=k0):
            n_sents += _score_doc(document, data[k], tp, fp, fn_)
    metrics: dict[str, float] = {}
    for lab in LABELS:
        p = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        r = tp[lab] / (tp[lab] + fn_[lab]) if tp[lab] + fn_[lab] else 0.0
        metrics[f"{lab.lower()}_p"] = round(p, 4)
        metrics[f"{lab.lower()}_r"] = round(r, 4)
        metrics[f"{lab.lower()}_f1"] = round(2 * p * r / (p + r) if p + r else 0.0, 4)
    counts = {"articles": len(data), "sentences": n_sents, **{f"gold_{k.lower()}": tp[k] + fn_[k] for k in LABELS}}
    return [Report("india-police", DATASET, metrics=metrics, counts=counts)]


def _score_doc(document: Document, item: tuple[str, list[tuple[str, set[str]]]], tp: dict[str, int],
               fp: dict[str, int], fn: dict[str, int]) -> int:
    text, sents = item
    frames = document.extras.get(FRAMES_KEY, {})
    events = document.events
    spans = []
    cursor = 0
    for sent_text, _ in sents:  # locate each gold sentence in the article text
        at = text.find(sent_text, cursor)
        spans.append((at, at + len(sent_text)) if at >= 0 else (-1, -1))
        if at >= 0:
            cursor = at + len(sent_text)
    def gold_sentence(at: int) -> int:
        return next((k for k, (s, e) in enumerate(spans) if s <= at < e), -1)

    mentions: dict[int, list[tuple[Event, str, Support | None, int, bool, int | None]]] = {}  # sentence -> mentions
    for ev in events:
        frame = frames.get(ev.event_id)
        home = gold_sentence(ev.evidence.get("trigger", [-9])[0])
        if frame is None:
            mentions.setdefault(home, []).append((ev, "", None, 0, False, None))
            continue
        force = police_force(ev, frame)
        lead = frame.actor1.inter if frame.actor1 is not None else None
        mentions.setdefault(home, []).append((ev, frame.cls, None, 0, force, lead))
        for m in frame.support:
            k = gold_sentence(m.span[0])
            mentions.setdefault(k, []).append((ev, m.cls, m, abs(k - home), force, None))
    for k, (sent_text, gold) in enumerate(sents):
        pred: set[str] = set()
        for ev, cls, support, distance, force, lead in mentions.get(k, []) if k >= 0 else ():
            pred |= mention_labels(ev, cls, sent_text, support, distance, force, lead)
        for lab in LABELS:
            if lab in pred and lab in gold:
                tp[lab] += 1
            elif lab in pred:
                fp[lab] += 1
            elif lab in gold:
                fn[lab] += 1
    return len(sents)
