"""Participants who come in groups: every named group of a members' "of" phrase, and unnamed rivals on both sides.

Read by ``sitrep.events.arguments`` (kept apart so that module stays a readable size).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.events.arguments import Arg, Frame
    from sitrep.model import Actor

# nouns for a group's people: "members of A, B and C" names every group among its "of" phrase's words
GROUP_MEMBERS = {"member", "activist", "supporter", "cadre", "worker", "militant", "fighter", "leader", "follower",
                 "element", "loyalist", "combatant"}


def fellow_groups(tok: Any, found: Arg, actors: dict[int, Actor], quantity: frozenset[str]) -> list[Arg]:
    """The other named groups of a members' "of" phrase: "members of BNP, Jamaat-e-Islami and Islami Chhatra
    Shibir", "activists of JUI-F, the PTI and the PPP" name every group whose people acted, not the first alone
    (the parser hangs the later names as conjuncts or appositions of the first, not of "members").
    ``found``: the participant already read at ``tok``; ``quantity``: words like "hundreds", "a group"."""
    from sitrep.events.arguments import Arg

    lemma = tok.lemma_.lower()
    if found.actor is None or not (lemma in GROUP_MEMBERS or lemma in quantity):
        return []
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    of = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if of is None or not of.left_edge.i <= _start_token(tok.doc, found) <= of.right_edge.i:
        return []  # the actor found is the noun's own ("JNIM members of the cell"), not the "of" phrase's
    out: list[Arg] = []
    names = {found.name}
    for t in of.subtree:
        a = actors.get(t.i)
        if a is not None and a.name not in names and a.inter not in (1, 8):
            # a state force named among them is someone else's side ("members of BNP and police clashed")
            names.add(a.name)
            out.append(Arg(a.name, a.inter, a.start, a.end, a))
    return out


# how a phrase's inner words hang: its modifiers, and the groups its people come "from" or are "of"
JOINT_DEPS = {"compound", "nmod", "amod", "appos", "poss", "conj", "cc", "prep", "pobj"}
JOINT_PREPS = {"of", "from", "including", "under"}
STATE = {1, 8}  # state forces, external forces
ARMED_GROUPS = {2, 3, 4}  # rebels, political and identity militias
CIVILIANS = 7


def joint_forces(tok: Any, found: Arg, actors: dict[int, Actor]) -> tuple[Arg, list[Arg]]:
    """Other actors named inside the participant's own phrase fight on its side: "ENDF and Oromia regional special
    police forces" (the army inside the police's phrase), "UPC militiamen from the CPC", "3R rebels of the CPC
    coalition"; ACLED codes each of them (the second as an associated actor). Conjuncts of ``tok`` itself are
    read apart (they may be the other side: "X and Y clashed"); civilians in the phrase are not allies, nor a
    state force in a crowd's or a group's phrase ("members of Awami League and police forces"), nor the
    government owning the force ("government security forces (SNA)": the army alone).
    Returns the participant itself (a named armed group inside an unidentified one's phrase takes its place:
    "PKK-YJA STAR militants" are the PKK's, not unidentified militants beside it) and its allies."""
    from sitrep.events.arguments import Arg

    if found.actor is None:
        return found, []
    out: list[Arg] = []
    names = {found.name}
    stack = [c for c in tok.children if c.dep_ in JOINT_DEPS - {"conj", "cc"}]
    sharing: Arg | None = None  # a state force named by its nationality word on the group's own noun
    while stack:
        t = stack.pop()
        if t.dep_ == "prep" and t.lower_ not in JOINT_PREPS:
            continue
        a = actors.get(t.i)
        # "Turkish and JWS forces shelled": the nationality word and the group share the noun, so the state's
        # forces act with the group (unlike "members of Awami League and police forces", a force of its own)
        shares_noun = t.head.i == tok.i and t.dep_ in ("amod", "compound") and a is not None and a.end <= found.start
        if a is not None and a.name not in names and a.inter != 7 and not a.name.startswith("Government of") \
                and (a.inter not in STATE or found.inter in STATE or shares_noun):
            names.add(a.name)
            out.append(Arg(a.name, a.inter, a.start, a.end, a, joint=True))
            if shares_noun and a.inter in STATE and found.inter in ARMED_GROUPS and sharing is None:
                sharing = out[-1]
        stack += [c for c in t.children if c.dep_ in JOINT_DEPS]
    if sharing is not None:
        # ACLED codes the state force first and the group fighting beside it as its associated actor
        return replace(sharing, joint=False), [replace(found, joint=True), *[o for o in out if o is not sharing]]
    if out and found.name.startswith("Unidentified") and {found.inter, out[0].inter} <= ARMED_GROUPS:
        return replace(out[0], joint=False), out[1:]
    return found, out


def rival_sides(f: Frame, sent: Any) -> None:
    """'a shoot-out between rival drug trafficking groups', 'members of rival groups clashed': unnamed rivals
    fight their own kind, and ACLED codes the same actor on both sides (training armed clashes whose note says
    'rival': the same actor twice in 104, two different ones, mostly named, in 49)."""
    from sitrep.events.arguments import Arg

    if f.cls != "clash" or f.actor1 is None or f.actor2 is not None:
        return
    if f.actor1.actor is not None and f.actor1.actor.kind == "named":
        return
    if any(t.lower_ == "rival" for t in sent):
        a = f.actor1
        f.actor2 = Arg(a.name, a.inter, a.start, a.end, a.actor)


def _start_token(doc: Any, arg: Arg) -> int:
    """The token where an argument's text starts (-1 when no token starts there)."""
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return int(span.start) if span is not None else -1


def between_sides(hosts: list[Any], actors: dict[int, Actor]) -> tuple[list[Arg], list[Arg]]:
    """The two sides of "clashes took place between Ukrainian and Russian forces", "heavy gunfire erupted between
    the ADF and the FARDC-UPDF coalition": the actors of the "between" phrase hanging on a trigger or its verb,
    split at its first "and" (those before it one side, after it the other; a side's later names are its allies).
    Empty unless both sides name someone."""
    from sitrep.events.arguments import Arg

    prep = next((c for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None:
        return [], []
    words = list(obj.subtree)
    split = next((t.i for t in words if t.dep_ == "cc" and t.lower_ == "and"), None)
    if split is None:
        return [], []
    sides: tuple[list[Arg], list[Arg]] = ([], [])
    for t in words:
        a = actors.get(t.i)
        side = sides[0] if t.i < split else sides[1]
        if a is not None and all(a.name != s.name for s in side) and (not side or side[-1].start != a.start):
            side.append(Arg(a.name, a.inter, a.start, a.end, a))
    if not (sides[0] and sides[1]) or {s.name for s in sides[0]} & {s.name for s in sides[1]}:
        return [], []  # "between rival factions of X and X": the same actor on both sides is no pair to read
    if CIVILIANS in (sides[0][0].inter, sides[1][0].inter):
        return [], []  # "a clash between the police and the doctors": a crowd's fight, read as such elsewhere
    return sides


def place_between(f: Frame, hosts: list[Any], actors: dict[int, Actor]) -> None:
    """"clashes took place between Ukrainian and Russian forces": a side each (actor1 keeps its side)."""
    one, two = between_sides(hosts, actors)
    if not one:
        return
    if f.actor1 is not None and any(a.name == f.actor1.name for a in two):
        one, two = two, one
    if f.actor1 is None or any(a.name == f.actor1.name for a in one):
        f.actor1 = f.actor1 or one[0]
        f.assoc1 += [a for a in one[1:] if all(a.name != b.name for b in (f.actor1, *f.assoc1))]
        f.actor2, f.assoc2 = two[0], f.assoc2 + two[1:]


# who called a crowd out: "a blockade announced by the BNP and Jamaat-e-Islami", "demonstrations organized by the
# Houthi-run government", "responded to the call by the Resistance Committee"
CALLING_VERBS = {"organize", "organise", "announce", "call", "convene", "sponsor"}
CALLING_NOUNS = {"call", "appeal", "behest"}


def organisers(sent: Any, actors: dict[int, Actor]) -> list[Arg]:
    """The groups a sentence says called or organised its crowd: ACLED names them beside the protesters or
    rioters (not a police or army named there: a government, a party, a movement)."""
    from sitrep.events.arguments import Arg

    out: list[Arg] = []
    for t in sent:
        lemma = t.lemma_.lower()
        if not (lemma in CALLING_VERBS and t.pos_ == "VERB" or lemma in CALLING_NOUNS and t.pos_ == "NOUN"):
            continue
        for c in t.children:
            if c.dep_ == "agent" or (t.pos_ == "NOUN" and c.dep_ == "prep" and c.lower_ in ("by", "of", "from")):
                for w in c.subtree:
                    a = actors.get(w.i)
                    if a is not None and a.kind == "named" and a.inter != CIVILIANS and (a.inter not in STATE or a.name.startswith(
                            "Government of")) and all(a.name != o.name for o in out):
                        out.append(Arg(a.name, a.inter, a.start, a.end, a))
    return out


def shared_agent(tok: Any) -> Any:
    """The "by" phrase of a conjoined verb that shares a passive verb's subject: the parser hangs it on the last
    verb of "were beaten and tortured by Taliban", "were arrested, attacked, and stripped by police"."""
    for v in tok.conjuncts:
        kids = list(v.children)
        if v.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in kids):
            agent = next((p for c in kids if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    return None
