"""Quote extraction: quotation marks, cue verbs, speakers and their roles."""

from __future__ import annotations

from sitrep.quotes.extract import QuoteExtractor
from sitrep.quotes.speakers import Titles
from sitrep.resources import data_files


def read_word_list(name: str) -> set[str]:
    """A one-entry-per-line list: the package's file, then user copies; "-word" removes an entry."""
    words: set[str] = set()
    for path in data_files(name):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip().lower()
            if line.startswith("-"):
                words.discard(line[1:].strip())
            elif line:
                words.add(line)
    return words


def load_extractor(indirect: bool = True) -> QuoteExtractor:
    return QuoteExtractor(
        read_word_list("reporting_verbs.txt"),
        Titles(read_word_list("reporting_verbs_titles.txt")),
        indirect,
        naming=read_word_list("reporting_verbs_naming.txt"),
        addressed=read_word_list("reporting_verbs_addressed.txt"),
    )


__all__ = ["QuoteExtractor", "Titles", "load_extractor", "read_word_list"]
