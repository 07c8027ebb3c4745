"""Is this text English? A cheap stop-word test first, langdetect only when unsure.

Short texts (headlines, briefs) are English when they hold any English
function word, and rejected only when langdetect is confident.

langdetect is random by default; the seed is fixed so the same text always
gets the same answer (a re-ingest must quarantine exactly what the first run
did). Most news text is settled by the stop-word ratio in microseconds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.errors import error
from sitrep.model import ErrorInfo

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ENGLISH = frozenset(
    "the of and to in a is that for on was with he it as at by from his are be this have has had "
    "were not but they which an said their its been who will would there also after more than two "
    "or one into when about over said i you we she her him them our up out no".split()
)
# Words that mark a short news text as English: function words other languages do not spell the same way
# ("a", "on", "in", "i" are French, Italian or German too), and headline words, as headlines drop function words.
_HEADLINE = frozenset(
    "the of and to is that for was with from his are this have has had were but they which an their its been who "
    "will would after over more than into when about also there "
    "across against amid among behind between during near says since under while within without kill kills killed "
    "dead attack attacks army troops police militants soldiers rebels blast bomb bombing clash clashes report "
    "village villagers".split()
)
SAMPLE_CHARS = 3000
SURE_ENGLISH = 0.18  # share of English stop words above which we don't ask langdetect
SURE_OTHER = 0.02  # below this (with enough words) it is not English
MIN_WORDS = 8
# A headline or brief (fewer words than this) is English unless langdetect is sure it is not and it holds
# no English function word: on a dozen words of names and verbs langdetect guesses ("Blasts in Kirkuk kill
# 14" reads as Swedish), and a wrong guess quarantines a real report.
SHORT_WORDS = 20
SURE_SHORT = 0.95


@lru_cache(maxsize=1)
def _detector() -> object:
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    return DetectorFactory


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return None
    english = sum(1 for w in words if w in _ENGLISH)
    ratio = english / len(words)
    if ratio >= SURE_ENGLISH or (len(words) < SHORT_WORDS and any(w in _HEADLINE for w in words)):
        return "en"
    _detector()
    from langdetect import LangDetectException, detect_langs

    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return None
    if not guesses:
        return None
    best = guesses[0]
    if len(words) < SHORT_WORDS and best.lang != "en" and best.prob < SURE_SHORT:
        return None  # too short to be sure: let the pipeline try
    if best.lang != "en" and ratio > SURE_OTHER and any(g.lang == "en" and g.prob > 0.2 for g in guesses):
        return "en"  # mixed text with real English in it: let the pipeline try
    return str(best.lang)


def check_english(text: str) -> tuple[str | None, ErrorInfo | None]:
    """(language, problem): problem is E106 when the text is confidently not English."""
    lang = detect_language(text)
    if lang is None or lang == "en":
        return lang, None
    return lang, error("E106", f"detected {lang!r}")
