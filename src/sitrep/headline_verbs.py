"""Headline verbs the parser read as nouns: "Rebels torch market", "Myanmar warplane targets school".

Headlines drop articles, so spaCy's small model often reads a subject, a verb and its object as one
noun phrase ("rebels torch market" = a kind of market) and the line yields no event. In the headline
line only, a word that is an event trigger's verb (``triggers.yaml``) and agrees with the noun before
it (the base form after a plural, "torch"; the -s form after a singular, "targets") is made the verb
when the parse has it as a modifier of the noun after it: the noun before becomes its subject, the
noun after its object. A headline's passive drops its auxiliary ("Two militants held in Peshawar"):
a trigger verb's participle after the line's root noun is made the verb, the noun its passive subject.
Nothing else in the parse changes.
"""

from __future__ import annotations

from typing import Any

from sitrep.casing import MAX_CHARS as MAX_HEADLINE_CHARS  # a longer first line is a paragraph
from sitrep.events.lexicon import lexicon

_PLURAL = ("NNS", "NNPS")
_SINGULAR = ("NN", "NNP")
_NOUNS = ("NN", "NNS", "NNP", "NNPS")
_VERBS_OF: dict[int, frozenset[str]] = {}


def _trigger_verbs() -> frozenset[str]:
    """Lemmas of one-word triggers that may be verbs (for the current lexicon, itself cached)."""
    lex = lexicon()
    if _VERBS_OF.get(id(lex)) is None:
        _VERBS_OF.clear()
        _VERBS_OF[id(lex)] = frozenset(
            w for w, ts in lex.single.items() if any(not t.pos or "VERB" in t.pos for t in ts)
        )
    return _VERBS_OF[id(lex)]


def _verb_tag(word: Any, before: Any, verbs: frozenset[str]) -> str | None:
    """The verb tag ("VBP"/"VBZ") when ``word`` is a trigger verb agreeing with the noun before it, else None."""
    text = word.lower_
    if before.tag_ in _PLURAL and text in verbs:
        return "VBP"
    if before.tag_ in _SINGULAR and text.endswith("s") and not text.endswith("ss"):
        stem = text[:-2] if text.endswith("es") and text[:-2] in verbs else text[:-1]
        if stem in verbs:
            return "VBZ"
    return None


def _headline_end(doc: Any) -> int:
    """Index of the headline line's line break (0 when the line is too long to be a headline).

    Walks the headline's words only: ``doc.text`` would join the whole article's words."""
    for token in doc:
        if token.idx > MAX_HEADLINE_CHARS:
            return 0
        if token.is_space and "\n" in token.text:
            return token.i
    return len(doc)


def read_headline_verbs(doc: Any) -> int:
    """Make the misread trigger verbs of ``doc``'s headline line verbs, in place; returns how many."""
    end = _headline_end(doc)
    if end < 3:
        return 0
    verbs = _trigger_verbs()
    changed = 0
    for i in range(1, end - 1):
        word, before = doc[i], doc[i - 1]
        if before.head.i != i or before.dep_ != "compound" or word.tag_ not in _NOUNS:
            continue
        tag = _verb_tag(word, before, verbs)
        if tag is None:
            continue
        if word.dep_ == "compound":
            made = _verb_before_its_object(doc, word, end)
        else:
            made = _verb_heading_its_object(doc, word, end)
        changed += made
        if made:
            before.dep_ = "nsubj"
            word.tag_, word.lemma_ = tag, word.lower_ if tag == "VBP" else word.lemma_.lower()
    return changed + _passive_without_auxiliary(doc, end, verbs)


def _passive_without_auxiliary(doc: Any, end: int, verbs: frozenset[str]) -> int:
    """A headline's passive drops its auxiliary ("Two militants held in Peshawar"): the parse reads the
    participle as a modifier of the noun the line is about. When that noun is the headline's root (the line
    has no verb of its own) and the participle is a trigger verb after it, the participle is the verb and
    the noun its passive subject, as in "Two militants were held"."""
    root = next((t for t in doc[:end] if t.head.i == t.i), None)
    if root is None or root.tag_ not in _NOUNS or any(t.head.i == t.i for t in doc[root.i + 1 : end]):
        return 0
    participle = next((t for t in root.rights if t.dep_ == "acl" and t.tag_ == "VBN" and t.i < end), None)
    if participle is None or participle.lemma_.lower() not in verbs:
        return 0
    # a sentence ("an armed group stabbed and killed a butcher.") misparsed the same way: a headline has no
    # full stop, and a passive no object
    last = doc[end - 1] if not doc[end - 1].is_space else doc[end - 2]
    if last.text == "." or any(t.dep_ in ("dobj", "conj") for t in participle.children):
        return 0
    participle.head = participle
    participle.dep_ = "ROOT"
    root.head = participle
    root.dep_ = "nsubjpass"
    participle.pos_ = "VERB"
    return 1


def _verb_before_its_object(doc: Any, word: Any, end: int) -> int:
    """A verb read as a modifier of its object ("rebels torch market"): the verb takes the object's place."""
    obj = word.head
    if obj.i <= word.i or obj.i >= end or obj.tag_ not in _NOUNS:
        return 0
    # a word before the verb that belongs to the object's phrase would cross the verb: leave the line
    if any(doc[j].head.i == obj.i for j in range(word.i)):
        return 0
    was_root = obj.head.i == obj.i
    word.head = word if was_root else obj.head
    word.dep_ = "ROOT" if was_root else obj.dep_
    obj.head = word
    obj.dep_ = "dobj"
    word.pos_ = "VERB"
    return 1


def _verb_heading_its_object(doc: Any, word: Any, end: int) -> int:
    """A verb read as a noun with its object in apposition ("warplane targets school"): it is the verb."""
    objects = [t for t in doc[word.i + 1 : end] if t.head.i == word.i and t.dep_ in ("appos", "dobj", "npadvmod")]
    if not objects or objects[0].tag_ not in _NOUNS and objects[0].tag_ != "CD":
        return 0
    objects[0].dep_ = "dobj"
    word.pos_ = "VERB"
    return 1
