"""Held-out figures and the model card of the coder (used by ``sitrep.learn.coder.train``).

Figures are measured on the held-out countries' notes (the same fixed sample ``sitrep eval acled``
draws, ``eval_per_country`` each), on the lead event the rules-only pipeline finds, for:
the rules alone, the words layer alone over the whole note (the words-only baseline), and the model.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.learn.acled import AcledRecord
from sitrep.learn.card import Card
from sitrep.learn.coder_model import CoderModel

NONE = "NONE"


def _scores(gold: list[str], pred: list[str], event_type: Any) -> dict[str, float]:
    from sitrep.eval.case2021 import averages, f1_table

    n = len(gold) or 1
    weighted, macro = averages(f1_table(gold, pred, sorted(set(gold))))
    return {
        "event_type_accuracy": round(sum(event_type(g) == event_type(p) for g, p in zip(gold, pred, strict=True)) / n, 4),
        "sub_event_type_accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / n, 4),
        "sub_event_type_weighted_f1": round(weighted, 4),
        "sub_event_type_macro_f1": round(macro, 4),
    }


def predict(model: CoderModel, inputs: list[Any], remote: bool = True) -> tuple[list[str], list[float]]:
    """The model's sub-type for each lead event (NONE where the pipeline found none) and its probability."""
    from sitrep.events.codebook import codebook
    from sitrep.events.gate import CoderGate

    book = codebook()
    gate = CoderGate(remote=remote)
    subs, probs = [], []
    for inp in inputs:
        if inp is None:
            subs.append(NONE)
            probs.append(1.0)
            continue
        text, feats, _, own = inp
        sub, p = model.choose(text, feats, gate.allowed(model, book, feats), own)
        subs.append(sub)
        probs.append(p)
    return subs, probs


def calibration_error(correct: list[bool], probs: list[float], bins: int = 10) -> float:
    """Expected calibration error: |accuracy - mean confidence| averaged over confidence bins."""
    p = np.asarray(probs)
    ok = np.asarray(correct, dtype=float)
    edges = np.minimum((p * bins).astype(int), bins - 1)
    err = sum(abs(ok[edges == b].mean() - p[edges == b].mean()) * (edges == b).sum() for b in range(bins)
              if (edges == b).any())
    return float(err / max(len(p), 1))


def holdout_figures(model: CoderModel, records: list[AcledRecord], opts: Any, log: Any = print) -> dict[str, float]:
    from sitrep.events.codebook import codebook
    from sitrep.learn.coder import cached_inputs, held_out

    book = codebook()

    def etype(sub: str) -> str:
        return NONE if sub == NONE else book.event_type(sub)

    rows = held_out(records, opts)
    log(f"scoring {len(rows):,} held-out notes ({', '.join(opts.holdout)}) ...")
    inputs = cached_inputs(rows, opts.cache, "holdout")
    gold = [r.sub_event_type or NONE for r in rows]
    rules = [inp[2] if inp else NONE for inp in inputs]
    words = [model.labels[int(np.argmax(model.word_scores(r.notes)))] for r in rows]
    subs, probs = predict(model, inputs)
    free, _ = predict(model, inputs, remote=False)
    figures: dict[str, float] = {"notes": float(len(rows))}
    for name, pred in (("model", subs), ("rules", rules), ("words", words), ("model_no_remote_rule", free)):
        for key, value in _scores(gold, pred, etype).items():
            figures[f"{name}_{key}" if name != "model" else key] = value
    found = [i for i, inp in enumerate(inputs) if inp is not None]
    figures["calibration_error"] = round(calibration_error([subs[i] == gold[i] for i in found],
                                                           [probs[i] for i in found]), 4)
    for key, value in figures.items():
        log(f"  {key:<48} {value:.4f}" if key != "notes" else f"  notes {int(value)}")
    top = Counter((g, p) for g, p in zip(gold, subs, strict=True) if g != p).most_common(12)
    log("  confusions (gold -> model):")
    for (g, p), n in top:
        log(f"    {g} -> {p} ({n})")
    return figures


def write_card(out: Path, opts: Any, counts: Counter[str], sampled: int, with_event: int, reviews: int,
               figures: dict[str, float]) -> None:
    data = {f"acled_public/{name}": n for name, n in counts.items()}
    if reviews:
        data["review exports"] = reviews
    split = (f"Whole countries held out: {', '.join(opts.holdout)}. Training notes are every note of "
             "the other countries with today's sub-event types" if opts.holdout else
             "Nothing held out (the package's build): training notes are every country's notes with today's "
             "sub-event types. Its figures are those of the same model built without the held-out countries "
             "(`sitrep train heldout`, card in `data/heldout/models/coder`), which `sitrep eval acled` scores with"
             + (" plus older rows whose event type maps cleanly" if opts.old_rows else "")
             + f". The combiner learned from {sampled:,} of them (at most {opts.per_class} per sub-type) run "
             f"through the rules-only pipeline ({with_event:,} with an event), with word scores from words "
             f"layers fitted on other countries ({opts.folds} country folds).")
    notes = [
        "Words layer: TF-IDF (sublinear tf, L2) over word uni/bigrams (numbers as one token) + linear SVM "
        f"(C={opts.c_words}{', class weights balanced' if getattr(opts, 'balanced', False) else ''}), "
        f"{opts.max_features:,} features at most"
        + (f", and over the words' character 3-5-grams ({opts.max_char_features:,} at most, normalised apart)"
           if getattr(opts, "max_char_features", 0) else "")
        + "; weights stored as float16.",
        "Combiner: multinomial logistic regression over the words layer's scores and the rules' findings "
        f"(their sub-type, event class, trigger, inter codes, cue groups, victims, objects, toll), C={opts.c_combiner}; "
        "intercepts set back to the training notes' label frequencies. Its probability is the event's confidence.",
        "Held-out figures: the lead event of each held-out note as the rules-only pipeline finds it (NONE "
        "when none is found), rules alone (rules_*), words layer alone over the whole note (words_*, the "
        "words-only baseline), the model (no prefix), the model without the remote-weapon rule.",
        "Never trained on CASE 2021, IndiaPoliceEvents or PLOVER; those are measured by `sitrep eval`.",
    ]
    Card(name="coder", format=1, purpose="ACLED sub-event type (and so event and disorder type) of a detected "
         "event, from its sentence's words and what the rules found.", command=COMMAND_LINE if not opts.holdout else heldout_line(opts.holdout),
         data=data, split=split, figures=figures, notes=notes).write(out)


COMMAND_LINE = "sitrep train coder ../shared/data/acled_public --holdout none --out src/sitrep/data/models/coder"


def heldout_line(holdout: tuple[str, ...]) -> str:
    from sitrep.learn.splits import DEFAULT_HOLDOUT

    named = "default" if tuple(holdout) == tuple(DEFAULT_HOLDOUT) else ",".join(holdout)
    return f"sitrep train coder ../shared/data/acled_public --holdout '{named}' --out FOLDER"
