"""The actors of a coded event in ACLED's order: who leads which sub-event type, the defaults when a side goes
unnamed, crowds as protesters or rioters, identities as associated actors and state forces named by period.

Split from ``sitrep.stages.coding``, which decides the sub-event type and calls ``order_actors`` with it.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.actors import get_matcher
from sitrep.actors.identities import crowd_country
from sitrep.actors.sides_pairs import alternatives
from sitrep.actors.sides_riots import drop_opposed, people_by_position, riot_other_side
from sitrep.actors.sides_roles import (
    civilians_arrested,
    civilians_targeted,
    counter_protest,
    crowd_police,
    laid_by,
    no_one_harmed,
    weapons_owner,
)
from sitrep.actors.sides_same import two_mentions_of_one_group
from sitrep.actors.sides_shared import shared_doer
from sitrep.actors.sides_toll import toll_is_civilians
from sitrep.actors.sides_topics import without_topics
from sitrep.events.arguments import Frame, generic_name
from sitrep.events.codebook import Codebook
from sitrep.events.lexicon import Lexicon
from sitrep.lightdoc import light_doc
from sitrep.model import Document, Event
from sitrep.stages.events import FRAMES_KEY

# Sub-event types where the unnamed state actor is, in ACLED's practice, the police.
POLICE_SUBS = {"Protest with intervention", "Excessive force against protesters", "Arrests"}
CROWD_INTER = {"Protests": 6, "Riots": 5}


def _swap_actors(ev: Event) -> None:
    ev.actor1, ev.actor2 = ev.actor2, ev.actor1
    ev.inter1, ev.inter2 = ev.inter2, ev.inter1
    ev.assoc_actor_1, ev.assoc_actor_2 = ev.assoc_actor_2, ev.assoc_actor_1
    for a, b in (("actor1", "actor2"), ("assoc_actor_1", "assoc_actor_2")):
        ea, eb = ev.evidence.pop(a, None), ev.evidence.pop(b, None)
        if ea is not None:
            ev.evidence[b] = ea
        if eb is not None:
            ev.evidence[a] = eb


INTRA_INTER = {3, 4}  # ACLED codes fighting among unidentified armed or communal groups on both sides


def intra_group(ev: Event) -> bool:
    """Whether the same actor on both sides is ACLED's intra-group coding (rival unidentified armed
    groups or communal militias clashing), not a misread argument."""
    return (ev.event_type in ("Battles", "Riots") and ev.inter1 in INTRA_INTER and ev.inter1 == ev.inter2
            and (ev.actor1 or "").startswith("Unidentified"))


ARMED_DEFAULTS = (2, 3)  # sub-events whose unnamed doer is an armed group


_BLAME = re.compile(r"\b(?:planted|claimed|responsibility|blamed|attributed)\b", re.I)


def _earlier_armed_group(ev: Event, frame: Frame, document: Document, later: bool = False) -> None:
    """"Suspected Fulani militiamen invaded eight communities. Two persons were killed": the one armed group the
    note names up to the event's sentence did it, not an unidentified one (ACLED names the group the note does);
    ``later``: or after it, in a sentence that blames it ("a truck struck an IED ... The device was likely planted by
    JNIM militants"; not "days after Al-Shabab warned that it would attack")."""
    doc = light_doc(document) if later else None
    sents = list(doc.sents) if doc is not None else []
    blamed = {k for k, sent in enumerate(sents) if k > frame.sent and _BLAME.search(sent.text)}
    groups = {a.name: a for a in document.actors if a.inter in (2, 3, 4) and (a.sent <= frame.sent or a.sent in blamed)
              and not a.name.startswith("Unidentified") and a.name != ev.actor2}
    if len(groups) == 1:
        a = next(iter(groups.values()))
        ev.actor1, ev.inter1 = a.name, a.inter
        ev.evidence["actor1"] = [a.start, a.end]


def _state_opponent(ev: Event, frame: Frame, document: Document, country: str) -> None:
    """"Fighting involving M23 rebels", "two militants (suspected TTP) were killed in an operation by the CTD": a named
    rebel group fought and no doer was read; its opponent is the state's forces, the ones the event's sentences name
    when they do (training clashes of a rebel group: 5,164 of 6,473 against state forces; of a political militia only
    2,618 of 4,538, and on the dev draws militias lost as many notes as they gained, so they are left out)."""
    own = (frame.sent, *frame.extra_sents)
    state = next((a for a in document.actors if a.inter == 1 and a.sent in own and a.name != ev.actor2), None)
    if state is not None:
        ev.actor1, ev.inter1 = state.name, 1
        ev.evidence["actor1"] = [state.start, state.end]
    else:
        ev.actor1, ev.inter1 = generic_name(1, country), 1
        if ev.evidence.get("trigger"):
            ev.evidence["actor1"] = list(ev.evidence["trigger"])


def _civilians_are_the_target(ev: Event, book: Codebook, country: str | None, sub: str, trig: Any) -> None:
    """"Two individuals opened fire at a group of people", "a man stepped on a landmine": the people a note names as
    doers of violence against civilians, looting or an explosion with no one harmed named are its victims, the doer
    unknown (ACLED codes civilians as actor1 of 296 of 6,268 training events of violence against civilians and 89 of
    5,532 explosions, and then always with someone on the other side)."""
    ev.actor2, ev.inter2 = ev.actor1, 7
    if "actor1" in ev.evidence:
        ev.evidence["actor2"] = ev.evidence.pop("actor1")
    ev.inter1 = book.default_actor1.get(sub, 3)
    ev.actor1 = generic_name(ev.inter1, country)
    if trig:
        ev.evidence["actor1"] = list(trig)


# "internal clashes", "infighting", "clashes between 2 Taliban groups": a clash among one actor's own men. Training
# clashes whose note says so put the same actor on both sides: 239 of 259 (5 of 5 outside the dev draws' countries)
_INTRA_CUE = re.compile(
    r"\b(?:internal (?:clash|dispute|fight|fighting|conflict|feud|rivalry)(?:es|s)?|in-?fighting|among themselves"
    r"|between (?:two|2|rival) (?:[\w-]+ ){0,2}(?:groups|factions|units|wings)|rival factions of)\b", re.I)
_ARMED_SIDES = {1, 2, 3, 4, 8}


def _event_text(frame: Frame, document: Document) -> str:
    doc = light_doc(document)
    sents = list(doc.sents) if doc is not None else []
    return " ".join(sents[si].text for si in (frame.sent, *frame.extra_sents) if 0 <= si < len(sents))


def _clash_within_one_actor(ev: Event, frame: Frame | None, document: Document) -> bool:
    """"1 Taliban member was killed during internal clashes": the one armed actor the clash names fought itself, so it
    takes the side an unidentified group or no one held; True when so coded (both sides then name that actor)."""
    if frame is None:
        return False
    sides = [(ev.actor1, ev.inter1), (ev.actor2, ev.inter2)]
    named = {(a, i) for a, i in sides if a and i in _ARMED_SIDES and not a.startswith("Unidentified")}
    if len(named) != 1 or not _INTRA_CUE.search(_event_text(frame, document)):
        return False
    name, inter = next(iter(named))
    key = "actor1" if ev.actor1 == name else "actor2"
    span = ev.evidence.get(key)
    ev.actor1, ev.inter1, ev.actor2, ev.inter2 = name, inter, name, inter
    if span is not None:
        ev.evidence["actor1"], ev.evidence["actor2"] = list(span), list(span)
    return True


_CROWD_WORD = re.compile(r"\b(?:demonstrat\w*|protest\w*|riot\w*|mobs?|crowds?|rall(?:y|ies)|march\w*)\b", re.I)

# Crowd sub-events whose other side is the state force that met the crowd, when the event's sentences name one.
FACED_SUBS = {"Excessive force against protesters", "Protest with intervention"}


def _named_state_side(ev: Event, frame: Frame, document: Document, country: str | None, sub: str) -> None:
    """"Activists protested and clashed with police", "the FARDC dispersed the protesters": the state force the
    event's sentences name is the crowd's other side when the arguments left that side empty or to the sub-event's
    unnamed default."""
    if 6 not in (ev.inter1, ev.inter2):
        return
    key = "actor2" if ev.inter1 == 6 else "actor1"
    held = getattr(ev, key)
    if held is not None and (not country or held != generic_name(1, country, police=sub in POLICE_SUBS)):
        return
    own = (frame.sent, *frame.extra_sents)
    # a force, not the government whose decision the crowd protests
    state = next((a for a in document.actors if a.inter == 1 and a.sent in own
                  and not a.name.startswith("Government")), None)
    if state is None or state.name in (ev.actor1, ev.actor2):
        return
    setattr(ev, key, state.name)
    setattr(ev, "inter1" if key == "actor1" else "inter2", 1)
    ev.evidence[key] = [state.start, state.end]


ARMED_EVENTS = ("Battles", "Explosions/Remote violence")


def _named_armed_target(ev: Event, frame: Frame, document: Document) -> None:
    """"Houthi forces launched shells from drones on National Resistance forces": an armed actor the event's
    sentences name, that the arguments missed (a noun's object, not the trigger's), is the other side rather than
    an unidentified group or no one, when it is the only such actor beside the doer (a state force never opposes
    its own state's: "the rebels ambushed a military convoy; two police died" names allies), and not an owner of
    the target ("the military-owned Mytel tower was bombed": ``_OWNER_WORD``)."""
    own = (frame.sent, *frame.extra_sents)
    taken = {ev.actor1, *(ev.assoc_actor_1 or "").split("; "), *alternatives(ev, document)}
    text = document.article.text
    named = {a.name: a for a in document.actors if a.sent in own and a.inter in _ARMED_SIDES
             and a.name not in taken and not a.name.startswith(("Unidentified", "Government"))
             and not (a.inter == 1 and ev.inter1 == 1) and _OWNER_WORD.match(text, a.end) is None}
    if len(named) != 1:
        return
    a = next(iter(named.values()))
    ev.actor2, ev.inter2 = a.name, a.inter
    ev.evidence["actor2"] = [a.start, a.end]


# "the military-owned Mytel tower was bombed", "the military-appointed administrator's office": the force owns or
# appointed the target; it is no side of the event
_OWNER_WORD = re.compile(r"\s*-\s*(?:owned|appointed|run|operated|managed)\b", re.I)


def _owner_word(ev: Event, key: str, document: Document) -> bool:
    """Whether the mention ``key`` was read from is the first half of an owner word ("military-owned")."""
    span = ev.evidence.get(key)
    return span is not None and len(span) == 2 and _OWNER_WORD.match(document.article.text, span[1]) is not None


# Sub-event types of one actor alone: a group's change of activity (61 of 1,201 training events name a second side),
# a base established (1 of 105)
ONE_SIDED = {"Change to group/activity", "Headquarters or base established"}


def _one_side(ev: Event) -> None:
    """An event of one actor: with no doer read, the other side is it ("authorities declared a state of emergency");
    actors of the doer's kind join it as associated actors ("the government established police and military
    checkpoints"), any other is dropped ("the army deployed forces against the PKK")."""
    if ev.actor1 is None and ev.actor2 is not None:
        _swap_actors(ev)
    kind = ev.inter1
    others = [x for x in (ev.actor2, *(ev.assoc_actor_2 or "").split("; ")) if x]
    joined = [x for x in others if kind is not None and ev.inter2 == kind and x != ev.actor1]
    if joined:
        held = [x for x in (ev.assoc_actor_1 or "").split("; ") if x]
        ev.assoc_actor_1 = "; ".join(dict.fromkeys([*held, *joined]))
    ev.actor2, ev.inter2, ev.assoc_actor_2 = None, None, None
    ev.evidence.pop("actor2", None)
    ev.evidence.pop("assoc_actor_2", None)


def order_actors(ev: Event, frame: Frame | None, document: Document, lex: Lexicon, book: Codebook,
                 country: str | None, sub: str, victims: set[int]) -> None:
    """Put the event's actors in ACLED's order for sub-event type ``sub`` (``ev.event_type`` already set) and fill
    the sides the note leaves unnamed."""
    if _owner_word(ev, "actor2", document):
        ev.actor2, ev.inter2 = None, None  # left to the sub-event's default below
        ev.evidence.pop("actor2", None)
    # ACLED: protesters are actor1 of a protest met by intervention; the force user is actor1 of excessive force.
    if sub == "Excessive force against protesters" and ev.inter1 == 6 and ev.inter2 != 6:
        _swap_actors(ev)
    if sub == "Excessive force against protesters" and ev.inter1 != 6 and ev.inter2 != 6 and frame is not None:
        # the protesters are the other side even when the toll names "people" as the dead
        facing = next((a for a in document.actors if a.inter == 6 and a.sent in (frame.sent, *frame.extra_sents)), None)
        if facing is not None:
            # "the FARDC dispersed the protesters": with the force read as actor2 the crowd takes the other side
            key = "actor1" if ev.inter2 == 1 else "actor2"
            setattr(ev, key, facing.name)
            setattr(ev, "inter1" if key == "actor1" else "inter2", 6)
            ev.evidence[key] = [facing.start, facing.end]
    if sub == "Protest with intervention" and ev.inter1 == 1 and ev.inter2 in (None, 6, 7):
        _swap_actors(ev)
    if sub == "Protest with intervention" and ev.inter2 == 6 and ev.inter1 != 6:
        _swap_actors(ev)
    shared_doer(ev, frame, document.extras.get(FRAMES_KEY, {}).values())  # "attacked and burned": one doer
    trig = ev.evidence.get("trigger")
    if ev.event_type == "Explosions/Remote violence" and ev.actor1 is None and ev.inter2 in (2, 3) \
            and laid_by(ev, document.article.text):
        _swap_actors(ev)  # "struck an IED presumably planted by Katiba Macina militants": who laid it did it
    if ev.actor1 is None and book.default_actor1.get(sub) in ARMED_DEFAULTS and frame is not None:
        _earlier_armed_group(ev, frame, document, later=sub == "Remote explosive/landmine/IED")
    if sub == "Armed clash" and ev.actor1 is None and ev.inter2 == 2 and country and frame is not None \
            and not (ev.actor2 or "").startswith("Unidentified"):
        _state_opponent(ev, frame, document, country)
    if ev.inter1 == 7 and ev.actor2 is None and (sub in book.civilian_sub_events or sub == "Looting/property destruction"
                                                 or ev.event_type == "Explosions/Remote violence"):
        _civilians_are_the_target(ev, book, country, sub, trig)
    civilians_arrested(ev, sub)
    if ev.actor1 is None and sub in book.default_actor1:
        ev.inter1 = book.default_actor1[sub]
        ev.actor1 = generic_name(ev.inter1, country, police=sub in POLICE_SUBS)
        if trig:
            ev.evidence["actor1"] = list(trig)
    if ev.actor2 is None and sub == "Looting/property destruction" and frame is not None and country \
            and set(frame.objects) & lex.cues.get("civilian_place", frozenset()):
        ev.actor2, ev.inter2 = generic_name(7, country), 7  # burned houses, looted shops: civilians' property
    if ev.actor2 is None and sub in book.default_actor2 and (sub != "Attack" or not victims - {7}) \
            and (country or sub != "Non-state actor overtakes territory"):  # no state force of no country
        ev.inter2 = book.default_actor2[sub]
        ev.actor2 = generic_name(ev.inter2, country, police=sub in POLICE_SUBS)
    crowd = CROWD_INTER.get(ev.event_type or "")
    if crowd and ev.inter1 in (1, 8) and sub != "Excessive force against protesters" and (ev.inter2 in (5, 6) or (
            ev.actor2 is None and ev.event_type == "Riots" and frame is not None
            and _CROWD_WORD.search(_event_text(frame, document)))):
        # "protesters clashed with security forces", "police fired tear gas to control the cadres, who pelted stones
        # during a demonstration": the crowd leads a riot or protest event (training riots outside Bangladesh led by
        # rioters: 1,309 of 1,337), the force faces it; with no crowd named the force's own act was misread as one
        _swap_actors(ev)
    if crowd and sub != "Peaceful protest" and ev.inter1 in (1, 8) and ev.inter2 == 7 \
            and (ev.actor2 or "").startswith("Civilians"):
        # "police and vendors clashed", "security forces killed two people during a protest": the people a force met
        # in a riot or at a protest are its crowd (every training riot names rioters, every protest protesters)
        ev.actor2, ev.inter2 = generic_name(crowd, crowd_country(document, ev, country)), crowd
        if sub != "Excessive force against protesters":
            _swap_actors(ev)
    if crowd and ev.inter1 in (5, 6) and ev.inter1 != crowd:
        # a violent crowd is coded as rioters, a peaceful one as protesters, whatever the text calls them
        ev.inter1 = crowd
        ev.actor1 = generic_name(crowd, crowd_country(document, ev, country))
    if crowd and (ev.inter1 in (None, 3, 4, 7) or (sub == "Peaceful protest" and ev.inter1 in (1, 2, 8))):
        # ACLED codes the crowd as Protesters/Rioters, party supporters in a mob too (measured on the training
        # countries: 1,729 of 1,744 mob-violence events lead with Rioters); who they are goes to the associated
        # actor (their identity, added below; never a bare "Civilians" or an unidentified group). Police or
        # soldiers who march peacefully are protesters too (all 8,060 training peaceful protests lead with
        # Protesters), with their force as the associated actor.
        if ev.actor1 and not (ev.inter1 == 7 and ev.actor1.startswith("Civilians")) \
                and not ev.actor1.startswith("Unidentified"):
            ev.assoc_actor_1 = "; ".join(x for x in (ev.actor1, ev.assoc_actor_1) if x)
        ev.inter1 = crowd
        ev.actor1 = generic_name(crowd, crowd_country(document, ev, country))
    if crowd and sub in FACED_SUBS and frame is not None:
        _named_state_side(ev, frame, document, country, sub)
    if ev.event_type == "Battles" and ev.inter2 == 7 and (ev.actor2 or "").startswith("Civilians") \
            and not ev.assoc_actor_2:
        # no training battle has a civilian side (0 of 7,456): "2 people were killed in clashes", "armed groups
        # occupied the area, pushing civilians to leave" are the toll or the people displaced; the side is left to
        # the rules below (a people side naming a community becomes its militia, so that one stays). Measured on
        # the other sub-event types without civilian sides (disrupted weapons use, agreements ...): a note lost on
        # dev draw 3, none gained, as the coder's choice of those types is the less sure
        ev.actor2, ev.inter2 = None, None
        ev.evidence.pop("actor2", None)
    if ev.event_type in ARMED_EVENTS and frame is not None and (ev.actor2 is None or ev.actor2.startswith("Unidentified")):
        _named_armed_target(ev, frame, document)
    if ev.event_type in ARMED_EVENTS and frame is not None and (ev.actor1 or "").startswith("Unidentified") \
            and ev.actor2 is not None and ev.actor1 != ev.actor2:
        _swap_actors(ev)
        _named_armed_target(ev, frame, document)
        _swap_actors(ev)
    if ev.event_type == "Explosions/Remote violence" and sub != "Air/drone strike" and ev.actor2 is None and country \
            and frame is not None and toll_is_civilians(frame, document.extras.get(FRAMES_KEY, {}).values()):
        ev.actor2, ev.inter2 = generic_name(7, country), 7  # "a bomb exploded; a man was bruised": who it hurt
    within = sub == "Armed clash" and _clash_within_one_actor(ev, frame, document)
    if sub == "Armed clash" and ev.actor2 is None and ev.inter1 in INTRA_INTER and (ev.actor1 or "").startswith("Unidentified"):
        # "rival clans clashed", "shoot-outs between unknown shooters": both sides are that kind of group (no training
        # clash lacks a second side; 369 of 13,422 set unidentified armed groups against each other)
        ev.actor2, ev.inter2 = ev.actor1, ev.inter1
    if sub == "Armed clash" and ev.actor2 is None and ev.inter1 in (2, 3) and country and not within \
            and not (ev.actor1 or "").startswith("Unidentified"):
        # a named rebel or militia fought and the note names no other side: the state's forces (training clashes of
        # a rebel group: 5,164 of 6,473 against state forces; of a political militia 2,618 of 4,538)
        ev.actor2, ev.inter2 = generic_name(1, country), 1
    if sub == "Armed clash" and ev.actor2 is None and ev.inter1 == 4 and country and not within \
            and not (ev.actor1 or "").startswith("Unidentified"):
        # a community's militia fought and the note names no other side: another community's (training clashes led
        # by a communal militia: 547 of 822 against another)
        ev.actor2, ev.inter2 = generic_name(4, country), 4
    if sub == "Disrupted weapons use" and ev.actor2 is None and ev.inter1 in (1, 8) and country:
        weapons_owner(ev, document.actors, {frame.sent, frame.sent + 1, *frame.extra_sents} if frame else set(),
                      generic_name(3, country))
    if sub in ONE_SIDED:
        _one_side(ev)
    within = within or two_mentions_of_one_group(ev, sub)
    if ev.actor1 is not None and ev.actor1 == ev.actor2 and not intra_group(ev) and not within:
        # One actor cannot be both sides: the second is whoever the sub-event implies, else unknown.
        ev.evidence.pop("actor2", None)
        ev.inter2 = book.default_actor2.get(sub)
        ev.actor2 = generic_name(ev.inter2, country, police=sub in POLICE_SUBS) if ev.inter2 else None
        if ev.actor2 == ev.actor1:
            ev.actor2, ev.inter2 = None, None
    if sub == "Peaceful protest" and ev.actor2 is not None and ev.inter2 != 6:
        # whom a peaceful protest addresses is no side of it (ACLED: 7,997 of 8,060 training protests have none)
        ev.actor2, ev.inter2 = None, None
        ev.evidence.pop("actor2", None)
    if sub in book.civilian_sub_events:
        civilians_targeted(ev, generic_name(7, country))
    counter_protest(ev, sub, document.article.text)
    if crowd:
        year = int(ev.event_date[:4]) if ev.event_date and ev.event_date[:4].isdigit() else None
        crowd_police(ev, document.article.text, lambda country: _state_row_name(country, "police", year))
    if crowd and frame is not None:
        drop_opposed(ev, (frame.sent, *frame.extra_sents), document, light_doc(document))
    if ev.event_type == "Riots" and frame is not None:  # after the one-actor check: rioters may face rioters
        text = _event_text(frame, document)
        riot_other_side(ev, (frame.sent, *frame.extra_sents), document, text,
                        crowd_country(document, ev, country, by_name=False), sub, light_doc(document))
        if sub == "Violent demonstration":
            no_one_harmed(ev, text)


def add_identities(ev: Event, identities: dict[tuple[int, int], str], country: str | None = None,
                   doc: Any = None, year: int | None = None) -> None:
    """ACLED names who the people are as an associated actor: striking teachers are "Protesters (X)" with
    "Teachers (X)", killed farmers are "Civilians (X)" with "Farmers (X)"; people-words anywhere in the
    event's sentences go to the one crowd or civilian side (``sitrep.actors.identities``), but none named in
    what a crowd's event is about (``doc``: the parse, ``sitrep.actors.sides_topics``); ``year``: the article's,
    which names identities and companions of a period ("Labor Group" from 2023, ``add_companions``)."""
    from sitrep.actors.identities import attach

    identities = without_topics(ev, identities, doc)
    attach(ev, identities, year, country)
    people_by_position(ev, identities)


_CIVILIANS = re.compile(r"Civilians \((.+)\)$")


def add_article_identities(ev: Event, text: str) -> None:
    """"[women targeted: girls]": the identities ACLED gives every civilian of a note (``who=civilians`` rows of
    ``actors_identity_cues.csv``) also go to a civilian side the note never names (a default victim side), as
    they go to the civilian mentions."""
    from sitrep.stages.actors import identity_cues

    for side, assoc in (("actor1", "assoc_actor_1"), ("actor2", "assoc_actor_2")):
        m = _CIVILIANS.match(getattr(ev, side) or "")
        if m is None:
            continue
        held = [x for x in (getattr(ev, assoc) or "").split("; ") if x]
        for cue, identity, who in identity_cues():
            filled = identity.replace("{country}", m.group(1))
            if who == "civilians" and filled not in held and cue.search(text):
                held.append(filled)
        setattr(ev, assoc, "; ".join(held) or None)


_STATE_PREFIXES = (("Military Forces of ", "military"), ("Police Forces of ", "police"))


def dated_state_name(name: str | None, year: int | None) -> str | None:
    """ACLED names state forces by period: "Military Forces of Mali" -> "Military Forces of Mali (2021-)".

    Generic participants ("a military camp", a default victim) are coded by country only; the actor
    dictionary knows which period's row holds in the article's year.
    """
    if not name or name.endswith(")"):
        return name
    for prefix, kind in _STATE_PREFIXES:
        if name.startswith(prefix):
            return _state_row_name(name[len(prefix) :], kind, year) or name
    return name


_STATE_ROWS: dict[tuple[int, str, str, int | None], tuple[Any, str | None]] = {}


def _state_row_name(country: str, kind: str, year: int | None) -> str | None:
    """The dictionary's state-force row name, kept per (country, kind, year): finding the row scans the
    whole dictionary, and every event of a country asks the same."""
    index = get_matcher().index
    key = (id(index), country, kind, year)
    cached = _STATE_ROWS.get(key)
    if cached is None or cached[0] is not index:
        row = index.state_row(country, kind, year)
        cached = _STATE_ROWS[key] = (index, row.name if row is not None else None)
    return cached[1]
