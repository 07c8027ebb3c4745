"""What a weapon word of a sentence names (read by ``sitrep.events.cues``): a chemical that is goods, not a weapon;
an explosive that is the means of an attack."""

from __future__ import annotations

from typing import Any

from sitrep.events.lexicon import Lexicon


def chemical_goods(toks: list[Any], lows: list[str], lemmas: list[str], lex: Lexicon) -> bool:
    """Whether the sentence's only chemical words describe goods, not a weapon ("a chemical/oil products
    tanker", "chemical fertilizers"): a modifier of a noun that is no means of attack (cue group chemical_means)."""
    words, means = lex.cues.get("chemical", frozenset()), lex.cues.get("chemical_means", frozenset())
    start, n = toks[0].i, len(toks)
    for k, (low, lemma) in enumerate(zip(lows, lemmas, strict=True)):
        if low not in words and lemma not in words:
            continue
        head = toks[k].head.i - start
        if low != "chemical" or toks[k].dep_ not in ("amod", "compound", "nmod") or not 0 <= head < n \
                or lemmas[head] in means:
            return False
    return True


MEANS_PREPS = {"with", "using", "by"}
ATTACK_NOUNS = {"attack", "ambush", "strike", "assault", "blast"}


def explosive_means(toks: list[Any], lows: list[str], lemmas: list[str], lex: Lexicon) -> bool:
    """Whether an explosive is what an attack was made with ("attacked the convoy with mines", "a mine attack",
    "using remote-controlled explosives"), not something else the sentence names ("were planting explosives")."""
    words = lex.cues.get("explosive_item", frozenset()) | lex.cues.get("ied", frozenset())
    for t, low, lemma in zip(toks, lows, lemmas, strict=True):
        if low not in words and lemma not in words:
            continue
        head = t.head
        if t.dep_ == "pobj" and head.lower_ in MEANS_PREPS:
            return True
        if t.dep_ in ("compound", "amod", "nmod") and head.lemma_.lower() in ATTACK_NOUNS:
            return True
        if t.dep_ == "dobj" and head.lemma_.lower() == "use":
            return True
    return False
