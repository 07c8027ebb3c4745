"""The records of event detection: a participant, a further mention of an event, and the event as detected."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.events.lexicon import Trigger
from sitrep.model import Actor


@dataclass
class Arg:
    """One participant: an actor from the actors stage or a typed generic noun."""

    name: str
    inter: int
    start: int
    end: int
    actor: Actor | None = None
    joint: bool = False  # named inside another participant's phrase ("ENDF and Oromia police forces"): its ally
    # an off-duty policeman read as a civilian keeps his force (name, inter): ACLED names it as assoc_actor_2
    member_of: tuple[str, int] | None = None


@dataclass(frozen=True)
class Support:
    """One further mention of an event: where its trigger is, its class, and its own agent's type."""

    sent: int
    span: tuple[int, int]
    cls: str
    agent_inter: int | None = None
    modality: str = "asserted"  # its own: "tried to enter the town and were arrested"


@dataclass
class Frame:
    """An event as detected, before ACLED coding."""

    cls: str
    trigger: Trigger
    tok: Any  # trigger token
    sent: int
    sent_span: tuple[int, int]
    modality: str
    actor1: Arg | None = None
    actor2: Arg | None = None
    assoc1: list[Arg] = field(default_factory=list)
    assoc2: list[Arg] = field(default_factory=list)
    victims: list[Arg] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)  # head lemmas of objects (targets, places taken)
    generic: bool = False
    extra_sents: list[int] = field(default_factory=list)
    trigger_span: tuple[int, int] = (0, 0)
    main_clause: bool = False  # the trigger's clause is the sentence's main clause
    # Further mentions folded into this event: a weaker trigger of its clause or sentence ("police
    # fired to disperse the mob"), a later "the firing", a bare casualty report, the headline.
    support: list[Support] = field(default_factory=list)

    reaction: bool = False  # the trigger names the event as what someone reacts to ("condemned the killings")
    a1_guessed: bool = False  # actor1 placed by position, not read from the parse

    def absorb(self, other: Frame) -> None:
        """Keep ``other`` (and what it had absorbed) as supporting mentions of this event; a reaction to it
        ("they condemned the killings") reports nothing of it and is left out."""
        own = [] if other.reaction else [
            Support(other.sent, other.trigger_span, other.cls, other.actor1.inter if other.actor1 else None,
                    other.modality)]
        for m in [*own, *other.support]:
            if m.span != self.trigger_span and all(m.span != x.span for x in self.support):
                self.support.append(m)

    @property
    def score(self) -> float:
        return self.trigger.weight
