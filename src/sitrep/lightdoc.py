"""A read-only, pure-Python copy of a parsed spaCy Doc for the rule stages.

The event rules walk the parse token by token, again and again: every ``doc[i]``,
``.head`` or ``.children`` of a spaCy Doc builds a new Token object, and every
``.dep_`` or ``.lemma_`` looks its string up in the vocabulary. That bookkeeping
was most of the events stage's time. ``LightDoc`` reads the parse once (with
``Doc.to_array``) into plain objects with the same attribute names and the same
behaviour (children in order, ``subtree``, ``conjuncts``, ``Span.root``,
``char_span`` alignment), so rule code runs unchanged on either. It holds no
vectors or extensions; it is rebuilt from the Doc, never saved.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import repeat
from operator import itemgetter
from typing import Any

import numpy as np

from sitrep.lighttoken import LightSpan as LightSpan  # split out; re-exported for importers
from sitrep.lighttoken import LightToken as LightToken

_FLAGS = ("IS_ALPHA", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM")
_ATTRS = ("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "ENT_IOB", "HEAD", "IDX", "SENT_START", "SPACY",
          *_FLAGS)


# hash -> string, shared by every document: a hash always names the same string, and looking it up in
# spaCy's StringStore again for each document was a fifth of the copy's time
_STRINGS: dict[int, str] = {}


class LightDoc:
    """The parse of one Doc: tokens, sentences, entities and character look-up."""

    def __init__(self, doc: Any) -> None:
        self.text = ""
        self.user_data: dict[Any, Any] = {}
        n = len(doc)
        # filled in by _read, without a call to __init__ per token (map: half the time of a comprehension)
        self.tokens: list[LightToken] = list(map(LightToken.__new__, repeat(LightToken, n)))
        self._sents: list[LightSpan] | None = None
        self._sent_at: list[int] = []
        self._starts: list[int] | None = None  # each token's first character, for char_span
        self._roots: dict[tuple[int, int], int] = {}  # a token range's root (LightSpan.root), once found
        self._flags: dict[str, list[bool]] = {}
        self._spaces: list[bool] = []
        self._idx: list[int] = []
        self._tags: tuple[str, ...] = ()
        self._ents: tuple[str, ...] = ()
        self._iob: list[int] = []
        self._sent_start: list[int] = []
        self._sent_bounds: list[tuple[int, int]] = []
        self.ents: list[LightSpan] = []
        if n:
            self._read(doc)

    def _read(self, doc: Any) -> None:
        arr = doc.to_array(list(_ATTRS))
        strings = doc.vocab.strings
        known = _STRINGS

        def lookup(column: Any) -> tuple[str, ...]:
            keys = column.tolist()
            if len(keys) == 1:
                keys.append(keys[0])  # itemgetter of one key returns the value, not a tuple
            try:
                names = itemgetter(*keys)(known)
            except KeyError:  # strings not seen before: look them up once
                for k in set(keys):
                    if k not in known:
                        known[k] = strings[k] if k else ""
                names = itemgetter(*keys)(known)
            return names[: len(column)]  # type: ignore[no-any-return]

        n = len(self.tokens)
        col = {name: arr[:, k] for k, name in enumerate(_ATTRS)}
        heads = (col["HEAD"].astype(np.int64) + np.arange(n)).tolist()
        toks = self.tokens
        texts = lookup(col["ORTH"])
        self._spaces = col["SPACY"].tolist()
        self._idx = col["IDX"].tolist()
        self._tags, self._ents = lookup(col["TAG"]), lookup(col["ENT_TYPE"])
        self._iob = col["ENT_IOB"].tolist()
        # Doc.text would build a Token per word to join them
        self.text = "".join([w + " " if space else w for w, space in zip(texts, self._spaces, strict=True)])
        for i, t, idx, text, low, lemma, pos, dep, ent, head in zip(
                range(n), toks, self._idx, texts, lookup(col["LOWER"]), lookup(col["LEMMA"]), lookup(col["POS"]),
                lookup(col["DEP"]), self._ents, heads, strict=True):
            t.doc, t.i, t.idx, t._kids, t._sub = self, i, idx, (), None
            t.text, t.lower_, t.lemma_, t.pos_, t.dep_, t.ent_type_, t.head = text, low, lemma, pos, dep, ent, toks[head]
        for t in toks:  # in token order, so each token's dependents come in order
            h = t.head
            if h is not t:
                if h._kids:
                    h._kids.append(t)  # type: ignore[union-attr]
                else:
                    h._kids = [t]
        self._flags = {name: col[name].astype(bool).tolist() for name in _FLAGS}
        self._sent_start = col["SENT_START"].astype(np.int64).tolist()
        # as spaCy's Doc.sents: a sentence ends where the next one is marked to start
        cuts = [i for i in range(1, n) if self._sent_start[i] == 1]
        self._sent_bounds = list(zip([0, *cuts], [*cuts, n], strict=True))
        self.ents = self._entities()

    def _entities(self) -> list[LightSpan]:
        """spaCy's ``Doc.ents`` read from the IOB columns already copied (``doc.ents`` made a Span and
        Tokens per entity): an entity starts at a B with a type and runs over the I's after it."""
        found: list[LightSpan] = []
        start, label = -1, ""
        for i, (iob, kind) in enumerate(zip(self._iob, self._ents, strict=True)):
            if iob == 1:  # I: inside the current entity
                continue
            if start != -1:
                found.append(LightSpan(self, start, i, label))
            start, label = (i, kind) if iob == 3 and kind else (-1, "")  # 3: B; 2: O, 0: not set
        if start != -1:
            found.append(LightSpan(self, start, len(self._iob), label))
        return found

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[LightToken]:
        return iter(self.tokens)

    def __getitem__(self, key: int | slice) -> Any:
        if key.__class__ is int:  # nearly every read: one token
            return self.tokens[key]  # type: ignore[index]
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self.tokens))
            return LightSpan(self, start, max(start, stop))
        return self.tokens[key]

    @property
    def sents(self) -> Iterator[LightSpan]:
        if self._sents is None:
            self._sents = [LightSpan(self, a, b) for a, b in self._sent_bounds]
            self._sent_at = [0] * len(self.tokens)
            for k, (a, b) in enumerate(self._sent_bounds):
                for i in range(a, b):
                    self._sent_at[i] = k
        return iter(self._sents)

    def sent_number(self, i: int) -> int:
        """The index of the sentence holding token ``i``."""
        if self._sents is None:
            list(self.sents)
        return self._sent_at[i]

    def sent_start_chars(self) -> list[int]:
        """Each sentence's first character (spaCy's ``[s.start_char for s in doc.sents]``)."""
        return [self._idx[a] for a, _ in self._sent_bounds]

    def has_words(self) -> bool:
        """Is any token more than whitespace (is any sentence more than whitespace)?"""
        return not all(self._flags["IS_SPACE"]) if self.tokens else False

    def sent_of(self, i: int) -> LightSpan:
        if self._sents is None:
            list(self.sents)
        assert self._sents is not None
        return self._sents[self._sent_at[i]]

    def words_to_root(self, tok: LightToken) -> int:
        # spaCy's Span.root passes over bare spaces and punctuation when other tokens can be the root
        if (tok.is_space or tok.is_punct) and not tok._kids:
            return len(self.tokens) - 1
        n, cur = 0, tok
        while cur.head is not cur:
            cur = cur.head
            n += 1
            if n >= len(self.tokens):
                raise RuntimeError("the parse has a cycle")
        return n

    def _token_by_char(self, char: int) -> int:
        # as spaCy: the token whose characters or trailing space hold ``char``, else -1
        if self._starts is None:
            self._starts = self._idx
        i = bisect_right(self._starts, char) - 1
        if i < 0:
            return -1
        return i if char < self._idx[i] + len(self.tokens[i].text) + self._spaces[i] else -1

    def char_span(self, start_idx: int, end_idx: int, label: str = "", alignment_mode: str = "strict") -> LightSpan | None:
        """spaCy's ``Doc.char_span`` (strict, contract and expand alignment)."""
        toks = self.tokens
        start = self._token_by_char(start_idx)
        if start < 0 or (alignment_mode == "strict" and start_idx != toks[start].idx):
            return None
        end = self._token_by_char(end_idx - 1)
        if end < 0 or (alignment_mode == "strict" and end_idx != toks[end].idx + len(toks[end].text)):
            return None
        if alignment_mode == "contract":
            if toks[start].idx < start_idx:
                start += 1
            if end_idx < toks[end].idx + len(toks[end].text):
                end -= 1
            if end < start:
                return None
        elif alignment_mode == "expand" and start_idx == toks[start].idx + len(toks[start].text):
            start += 1  # the trailing space of the token before is not part of the span
        return LightSpan(self, start, end + 1, label)


def light_doc(document: Any) -> LightDoc | None:
    """The LightDoc of a pipeline Document's parse (see ``light_of``), or None before the parse."""
    if document.doc is None:
        return None
    return light_of(document.doc)


def light_of(doc: Any) -> LightDoc:
    """The LightDoc of a spaCy Doc, made once and kept in the Doc's ``user_data`` (never serialised: no stage
    saves a Doc), so every stage that walks the parse shares one copy, whichever asks first; a LightDoc is its own."""
    if isinstance(doc, LightDoc):
        return doc
    light = doc.user_data.get(LIGHT_KEY)
    if light is None:
        light = doc.user_data[LIGHT_KEY] = LightDoc(doc)
    return light  # type: ignore[no-any-return]


LIGHT_KEY = "sitrep.lightdoc"
