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
    "direct", "instruct", "order", "likely", "due",
}
HYPOTHETICAL_CONTROL = {"try", "attempt", "fail", "refuse", "could", "able", "have", "need"}
OBLIGATION = {"have", "need"}  # "we have to arrest the guilty" is an aim; "police had to fire" a fact
# Verbs that ask for an event named as their object: "demanded the arrest of", "called for a ban and arrests".
DEMAND_HEADS = {"demand", "seek", "urge", "call", "want", "press", "ask", "recommend", "order", "favour", "favor"}
NOMINAL_PATH = {"dobj", "pobj", "prep", "conj", "appos", "compound", "nsubjpass"}
NEGATIVE_SUBJECTS = {"nobody", "none", "noone"}
FEARED = {"fear", "apprehend", "anticipate", "predict", "risk", "dread"}
NEGATING_HEADS = {"deny", "refute", "dismiss", "prevent", "avert", "avoid"}
SPEECH = {"say", "tell", "report", "claim", "announce", "state", "add", "confirm", "note", "explain", "quote"}
HYPOTHETICAL_MODIFIERS = {"potential", "possible", "planned", "future", "likely", "imminent", "threatened", "feared"}
NEGATIVE_DETS = {"no", "neither", "nor"}


def _aux(children: list[Any]) -> set[str]:
    """Modal auxiliaries among a word's children, and "going" ("going to attack")."""
    out: set[str] = set()
    for c in children:
        dep = c.dep_
        if dep in ("aux", "auxpass"):
            low = c.lower_
            if c.tag_ == "MD":
                out.add(low)
            if dep == "aux" and low == "going":
                out.add("going")
    return out


def _has_condition(children: list[Any]) -> bool:
    for c in children:
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
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NEGATIVE_SUBJECTS or any(
                d.dep_ == "det" and d.lower_ in NEGATIVE_DETS for d in c.children)):
            return "negated"  # "nobody was arrested", "no one was killed"
        if c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_MODIFIERS:
            return "hypothetical"
    tok = trigger
    steps = 0
    came_by = ""  # dependency label of the step that led up to ``tok``
    through_clause = False  # whether the path so far went through a verb complement (xcomp/ccomp)
    nominal = trigger.pos_ == "NOUN"  # whether the path so far runs through noun phrases only
    via_modifier = False  # whether the path so far went through a modifier (a preposition, an adverbial clause)
    while True:
        children = list(tok.children)  # read once per step: each walk builds the Token objects anew
        if tok.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in children if m.dep_ == "mark"):
            return "hypothetical"
        if tok.pos_ in ("VERB", "AUX") and _has_condition(children):
            return "hypothetical"
        aux = _aux(children)
        if aux & FUTURE_AUX or "going" in aux:
            return "future"
        if aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if tok.i != trigger.i and tok.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "neg" for c in children) and steps <= 2:
                return "negated"
            lemma = tok.lemma_.lower()
            if lemma in NEGATING_HEADS and not (trigger.dep_ == "amod" and trigger.lower_.endswith("ed")):
                return "negated"  # not "prevents collection of massacred civilians": a participle tells a done act
            # "vowed to attack", "plans to launch an offensive": the trigger is inside the verb's complement
            if lemma in FUTURE_CONTROL and trigger.i > tok.i and (came_by == "xcomp" or through_clause):
                return "future"
            if lemma in DEMAND_HEADS and nominal and trigger.i > tok.i:
                return "future"  # the arrest is asked for, not made
            if lemma in DEMAND_HEADS and came_by == "ccomp" and trigger.i > tok.i and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in trigger.doc[tok.i + 1 : trigger.i + 1]):
                return "future"  # "demanded that control ... be taken away": asked for, not done
            if lemma in HYPOTHETICAL_CONTROL and trigger.i > tok.i and came_by == "xcomp" and not (
                    lemma in OBLIGATION and tok.tag_ == "VBD"):  # "police had to fire": it was done
                return "hypothetical"
            if lemma in FEARED and came_by in ("dobj", "xcomp", "ccomp") and trigger.i > tok.i and not via_modifier:
                # "fear reprisal killings", "apprehend attacks"; what is feared follows the verb, and is its object
                # itself: in the headlines "Boko Haram attacks village, scores feared killed" and "20 feared killed
                # in separate attacks" the attacks are told, only the toll is feared
                return "hypothetical"
            if lemma in SPEECH:
                break
        if tok.head.i == tok.i or tok.dep_ == "ROOT" or tok.dep_ in ("relcl", "acl"):
            break  # a relative clause asserts on its own ("the police who killed ...")
        if tok.pos_ == "ADJ" and tok.lemma_.lower() in FUTURE_CONTROL and came_by == "xcomp":
            return "future"  # "likely to be arrested", "due to be released"
        came_by = tok.dep_
        nominal = nominal and came_by in NOMINAL_PATH
        via_modifier = via_modifier or came_by in ("prep", "pobj", "advcl")
        through_clause = through_clause or (came_by == "xcomp" and tok.pos_ in ("VERB", "AUX"))
        tok = tok.head
        steps += 1
    first = sent[0] if len(sent) else None
    if first is not None and first.lower_ in ("if", "unless") and trigger.i - sent.start < 25:
        # A sentence opening with a condition whose consequent holds the trigger.
        return "hypothetical"
    return "asserted"
