"""The force holding an attacked post: "militants ambushed an army patrol", "gunmen stormed a police checkpoint".

ACLED codes the post's force (Police Forces of X, Military Forces of X) as the other side of the attack or clash
even when the note names no soldier or policeman. The parse often loses the post as the trigger's object (a
"presumed ... ambushed" read as a clause of its own, or the ambush folded into a later "the attack was repelled"),
so here a violent frame still without another side takes the force of a post its sentence names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.events.participant_names import POLICE, generic_name

if TYPE_CHECKING:
    from sitrep.events.arguments import Frame
    from sitrep.events.lexicon import Lexicon
    from sitrep.model import Actor

STATE_FORCES = 1
CIVILIANS = 7
VIOLENT_CLASSES = {"attack", "clash"}  # an attack on a post is coded either way; shelled positions stay as they were
# a gendarme's post is the police's in ACLED ("Police Forces of Burkina Faso (2015-) Gendarmerie")
POLICE_POSTS = POLICE | {"gendarmerie", "gendarme", "gendarmes"}


def force_holds_post(frames: list[Frame], actors: list[Actor], sents: list[Any], lex: Lexicon,
                     country: str | None) -> None:
    """Give each attack or clash without another side the state force whose post ("army patrol", "police
    station") its sentence names, unless that force is already the attacker."""
    from sitrep.events.arguments import Arg

    places = lex.cues.get("military_place", frozenset())
    for f in frames:
        if f.cls not in VIOLENT_CLASSES or not 0 <= f.sent < len(sents):
            continue
        if f.actor2 is not None and (f.actor1 is None or f.actor2.name != f.actor1.name):
            continue
        if f.actor1 is not None and f.actor1.inter == STATE_FORCES:
            continue  # the army attacking a post is mostly its foe's ("army overran a rebel base")
        if any(v.inter == CIVILIANS for v in f.victims):
            continue  # people harmed near a post ("arrested on a regime checkpoint", "died under torture")
        side = _post_force(sents[f.sent], places, lex, actors, country)
        if side is not None:
            name, start, end, actor = side
            f.actor2 = Arg(name, STATE_FORCES, start, end, actor)


def _post_force(sent: Any, places: frozenset[str], lex: Lexicon, actors: list[Actor],
                country: str | None) -> tuple[str, int, int, Actor | None] | None:
    """The first post in the sentence held by a state force: a force actor named inside its phrase ("SAF
    checkpoints"), else a force word modifying it ("army", "police", "military")."""
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in places or tok.dep_ == "compound":
            continue  # a post naming an area ("under Kanchanpur police station limits") was not attacked
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
        if not mods:
            continue
        left, right = min(c.idx for c in mods), tok.idx
        named = next((a for a in actors if a.inter == STATE_FORCES and left <= a.start < right), None)
        if named is not None:
            return named.name, named.start, named.end, named
        words = {c.lemma_.lower() for c in mods}
        if any(lex.participants.get(w) == STATE_FORCES for w in words):
            police = bool(words & POLICE_POSTS)
            return generic_name(STATE_FORCES, country, police), left, tok.idx + len(tok), None
    return None
