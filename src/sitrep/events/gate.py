"""When the learned coder's choice replaces the rules' sub-event type (the coding stage's gate).

The model is trained on ACLED's notes and is the better coder on note-like text; on article sentences
the rules hold their own, and for sub-types the notes hold few examples of (chemical weapons, suicide
bombs, territory changes, force against protesters) the rules are the better judge everywhere. So:

- the rules' choice stands for the sub-types in ``rules_keep`` and for those the model learned from
  fewer than ``keep_below`` notes (read from the model's own training counts), and the model may not
  move an event *to* such a sub-type either;
- otherwise the model's choice replaces the rules' when its probability is at least ``override_at``
  (or at least ``agree_at`` when the words layer alone picks the same sub-type);
- ACLED's hard rule: an event done with a remote weapon is never *Violence against civilians*
  (shelling that kills civilians is remote violence with civilian targeting), so with the rules'
  remote-weapon finding the model chooses among the other sub-types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.events.classify import REMOTE_FEATURE
from sitrep.events.codebook import Codebook

NOT_REMOTE = "Violence against civilians"  # the event type a remote weapon rules out


@dataclass(frozen=True)
class CoderGate:
    override_at: float = 0.9
    rules_keep: frozenset[str] = field(default_factory=frozenset)
    keep_below: int = 0
    agree_at: float = 1.1
    remote: bool = True

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> CoderGate:
        return cls(
            override_at=float(config.get("override_at", cls.override_at)),
            rules_keep=frozenset(config.get("rules_keep", ())),
            keep_below=int(config.get("keep_below", 0)),
            agree_at=float(config.get("agree_at", 1.1)),
            remote=bool(config.get("remote_constraint", True)),
        )

    def kept(self, sub: str, coder: Any) -> bool:
        """A sub-type the model may neither replace nor choose."""
        if sub in self.rules_keep:
            return True
        counts = coder.config.get("label_counts") or {}
        return bool(counts) and int(counts.get(sub, 0)) < self.keep_below

    def allowed(self, coder: Any, book: Codebook, feats: list[str]) -> set[str] | None:
        if not (self.remote and REMOTE_FEATURE in feats):
            return None
        return {s for s in coder.labels if book.event_type(s) != NOT_REMOTE}

    def decide(self, coder: Any, book: Codebook, rule_sub: str, text: str, feats: list[str],
               clause: str) -> tuple[str, float]:
        """The sub-event type to code and the model's probability for it."""
        probs = coder.probabilities(text, feats, own=clause)
        allowed = self.allowed(coder, book, feats)
        best, prob = coder.choose_in(probs, allowed)
        sub = rule_sub
        if not self.kept(rule_sub, coder) and not self.kept(best, coder):
            sure = prob >= self.override_at or (
                prob >= self.agree_at and coder.words_choice(text, allowed) == best)
            if sure:
                sub = best
        confidence = float(probs[coder.labels.index(sub)]) if sub in coder.labels else 0.0
        return sub, round(confidence, 4)

