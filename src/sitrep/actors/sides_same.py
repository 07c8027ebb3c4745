"""One named armed group on both sides of a clash: "Twic Dinka militia clashed with a Ngok Dinka militia", "ISGS
fighters clashed with a rival ISGS cell".

``sitrep.stages.coding_actors.order_actors`` drops a second side equal to the first as a misread argument. When the
two sides come from two different mentions of a non-state armed group, the note names that group twice, once on each
side of the clash, and ACLED codes the clash within it so (training armed clashes with one named non-state group
on both sides: 98 in the first dev draw's countries, 54 in the second's, 1 elsewhere).
"""

from __future__ import annotations

from typing import Any

ARMED = {2, 3, 4}  # rebels, political and identity militias


def two_mentions_of_one_group(ev: Any, sub: str) -> bool:
    """Whether an armed clash's two equal sides name a non-state armed group read from two distinct mentions."""
    if sub != "Armed clash" or ev.actor1 is None or ev.actor1 != ev.actor2 or ev.inter1 not in ARMED:
        return False
    one, two = ev.evidence.get("actor1"), ev.evidence.get("actor2")
    if not one or not two or len(one) != 2 or len(two) != 2:
        return False
    return one[1] <= two[0] or two[1] <= one[0]
