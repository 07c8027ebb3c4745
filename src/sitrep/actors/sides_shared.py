"""A verb joined to another shares its doer: in "presumed ISGS militants attacked and burned a fuel tanker" whoever
attacked also burned, though the parse names the subject of the first verb only (or of neither, when it reads
"presumed" as the main verb and places the doer by position).

Called by ``sitrep.stages.coding_actors.order_actors`` before it fills an unnamed doer with the sub-event's default.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sitrep.events.arguments import OWN_SUBJECT_DEPS


def shared_doer(ev: Any, frame: Any, frames: Iterable[Any]) -> None:
    """Give ``ev`` (read from ``frame``) the doer of the event whose verb its own verb is joined to, when it has no
    doer and no subject of its own ("attacked and burned"; not "attacked, and a truck was burned")."""
    if ev.actor1 is not None or frame is None or frame.tok.dep_ != "conj" or frame.tok.pos_ != "VERB":
        return
    if any(c.dep_ in OWN_SUBJECT_DEPS for c in frame.tok.children):
        return
    head = frame.tok.head
    first = next((f for f in frames if f is not frame and f.tok.i == head.i and f.actor1 is not None), None)
    if first is None or first.actor1.name == ev.actor2:
        return
    ev.actor1, ev.inter1 = first.actor1.name, first.actor1.inter
    ev.evidence["actor1"] = [first.actor1.start, first.actor1.end]
    joined = [a.name for a in first.assoc1 if a.name not in (ev.actor1, ev.actor2)]
    if joined and not ev.assoc_actor_1:
        ev.assoc_actor_1 = "; ".join(dict.fromkeys(joined))
