"""Modality of a trigger: asserted, negated, hypothetical (conditional) or future (planned, threatened).

Reads the dependency parse around the trigger: negation on the trigger or its
governing verb, modal auxiliaries on the clause chain up to the first verb of
saying, an "if/unless" clause attached to that chain, and control verbs
("plan to", "vow to", "threaten to") governing the trigger.
"""

from __future__ import annotations

from typing import Any

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "can", "must", "'d", "ca"}
CONDITION_MARKS = {"if", "unless", "whether"}
FUTURE_CONTROL = {
    "plan", "plot", "vow", "threaten", "intend", "want", "seek", "prepare", "aim", "pledge", "promise", "expect",
    "hope", "decide", "warn", "propose", "schedule", "call", "urge", "demand", "ask", "wish", "mean",
}
HYPOTHETICAL_CONTROL = {"try", "attempt", "fail", "refuse", "could", "able"}
FEARED = {"fear", "apprehend", "anticipate", "predict", "risk", "dread"}
NEGATING_HEADS = {"deny", "refute", "dismiss", "prevent", "avert", "avoid"}
SPEECH = {"say", "tell", "report", "claim", "announce", "state", "add", "confirm", "note", "explain", "quote"}
HYPOTHETICAL_MODIFIERS = {"potential", "possible", "planned", "future", "likely", "imminent", "threatened", "feared"}
NEGATIVE_DETS = {"no", "neither", "nor"}


def _aux(tok: Any) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"} | (
        {"going"} if any(c.lower_ == "going" for c in tok.children if c.dep_ == "aux") else set()
    )


def _has_condition(tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ in ("advcl", "ccomp") and any(m.lower_ in CONDITION_MARKS for m in c.children if m.dep_ == "mark"):
            return True
    return False


def modality(trigger: Any) -> str:
    """Modality of the event whose trigger token is ``trigger``."""
    sent = trigger.sent
    # Negation directly on the trigger, its determiner ("no attacks"), or its governing verb.
    for c in trigger.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in NEGATIVE_DETS):
            return "negated"
        if c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_MODIFIERS:
            return "hypothetical"
    tok = trigger
    steps = 0
    came_by = ""  # dependency label of the step that led up to ``tok``
    through_clause = False  # whether the path so far went through a verb complement (xcomp/ccomp)
    while True:
        if tok.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in tok.children if m.dep_ == "mark"):
            return "hypothetical"
        if _has_condition(tok) and tok.pos_ in ("VERB", "AUX"):
            return "hypothetical"
        aux = _aux(tok)
        if aux & FUTURE_AUX or "going" in aux:
            return "future"
        if aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if tok.i != trigger.i and tok.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "neg" for c in tok.children) and steps <= 2:
                return "negated"
            lemma = tok.lemma_.lower()
            if lemma in NEGATING_HEADS:
                return "negated"
            # "vowed to attack", "plans to launch an offensive": the trigger is inside the verb's complement
            if lemma in FUTURE_CONTROL and trigger.i > tok.i and (came_by == "xcomp" or through_clause):
                return "future"
            if lemma in HYPOTHETICAL_CONTROL and trigger.i > tok.i and came_by == "xcomp":
                return "hypothetical"
            if lemma in FEARED and came_by in ("dobj", "xcomp", "ccomp"):
                return "hypothetical"  # "fear reprisal killings", "apprehend attacks"
            if lemma in SPEECH:
                break
        if tok.head.i == tok.i or tok.dep_ == "ROOT" or tok.dep_ in ("relcl", "acl"):
            break  # a relative clause asserts on its own ("the police who killed ...")
        came_by = tok.dep_
        through_clause = through_clause or (came_by == "xcomp" and tok.pos_ in ("VERB", "AUX"))
        tok = tok.head
        steps += 1
    first = sent[0] if len(sent) else None
    if first is not None and first.lower_ in ("if", "unless") and trigger.i - sent.start < 25:
        # A sentence opening with a condition whose consequent holds the trigger.
        return "hypothetical"
    return "asserted"
