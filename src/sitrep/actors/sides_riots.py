"""The sides of a crowd's event, ACLED's way: whom rioters fought, hurt or faced, who belongs to which side, and
who is only what the crowd opposes.

Called by ``sitrep.stages.coding_actors`` once the crowd leads the event as "Rioters (X)" or "Protesters (X)". The
figures quoted are the training countries' Riots events outside Bangladesh: its export has no actor2 or inter2
columns, so its events read as one-sided (1,168 of 1,187 mob violence events), though its interaction text gives
the second side (mob violence: 1,024 "Rioters-Civilians", 836 "Rioters-Rioters", 162 "Rioters only" rows).
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.events.participant_names import generic_name
from sitrep.events.parties import civil_organisation

RIOTERS, STATE, CIVILIANS = 5, 1, 7
MOB = "Mob violence"
VIOLENT = "Violent demonstration"

# "two groups clashed", "a clash ensued between cadres of NC and cadres of LSP", "fought with Buganda youth":
# a mob fighting another mob. Mob violence whose note says so and names no state force: 65 of 86 set rioters
# against rioters (57 of 306 without the words)
CLASH_CUE = re.compile(r"\b(?:clash(?:es|ed)?|fought|fighting|exchanged fire|scuffled?|brawl(?:ed)?|skirmish(?:es)?)\b",
                       re.I)
# "following an initial clash between two groups of lawyers (coded separately)": a clash the note codes as another
# event says nothing of this one's sides (training mob violence whose every clash word is so marked: 0 of 6 set
# rioters against rioters, 3 code civilians)
_ELSEWHERE = re.compile(r"[^.]*?\(coded separately\)")


def _clash_here(text: str) -> bool:
    """Whether a clash word of ``text`` describes this event, not one the note says is coded separately."""
    return any(not _ELSEWHERE.match(text, m.end()) for m in CLASH_CUE.finditer(text))


def _state_force(actor: Any) -> bool:
    """A state force, not the government: ACLED never codes a government as a side of a riot (0 of 322 state
    sides of the training Riots events; police 278, military 44)."""
    return actor.inter == STATE and not actor.name.startswith("Government")


# words that open what a crowd wants or opposes, or an earlier event it answers: "against the regime", "calling
# for justice after a man was shot by military police"
TOPIC_WORDS = {"against", "over", "for", "about", "demand", "denounce", "condemn", "oppose", "justice", "call", "after",
               "following"}
# nouns a force word modifies and still names the force ("police officers", "army patrol")
FORCE_HEADS = {"officer", "force", "personnel", "agent", "patrol", "unit", "man", "member", "squad", "team", "guard",
               "troop", "soldier", "vehicle", "convoy", "post", "station", "checkpoint", "official"}


def _mention_span(actor: Any, doc: Any) -> Any | None:
    """The parsed words of an actor's mention; None without a parse."""
    return None if doc is None else doc.char_span(actor.start, actor.end, alignment_mode="expand")


def met_the_crowd(actor: Any, doc: Any) -> bool:
    """Whether a force's mention names a force the crowd met, not a word of what they protest ("against the
    regime", "demanding justice for a man shot by military police") nor another noun's modifier ("army
    aspirants"): no word of TOPIC_WORDS on its way up the parse (without a parse, True)."""
    span = _mention_span(actor, doc)
    if span is None:
        return True
    tok = span.root
    if tok.dep_ in ("compound", "amod") and tok.head.i >= span.end and tok.head.lemma_.lower() not in FORCE_HEADS:
        return False
    seen = 0
    while tok.head.i != tok.i and seen < 40:
        tok, seen = tok.head, seen + 1
        if tok.lower_ in TOPIC_WORDS or tok.lemma_.lower() in TOPIC_WORDS:
            return False
    return True


# what a force does to a crowd it met: "dispersed the demonstrators", "intervened", "fired tear gas", "arrested two"
CROWD_CONTROL = {"disperse", "intervene", "clash", "fire", "shoot", "arrest", "detain", "charge", "baton-charge",
                 "lob", "beat", "repel", "quell", "confront", "fight", "use", "lathicharge", "break"}


def acted_on_crowd(actor: Any, doc: Any) -> bool:
    """Whether the verb a force's mention belongs to is one of CROWD_CONTROL, not negated (without a parse, True)."""
    span = _mention_span(actor, doc)
    if span is None:
        return True
    tok, seen = span.root, 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and seen < 10:
        tok, seen = tok.head, seen + 1
    return tok.lemma_.lower() in CROWD_CONTROL and not any(c.dep_ == "neg" for c in tok.children)


def _first_act(ev: Any) -> int:
    """Where the first trigger after the crowd's own mention starts ("a mob of INC members attacked": "attacked",
    not the "mob" the crowd was read from); what stands before it names the doers."""
    crowd = ev.evidence.get("actor1") or [-1, -1]
    starts = [v[0] for k, v in ev.evidence.items() if k.startswith("trigger") and v and len(v) == 2 and v[0] >= crowd[1]]
    return min(starts, default=-1)


def riot_other_side(ev: Any, own: tuple[int, ...], document: Any, text: str, country: str | None,
                    sub: str, doc: Any = None) -> None:
    """Fill or correct the side facing "Rioters (X)" (``ev.actor1``); ``own`` are the event's sentences,
    ``text`` their words, ``country`` the rioters' (the country of a civilian side it names) and ``doc`` the
    parse (``sitrep.lightdoc``; without one every force named is taken as met).

    - the government the rioters addressed ("demanding the government set fuel prices") is no side; the staff of a
      government a mob attacked ("pelted stones at the election staff") are civilians with it beside them;
    - a state force named in the event's sentences is the other side when none was read ("threw objects at police
      officers": 227 of 386 training violent demonstrations whose note names a force code one), also when it was
      read as a co-doer ("demonstrators and police officers clashed"); in a violent demonstration also one named
      only in a later sentence ("... Police officers dispersed the demonstrators");
    - a mob that clashed with another mob has rioters on both sides; any other mob hurt someone: in ACLED's record
      mob violence always has a second side (9 of 557 events without one), civilians in 320.
    """
    if ev.inter1 != RIOTERS:
        return
    if ev.inter2 == STATE and (ev.actor2 or "").startswith("Government"):
        if sub == MOB:
            held = [x for x in (ev.assoc_actor_2 or "").split("; ") if x]
            ev.assoc_actor_2 = "; ".join(dict.fromkeys([ev.actor2, *held]))
            ev.actor2, ev.inter2 = generic_name(CIVILIANS, country), CIVILIANS
        else:
            ev.actor2, ev.inter2 = None, None
            ev.evidence.pop("actor2", None)
    if ev.inter2 in (3, CIVILIANS) and ev.actor2 and civil_organisation(ev.actor2):
        # "a mob of INC members attacked and clashed with a BJP member": the party's people are rioters or
        # civilians, the party beside them (no training riot has a party as a side of its own)
        mention = ev.evidence.pop("actor2", None)
        side = "1" if mention and mention[0] < _first_act(ev) else "2"  # "a mob of INC members attacked"
        held = [x for x in (getattr(ev, f"assoc_actor_{side}") or "").split("; ") if x]
        setattr(ev, f"assoc_actor_{side}", "; ".join(dict.fromkeys([*held, ev.actor2])))
        if _clash_here(text):
            ev.actor2, ev.inter2 = ev.actor1, RIOTERS
        else:
            ev.actor2, ev.inter2 = generic_name(CIVILIANS, country), CIVILIANS
        return
    joined = [x for x in (ev.assoc_actor_1 or "").split("; ") if x]
    forces = [a for a in document.actors if a.sent in own and _state_force(a) and met_the_crowd(a, doc)]
    if not forces and sub == VIOLENT and ev.actor2 is None and own:
        # "Students barricaded the road. Police officers dispersed the demonstrators": a force the note names after
        # the event's sentences met the same demonstration (training violent demonstrations outside Bangladesh
        # naming a force only after the first sentence: 111 of 150 code a state side, 17 none); a mob's later
        # police are who came after it (mob violence so: 44 of 73 against civilians, 7 a state force). Only a force
        # that acted on the crowd: "police were present but did not intervene", "rescued by the police" name none
        forces = [a for a in document.actors if a.sent > max(own) and _state_force(a) and met_the_crowd(a, doc)
                  and acted_on_crowd(a, doc)]
    if ev.actor2 is None:
        force = next((a for a in forces if a.name in joined), None) or (forces[0] if forces else None)
        if force is not None:
            ev.actor2, ev.inter2 = force.name, STATE
            ev.evidence["actor2"] = [force.start, force.end]
            rest = [x for x in joined if x != force.name]
            ev.assoc_actor_1 = "; ".join(rest) or None
            return
    if sub != MOB or forces:
        return
    generic_victims = ev.inter2 == CIVILIANS and (ev.actor2 or "").startswith("Civilians")
    if (ev.actor2 is None or generic_victims) and _clash_here(text):
        ev.actor2, ev.inter2 = ev.actor1, RIOTERS
        ev.evidence.pop("actor2", None)
    elif ev.actor2 is None:
        ev.actor2, ev.inter2 = generic_name(CIVILIANS, country), CIVILIANS


def people_by_position(ev: Any, identities: dict[tuple[int, int], str]) -> None:
    """A crowd that hurt civilians ("students were beaten by a mob of BCL members", "parents assaulted students and
    teachers"): who the people of the event's sentences are goes to the crowd when named before its first act, to
    the civilians after it (``identities.attach`` gives them to no one when both sides hold people)."""
    if ev.inter1 not in (RIOTERS, 6) or ev.inter2 != CIVILIANS:
        return
    own = {tuple(ev.evidence[k]) for k in ("actor1", "actor2") if ev.evidence.get(k)}
    ranges = [v for k, v in ev.evidence.items() if (k == "sentence" or k.startswith("sentence_")) and v and len(v) == 2]
    act = _first_act(ev)
    for span, identity in sorted(identities.items()):
        if span in own or not any(a <= span[0] and span[1] <= b for a, b in ranges):
            continue
        side = "1" if act < 0 or span[0] < act else "2"
        held = [x for x in (getattr(ev, f"assoc_actor_{side}") or "").split("; ") if x]
        main = getattr(ev, f"actor{side}")
        new = [x for x in identity.split("; ") if x not in held and x != main]
        if new:
            setattr(ev, f"assoc_actor_{side}", "; ".join([*held, *new]))


# what a crowd opposes: "against the BJP-led government", "over the failure of the BJP government"
OPPOSED = {"against", "over", "about", "denounce", "condemn", "oppose"}


def _opposed(actor: Any, doc: Any) -> bool:
    """Whether a mention stands in what the crowd opposes (a word of OPPOSED on its way up the parse)."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    tok, seen = span.root, 0
    while tok.head.i != tok.i and seen < 40:
        tok, seen = tok.head, seen + 1
        if tok.lower_ in OPPOSED or tok.lemma_.lower() in OPPOSED:
            return True
    return False


def drop_opposed(ev: Any, own: tuple[int, ...], document: Any, doc: Any) -> None:
    """A party or group named only in what a crowd opposes ("protested against the BJP-led government") is none of
    the crowd's: it leaves the crowd's associated actors."""
    if doc is None or not ev.assoc_actor_1:
        return
    kept = []
    for name in ev.assoc_actor_1.split("; "):
        mentions = [a for a in document.actors if a.name == name and a.sent in own]
        if not mentions or not all(_opposed(a, doc) for a in mentions):
            kept.append(name)
    ev.assoc_actor_1 = "; ".join(kept) or None
