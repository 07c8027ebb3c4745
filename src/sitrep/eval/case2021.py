"""`sitrep eval case2021`: ACLED sub-event type of CASE 2021 Task 2 snippets.

Each snippet goes through the ordinary pipeline; its lead event (the first
asserted event in text order) gives the predicted sub-event type, mapped to
the task's codes in ``acled_codebook.yaml``; no event means "no ACLED event".
Main figures: weighted and macro F1 over the 25 ACLED sub-types, on the
snippets whose gold label is one of them (the shared task's "seen types"
setting). The 5 extra types (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER,
DIPLO, ATTRIB) are reported separately: the share of them for which sitrep
rightly reports no ACLED event. A first-match keyword regex per sub-type is
scored on the same rows as a baseline.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

from sitrep.eval.registry import Report, scorer
from sitrep.model import Article, Event
from sitrep.pipeline import Pipeline, load_config

DATASET = "case2021_task2"
FILE = "test_set_final_release_with_labels.tsv"
EXTRA = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
NONE = "NONE"

# Baseline: one regular expression per sub-type, first match wins (in this order).
KEYWORDS: list[tuple[str, str]] = [
    ("SUIC_BOMB", r"suicide"),
    ("CHEM_WEAP", r"chemical|chlorine|sarin|toxic gas|poison gas"),
    ("AIR_STRIKE", r"air ?strike|air raid|warplane|drone strike|jets? "),
    ("GRENADE", r"grenade"),
    ("REM_EXPLOS", r"\bied\b|roadside bomb|landmine|car bomb|explosive device|bomb|blast|explosion"),
    ("ART_MISS_ATTACK", r"shell|artillery|mortar|rocket|missile"),
    ("SEX_VIOL", r"rape|sexual"),
    ("ABDUCT_DISSAP", r"abduct|kidnap|hostage|disappear"),
    ("FORCE_AGAINST_PROTEST", r"(shot|killed|fired on).{0,40}protest"),
    ("PROTEST_WITH_INTER", r"tear ?gas|disperse|water cannon"),
    ("VIOL_DEMONSTR", r"riot|stone|torch|vandal|loot"),
    ("MOB_VIOL", r"\bmob\b|lynch"),
    ("PEACE_PROTEST", r"protest|demonstrat|rally|march|strike"),
    ("ARREST", r"arrest|detain|custody"),
    ("AGREEMENT", r"agree|ceasefire|truce|deal|accord|treaty"),
    ("DISR_WEAP", r"defuse|seized weapons|cache|intercept|thwart|foil"),
    ("HQ_ESTABLISHED", r"headquarters|base"),
    ("NON_VIOL_TERRIT_TRANSFER", r"withdr|hand(ed)? over|handover|pull(ed)? out"),
    ("GOV_REGAINS_TERIT", r"recapture|retake|retook|liberat|regain"),
    ("NON_STATE_ACTOR_OVERTAKES_TER", r"seize|captur|took control|overr"),
    ("CHANGE_TO_GROUP_ACT", r"defect|merge|join|deploy|recruit"),
    ("ARMED_CLASH", r"clash|fight|battle|gunfight|exchange of fire"),
    ("ATTACK", r"attack|kill|shot|murder|gunmen"),
]
_KEYWORDS = [(code, re.compile(rx, re.I)) for code, rx in KEYWORDS]


def keyword_label(text: str) -> str:
    for code, rx in _KEYWORDS:
        if rx.search(text):
            return code
    return NONE


def load_rows(path: Path) -> list[tuple[str, str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        idx = {name: i for i, name in enumerate(header)}
        return [(r[idx["id"]], r[idx["EventSnippet"]], r[idx["SubType"]].strip()) for r in reader if len(r) >= 3]


def lead_event(events: list[Event]) -> Event | None:
    """The snippet's main event: the first asserted one in text order, else the first at all."""
    pool = [e for e in events if e.modality == "asserted"] or list(events)
    if not pool:
        return None
    return min(pool, key=lambda e: (e.evidence.get("sentence", [0])[0], -e.confidence))


def f1_table(gold: list[str], pred: list[str], labels: list[str]) -> dict[str, tuple[float, float, float, int]]:
    """Per label: precision, recall, F1, support."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, guess in zip(gold, pred, strict=True):
        if g == guess:
            tp[g] += 1
        else:
            fp[guess] += 1
            fn[g] += 1
    out = {}
    for lab in labels:
        p = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        r = tp[lab] / (tp[lab] + fn[lab]) if tp[lab] + fn[lab] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[lab] = (p, r, f, tp[lab] + fn[lab])
    return out


def averages(table: dict[str, tuple[float, float, float, int]]) -> tuple[float, float]:
    """(weighted F1, macro F1) over labels with support."""
    rows = [v for v in table.values() if v[3] > 0]
    support = sum(v[3] for v in rows)
    weighted = sum(v[2] * v[3] for v in rows) / support if support else 0.0
    macro = sum(v[2] for v in rows) / len(rows) if rows else 0.0
    return weighted, macro


CODING_STAGES = ["sitrep.nlp.v1", "sitrep.actors.v1", "sitrep.events.v1", "sitrep.coding.v1"]


def coding_pipeline() -> Pipeline:
    """The default pipeline cut to the stages that decide an event's type (no geocoding, dates, quotes)."""
    config = load_config()
    config["pipeline"] = {**config.get("pipeline", {}), "stages": CODING_STAGES}
    return Pipeline(config)


def predict(texts: list[str]) -> list[str]:
    from sitrep.events.codebook import codebook

    book = codebook()
    pipe = coding_pipeline()
    labels: list[str] = []
    articles = [Article(text=t, id=f"case-{i}") for i, t in enumerate(texts)]
    for result in pipe.run(articles):
        ev = lead_event(result.events)
        labels.append(book.code(ev.sub_event_type) if ev is not None and ev.sub_event_type else NONE)
    return labels


@scorer("case2021", "CASE 2021 Task 2: ACLED sub-event type of news snippets (weighted/macro F1, 25 types)")
def score(data_dir: Path, dataset: str | None, limit: int | None) -> list[Report]:
    path = data_dir / DATASET / FILE
    if not path.exists():
        return [Report("case2021", DATASET, skipped=f"{path} not found")]
    rows = load_rows(path)
    if limit:
        rows = rows[:limit]
    texts = [r[1] for r in rows]
    gold = [r[2] for r in rows]
    pred = predict(texts)
    seen = [i for i, g in enumerate(gold) if g not in EXTRA]
    labels = sorted({gold[i] for i in seen})
    table = f1_table([gold[i] for i in seen], [pred[i] for i in seen], labels)
    weighted, macro = averages(table)
    base_pred = [keyword_label(texts[i]) for i in seen]
    base_w, base_m = averages(f1_table([gold[i] for i in seen], base_pred, labels))
    extra = [i for i, g in enumerate(gold) if g in EXTRA]
    extra_none = sum(1 for i in extra if pred[i] == NONE)
    accuracy = sum(1 for i in seen if pred[i] == gold[i]) / len(seen) if seen else 0.0
    report = Report(
        "case2021",
        DATASET,
        metrics={
            "weighted_f1": round(weighted, 4),
            "macro_f1": round(macro, 4),
            "accuracy": round(accuracy, 4),
            "keyword_baseline_weighted_f1": round(base_w, 4),
            "keyword_baseline_macro_f1": round(base_m, 4),
            "extra_types_no_event_rate": round(extra_none / len(extra), 4) if extra else 0.0,
        },
        counts={"snippets": len(rows), "seen_type_snippets": len(seen), "extra_type_snippets": len(extra)},
        details={"per_type": {k: {"p": round(v[0], 3), "r": round(v[1], 3), "f1": round(v[2], 3), "n": v[3]}
                              for k, v in table.items()},
                 "confusions": Counter((gold[i], pred[i]) for i in seen if gold[i] != pred[i]).most_common(25)},
    )
    return [report]
