"""The state force that answers a crowd told in the next words: "rioters burned a car. Police fired in the air to
contain the rioters", "police intervened by arresting demonstrators, who were burning tyres".

ACLED codes the force as the crowd's other side (interaction 15/16 rather than 50/60) whenever the note tells it
faced the crowd; the parse only sees it when the force's act is a frame of its own in the same sentence (see
``sitrep.events.merge``). Here a force named in the crowd event's sentence or the next one takes the empty side;
whether a protest stays peaceful (and so sheds the force again) is the coding stage's call.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.events.arguments import Frame
    from sitrep.model import Actor

CROWD_SIDES = {5, 6}  # rioters, protesters
CIVILIANS = 7  # a crowd read as civilians ("students staged a protest") faced no force more often on dev notes,
# unless the force itself acts in a later sentence: "Police used force and cane-charged at the students"
CROWD_CLASSES = {"riot", "mob", "protest"}
SENTENCES_AFTER = 1  # two sentences after added nothing on dev notes
STATE_FORCES = 1


def force_faces_crowd(frames: list[Frame], actors: list[Actor], sents: list[Any]) -> None:
    """Give each crowd frame without another side the first state force named in its sentence or the next
    one, unless that force is already on the crowd's side."""
    from sitrep.events.arguments import Arg

    if not actors or not sents:
        return
    starts = [s.start_char for s in sents]
    forces = [(bisect_right(starts, a.start) - 1, a) for a in actors if a.inter == STATE_FORCES]
    if not forces:
        return
    for f in frames:
        # (a crowd's damage to property alone, "rioters burned a car", gained nothing on dev notes)
        civilians = f.actor1 is not None and f.actor1.inter == CIVILIANS
        if f.cls not in CROWD_CLASSES or f.actor2 is not None \
                or (f.actor1 is not None and f.actor1.inter not in CROWD_SIDES and not civilians):
            continue
        own = {*([f.actor1.name] if f.actor1 else []), *(a.name for a in f.assoc1)}
        for si, a in forces:
            if civilians and (si == f.sent or not acts(sents[si], a)):
                continue
            if f.sent <= si <= f.sent + SENTENCES_AFTER and a.name not in own:
                f.actor2 = Arg(a.name, a.inter, a.start, a.end, a)
                break


def acts(sent: Any, force: Actor) -> bool:
    """Whether the force's mention is the subject of its clause ("Police used force"), not its object or a
    bystander ("demanded that the police release them")."""
    span = sent.doc.char_span(force.start, force.end, alignment_mode="expand")
    return span is not None and span[-1].dep_ == "nsubj"
