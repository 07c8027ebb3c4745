"""Speakers: the subject of a cue verb, its name, role and who "he" is.

Everything here reads the spaCy parse of one document. ``People`` collects the
named persons outside quotes (with role and title) once per document, so
pronouns and descriptions ("he", "the expert", "the lieutenant") resolve to
the nearest compatible earlier name without a coreference model.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

PRONOUNS = {
    "he": "m",
    "him": "m",
    "she": "f",
    "her": "f",
    "they": "p",
    "we": "p",
    "i": "s",
}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "mx", "sir", "madam"))
_NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE")
_MODIFIER_DEPS = frozenset(("det", "compound", "amod", "poss", "nmod", "nummod", "case", "punct", "flat"))
_LEADING_DET = re.compile(r"^(?:an?|the|his|her|their|its)\s+", re.IGNORECASE)
_APPOS_AFTER = re.compile(r"^\s*,\s+((?:an?|the)\s+[^,.;:!?“”\"()]+)")


@dataclass
class Speaker:
    start: int  # the in-text mention (may be a pronoun)
    end: int
    mention: str
    name: str  # resolved and cleaned
    role: str | None = None
    role_span: tuple[int, int] | None = None


@dataclass
class Person:
    start: int
    end: int
    name: str
    role: str | None
    female: bool | None


def strip_det(text: str) -> str:
    return _LEADING_DET.sub("", text.strip()).strip(" ,")


class Titles:
    """Titles and ranks that may precede a name (a data file)."""

    def __init__(self, words: set[str]) -> None:
        self.words = {w.lower().rstrip(".") for w in words}
        self.longest = max((len(w.split()) for w in self.words), default=1)

    def split(self, name: str) -> tuple[str, str]:
        """(titles, bare name) for e.g. 'Retired Lt. Gen. Michael Flynn'."""
        words = name.split()
        taken = 0
        while taken < len(words) - 1:
            for n in range(min(self.longest, len(words) - 1 - taken), 0, -1):
                cand = " ".join(w.rstrip(".") for w in words[taken : taken + n]).lower()
                if cand in self.words:
                    taken += n
                    break
            else:
                break
        return " ".join(words[:taken]), " ".join(words[taken:])


_ENTS_CACHE = "sitrep_quote_ents"


def doc_ents(doc: Any) -> tuple[Any, ...]:
    """The document's entities, cached for one extraction: spaCy rebuilds ``Doc.ents`` on every
    access. The extractor drops the cache when it is done (Span objects do not serialise)."""
    cached = doc.user_data.get(_ENTS_CACHE)
    if cached is None:
        cached = doc.user_data[_ENTS_CACHE] = tuple(doc.ents)
    return tuple(cached)


def doc_text(doc: Any) -> str:
    """The document's text, cached: spaCy rebuilds ``Doc.text`` from its tokens on every access."""
    cached = doc.user_data.get("sitrep_text")
    if cached is None:
        cached = doc.user_data["sitrep_text"] = doc.text
    return str(cached)


def drop_ents_cache(doc: Any) -> None:
    doc.user_data.pop(_ENTS_CACHE, None)


def _entity_at(doc: Any, token: Any) -> Any:
    if not token.ent_type_:
        return None
    for ent in doc_ents(doc):
        if ent.start <= token.i < ent.end:
            return ent
    return None


def subject_of(verb: Any, lo: int, hi: int, after: bool = True) -> Any:
    """The speaker token of a cue verb: its subject (through "before asking", "and added"),
    else the noun right after it ("…," said X) when ``after``, else the nearest name before it."""
    head, hops = verb, 0
    while head is not None and hops < 3:
        for child in head.children:
            if child.dep_ in _SUBJECT_DEPS and not lo <= child.idx < hi and child.ent_type_ not in ("DATE", "TIME"):
                if child.lower_ in ("who", "that", "which") and head.dep_ == "relcl":
                    return head.head  # "Trump, who said …" → Trump
                return child
        if head.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep", "acl", "ccomp") or head.head.i == head.i:
            break
        head, hops = head.head, hops + 1
    doc = verb.doc
    if after:
        for tok in doc[verb.i + 1 : min(len(doc), verb.i + 5)]:
            if tok.is_punct or lo <= tok.idx < hi:
                break
            if tok.pos_ in ("PROPN", "PRON", "NOUN"):
                # the head of the phrase, so "the tribal leader" yields "leader"
                while tok.head.i > tok.i and tok.dep_ in _MODIFIER_DEPS and tok.head.i < verb.i + 8:
                    tok = tok.head
                return tok
        return None
    sent_start = verb.sent.start
    for tok in reversed(doc[sent_start : verb.i]):
        if tok.ent_type_ in ("PERSON", "ORG") and tok.ent_iob_ != "O" and not lo <= tok.idx < hi:
            return tok
    return None


def mention_span(doc: Any, tok: Any) -> tuple[int, int]:
    """Character span of the phrase a subject token heads (entity, noun phrase or pronoun)."""
    if tok.pos_ == "PRON":
        return tok.idx, tok.idx + len(tok.text)
    ent = _entity_at(doc, tok)
    left = tok.i
    while left > 0 and not doc[left].is_sent_start and doc[left - 1].dep_ in _MODIFIER_DEPS:
        prev = doc[left - 1]
        if prev.head.i > tok.i or (prev.is_punct and prev.text not in ("-", "’", "'", ".")):
            break
        if prev.text == "." and not (left > 1 and doc[left - 2].is_alpha and len(doc[left - 2].text) <= 4):
            break  # the full stop of the sentence before, not "Lt." in "Lt. Gen."
        left -= 1
    start = doc[left].idx
    end = tok.idx + len(tok.text)
    if ent is not None:
        start, end = min(start, ent.start_char), max(end, ent.end_char)
    return start, end


def role_of(doc: Any, tok: Any, text: str, mention_end: int, limit: int) -> tuple[str, tuple[int, int]] | None:
    """The apposition after a speaker ('an Iraqi security expert'), parse first, pattern second."""
    for child in tok.children:
        if child.dep_ == "appos" and child.i > tok.i:
            span = doc[child.left_edge.i : child.right_edge.i + 1]
            comma = span.start > 0 and doc[span.start - 1].text in (",", "(")  # appositions are set off
            if comma and span.end_char <= limit and not any(t.text in '“”"' for t in span):
                return strip_det(span.text), (span.start_char, span.end_char)
    m = _APPOS_AFTER.match(text, mention_end, limit)
    if m:
        return strip_det(m.group(1)), (m.start(1), m.end(1))
    return None


def name_parts(doc: Any, ent: Any, titles: Titles) -> tuple[str, str]:
    """(the words before a name in its phrase: titles, ranks, descriptions; the bare name).

    "Police chief Omar Khalil" → ("Police chief", "Omar Khalil"); "Retired Lt. Gen. Michael
    Flynn" → ("Retired Lt. Gen.", "Michael Flynn"); NER often leaves such words out of the entity.
    """
    i = ent.start
    while i > 0 and ent.start - i < 6 and not doc[i].is_sent_start:
        prev = doc[i - 1]
        if prev.lower_.rstrip(".") in titles.words:
            i -= 1
        elif prev.text == "." and i > 1 and doc[i - 2].lower_.rstrip(".") in titles.words:
            i -= 1
        elif (
            prev.dep_ in ("compound", "amod", "nmod")
            and i <= prev.head.i < ent.end
            and prev.pos_ in ("NOUN", "PROPN", "ADJ")
        ):
            i -= 1
        else:
            break
    title_in, bare = titles.split(ent.text)
    prefix = strip_det(" ".join(x for x in (doc[i : ent.start].text, title_in) if x))
    if prefix.lower().rstrip(".") in HONORIFICS:
        prefix = ""  # "Mr." says nothing about a role
    return prefix, strip_det(bare)


class People:
    """Named persons outside quotes, in text order, for resolving pronouns and descriptions."""

    def __init__(self, doc: Any, text: str, titles: Titles, quoted: list[tuple[int, int]]) -> None:
        self.people: list[Person] = []
        qstarts = [q[0] for q in quoted]
        for ent in doc_ents(doc):
            if ent.label_ != "PERSON":
                continue
            k = bisect.bisect_right(qstarts, ent.start_char) - 1
            if k >= 0 and quoted[k][0] <= ent.start_char < quoted[k][1]:
                continue
            title, bare = name_parts(doc, ent, titles)
            role = role_of(doc, ent.root, text, ent.end_char, len(text))
            role_text = ", ".join(x for x in (title, role[0] if role else "") if x) or None
            before = doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
            female = {"mrs": True, "ms": True, "miss": True, "mr": False}.get(before)
            self.people.append(Person(ent.start_char, ent.end_char, bare, role_text, female))
        self.starts = [p.start for p in self.people]

    def full_name(self, name: str) -> str:
        """'Flynn' → 'Michael Flynn' when an earlier person's name ends with it."""
        last = name.split()[-1] if name else ""
        for person in self.people:
            if person.name != name and person.name.split()[-1:] == [last] and len(person.name) > len(name):
                return person.name
        return name

    def role_for(self, name: str) -> str | None:
        for person in self.people:
            if person.name == name and person.role:
                return person.role
        return None

    def before(self, char: int) -> list[Person]:
        return self.people[: bisect.bisect_left(self.starts, char)][::-1]

    def resolve_pronoun(self, pronoun: str, char: int, genders: dict[str, bool]) -> Person | None:
        kind = PRONOUNS.get(pronoun.lower())
        if kind is None or kind == "p":
            return None
        want_female = {"m": False, "f": True}.get(kind)
        for person in self.before(char):
            known = genders.get(person.name, person.female)
            if want_female is None or known is None or known == want_female:
                return person
        return None

    def resolve_description(self, noun: str, char: int) -> Person | None:
        """'the expert' → the nearest earlier person whose role or title holds 'expert'."""
        noun = noun.lower()
        for person in self.before(char):
            if person.role and noun in re.findall(r"[a-z]+", person.role.lower()):
                return person
        return None
