"""`sitrep eval re3d`: entities and actors on re3d (defence and security texts on Syria/Iraq).

re3d (dstl) annotates entity spans by type in ``<source>/documents.json`` and
``<source>/entities.json``. Every document goes through the ordinary pipeline cut
to nlp → places → actors, and two things are measured:

- **Entities** (the NLP stage's spaCy NER), per re3d type, precision/recall/F1 with
  exact spans (``<type>_f1``) and with overlapping spans (``<type>_f1_overlap``).
  Because re3d also marks pronouns and common nouns ("we", "snipers", "people") as
  Person/Organisation, which NER never tags, ``<type>_r_names`` gives recall on the gold
  spans that look like names (start with a capital letter, not a pronoun).
  spaCy labels map as PERSON → Person, ORG → Organisation, GPE/LOC/FAC → Location,
  NORP → Nationality, DATE/TIME → Temporal, MONEY → Money. A gold span annotated
  with two types (re3d marks "Syria" both Location and Organisation) counts once
  per type, so such double readings cost recall.
- **Actors** (the actors stage) on the gold Organisation mentions: the share
  overlapped by any actor mention (``org_actor_recall``) and by a dictionary actor
  (``org_named_recall``); the share of our named/unlisted actor mentions that
  overlap a gold Organisation, Nationality or Person (``actor_precision``); and the
  share of distinct gold Organisation strings that ``normalise_actor`` maps to an
  actor on their own (``org_normalisable``).

All 98 documents are scored by default (well under a minute); ``--limit N`` takes
the first N in source-folder order.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from sitrep.actors import normalise_actor
from sitrep.eval.registry import Report, scorer
from sitrep.model import Article, Result
from sitrep.pipeline import Pipeline, load_config

DATASET = "re3d"
TYPES = ("Person", "Organisation", "Location", "Nationality", "Temporal", "Money")
SPACY_TO_RE3D = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "NORP": "Nationality",
    "DATE": "Temporal",
    "TIME": "Temporal",
    "MONEY": "Money",
}
STAGES = ["sitrep.nlp.v1", "sitrep.places.v1", "sitrep.actors.v1"]
Span = tuple[int, int]
PRONOUNS = frozenset("i me my we us our ourselves he him his she her it its they them their you your".split())


def _json_lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_corpus(root: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, set[Span]]]]:
    """Documents (id, text) in folder order, and gold spans per document per type."""
    docs: list[dict[str, Any]] = []
    gold: dict[str, dict[str, set[Span]]] = defaultdict(lambda: defaultdict(set))
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for d in _json_lines(folder / "documents.json"):
            docs.append({"id": d["_id"], "text": d["text"]})
        for e in _json_lines(folder / "entities.json"):
            gold[e["documentId"]][e["type"]].add((int(e["begin"]), int(e["end"])))
    return docs, gold


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlaps(span: Span, others: set[Span]) -> bool:
    return any(span[0] < o[1] and o[0] < span[1] for o in others)


def looks_like_name(text: str) -> bool:
    words = text.split()
    return bool(words) and text[:1].isupper() and not (len(words) == 1 and words[0].lower() in PRONOUNS)


def entity_counts(pred: dict[str, set[Span]], gold: dict[str, set[Span]], counts: dict[str, list[int]],
                  text: str) -> None:
    """Accumulate [tp_exact, tp_overlap_pred, tp_overlap_gold, n_pred, n_gold, tp_names, n_gold_names] per type."""
    for t in TYPES:
        p, g = pred.get(t, set()), gold.get(t, set())
        names = {s for s in g if looks_like_name(text[s[0]:s[1]])}
        c = counts.setdefault(t, [0] * 7)
        c[0] += len(p & g)
        c[1] += sum(1 for s in p if _overlaps(s, g))
        c[2] += sum(1 for s in g if _overlaps(s, p))
        c[3] += len(p)
        c[4] += len(g)
        c[5] += len(p & names)
        c[6] += len(names)


def run_pipeline(docs: list[dict[str, Any]]) -> list[Result]:
    config = load_config()
    config["pipeline"] = {**config.get("pipeline", {}), "stages": STAGES}
    pipe = Pipeline(config)
    return list(pipe.run([Article(text=d["text"], id=d["id"]) for d in docs]))


@scorer("re3d", "re3d: entity P/R/F1 by type (spaCy NER) and actor recognition on Organisation mentions")
def score(data_dir: Path, dataset: str | None, limit: int | None) -> list[Report]:
    root = data_dir / DATASET
    if not root.exists():
        return [Report("re3d", DATASET, skipped=f"{root} not found")]
    docs, gold = load_corpus(root)
    if limit:
        docs = docs[:limit]
    results = run_pipeline(docs)

    ent_counts: dict[str, list[int]] = {}
    org_total = org_hit = org_named = 0
    act_total = act_hit = 0
    by_kind: dict[str, int] = defaultdict(int)
    missed: dict[str, int] = defaultdict(int)
    for doc, result in zip(docs, results, strict=True):
        g = gold.get(doc["id"], {})
        pred: dict[str, set[Span]] = defaultdict(set)
        for m in result.entities:
            if m.label in SPACY_TO_RE3D:
                pred[SPACY_TO_RE3D[m.label]].add((m.start, m.end))
        entity_counts(pred, g, ent_counts, doc["text"])

        orgs = g.get("Organisation", set())
        any_actor = {(a.start, a.end) for a in result.actors}
        named = {(a.start, a.end) for a in result.actors if a.kind in ("named", "unlisted")}
        for kind in (a.kind for a in result.actors):
            by_kind[kind] += 1
        for span in orgs:
            org_total += 1
            if _overlaps(span, any_actor):
                org_hit += 1
            else:
                missed[doc["text"][span[0]:span[1]]] += 1
            if _overlaps(span, named):
                org_named += 1
        targets = orgs | g.get("Nationality", set()) | g.get("Person", set())
        act_total += len(named)
        act_hit += sum(1 for s in named if _overlaps(s, targets))

    org_strings = {doc["text"][s[0]:s[1]] for doc in docs for s in gold.get(doc["id"], {}).get("Organisation", set())}
    normalisable = sum(1 for s in org_strings if normalise_actor(s) is not None)

    metrics: dict[str, float] = {}
    per_type: dict[str, dict[str, float]] = {}
    for t in TYPES:
        tp, tp_op, tp_og, n_pred, n_gold, tp_names, n_names = ent_counts.get(t, [0] * 7)
        r_names = tp_names / n_names if n_names else 0.0
        p, r, f = prf(tp, n_pred, n_gold)
        po, ro = (tp_op / n_pred if n_pred else 0.0), (tp_og / n_gold if n_gold else 0.0)
        fo = 2 * po * ro / (po + ro) if po + ro else 0.0
        per_type[t] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "f1_overlap": round(fo, 3),
                       "r_names": round(r_names, 3), "gold": n_gold, "gold_names": n_names, "pred": n_pred}
        if t in ("Person", "Organisation", "Location"):
            metrics.update({f"{t}_p": round(p, 4), f"{t}_r": round(r, 4), f"{t}_f1": round(f, 4),
                            f"{t}_f1_overlap": round(fo, 4), f"{t}_r_names": round(r_names, 4)})
    metrics["org_actor_recall"] = round(org_hit / org_total, 4) if org_total else 0.0
    metrics["org_named_recall"] = round(org_named / org_total, 4) if org_total else 0.0
    metrics["actor_precision"] = round(act_hit / act_total, 4) if act_total else 0.0
    metrics["org_normalisable"] = round(normalisable / len(org_strings), 4) if org_strings else 0.0
    report = Report(
        "re3d",
        DATASET,
        metrics=metrics,
        counts={"documents": len(docs), "gold_organisation_mentions": org_total,
                "distinct_organisation_strings": len(org_strings), "actor_mentions": sum(by_kind.values()),
                **{f"actors_{k}": v for k, v in sorted(by_kind.items())}},
        details={"per_type": per_type,
                 "missed_organisations": sorted(missed.items(), key=lambda kv: -kv[1])[:30]},
    )
    return [report]
