"""How the text's sentences are cut and what a trigger word in them names: a sentence the parser split in
two is read whole; a word that names what a demonstration is about, a crowd that ended on its own, a category
label opening a line and the title are no events of their own (read by the detector, ``sitrep.events.detect``)."""

from __future__ import annotations

from typing import Any

from sitrep.events.lexicon import Lexicon
from sitrep.model import Document

TERMINAL = (".", "!", "?", ":", ";", "\"", "\u201d", "'")


def _joined(a: Any, b: Any) -> bool:
    """Whether sentence ``b`` goes on the piece ``a`` (see ``whole_sentence``)."""
    tail = a.text_with_ws
    return "\n" not in tail and not tail.rstrip().endswith(TERMINAL) and b.text[:1].islower()


def sentence_links(sents: list[Any]) -> list[bool]:
    """For each sentence but the last, whether the next one goes on it: read once per document and
    passed to ``whole_sentence``. Same test as ``_joined``, on slices of the document's text built once
    (a span's ``text_with_ws`` joins its tokens' texts on every call)."""
    if len(sents) < 2:
        return []
    text = sents[0].doc.text
    links = []
    for a, b in zip(sents, sents[1:], strict=False):
        tail = text[a.start_char : a.end_char] + a[-1].whitespace_
        links.append("\n" not in tail and not tail.rstrip().endswith(TERMINAL)
                     and text[b.start_char : b.start_char + 1].islower())
    return links


def whole_sentence(sents: list[Any], si: int, links: list[bool] | None = None) -> tuple[int, int]:
    """Character span of the sentence around ``sents[si]``: the parser sometimes cuts a sentence
    inside (a lone "Gunmen" before "abducted 23 students ...", "Deir" before "ez-Zor"). A piece
    that ends without punctuation or paragraph break, followed by one starting in lower case, is
    the same sentence. ``links``: ``sentence_links(sents)``, when the caller has it."""
    def joined(i: int) -> bool:  # sents[i + 1] goes on sents[i]
        return links[i] if links is not None else _joined(sents[i], sents[i + 1])

    lo = hi = si
    while lo > 0 and joined(lo - 1):
        lo -= 1
    while hi + 1 < len(sents) and joined(hi):
        hi += 1
    return sents[lo].start_char, sents[hi].end_char


# Verbs whose object is what a demonstration is about ("denouncing alleged rape cases", "demanding the
# arrest of the killers"), and nouns that name a past event as remembered ("the anniversary of the massacre").
PROTEST_TOPIC_VERBS = {"demand", "denounce", "condemn", "decry", "protest", "oppose", "reject", "mourn", "commemorate",
                       "honour", "honor", "remember", "mark", "call", "urge", "criticise", "criticize", "complain",
                       "accuse", "blame", "seek", "ask", "request", "highlight", "express"}
REMEMBERED = {"anniversary", "commemoration", "memory", "remembrance", "memorial", "victim", "victims"}


def protest_topic(tok: Any) -> bool:
    """Whether a trigger word names what a demonstration in its sentence is about, not an act reported
    with it: the object of a verb of demanding or denouncing, or an event remembered."""
    if tok.dep_ in ("advcl", "ccomp", "xcomp", "conj", "dobj"):
        # a parse that hangs the demand's clause elsewhere ("to demand government take control"): a verb of
        # demanding just before the trigger, with at most its object between
        sent_start = tok.sent.start
        for back in range(1, 4):
            if tok.i - back < sent_start:
                break
            prev = tok.doc[tok.i - back]
            if prev.pos_ == "VERB" and prev.lemma_.lower() in PROTEST_TOPIC_VERBS:
                return True
            if prev.pos_ in ("VERB", "AUX", "PUNCT") or prev.lower_ in ("and", "but", "while"):
                break
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return False
        if cur.dep_ in ("dobj", "xcomp", "ccomp", "prep", "pobj", "advcl", "conj") and \
                head.lemma_.lower() in PROTEST_TOPIC_VERBS and head.i != tok.i:
            return True
        if cur.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in REMEMBERED:
            return True
        if cur.dep_ == "relcl" and head.dep_ == "pobj" and head.head.lower_ in ("of", "for"):
            # "relatives of a man who was shot by the police protested", "justice for a driver who was killed": who
            # the demonstrators are or speak for, an act told before (ACLED codes it separately); not "chased out
            # by residents who threw stones": the doers' own act
            return True
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in PROTEST_TOPIC_VERBS and cur.i != tok.i:
            return False  # reached a verb of its own: an act of the sentence
        cur = head
    return False


OBJECT_DEPS = {"dobj", "nsubjpass", "auxpass", "agent", "attr"}


def self_ended(tok: Any, lex: Lexicon) -> bool:
    """A crowd that dispersed on its own ("... before dispersing"): an intransitive use of a
    self-ending verb is no use of force against it."""
    return (tok.pos_ == "VERB" and tok.lemma_.lower() in lex.cues.get("self_ending", frozenset())
            and not any(c.dep_ in OBJECT_DEPS for c in tok.children))


def is_label(tok: Any, end: int) -> bool:
    """A trigger that is a category label opening a line ("Looting: On 4 August ...", "Armed clash: ..."): it
    names the kind of the event told after it and is no mention of its own."""
    doc = tok.doc
    if end >= len(doc) or doc[end].text != ":":
        return False
    start = max(tok.sent.start, end - 3)
    line = doc[start:end]
    return all(t.is_alpha for t in line) and (start == tok.sent.start or "\n" in doc[start - 1].text_with_ws)


def headline_sents(document: Document, sents: list[Any]) -> set[int]:
    """Indexes of the sentences of the title when the text opens with it."""
    title = (document.article.title or "").strip()
    text = document.article.text
    if not title or not text.lstrip().startswith(title):
        return set()
    end = text.index(title) + len(title)
    return {i for i, s in enumerate(sents) if s.start_char < end}
