"""The model's attribute ruler as table look-ups over a doc's token arrays.

spaCy's ``attribute_ruler`` runs a Matcher of ~180 patterns (a tag's POS and
morphology, a few (word, tag) exceptions, a few dependency and two-word
patterns) and then sets the attributes token by token in Python: about a tenth
of the parse. This component gives the same values from the same patterns
(read from the loaded model's ruler, so it follows the model):

* a pattern of one token testing only TAG, DEP or IS_SPACE is decided once per
  distinct (tag, dep, is_space) triple, remembered, and spread over the doc by
  numpy indexing;
* every other pattern must test a word (LOWER or ORTH) somewhere: only the
  tokens holding one of its words (equal to, or in a list) are checked, in
  Python; a word test by REGEX or NOT_IN is decided once per distinct word.

Precedence is the ruler's: it applies its matches in pattern order, so for
each attribute of a token the value of the latest matching pattern that sets it
wins, and tokens no pattern touches keep their values. Matching reads the
values from before any change, as the ruler's Matcher does. A pattern this
table cannot express (operators, other attributes or predicates, extension
attributes, a word-less multi-token pattern) makes ``compile_rules`` raise
``Unsupported`` and the caller keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from sitrep.stages.component_swap import swap_component

FACTORY = "sitrep_attribute_table"
RULER = "attribute_ruler"

# what a pattern's token may test (column order of the doc arrays read per doc)
_MATCH = ("ORTH", "LOWER", "TAG", "DEP", "IS_SPACE")
_LEXICAL = ("ORTH", "LOWER")
_STRING = ("ORTH", "LOWER", "TAG", "DEP")  # the attributes IN / NOT_IN / REGEX apply to
# what a pattern may set
_SET = ("POS", "MORPH", "LEMMA", "TAG", "DEP")
_COL = {name: i for i, name in enumerate(_MATCH)}


class Unsupported(ValueError):
    """A ruler pattern the table cannot reproduce exactly."""


@dataclass(frozen=True)
class _Check:
    column: int  # into _MATCH
    kind: str  # "eq", "in", "not_in", "regex"
    value: Any  # an int, a frozenset of ints, or a compiled pattern


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's pattern number: a later pattern overrides an earlier one
    tests: tuple[tuple[_Check, ...], ...]  # one per token of the pattern
    index: int  # the token (within the match) that gets the attributes, >= 0
    sets: tuple[tuple[int, int], ...]  # (column into _SET, value)


def _holds(checks: tuple[_Check, ...], values: tuple[int, ...], strings: Any) -> bool:
    """Whether a token with these _MATCH values passes every check (the Matcher's comparisons)."""
    for check in checks:
        value = values[check.column]
        if check.kind == "eq":
            if value != check.value:
                return False
        elif check.kind == "in":
            if value not in check.value:
                return False
        elif check.kind == "not_in":
            if value in check.value:
                return False
        elif not check.value.search(strings[value]):
            return False
    return True


def _compile_token(spec: Any, strings: Any) -> tuple[_Check, ...]:
    from spacy.strings import get_string_id

    if not isinstance(spec, dict):
        raise Unsupported(f"token pattern {spec!r}")
    checks = []
    for key, value in spec.items():
        name = key.upper() if isinstance(key, str) else key
        name = "ORTH" if name == "TEXT" else name
        if name not in _COL:  # OP, "_", other attributes: not expressible here
            raise Unsupported(f"pattern attribute {key!r}")
        column = _COL[name]
        if isinstance(value, bool):
            checks.append(_Check(column, "eq", int(value)))
        elif isinstance(value, str):
            checks.append(_Check(column, "eq", strings.add(value)))
        elif isinstance(value, int):
            checks.append(_Check(column, "eq", value))
        elif isinstance(value, dict) and value and name in _STRING:
            for predicate, argument in value.items():
                if predicate in ("IN", "NOT_IN") and isinstance(argument, list):
                    if not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in argument):
                        raise Unsupported(f"{predicate} list {argument!r}")
                    kind = "in" if predicate == "IN" else "not_in"
                    checks.append(_Check(column, kind, frozenset(get_string_id(v) for v in argument)))
                elif predicate == "REGEX" and isinstance(argument, str):
                    checks.append(_Check(column, "regex", re.compile(argument)))
                else:
                    raise Unsupported(f"predicate {predicate!r}")
        else:
            raise Unsupported(f"value {value!r} for {key!r}")
    return tuple(checks)


def compile_rules(ruler: Any) -> list[_Rule]:
    """The ruler's patterns as rules, in its order; ``Unsupported`` when one cannot be reproduced."""
    from spacy.attrs import IDS

    strings = ruler.vocab.strings
    set_ids = {IDS[name]: i for i, name in enumerate(_SET)}
    rules = []
    for order, (entry, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)):
        sets = []
        for attr, value in attrs.items():  # normalised by the ruler: attribute ids to hashes
            if attr not in set_ids or not isinstance(value, int):
                raise Unsupported(f"sets {attr!r}")
            sets.append((set_ids[attr], value))
        for pattern in entry["patterns"]:
            if not pattern:
                raise Unsupported("empty pattern")
            target = index + len(pattern) if index < 0 else index
            if not 0 <= target < len(pattern):  # spaCy raises E1001 on such a match
                raise Unsupported(f"index {index} of a {len(pattern)}-token pattern")
            tests = tuple(_compile_token(spec, strings) for spec in pattern)
            rules.append(_Rule(order, tests, target, tuple(sets)))
    return rules


def _anchor(rule: _Rule) -> tuple[int, _Check] | None:
    """(token position, check) of the rule's word test to start from: a list of words when it has one."""
    word_tests = [
        (position, check)
        for position, checks in enumerate(rule.tests)
        for check in checks
        if _MATCH[check.column] in _LEXICAL
    ]
    listed = [(position, check) for position, check in word_tests if check.kind in ("eq", "in")]
    chosen = listed or word_tests
    return chosen[0] if chosen else None


@dataclass
class _Scan:
    """A rule whose word test is no list (REGEX, NOT_IN): the test's answer per word is remembered."""

    rule: _Rule
    position: int
    check: _Check
    seen: dict[int, bool]


class AttributeTable:
    """The spaCy component: the ruler's attributes from its compiled rules."""

    def __init__(self, vocab: Any, name: str = FACTORY) -> None:
        self.vocab = vocab
        self.name = name
        self._token_rules: list[_Rule] = []  # one token, no word test: decided per (tag, dep, space)
        self._by_word: list[dict[int, list[tuple[_Rule, int]]]] = [{} for _ in _MATCH]  # column -> word -> rules
        self._words: list[np.ndarray] = [np.zeros(0, dtype=np.uint64) for _ in _MATCH]
        self._scans: list[_Scan] = []
        self._memo: dict[tuple[int, int, int], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._writes: list[int] = []  # _SET columns some rule sets
        self._ready = False

    def use(self, rules: list[_Rule]) -> None:
        """Take compiled rules; ``Unsupported`` for a multi-token or word rule with no word to start from."""
        token_rules: list[_Rule] = []
        by_word: list[dict[int, list[tuple[_Rule, int]]]] = [{} for _ in _MATCH]
        scans: list[_Scan] = []
        for rule in rules:
            anchor = _anchor(rule)
            if anchor is None:
                if len(rule.tests) > 1:
                    raise Unsupported(f"pattern {rule.order}: several tokens and no word to look up")
                token_rules.append(rule)
                continue
            position, check = anchor
            if check.kind in ("eq", "in"):
                for word in [check.value] if check.kind == "eq" else check.value:
                    by_word[check.column].setdefault(word, []).append((rule, position))
            else:
                scans.append(_Scan(rule, position, check, {}))
        self._token_rules = token_rules
        self._by_word = by_word
        self._scans = scans
        self._words = [np.array(sorted(d), dtype=np.uint64) for d in by_word]
        self._memo = {}
        self._writes = sorted({column for rule in rules for column, _ in rule.sets})
        self._ready = True

    def _decide(self, tag: int, dep: int, space: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(latest pattern number, value) per _SET column from the one-token rules, -1 where none sets it."""
        key = (tag, dep, space)
        found = self._memo.get(key)
        if found is None:
            values = (0, 0, tag, dep, space)  # ORTH and LOWER are never tested by these rules
            orders = [-1] * len(_SET)
            sets = [0] * len(_SET)
            for rule in self._token_rules:  # in pattern order: later ones override
                if _holds(rule.tests[0], values, self.vocab.strings):
                    for column, value in rule.sets:
                        orders[column] = rule.order
                        sets[column] = value
            found = self._memo[key] = (tuple(orders), tuple(sets))
        return found

    def _passes(self, scan: _Scan, word: int) -> bool:
        found = scan.seen.get(word)
        if found is None:
            values = [0] * len(_MATCH)
            values[scan.check.column] = word
            found = scan.seen[word] = _holds((scan.check,), tuple(values), self.vocab.strings)
        return found

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import IDS

        if not self._ready:  # made by spaCy from a saved config: it has no rules, and must not pass docs unchanged
            raise RuntimeError(f"{self.name}: no rules; sitrep.stages.attribute_table.replace_ruler sets them")
        n = len(doc)
        if n == 0 or not self._writes:
            return doc
        match = doc.to_array([IDS[name] for name in _MATCH])
        old = doc.to_array([IDS[name] for name in _SET])
        tag, dep, space = match[:, 2], match[:, 3], match[:, 4]
        # the one-token rules, per distinct (tag, dep, space) in the doc
        tags, tag_of = np.unique(tag, return_inverse=True)
        deps, dep_of = np.unique(dep, return_inverse=True)
        keys, key_of = np.unique((tag_of.astype(np.int64) * len(deps) + dep_of) * 2 + (space != 0), return_inverse=True)
        table = [
            self._decide(int(tags[k // 2 // len(deps)]), int(deps[k // 2 % len(deps)]), int(k % 2))
            for k in keys.tolist()
        ]
        orders = np.array([row[0] for row in table], dtype=np.int64)[key_of.reshape(-1)]
        values = np.array([row[1] for row in table], dtype=np.uint64)[key_of.reshape(-1)]
        # the rules testing a word: only the tokens holding one of their words
        hits: list[tuple[_Rule, int]] = []  # (rule, token where the anchor word is, as its position)
        for column, words in enumerate(self._words):
            if len(words):
                rules = self._by_word[column]
                for p in np.flatnonzero(np.isin(match[:, column], words)).tolist():
                    hits.extend((rule, p - position) for rule, position in rules[int(match[p, column])])
        for scan in self._scans:
            if len(scan.seen) > 200_000:  # a bound on the memory a long-lived worker spends on it
                scan.seen.clear()
            passing = [w for w in np.unique(match[:, scan.check.column]).tolist() if self._passes(scan, w)]
            if passing:
                where = np.flatnonzero(np.isin(match[:, scan.check.column], np.array(passing, dtype=np.uint64)))
                hits.extend((scan.rule, p - scan.position) for p in where.tolist())
        for rule, start in hits:
            if start < 0 or start + len(rule.tests) > n:
                continue
            if all(
                _holds(checks, tuple(match[start + t].tolist()), self.vocab.strings)
                for t, checks in enumerate(rule.tests)
            ):
                target = start + rule.index
                for set_column, value in rule.sets:
                    if rule.order > orders[target, set_column]:
                        orders[target, set_column] = rule.order
                        values[target, set_column] = value
        new = np.where(orders >= 0, values, old)
        doc.from_array([IDS[_SET[c]] for c in self._writes], np.ascontiguousarray(new[:, self._writes]))
        return doc


def replace_ruler(nlp: Any) -> bool:
    """Put the table in place of the model's attribute ruler, when every pattern is supported.

    Returns whether it did; a model without a ruler, or with a pattern the table cannot
    reproduce, keeps its pipeline as it was.
    """
    if RULER not in nlp.pipe_names:
        return False
    try:
        rules = compile_rules(nlp.get_pipe(RULER))
        table = AttributeTable(nlp.vocab)
        table.use(rules)
    except Unsupported:
        return False
    swap_component(nlp, RULER, FACTORY, AttributeTable, rules)
    return True
