"""The people an explosion hurt are its other side: "three bombs exploded near the clock tower. A man sustained
bruises" codes Civilians (X) facing the unidentified bomber, though the toll's sentence is read as its own event.

Called by ``sitrep.stages.coding_actors.order_actors`` for an explosion or remote violence that no armed side was
found to face. Training notes of explosions (air strikes aside) that name people or homes hurt and no armed party
code civilians as the other side in 329 of 424 (no side in 80).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

CIVILIANS = 7


def toll_is_civilians(frame: Any, frames: Iterable[Any]) -> bool:
    """Whether the people the note says were hurt from the event's sentence on (``frames``: every frame of the note,
    their ``victims`` read per sentence) are all civilians, and there are some."""
    hurt = {v.inter for f in frames if f.sent >= frame.sent for v in f.victims}
    return bool(hurt) and hurt <= {CIVILIANS}
