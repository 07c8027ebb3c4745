"""Is this text English? A cheap stop-word test first, langdetect only when unsure.

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
SAMPLE_CHARS = 3000
SURE_ENGLISH = 0.18  # share of English stop words above which we don't ask langdetect
SURE_OTHER = 0.02  # below this (with enough words) it is not English
MIN_WORDS = 8


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
    ratio = sum(1 for w in words if w in _ENGLISH) / len(words)
    if ratio >= SURE_ENGLISH:
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
    if best.lang != "en" and ratio > SURE_OTHER and any(g.lang == "en" and g.prob > 0.2 for g in guesses):
        return "en"  # mixed text with real English in it: let the pipeline try
    return str(best.lang)


def check_english(text: str) -> tuple[str | None, ErrorInfo | None]:
    """(language, problem): problem is E106 when the text is confidently not English."""
    lang = detect_language(text)
    if lang is None or lang == "en":
        return lang, None
    return lang, error("E106", f"detected {lang!r}")
