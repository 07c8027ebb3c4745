"""A crowd no actor word names gets a mention when a crowd cue of its sentence says who it is."""

from __future__ import annotations

import re

from sitrep.actors.mentions import Match, Tok
from sitrep.actors.protest_subjects import protest_subjects

WAGES = [re.compile(r"\bwages\b", re.I)]


def toks(text: str, deps: dict[str, tuple[str, str]], sent: int = 0) -> list[Tok]:
    out, at = [], 0
    for word in text.split():
        start = text.index(word, at)
        at = start + len(word)
        dep, head = deps.get(word, ("", ""))
        out.append(Tok(word, start, at, sent, dep, head))
    return out


TEXT = "court clerks held a protest over unpaid wages"
DEPS = {"clerks": ("nsubj", "hold")}


def test_the_subject_of_a_protest_with_a_crowd_cue_becomes_a_crowd_mention() -> None:
    found = protest_subjects(TEXT, toks(TEXT, DEPS), [], "Tunisia", WAGES)
    assert [(TEXT[m.start:m.end], m.name, m.inter) for m in found] == [("clerks", "Protesters (Tunisia)", 6)]


def test_no_mention_without_a_crowd_cue_or_without_a_protest() -> None:
    assert protest_subjects("court clerks held a protest", toks("court clerks held a protest", DEPS), [],
                            "Tunisia", WAGES) == []
    text = "court clerks held a meeting about wages"
    assert protest_subjects(text, toks(text, DEPS), [], "Tunisia", WAGES) == []


def test_a_sentence_with_its_own_people_mention_is_left_to_it() -> None:
    workers = Match(6, 12, "Civilians (Tunisia)", 7, "Tunisia", "generic", 0.8)
    assert protest_subjects(TEXT, toks(TEXT, DEPS), [workers], "Tunisia", WAGES) == [workers]


def test_a_pronoun_subject_is_no_crowd() -> None:
    text = "they held a protest over unpaid wages"
    assert protest_subjects(text, toks(text, {"they": ("nsubj", "hold")}), [], "Tunisia", WAGES) == []
