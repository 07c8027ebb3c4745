"""What a sentence about a demonstration tells happened, rather than what the crowd was about or what did not
happen: the words of a protest's topic ("marched against police brutality"), negated verbs ("did not intervene"),
things set alight and roads barricaded (read by ``sitrep.events.cues``, kept apart so that module stays a readable size).
"""

from __future__ import annotations

from typing import Any

TOPIC_PREPS = {"against", "over", "following", "after", "about", "for", "of", "to"}
TOPIC_VERBS = {"demand", "condemn", "protest", "denounce", "decry", "mourn", "honor", "honour", "remember",
               "commemorate", "oppose", "allege", "end", "stop", "call", "repudiate", "reject", "criticise",
               "criticize", "complain", "accuse"}


def topic(tok: Any) -> bool:
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


def topics(toks: list[Any], lows: list[str], lemmas: list[str]) -> list[bool]:
    """``topic`` for every token of a sentence (``topic_at``)."""
    start = toks[0].i if toks else 0
    return [topic_at(toks, lows, lemmas, k, start) for k in range(len(toks))]


def topic_at(toks: list[Any], lows: list[str], lemmas: list[str], k: int, start: int) -> bool:
    """``topic`` of the sentence's ``k``-th token, climbing the parse by index (the words read already) instead
    of by Token; ``start`` is the sentence's first token's index in the document."""
    n, cur = len(toks), k
    for _ in range(5):
        head = toks[cur].head.i - start
        if not 0 <= head < n or not 0 <= toks[head].head.i - start < n:
            return topic(toks[k])  # a head outside the sentence: the plain walk
        dep = toks[cur].dep_
        if dep == "relcl":
            return True  # "parents of soldiers who died in the war": who the people are, not what happened
        if head == cur:
            return False
        if dep == "pobj" and lows[head] in TOPIC_PREPS and lemmas[toks[head].head.i - start] not in ("use", "with"):
            return True
        if lemmas[head] in TOPIC_VERBS and dep in ("dobj", "xcomp", "ccomp", "prep"):
            return True
        if toks[head].pos_ == "VERB" and lemmas[head] not in TOPIC_VERBS and cur != k:
            return False
        cur = head
    return False


NO_ONE = {"nobody", "none", "noone"}


def negated(toks: list[Any]) -> list[bool]:
    """For every token, whether its clause's verb is negated ("police were present but did not intervene",
    "did not use tear gas"): what a negated verb tells did not happen."""
    start, n = toks[0].i if toks else 0, len(toks)
    neg_verbs = {t.head.i - start for t in toks if t.dep_ == "neg" and t.head.pos_ in ("VERB", "AUX")}
    # "no one was injured", "nobody was killed": a subject that is no one negates its verb
    neg_verbs |= {t.head.i - start for t in toks if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")
                  and (t.lower_ in NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children))}
    if not neg_verbs:
        return [False] * n
    heads = [t.head.i - start for t in toks]
    pos = [t.pos_ for t in toks]
    out = []
    for k in range(n):
        cur, found = k, False
        for _ in range(4):
            if cur in neg_verbs:
                found = True
                break
            if pos[cur] in ("VERB", "AUX") or not 0 <= heads[cur] < n or heads[cur] == cur:
                break  # reached its own clause's verb (not negated)
            cur = heads[cur]
        out.append(found)
    return out


_SELVES = frozenset({"himself", "herself", "themselves", "oneself", "myself"})


def set_alight(toks: list[Any], lows: list[str], lemmas: list[str]) -> bool:
    """Whether the sentence tells of something set on fire ("setting obstacles on fire", "set fire to a car") as
    what happened, not as a protest's topic; "opened fire" is shooting. ACLED's codebook counts road-blocking with
    burning barricades as a violent demonstration (training notes of blocking 'by setting ... on fire': 20 of 20)."""
    start = toks[0].i
    for k, low in enumerate(lows):
        if low != "fire" or k == 0:
            continue
        setter = k - 1 if lemmas[k - 1] == "set" else k - 2 if k > 1 and lows[k - 1] == "on" else -1
        if setter < 0 or not any(lemmas[j] == "set" for j in range(max(0, setter - 4), setter + 1)):
            continue
        if any(lows[j] in _SELVES for j in range(max(0, setter - 4), k)):
            continue  # "set himself on fire": a self-immolation, no violence against others
        if not topic_at(toks, lows, lemmas, k, start):
            return True
    return False


# things put across a road to block it: a barricade, which ACLED's codebook counts as a violent demonstration
# (training notes of roads blocked with stones, logs, trees, debris: 14 riots, 3 protests beside 2 that block logging)
BARRICADE_STUFF = frozenset({"stone", "stones", "rock", "rocks", "boulder", "boulders", "log", "logs", "tree", "trees",
                             "branch", "branches", "wood", "woods", "timber", "debris", "tyre", "tyres", "tire", "tires",
                             "bench", "benches", "barrel", "barrels", "barricade", "barricades"})
BLOCKING = frozenset({"block", "barricade", "blockade", "obstruct", "close"})


def barricaded(toks: list[Any], lemmas: list[str]) -> bool:
    """Whether the sentence tells of a way blocked with things put across it ("blocked the road with logs and
    benches"), not of people standing in it."""
    for k, lemma in enumerate(lemmas):
        if lemma in BLOCKING and toks[k].pos_ == "VERB":
            # "with ..." on the verb or on the road it blocked (where the parser often hangs it)
            heads = [toks[k], *(c for c in toks[k].children if c.dep_ == "dobj")]
            for c in (c for h in heads for c in h.children):
                if c.dep_ == "prep" and c.lower_ in ("with", "using") and any(
                        t.lower_ in BARRICADE_STUFF for t in c.subtree):
                    return True
    return False
