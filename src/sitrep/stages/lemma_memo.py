"""The model's rule lemmatizer, remembered per (word, POS, morphology) and written as one array.

spaCy's rule lemmatizer makes a Token per word, and recomputes (not caches) the
commonest case, a word in its base form (``is_base_form`` reads the morphology
as a dict each time). Its answer depends only on the word's text, POS and
morphology, the key of spaCy's own cache, so this component keeps the answer
per key (computed by the lemmatizer itself the first time) and sets a doc's
lemmas from the token arrays. Only spaCy's own rule lemmatizer (and English's,
which differs in ``is_base_form`` alone, a function of POS and morphology) is
replaced; any other keeps running.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from sitrep.stages.component_swap import swap_component

FACTORY = "sitrep_lemma_memo"
LEMMATIZER = "lemmatizer"
_LIMIT = 50_000  # keys remembered before starting afresh: ~15 MB at most in a long-lived worker


class LemmaMemo:
    def __init__(self, vocab: Any, name: str = FACTORY) -> None:
        self.vocab = vocab
        self.name = name
        self.lemmatizer: Any = None
        self.overwrite = False
        self._seen: dict[tuple[int, int, int], int] = {}

    def use(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.overwrite = bool(lemmatizer.overwrite)
        self._seen = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmatizer = self.lemmatizer
        if lemmatizer is None:  # made by spaCy from a saved config: nothing to lemmatize with
            raise RuntimeError(f"{self.name}: no lemmatizer; sitrep.stages.lemma_memo.replace_lemmatizer sets it")
        n = len(doc)
        if n == 0:
            return doc
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = range(n) if self.overwrite else np.flatnonzero(rows[:, 3] == 0).tolist()
        if not len(todo):
            return doc
        if len(self._seen) > _LIMIT:
            self._seen.clear()
        seen = self._seen
        keys = rows[:, :3].tolist()
        for i in todo:
            key = tuple(keys[i])
            lemma = seen.get(key)  # type: ignore[call-overload]
            if lemma is None:
                lemma = seen[key] = self.vocab.strings.add(lemmatizer.lemmatize(doc[i])[0])  # type: ignore[index]
            rows[i, 3] = lemma
        doc.from_array([LEMMA], np.ascontiguousarray(rows[:, 3:4]))
        return doc


def replace_lemmatizer(nlp: Any) -> bool:
    """Put the memo in place of the model's rule lemmatizer; False (nothing changed) for any other."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    if LEMMATIZER not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    if type(lemmatizer) not in (Lemmatizer, EnglishLemmatizer) or lemmatizer.mode != "rule":
        return False
    swap_component(nlp, LEMMATIZER, FACTORY, LemmaMemo, lemmatizer)
    return True
