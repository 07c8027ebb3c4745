"""Victims ACLED codes as members of a criminal armed group: a drug dealer or trafficker shot at is one side of a
fight between gangs (an armed clash), not a civilian attacked.

Read in two places: in the event's own sentences, outside the doers' words ("two armed men shot and killed a drug
trafficker"), and in a sentence right after the event that describes its victim ("The victim was a drug dealer.",
"The victim was involved in drug trafficking activities.", "The victim was recognized as a member of an organized
crime group."). The words are the cue groups ``criminal_member`` and ``criminal_membership`` of triggers.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

CUE = "criminal_target"  # the cue the coding stage adds for the rules (``classify._violence``)
GROUPS = ("criminal_member", "criminal_membership")  # word lists, not cues of their own: read here only
VICTIM_SUBJECTS = {"victim", "victims", "he", "she", "deceased", "man", "woman"}
# what a describing sentence's main verb may be: "was (a dealer)", "was involved in", "was recognized/identified as"
DESCRIBING = {"be", "involve", "recognize", "recognise", "identify", "know", "believe", "suspect", "report"}
SUBJECTS = ("nsubj", "nsubjpass", "nsubj:pass")


def _hit(tok: Any, words: frozenset[str]) -> bool:
    return tok.lower_ in words or tok.lemma_.lower() in words


def named_outside(sents: list[Any], indices: Iterable[int], words: frozenset[str], doers: set[int]) -> bool:
    """Whether a word of ``words`` stands in the sentences ``indices`` outside the doers' tokens."""
    return any(tok.i not in doers and _hit(tok, words) for si in indices for tok in sents[si])


def describes_victim(sent: Any, words: frozenset[str]) -> bool:
    """Whether ``sent`` is a description of the victim ("The victim was ...") naming a word of ``words`` in what it
    says of them (not "The victim was kidnapped by drug traffickers": its verb tells an act)."""
    root = sent.root
    if root.lemma_.lower() not in DESCRIBING:
        return False
    subjects = [c for c in root.children if c.dep_ in SUBJECTS]
    if not any(s.lower_ in VICTIM_SUBJECTS or s.lemma_.lower() in VICTIM_SUBJECTS for s in subjects):
        return False
    said = {t.i for c in root.children if c.dep_ not in SUBJECTS for t in c.subtree}
    return any(t.i in said and _hit(t, words) for t in sent)


def criminal_target(sents: list[Any], own: list[int], following: list[int], lex: Any, doers: set[int]) -> bool:
    """Whether the event's victim is told to be a criminal group's member (see the module's note)."""
    member = lex.cues.get(GROUPS[0], frozenset())
    membership = lex.cues.get(GROUPS[1], frozenset())
    if member and named_outside(sents, own, member, doers):
        return True
    return bool(membership) and any(describes_victim(sents[si], membership) for si in following)
