"""The people who protest, when no actor word names them ("driving instructors held a protest over low wages").

ACLED adds who a crowd is beside it ("Protesters (Iran)" with "Labour Group (Iran)"), and the crowd cues of
``actors_identity_cues.csv`` ("wages", "labour rights") give that identity to the crowd mentions of their sentence.
A crowd whose people the generic table does not know ("instructors", "court clerks", "loco running staff") had no
mention to carry it, so the cue was lost. Here the subject of a protest verb in a sentence where a crowd cue fires,
when no people-mention is in that sentence, becomes a crowd mention ("Protesters (<country>)") the cue then reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sitrep.actors.mentions import Match, Tok

# what the subject does: protests itself, or holds / stages a protest the sentence names
_PROTEST_VERBS = frozenset({"protest", "demonstrate", "march", "rally", "strike", "picket"})
_HOLDING_VERBS = frozenset({"hold", "stage", "organize", "organise", "launch", "conduct", "observe", "gather",
                            "block", "continue", "start", "begin", "go"})
_PROTEST_WORDS = re.compile(r"\b(?:protest\w*|demonstrat\w*|sit-?ins?|rall(?:y|ies|ied)|march\w*|strikes?|picket\w*)\b",
                            re.I)
_SUBJECTS = ("nsubj",)
# a pronoun points at people named elsewhere (their own mention, if any, carries the cue)
_PRONOUNS = frozenset({"they", "he", "she", "we", "it", "who", "which", "that", "some", "others", "many", "all"})
PEOPLE = (5, 6, 7)


def protest_subjects(text: str, toks: Sequence[Tok], matches: list[Any], country: str | None,
                     crowd_cues: Sequence[re.Pattern[str]]) -> list[Any]:
    """``matches`` with a crowd mention added for each sentence that has a crowd cue, a protest, a subject of the
    protest verb that no mention covers, and no people-mention of its own; in text order."""
    if not country or not crowd_cues or not toks:
        return matches
    spans: dict[int, tuple[int, int]] = {}
    for t in toks:
        lo, hi = spans.get(t.sent, (t.start, t.end))
        spans[t.sent] = (min(lo, t.start), max(hi, t.end))
    people_sents = {m.sent for m in matches if m.inter in PEOPLE}
    covered = [(m.start, m.end) for m in matches]
    added: list[Match] = []
    done: set[int] = set()
    for t in toks:
        if t.sent in done or t.sent in people_sents or t.dep not in _SUBJECTS or not t.text.isalpha() \
                or t.text.lower() in _PRONOUNS:
            continue
        if t.head_lemma not in _PROTEST_VERBS and t.head_lemma not in _HOLDING_VERBS:
            continue
        lo, hi = spans[t.sent]
        sentence = text[lo:hi]
        if t.head_lemma in _HOLDING_VERBS and not _PROTEST_WORDS.search(sentence):
            continue
        if not any(cue.search(sentence) for cue in crowd_cues):
            continue
        if any(s <= t.start < e for s, e in covered):
            continue
        added.append(Match(t.start, t.end, f"Protesters ({country})", 6, country, "generic", 0.5, sent=t.sent))
        done.add(t.sent)
    if not added:
        return matches
    return sorted([*matches, *added], key=lambda m: m.start)
