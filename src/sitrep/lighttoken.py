"""The token and span of ``sitrep.lightdoc``'s read-only copy of a parse: spaCy's Token and Span reading.

Split from ``lightdoc`` (which makes the copy and re-exports both classes): a ``LightToken`` keeps the values the
rules read on every walk as plain attributes and reads the rarer ones from its document's columns; a ``LightSpan``
is a slice of tokens with spaCy's ``Span`` behaviour (text, offsets, ``root``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.lightdoc import LightDoc

_IOB = ("", "I", "O", "B")  # spaCy's ENT_IOB codes


class LightToken:
    """One token: spaCy's Token attributes the rules read, as plain values (the rarer ones read from the
    document's columns when asked)."""

    __slots__ = ("doc", "i", "idx", "text", "lower_", "lemma_", "pos_", "dep_", "ent_type_", "head", "_kids", "_sub")

    # made by LightDoc._read without __init__; ``_kids``: dependents in order (most tokens have none).
    # ``idx`` and ``ent_type_`` are read several times per token (span offsets, entity walks): as properties
    # they were half a million calls per 120 articles, more than it costs to set them once
    doc: LightDoc
    i: int
    idx: int
    text: str
    lower_: str
    lemma_: str
    pos_: str
    dep_: str
    ent_type_: str
    head: LightToken
    _kids: list[LightToken] | tuple[()]
    _sub: list[LightToken] | None  # the subtree, collected when first asked (the parse never changes after the copy)

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    # read rarely: kept as the document's columns, not copied onto every token
    @property
    def whitespace_(self) -> str:
        return " " if self.doc._spaces[self.i] else ""

    @property
    def tag_(self) -> str:
        return self.doc._tags[self.i]

    @property
    def ent_iob_(self) -> str:
        return _IOB[self.doc._iob[self.i]]

    @property
    def is_alpha(self) -> bool:
        return self.doc._flags["IS_ALPHA"][self.i]

    @property
    def is_lower(self) -> bool:
        return self.doc._flags["IS_LOWER"][self.i]

    @property
    def is_upper(self) -> bool:
        return self.doc._flags["IS_UPPER"][self.i]

    @property
    def is_stop(self) -> bool:
        return self.doc._flags["IS_STOP"][self.i]

    @property
    def is_title(self) -> bool:
        return self.doc._flags["IS_TITLE"][self.i]

    @property
    def is_punct(self) -> bool:
        return self.doc._flags["IS_PUNCT"][self.i]

    @property
    def is_space(self) -> bool:
        return self.doc._flags["IS_SPACE"][self.i]

    @property
    def like_num(self) -> bool:
        return self.doc._flags["LIKE_NUM"][self.i]

    @property
    def is_sent_start(self) -> bool | None:
        mark = self.doc._sent_start[self.i]
        return True if mark == 1 else (False if mark == -1 else None)

    @property
    def orth_(self) -> str:
        return self.text

    @property
    def children(self) -> Iterator[LightToken]:
        return iter(self._kids)

    @property
    def lefts(self) -> Iterator[LightToken]:
        return (k for k in self._kids if k.i < self.i)

    @property
    def rights(self) -> Iterator[LightToken]:
        return (k for k in self._kids if k.i > self.i)

    @property
    def n_lefts(self) -> int:
        return sum(1 for k in self._kids if k.i < self.i)

    @property
    def n_rights(self) -> int:
        return sum(1 for k in self._kids if k.i > self.i)

    @property
    def subtree(self) -> Iterator[LightToken]:
        # the rules ask the same phrases' subtrees again and again (each frame's participants, their edges)
        sub = self._sub
        if sub is None:
            sub = self._sub = []
            self._collect(sub)
        return iter(sub)

    def _collect(self, out: list[LightToken]) -> None:
        # spaCy's order: each left dependent's subtree, the token, each right dependent's subtree
        for k in self._kids:
            if k.i < self.i:
                k._collect(out)
        out.append(self)
        for k in self._kids:
            if k.i > self.i:
                k._collect(out)

    @property
    def left_edge(self) -> LightToken:
        if not self._kids:
            return self
        return min(self.subtree, key=lambda t: t.i)

    @property
    def right_edge(self) -> LightToken:
        if not self._kids:
            return self
        return max(self.subtree, key=lambda t: t.i)

    @property
    def ancestors(self) -> Iterator[LightToken]:
        cur, n = self, 0
        while cur.head is not cur and n < len(self.doc):
            cur = cur.head
            yield cur
            n += 1

    def is_ancestor(self, descendant: LightToken) -> bool:
        return descendant.doc is self.doc and any(a.i == self.i for a in descendant.ancestors)

    @property
    def conjuncts(self) -> tuple[LightToken, ...]:
        # as spaCy: climb to the first conjunct, then collect every "conj" to its right, recursively
        start = self
        while start.head is not start and start.dep_ == "conj":
            start = start.head
        queue, output = [start], [start]
        for word in queue:
            for child in word._kids:
                if child.i > word.i and child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w.i != self.i)

    def nbor(self, offset: int = 1) -> LightToken:
        j = self.i + offset
        if not 0 <= j < len(self.doc):
            raise IndexError(f"token {self.i} has no neighbour at offset {offset}")
        return self.doc.tokens[j]

    @property
    def sent(self) -> LightSpan:
        return self.doc.sent_of(self.i)


class LightSpan:
    """A slice of tokens (a sentence, an entity, ``doc[a:b]``), with spaCy's Span reading."""

    __slots__ = ("doc", "start", "end", "label_")

    def __init__(self, doc: LightDoc, start: int, end: int, label: str = "") -> None:
        self.doc = doc
        self.start = start
        self.end = end
        self.label_ = label

    def __iter__(self) -> Iterator[LightToken]:
        return iter(self.doc.tokens[self.start : self.end])

    def __len__(self) -> int:
        return self.end - self.start

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self))
            return LightSpan(self.doc, self.start + start, self.start + max(start, stop))
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError(key)
        return self.doc.tokens[self.start + key]

    def __reversed__(self) -> Iterator[LightToken]:
        return reversed(self.doc.tokens[self.start : self.end])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LightSpan) and other.doc is self.doc and (other.start, other.end, other.label_) == (
            self.start, self.end, self.label_)

    def __hash__(self) -> int:
        return hash((id(self.doc), self.start, self.end, self.label_))

    def __repr__(self) -> str:
        return self.text

    @property
    def start_char(self) -> int:
        return self.doc._idx[self.start] if self.end > self.start else 0

    @property
    def end_char(self) -> int:
        if self.end <= self.start:
            return self.start_char
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        # read for most spans made (tens of thousands per hundred articles): the offsets inline
        if self.end <= self.start:
            return ""
        last = self.doc.tokens[self.end - 1]
        return self.doc.text[self.doc._idx[self.start] : last.idx + len(last.text)]

    @property
    def text_with_ws(self) -> str:
        return self.text + (self.doc.tokens[self.end - 1].whitespace_ if self.end > self.start else "")

    @property
    def sent(self) -> LightSpan:
        return self.doc.sent_of(self.start)

    @property
    def root(self) -> LightToken:
        # asked of the same sentences and names again and again (each frame's sentence, each actor's words):
        # found once per document and token range
        roots = self.doc._roots
        key = (self.start, self.end)
        found = roots.get(key)
        if found is None:
            found = roots[key] = self._find_root()
        return self.doc.tokens[found]

    def _find_root(self) -> int:
        toks = self.doc.tokens
        # as spaCy: a sentence root inside the span wins; else the token fewest steps from the root
        for i in range(self.start, self.end):
            if toks[i].head is toks[i]:
                return i
        best, root = len(toks), -1
        for i in range(self.start, self.end):
            t = toks[i]
            if self.start <= t.head.i < self.end:
                continue
            steps = self.doc.words_to_root(t)
            if steps < best:
                best, root = steps, i
        return self.start if root == -1 else root
