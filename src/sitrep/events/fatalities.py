"""Reported fatalities by ACLED's rules.

Only deaths count (injuries never do); numbers may be digits, number words
("twenty-five") or vague amounts read from ``acled_codebook.yaml``
(``vague_amounts``: "dozens" = 12 ...). When one text gives different figures
for the same deaths, the most conservative (lowest) one is kept; figures for
different victims killed in one clause ("three soldiers and two civilians")
add up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1, "lone": 1,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

DEATH_VERBS = {"kill", "slay", "murder", "execute", "behead", "massacre", "assassinate", "lynch", "gun"}
DEATH_INTRANSITIVE = {"die", "perish", "succumb"}
DEATH_NOUNS = {"dead", "death", "fatality", "body", "corpse", "toll", "life", "killed"}
INJURY = {"injure", "injured", "wound", "wounded", "hurt", "injury", "injuries", "maim", "critically", "hospitalise"}
NOBODY = {"nobody", "none", "noone", "no-one"}
CONFLICT_CUES = {"toll", "according", "other", "others", "while", "whereas", "put", "say", "said", "claim", "claimed"}
# A killing named as what someone is charged with or suspected of is not a death in this event.
CHARGE_WORDS = {"charge", "accuse", "suspect", "convict", "sentence", "allegation", "accusation", "try", "trial"}


def _charged(tok: Any) -> bool:
    """"arrested on charges of killing an activist", "accused of murdering", "jailed for the killing of"."""
    for a in list(tok.ancestors)[:4]:
        if a.lemma_.lower() in CHARGE_WORDS:
            return True
        if a.lower_ == "for" and a.head.lemma_.lower() in ("arrest", "detain", "jail", "sentence", "convict", "try"):
            return True
    return False


TOLL_RISE = {"rise", "climb", "increase", "jump", "mount"}  # "the death toll rose to 7"
DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


def parse_number(words: list[str], vague: dict[str, int]) -> int | None:
    """Value of a short number expression: "15", "1,200", "twenty-five", "three hundred", "dozens"."""
    text = " ".join(w.lower() for w in words).replace("-", " ").strip()
    if not text:
        return None
    if text in vague:
        return vague[text]
    total, current, seen = 0, 0, False
    for w in text.split():
        if DIGITS.match(w):
            current += int(w.replace(",", ""))
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif w in SCALES:
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0
            seen = True
        elif w in vague:
            current += vague[w]
            seen = True
        elif w in ("and", "at", "least", "about", "around", "some", "nearly", "almost", "over", "more", "than"):
            continue
        else:
            return None
    return total + current if seen else None


@dataclass
class Count:
    value: int
    start: int  # char span of the figure
    end: int
    victim: str  # head lemma of the victims ("soldier"), "" when unknown
    sent: int
    vague: bool = False  # a word figure such as "several" or "dozens", not a stated number
    update: bool = False  # a toll that "rose to" this figure: it replaces the earlier one, not a rival report


def _number_span(tok: Any, vague: dict[str, int]) -> tuple[int, int, int] | None:
    """(value, start, end) for a number token and its number-word neighbours."""
    if not (tok.like_num or tok.lower_ in vague or tok.lower_ in UNITS and tok.lower_ not in ("a", "an")):
        return None
    left = tok
    # is_sent_start, not Token.sent: .sent walks the whole document's sentences on every call
    while left.i > 0 and not left.is_sent_start and (left.nbor(-1).like_num or left.nbor(-1).lower_ in TENS):
        left = left.nbor(-1)
    right = tok
    while right.i + 1 < len(right.doc) and not right.doc[right.i + 1].is_sent_start and (
        right.nbor(1).like_num or right.nbor(1).lower_ in SCALES
    ):
        right = right.nbor(1)
    words = [t.text for t in tok.doc[left.i : right.i + 1]]
    value = parse_number(words, vague)
    if value is None or value > 100000:
        return None
    # Years and dates are not tolls.
    if len(words) == 1 and DIGITS.match(words[0]) and 1900 <= value <= 2100:
        return None
    return value, left.idx, right.idx + len(right.text)


def _count_for_np(head: Any, vague: dict[str, int]) -> tuple[int, int, int] | None:
    """A figure attached to a noun phrase head: "15 militants", "dozens of people", "five"."""
    found = _number_span(head, vague)
    if found:
        return found
    for c in head.children:
        if c.dep_ in ("nummod", "amod", "quantmod", "det", "compound") and (found := _number_span(c, vague)):
            return found
    for c in head.children:  # "dozens of people" parsed with "of people" under the number
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and (found := _number_span(p, vague)):
                    return found
    return None


def _victims(tok: Any) -> list[Any]:
    """Noun heads of the people killed by/at death word ``tok``, including conjuncts."""
    lemma = tok.lemma_.lower()
    heads: list[Any] = []
    if lemma in DEATH_VERBS:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        for c in tok.children:
            if (passive and c.dep_ == "nsubjpass") or (not passive and c.dep_ in ("dobj", "attr")):
                heads.append(c)
        if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            heads.append(tok.head)  # "15 people killed in ..."
    elif lemma in ("body", "corpse") and tok.pos_ == "NOUN":
        heads.append(tok)  # "15 bodies were found": the figure is on the word itself, or on "of three men"
        heads += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"]
    elif lemma in DEATH_INTRANSITIVE:
        heads += [c for c in tok.children if c.dep_ == "nsubj"]
    elif lemma in ("dead", "killed"):
        if tok.dep_ in ("acomp", "oprd") and tok.head.pos_ == "VERB":
            # "shot dead a local official", "two soldiers were shot dead": the verb's patient died
            heads += [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]
        elif tok.dep_ in ("amod", "acomp", "oprd", "advmod", "ccomp", "xcomp", "conj"):
            heads.append(tok.head)
        heads += [c for c in tok.children if c.dep_ in ("nummod", "nsubj")]
    out: list[Any] = []
    for h in heads:
        if h.lower_ in NOBODY or any(c.lower_ == "no" for c in h.children):
            continue  # "nobody was killed", "no one died"
        out.append(h)
        out += [c for c in h.conjuncts if c.i > h.i]
    return out


def _victim_key(head: Any) -> str:
    """Who died, as far as the figure's noun says: "2 US soldiers and 1 British soldier" are two groups."""
    mods = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i]
    return " ".join([*mods, head.lemma_.lower()])


DEATH_VERBS_ANY = DEATH_VERBS | DEATH_INTRANSITIVE
DEATH_WORDS = DEATH_VERBS_ANY | DEATH_NOUNS


def counts_in(sent: Any, sent_index: int, vague: dict[str, int]) -> list[Count]:
    """Every death figure in one sentence."""
    found: list[Count] = []
    used: set[int] = set()
    toks = list(sent)  # one walk of the sentence's tokens, reused (each Doc[i] builds a Token)
    lemmas = [t.lemma_.lower() for t in toks]
    lows = [t.lower_ for t in toks]
    rising = any(lemma in TOLL_RISE and any(c.lemma_.lower() == "toll" for c in t.children)
                 for t, lemma in zip(toks, lemmas, strict=True))
    for tok, lemma, low in zip(toks, lemmas, lows, strict=True):
        if lemma not in DEATH_WORDS and low not in ("dead", "killed"):
            continue
        if _charged(tok):
            continue
        if lemma in ("life", "body") and not any(t.lemma_ in ("lose", "claim", "find", "recover") for t in toks):
            continue
        for head in _victims(tok):
            got = _count_for_np(head, vague)
            if got and got[1] not in used:
                used.add(got[1])
                found.append(Count(got[0], got[1], got[2], _victim_key(head), sent_index))
            elif head.lemma_.lower() in UNITS and head.lemma_.lower() not in ("a", "an"):
                continue
        if lemma in ("toll", "death", "fatality", "dead") and (
            not any(c.start >= tok.idx - 40 for c in found) or (lemma == "toll" and rising)
        ):
            # "death toll rose to 12", "12 deaths", "five dead": a figure within a few tokens.
            window = sent.doc[max(sent.start, tok.i - 3) : min(sent.end, tok.i + 5)]
            for t in window:
                if t.i in used or any(x.lemma_.lower() in INJURY for x in window if x.i > tok.i and x.i < t.i):
                    continue
                got = _number_span(t, vague)
                if got and got[1] not in {c.start for c in found}:
                    found.append(Count(got[0], got[1], got[2], "", sent_index, update=rising and lemma == "toll"))
                    break
    # "two killed", "five dead": a figure right before a death word the parse left unattached.
    for tok, low in zip(toks, lows, strict=True):
        if low in ("killed", "dead", "died", "slain") and tok.i - 1 >= sent.start:
            prev = tok.doc[tok.i - 1]
            if prev.lower_ in ("were", "been", "people", "persons", "others", "more"):
                prev = tok.doc[prev.i - 1] if prev.i - 1 >= sent.start else prev
            got = _number_span(prev, vague)
            if got and got[1] not in {c.start for c in found} and not any(
                got[1] < c.end and c.start < got[2] for c in found
            ):
                found.append(Count(got[0], got[1], got[2], "", sent_index))
    # A bare death verb with a known victim phrase but no figure ("killed a soldier") counts one.
    if not found:
        for tok, lemma, low in zip(toks, lemmas, lows, strict=True):
            if (lemma in DEATH_VERBS_ANY or (
                low == "dead" and tok.dep_ in ("acomp", "oprd") and tok.head.pos_ == "VERB"
            ) or low in ("body", "corpse") and tok.head.lemma_.lower() in ("find", "recover", "discover")
            ) and not _charged(tok):  # "police found a body": one
                for head in _victims(tok):
                    if head.tag_ in ("NN", "NNP") and head.lemma_.lower() not in INJURY:
                        found.append(Count(1, head.idx, head.idx + len(head.text), head.lemma_.lower(), sent_index))
                        break
                if found:
                    break
    text, base = sent.text, sent.start_char  # not sent.doc.text: Doc.text rebuilds the whole text per call
    for c in found:
        c.vague = text[c.start - base:c.end - base].lower() in vague
    return found


def total(counts: list[Count]) -> tuple[int, list[int] | None]:
    """Fatalities for one event and the evidence span of the figure kept.

    Figures for different victims in the same sentence add up; the same sentence
    or another sentence restating a toll keeps the most conservative figure.
    """
    if not counts:
        return 0, None
    updates = [c for c in counts if c.update and not c.vague]
    if updates:  # the same deaths counted again later: the latest toll holds
        latest = max(updates, key=lambda c: c.value)
        return latest.value, [latest.start, latest.end]
    by_sent: dict[int, list[Count]] = {}
    for c in counts:
        by_sent.setdefault(c.sent, []).append(c)
    per_sent: list[tuple[int, Count]] = []
    for cs in by_sent.values():
        victims = {c.victim for c in cs}
        if len(victims) == len(cs) and "" not in victims:
            per_sent.append((sum(c.value for c in cs), cs[0]))
        else:
            best = min(cs, key=lambda c: c.value)
            per_sent.append((best.value, best))
    # Across sentences a vague figure ("killed several attackers") never lowers a stated toll.
    stated = [x for x in per_sent if not x[1].vague]
    value, first = min(stated or per_sent, key=lambda x: x[0])
    return value, [first.start, first.end]
