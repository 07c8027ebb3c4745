"""A fight told with the taking of a place it led to: ACLED codes the fight by its outcome (the coding stage)."""

from __future__ import annotations

from typing import Any

from sitrep.events.classify import TERRITORY
from sitrep.events.frames import Frame
from sitrep.model import Event

Inputs = tuple[str, str, list[str], str]  # the coding stage's model inputs: rules' sub-type, text, features, clause
Found = tuple[str, set[int], Inputs | None]  # the rules' sub-type, the victims' inter codes, the model inputs

TAKEN = ("Government regains territory", "Non-state actor overtakes territory")
TAKING_AFTER = 2  # sentences after a fight in which the taking of its place is still its outcome


def fights_that_took_places(events: list[Event], frames: dict[str, Frame], found: list[Found],
                            kept: dict[str, Any]) -> list[Found]:
    """A fight followed by the taking of a place ("Al Shabaab clashed with SNA forces in X village. The militants
    took control over the village."): ACLED codes the fight by its outcome, the territory changing hands. The
    fight's rule finding becomes the taking's (its other findings stay); the taking stays an event of its own."""
    spans: list[tuple[int, int, str, str] | None] = []
    for ev in events:
        f = frames.get(ev.event_id)
        spans.append((f.sent, max([f.sent, *f.extra_sents]), f.cls, f.modality) if f is not None else None)
    out = list(found)
    for i, (sub, victims, inputs) in enumerate(found):
        own = spans[i]
        if sub != "Armed clash" or inputs is None or own is None or own[3] != "asserted":
            continue
        last = own[1]
        taking = next((found[j][0] for j, span in enumerate(spans)
                       if span is not None and j != i and span[2] == "capture" and span[3] == "asserted"
                       and found[j][0] in TAKEN and last <= span[0] <= last + TAKING_AFTER
                       and names_a_place(found[j][2])), None)
        if taking is None:
            continue
        feats = [f"rule={taking}" if f.startswith("rule=") else f for f in inputs[2]]
        feats.append("fight_took_place")
        out[i] = (taking, victims, (taking, inputs[1], feats, inputs[3]))
        eid = events[i].event_id
        if eid in kept:
            kept[eid] = (kept[eid][0], feats, taking, kept[eid][3])
    return out


def names_a_place(inputs: Inputs | None) -> bool:
    """Whether a taking names the place taken ("took control over the village"), not only people or things
    ("1 captured", "2 AK47 were seized")."""
    feats = inputs[2] if inputs is not None else []
    return any(f.startswith("object=") and f[7:] in TERRITORY for f in feats) or any(
        f.startswith("trigger=") and "control" in f for f in feats)
