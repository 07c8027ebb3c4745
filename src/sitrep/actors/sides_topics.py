"""What a crowd's event is about is no side of it: "protest against the killing of farmers" names the farmers as
the topic, not as the protesters nor as victims of the protest.

Called by ``sitrep.stages.coding_actors.add_identities`` before the people-words of a crowd event's sentences go to
its sides.
"""

from __future__ import annotations

import re
from typing import Any

CROWD_EVENTS = ("Protests", "Riots")
# words that open what a crowd opposes or asks for: "against the killing of farmers", "over a statement directing
# female students", "demanding justice for a man", "calling for the release of students"
TOPIC_WORDS = {"against", "over", "about", "for", "demand", "denounce", "condemn", "oppose", "protest",
               # "in solidarity with prisoners", "the release of students": whom the crowd stands for (training
               # protests naming prisoners: 2 of 50 with prisoners as a side)
               "solidarity", "release", "support"}
# "relatives of prisoners": the crowd is their kin, not the people named (also when read as its own mention)
KIN = {"relative", "family", "parent", "mother", "wife", "widow"}
# the same read from the words just before the mention, where the parse hangs them elsewhere ("held a sit-in in
# solidarity with Palestinian prisoners": "with" hung from "held")
_STANDS_FOR = re.compile(r"\b(?:solidarity with|release of|in support of|relatives of|families of|family members of"
                         r"|parents of)\s+(?:(?:the|their|[\w'’-]+)\s+){0,3}$", re.I)
_NOUN_TOPIC = {"protest"}
# a crowd's own acts, whose "against", "over" or "for" opens what the crowd is about
CROWD_ACTS = {"protest", "demonstrate", "demonstration", "rally", "march", "strike", "agitate", "agitation", "riot",
              "gather", "gathering", "picket", "sit", "sit-in", "chant", "blockade", "block", "boycott", "mobilize",
              "mobilise", "vigil", "walkout", "shutdown", "bandh", "hartal"}  # "in protest of", as a noun that holds a topic only after "in"


def _triggers(ev: Any) -> list[tuple[int, int]]:
    return [tuple(v) for k, v in ev.evidence.items() if k.startswith("trigger") and v and len(v) == 2]


def in_topic(span: tuple[int, int], ev: Any, doc: Any) -> bool:
    """Whether the mention at ``span`` stands in what the crowd's event is about: a word of TOPIC_WORDS on its
    way up the parse before the event's own trigger (the protesters of "a protest by teachers against fees" are
    read up to "protest" and stop there)."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None:
        return False
    if kin_of(words.root) or _STANDS_FOR.search(doc.text, max(0, span[0] - 60), span[0]):
        return True
    triggers = _triggers(ev)
    tok, seen = words.root, 0
    while tok.head.i != tok.i and seen < 40:
        tok, seen = tok.head, seen + 1
        if any(a <= tok.idx < b for a, b in triggers):
            return False
        word = tok.lemma_.lower()
        if word in _NOUN_TOPIC and tok.pos_ != "VERB":
            continue
        if tok.lower_ in TOPIC_WORDS or word in TOPIC_WORDS:
            # "baton charge against Muslim community people": a force's act names whom it hit, not a topic
            return not (any(a <= tok.head.idx < b for a, b in triggers)
                        and tok.head.lemma_.lower() not in CROWD_ACTS)
    return False


def kin_of(tok: Any) -> bool:
    """Whether the people-word at ``tok`` names whom the crowd is kin to ("relatives of severely ill prisoners")."""
    prep = tok.head
    return prep.lower_ == "of" and prep.head.lemma_.lower() in KIN and prep.head.i != prep.i


def without_topics(ev: Any, identities: dict[tuple[int, int], str], doc: Any) -> dict[tuple[int, int], str]:
    """``identities`` less the mentions in what a crowd event is about; a side's own mention always stays, also
    when the side was read from the noun beside it ("people" after "Muslim community")."""
    if doc is None or ev.event_type not in CROWD_EVENTS:
        return identities
    own = [ev.evidence[k] for k in ("actor1", "actor2") if ev.evidence.get(k) and len(ev.evidence[k]) == 2]
    return {span: name for span, name in identities.items()
            if (any(a <= span[1] + 1 and span[0] <= b + 1 for a, b in own) and not _kin_span(span, doc))
            or not in_topic(span, ev, doc)}


def _kin_span(span: tuple[int, int], doc: Any) -> bool:
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    return words is not None and kin_of(words.root)
