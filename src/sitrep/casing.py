"""Headlines in sentence case before the parse: "Junta Troops Kill 7 Villagers In Kayah" -> "Junta troops kill 7 villagers in Kayah".

spaCy's small English model learned from running text: in a Title Case or capitalised line it reads
each capitalised word as a name ("Troops Kill" a PERSON), parses no verb and the line yields no event.
Headline-only reports and RSS titles are normal input, so each such line is rewritten in sentence
case first: a word goes to lower case when ACLED's notes write it so (``data/lowercase_words.txt``,
``sitrep.learn.casing``); names, acronyms and words the notes mostly capitalise ("Army", "State")
keep their capitals. Only letter case changes: the text keeps its length, so every offset into it
is an offset into the article as given, and evidence is shown from the article's own text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.resources import read_word_list

_WORD = re.compile(r"[^\W\d_]+")
_OPENING = " \t\"'‘“(["
MIN_WORDS = 4  # shorter lines ("By John Smith", "Related Stories") are left alone
MAX_CHARS = 300  # a longer line is a paragraph, not a headline: not even looked at
TITLE_SHARE = 0.6  # share of a line's ordinary words written with a capital for it to read as Title Case
MIN_CAPITALISED = 2
SHORT_WORD = 3  # letters of the longest word a Title Case headline may leave in lower case ("Attack on Base in Kayah")
CAPS_SHARE = 0.7  # ... all in capitals, for it to read as a capitalised headline


@lru_cache(maxsize=1)
def lowercase_words() -> frozenset[str]:
    """The package's list and users' copies of it (SITREP_DATA_PATH; "-word" takes one out)."""
    return frozenset(read_word_list("lowercase_words.txt"))


def _ordinary(folded: str, lower: frozenset[str]) -> bool:
    """Whether the notes write a word in lower case: listed, or a headline's present-tense verb whose past form
    is listed ("destroys", "seizes", "executes": the notes tell events in the past tense, so only "destroyed"
    is in the list)."""
    if folded in lower:
        return True
    if len(folded) < 4 or not folded.endswith("s") or folded.endswith("ss"):
        return False
    stem = folded[:-1]
    return stem + "d" in lower or stem + "ed" in lower


def _line_kind(words: list[str], lower: frozenset[str]) -> str | None:
    """"caps" for a line in capitals, "title" for Title Case: most of its ordinary words (those the notes
    write in lower case) capitalised. Names alone do not make a line Title Case ("On 3 May, Kenya Defence
    Forces killed two Al Shabaab fighters" has one capitalised ordinary word of four)."""
    if len(words) < MIN_WORDS:
        return None
    if sum(1 for w in words if w.isupper() and len(w) > 1) >= CAPS_SHARE * len(words):
        return "caps"
    ordinary = [w for w in words[1:] if _ordinary(w.lower(), lower)]
    capitalised = sum(1 for w in ordinary if w[0].isupper())
    if capitalised >= MIN_CAPITALISED and capitalised >= TITLE_SHARE * len(ordinary):
        return "title"
    # Title Case styles leave short words ("in", "of", "and") in lower case and capitalise every longer one
    # ("Rebels Torch Market in Borno"), even in a short headline of names and one capitalised verb ("Boko Haram
    # Ambushed Army, Borno"); running text has longer words in lower case too
    if capitalised and not any(w.islower() and len(w) > SHORT_WORD for w in ordinary):
        return "title"
    return None


def _recase_line(line: str, lower: frozenset[str]) -> str:
    if len(line) > MAX_CHARS:
        return line
    words = _WORD.findall(line)
    kind = _line_kind(words, lower)
    if kind is None:
        return line

    def recase(m: re.Match[str]) -> str:
        word = m.group(0)
        folded = word.lower()
        at_start = not line[: m.start()].strip(_OPENING)
        if kind == "title":
            if at_start or not word[0].isupper() or (word.isupper() and len(word) > 1) or not _ordinary(folded, lower):
                return word  # the first word, acronyms and names keep their capitals
            new = folded
        elif not word.isupper():
            return word
        elif _ordinary(folded, lower) and not at_start:
            new = folded
        elif _ordinary(folded, lower) or len(word) > 3:
            new = word[0] + folded[1:]  # a capitalised word or name: "MYANMAR" -> "Myanmar"
        else:
            return word  # short capitals may be acronyms ("UN", "KIA")
        return new if len(new) == len(word) else word

    return _WORD.sub(recase, line)


def sentence_case(text: str) -> str:
    """``text`` with every Title Case or capitalised line in sentence case; same length, same offsets."""
    if not text:
        return text
    lower = lowercase_words()
    lines = text.split("\n")
    out = [_recase_line(line, lower) for line in lines]
    return "\n".join(out)
