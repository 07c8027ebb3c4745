"""Quote extraction: quotation marks, cue verbs, speakers and their roles."""

from __future__ import annotations

from sitrep.quotes.extract import QuoteExtractor
from sitrep.quotes.speakers import Titles
from sitrep.resources import read_word_list


def load_extractor(indirect: bool = True) -> QuoteExtractor:
    return QuoteExtractor(
        read_word_list("reporting_verbs.txt"),
        Titles(read_word_list("reporting_verbs_titles.txt")),
        indirect,
        naming=read_word_list("reporting_verbs_naming.txt"),
        addressed=read_word_list("reporting_verbs_addressed.txt"),
    )


__all__ = ["QuoteExtractor", "Titles", "load_extractor", "read_word_list"]
