"""The taking of a place and the fighting around it (the coding stage): a fight told with the taking it led to is
coded by its outcome; a taking told with no fighting at all is a non-violent transfer."""

from __future__ import annotations

from typing import Any

from sitrep.events.classify import TERRITORY
from sitrep.events.frames import Frame
from sitrep.model import Event

Inputs = tuple[str, str, list[str], str]  # the coding stage's model inputs: rules' sub-type, text, features, clause
Found = tuple[str, set[int], Inputs | None]  # the rules' sub-type, the victims' inter codes, the model inputs

TAKEN = ("Government regains territory", "Non-state actor overtakes territory")
TAKING_AFTER = 2  # sentences after a fight in which the taking of its place is still its outcome
QUIET = "Non-violent transfer of territory"
ARMED_SIDES = frozenset({1, 2, 3, 4, 8})
# event classes and cue groups that tell fighting: a report with any of them took its place by force
FIGHT_CLASSES = frozenset({"clash", "attack", "kill", "explosion", "ied", "shelling", "air_strike", "grenade",
                           "suicide_bomb", "chemical", "mob", "riot", "abduction", "sexual_violence", "disrupted"})
FIGHT_CUES = frozenset({"killing", "people_hurt", "violent_death", "firearm", "reciprocal", "repulse", "salvo",
                        "weapon", "shelling", "aircraft", "custody_killing"})


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
    for i, (sub, _, inputs) in enumerate(found):
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
        recode(out, i, events[i].event_id, kept, taking, [*recoded_features(inputs[2], taking), "fight_took_place"])
    return out


def recoded_features(feats: list[str], sub: str, cls: str | None = None) -> list[str]:
    """The rule features of an event the rules recode as ``sub``: its rule finding becomes ``sub``, and with the
    frame's class ``cls`` its class-and-rule pair too (left as it was without one)."""
    return [f"rule={sub}" if f.startswith("rule=") else f"cls_rule={cls}|{sub}"
            if cls is not None and f.startswith("cls_rule=") else f for f in feats]


def recode(out: list[Found], i: int, event_id: str, kept: dict[str, Any], sub: str, feats: list[str]) -> None:
    """Event ``i`` coded ``sub`` with the rule features ``feats``: in ``out`` and in the inputs kept for the coder
    model (``kept``, by event id), which must read the same as what the rules decided."""
    _, victims, inputs = out[i]
    assert inputs is not None
    out[i] = (sub, victims, (sub, inputs[1], feats, inputs[3]))
    if event_id in kept:
        kept[event_id] = (kept[event_id][0], feats, sub, kept[event_id][3])


def names_a_place(inputs: Inputs | None) -> bool:
    """Whether a taking names the place taken ("took control over the village"), not only people or things
    ("1 captured", "2 AK47 were seized")."""
    feats = inputs[2] if inputs is not None else []
    return any(f.startswith("object=") and f[7:] in TERRITORY for f in feats) or any(
        f.startswith("trigger=") and "control" in f for f in feats)


def quiet_takings(events: list[Event], frames: dict[str, Frame], found: list[Found], kept: dict[str, Any],
                  summary: bool) -> list[Found]:
    """A place taken in a report that tells no fighting ("M23 rebels took control of part of Rwanguba", "armed groups
    took control of Timbuktu ... No clashes were reported"): by ACLED's codebook the battles' territory sub-types
    are takings by armed engagement, and a taking without one is a non-violent transfer (training notes telling a
    taking with no word of fighting or harm: 52 non-violent transfers, 9 government regains, 9 non-state
    takeovers; 44 / 4 / 7 of those not taken 'from' a named side, see ``taken_from_armed``).

    Fighting is any asserted violent event of the report (its further mentions too) or a cue group of fighting or
    harm in the taking's own sentences (not the opening's: its 'military_target' is read from the rebels' own name).
    Only where the report is whole: an incident ``summary`` tells the fighting if there was any, a news sentence
    often leaves it out (CASE 2021's snippets of takings are coded as battles: applied to them, its weighted F1 fell
    0.778 -> 0.754), so elsewhere the report must say that no fighting took place (a fight event it negates)."""
    told = [(cls, modality) for ev in events if (f := frames.get(ev.event_id)) is not None
            for cls, modality in [(f.cls, f.modality), *((m.cls, m.modality) for m in f.support)]
            if cls in FIGHT_CLASSES]
    if any(modality == "asserted" for _, modality in told):
        return found
    if not summary and not any(modality == "negated" for _, modality in told):
        return found
    out = list(found)
    for i, (sub, _, inputs) in enumerate(found):
        f = frames.get(events[i].event_id)
        if sub not in TAKEN or inputs is None or f is None or f.cls != "capture" or f.modality != "asserted":
            continue
        if any(feat[4:] in FIGHT_CUES for feat in inputs[2] if feat.startswith("cue=")) or taken_from_armed(f):
            continue
        recode(out, i, events[i].event_id, kept, QUIET,
               [*recoded_features(inputs[2], QUIET, "capture"), "taken_without_fight"])
    return out


def taken_from_armed(frame: Frame) -> bool:
    """A place taken *from* an armed side that held it ("took control of the town from CPC forces", "regained control
    of Makariv from Russian forces"): the other side was there, and the rules keep their battle reading (the
    training notes above taken 'from' a named side: 8 non-violent transfers, 5 government regains, 2 non-state
    takeovers, no clear convention)."""
    side = frame.actor2
    if side is None or side.inter not in ARMED_SIDES:
        return False
    before = getattr(frame.tok.doc, "text", "")[:side.start].lower().split()[-2:]  # "from (the) <side>"
    return "from" in before
