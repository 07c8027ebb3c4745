"""Which words run-of-text English writes in lower case, counted in ACLED's notes (``sitrep train casing``).

Headlines arrive in Title Case ("Junta Troops Kill 7 Villagers In Kayah") or in capitals; spaCy's
small model reads each capitalised word as a name there, and finds no event. ``sitrep.casing``
writes such a line in sentence case before the parse, and needs to know which words are ordinary
words: those the notes write in lower case when they are not the first word of a sentence.
"army" is written "Army" often enough ("Arakan Army") to stay as it is; "troops" is not.

Only the training countries' notes are read (``sitrep.learn.splits``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from sitrep.learn.acled import ATTRIBUTION, AcledRecord
from sitrep.learn.splits import training_rows

_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
_WORD = re.compile(r"[A-Za-z][a-z]+")
_EDGE = "\"'()[],.;:!?"


def count_cases(notes: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """(lower-case uses, capitalised uses) of each word, folded, away from a sentence's start."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for note in notes:
        for sentence in _SENTENCE_END.split(note):
            for token in sentence.split()[1:]:
                word = token.strip(_EDGE)
                if not _WORD.fullmatch(word):
                    continue  # capitals, digits, hyphenated pieces: no evidence either way
                if word[0].isupper():
                    capital[word.lower()] += 1
                else:
                    lower[word] += 1
    return lower, capital


def lowercase_words(lower: Counter[str], capital: Counter[str], min_uses: int = 5,
                    min_share: float = 0.8) -> list[str]:
    """Words used at least ``min_uses`` times, in lower case at least ``min_share`` of them."""
    out = []
    for word, n in lower.items():
        uses = n + capital[word]
        if uses >= min_uses and n / uses >= min_share:
            out.append(word)
    return sorted(out)


def build(records: Iterable[AcledRecord], holdout: Iterable[str], min_uses: int = 5,
          min_share: float = 0.8) -> tuple[list[str], int]:
    """(the lower-case words, notes read) of the training countries' records."""
    read = 0

    def notes() -> Iterable[str]:
        nonlocal read
        for record in training_rows(records, tuple(holdout)):
            read += 1
            yield record.notes

    lower, capital = count_cases(notes())
    return lowercase_words(lower, capital, min_uses, min_share), read


def write_words(words: list[str], notes: int, holdout: Iterable[str], output: Path) -> None:
    held = ", ".join(holdout) or "none"
    with open(output, "w", encoding="utf-8") as f:
        f.write("# Words ACLED's notes write in lower case away from a sentence's start (at least 80% of 5+ uses):\n")
        f.write("# sitrep.casing writes Title Case and capitalised headlines in sentence case with them.\n")
        f.write(f"# Derived from ACLED data: {ATTRIBUTION}.\n")
        f.write(f"# Built by `sitrep train casing` from {notes} notes; countries held out: {held}.\n")
        for word in words:
            f.write(word + "\n")
