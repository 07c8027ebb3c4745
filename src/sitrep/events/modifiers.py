"""Triggers told as a modifier of another word rather than as the clause's own act.

A reduced relative ("a French hostage captured in November 2012", "the civilians kidnapped by the
rebels") is a past participle hung on a noun: it says who the noun's people are, an earlier event.
An infinitive of purpose ("carried out an operation to rescue the hostages", "collaboration with the
French forces to fight the jihadists") says what was intended. ACLED codes the event the clause
reports, so neither should lead a clause that tells an act of its own.
"""

from __future__ import annotations

from typing import Any

PURPOSE_DEPS = {"advcl", "acl", "relcl"}


def _infinitive(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _participle(tok: Any) -> bool:
    # a count with a participle is a toll told headline-style ("one injured", "21 people killed"): the event itself
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ != "NUM" and not any(
        c.dep_ == "nummod" for c in tok.head.children)


def _purpose(tok: Any) -> bool:
    return tok.dep_ in PURPOSE_DEPS and _infinitive(tok)


def is_modifier(tok: Any) -> bool:
    """Whether a trigger is a participle or purpose modifier, or the object of a purpose ("to prevent
    attacks"); an event in a phrase under a participle ("injured during clashes") is not: it may be the
    frame of the whole report."""
    if tok.pos_ == "VERB":
        return _participle(tok) or _purpose(tok)
    return tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and _purpose(tok.head)
