"""Merging detections into events: within a sentence, across sentences, and with the headline.

One incident is told in many mentions: weaker triggers of a sentence fold into its strongest event;
"the attack", a bare casualty report or a demonstration told over several sentences join the event
before them; a headline summarises the body. Every folded mention is kept as a supporting mention
(``Frame.support``) so the event's evidence shows all the sentences that report it. Shots fired with
no shooter named go to the state force last seen acting.
"""

from __future__ import annotations

from typing import Any

from sitrep.events.arguments import Frame, Support
from sitrep.events.families import (
    APART,
    CROWD_ACTS,
    CROWD_INTER,
    CROWD_RESPONDED,
    DEFINITE,
    FAMILY,
    FORCE_ACTS,
    FORCE_SIDES,
    FOUGHT_FOR,
    VIOLENT,
    family,
    headline_fits,
    names_of,
    one_bombing,
    sentences_after,
)
from sitrep.events.lexicon import Lexicon

# the moved names, for their importers
__all__ = ["APART", "CROWD_ACTS", "CROWD_INTER", "CROWD_RESPONDED", "DEFINITE", "FAMILY", "FORCE_ACTS", "FORCE_SIDES",
           "FOUGHT_FOR", "VIOLENT", "Merger", "family", "fold_interceptions", "fold_repulses", "inherit_shooters",
           "sentences_after"]

NAMED = {"GPE", "LOC", "FAC", "ORG", "EVENT"}
SHOOTING = {"attack", "force"}
SHOT_WORDS = {"fire", "fired", "firing", "shoot", "shot", "shooting", "rounds", "bullet", "bullets"}
# "The bodyguards exchanged fire with the attackers" after an ambush: the attacked side fired back (training
# notes with an attack told and an exchange of fire in the next sentence: armed clash in 11 of 12)
EXCHANGE = {"exchange", "exchanged", "exchanging"}
# conjunctions of a clause that tells when the main act was done, not a second act of its own
TEMPORAL_MARKS = {"when", "as", "after", "while", "during"}


def _same_doer(main: Frame, sub: Frame) -> bool:
    """The clause's agent is the main act's: none named, a pronoun ("when they attacked"), or the same name."""
    if sub.actor1 is None or main.actor1 is None:
        return True
    if sub.actor1.name == main.actor1.name:
        return True
    span = sub.tok.doc.char_span(sub.actor1.start, sub.actor1.end, alignment_mode="expand")
    return span is not None and span.root.pos_ == "PRON"


def fold_circumstances(frames: list[Frame]) -> list[Frame]:
    """"Militiamen abducted six civilians when they attacked the community": a temporal clause whose doer is
    the main act's tells the circumstance of that act, which ACLED codes (training notes with a main act
    and a "when/as/after they attacked" clause: the main act's type in all 12 with a typed main verb).
    A clash in the clause is coded apart (another side fought), so it stays an event of its own."""
    out = list(frames)
    for sub in frames:
        if sub.tok.dep_ != "advcl" or sub.cls in APART or sub.modality != "asserted" \
                or not any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS for c in sub.tok.children):
            continue
        main = next((m for m in out if m is not sub and m.tok.i == sub.tok.head.i
                     and m.modality == "asserted" and m.cls != "kill"), None)
        if main is None or not _same_doer(main, sub):
            continue
        main.actor1 = main.actor1 or sub.actor1
        main.actor2 = main.actor2 or sub.actor2
        main.victims += sub.victims
        main.absorb(sub)
        out.remove(sub)
    return out


def face_crowd(crowd: Frame, force: Frame) -> None:
    """The force that answered a crowd becomes its other side, with the allies its own words named: "Security
    forces (presumed police and military) fired teargas" after the protest keeps the police beside them."""
    crowd.actor2 = force.actor1
    crowd.assoc2 += [a for a in force.assoc1 if all(a.name != b.name for b in (force.actor1, *crowd.assoc2) if b)]


def shots(f: Frame) -> bool:
    return bool({f.tok.lemma_.lower(), f.tok.lower_, *f.trigger.words} & SHOT_WORDS)


def inherit_shooters(frames: list[Frame]) -> list[Frame]:
    """Shots with no shooter named ("six rounds were fired", "injured in the firing") are credited to the
    state force last seen acting, within two sentences ("Police moved in to disperse the mob. Six rounds
    were fired."): a crowd or gunmen firing are named as such, the security forces' firing often is not."""
    last: Frame | None = None
    for f in frames:
        if f.actor1 is None and f.cls in SHOOTING and shots(f) and last is not None \
                and last.actor1 is not None and last.actor1.inter == 1 and 0 <= f.sent - last.sent <= 2:
            f.actor1 = last.actor1
        if f.actor1 is not None and f.actor1.inter == 1:
            last = f
    return frames


def answers_attack(f: Frame, lex: Lexicon) -> bool:
    """A clash told as the attacked side's answer: "repelled the attack", "fought back", "returned fire",
    "exchanged fire"."""
    words = {f.tok.lemma_.lower(), f.tok.lower_, *f.trigger.words}
    words |= {c.lower_ for c in f.tok.children if c.dep_ in ("prt", "advmod")}  # "fought back"
    return f.cls == "clash" and bool(words & (lex.cues.get("repulse", frozenset()) | EXCHANGE))


def fold_repulses(frames: list[Frame], lex: Lexicon) -> list[Frame]:
    """An attack the attacked side fights off ("... attacked the village, the villagers repelled the attack";
    "gunmen attacked the hotel. Soldiers fought back") is one event, an armed clash (ACLED's codebook: both
    sides fire), with those who fought back as the other side; told in the same sentence or the next."""
    out: list[Frame] = []
    for f in frames:
        prev = out[-1] if out else None
        if prev is not None and answers_attack(f, lex) and family(prev) in VIOLENT and prev.cls != "clash" \
                and f.modality == prev.modality == "asserted" \
                and 0 <= sentences_after(prev, f) <= 1 \
                and (f.actor1 is None or prev.actor1 is None or f.actor1.name != prev.actor1.name):
            prev.cls = f.cls
            if f.actor1 is not None and (prev.actor2 is None or prev.actor2.inter == 7):
                prev.actor2 = f.actor1  # those who fought back are the other side
            prev.victims += f.victims
            prev.absorb(f)
            if f.sent != prev.sent:
                prev.extra_sents.append(f.sent)
            continue
        out.append(f)
    return out


def fold_interceptions(frames: list[Frame], lex: Lexicon) -> list[Frame]:
    """A launch followed by its interception ("fired rockets towards Sderot; they were intercepted") is one
    event, the disrupted weapons use: the interceptor acts on the launcher, who becomes the other side."""
    words = lex.cues.get("interception", frozenset())
    out: list[Frame] = []
    for f in frames:
        launch = out[-1] if out else None
        if launch is not None and f.cls == "disrupted" and f.modality == "asserted" == launch.modality \
                and bool({f.tok.lemma_.lower(), *f.trigger.words} & words) and family(launch) == "remote" \
                and 0 <= f.sent - launch.sent <= 1:
            if f.actor1 is not None and (f.a1_guessed or launch.actor1 is not None
                                         and f.actor1.name == launch.actor1.name):
                f.actor1 = None  # the launcher placed by position does not stop its own weapon
            if f.actor2 is None or (launch.actor1 is not None and f.actor2.inter == 7):
                f.actor2 = launch.actor1  # a pronoun or the weapon read as a target is no side
            f.assoc2 += launch.assoc1
            f.victims += launch.victims
            f.absorb(launch)
            if launch.sent != f.sent:
                f.extra_sents.append(launch.sent)
            out[-1] = f
            continue
        out.append(f)
    return out


class Merger:
    """Merging for the detector (needs ``self.lex``)."""

    lex: Lexicon

    @staticmethod
    def _named_event(f: Frame) -> bool:
        """An event named by a proper-noun modifier that is not its actor ("the Sabarmati Express attack",
        "the Godhra carnage"): a particular event, not a reference back to the one just told."""
        for c in f.tok.children:
            if c.dep_ in ("compound", "nmod", "amod") and (c.tag_ in ("NNP", "NNPS") or c.ent_type_ in NAMED):
                if f.actor1 is None or not f.actor1.start <= c.idx < f.actor1.end:
                    return True
        return False

    def _fold_headline(self, heads: list[Frame], body: list[Frame]) -> list[Frame]:
        """A headline summarises the body's incident: it yields an event only when the body has none
        compatible (same family of event, no named actor contradicting the body's). A named headline
        actor fills a role the body leaves empty ("Arakan Army takes ..." / "it had captured ...")."""
        kept: list[Frame] = []
        for h in heads:
            host = next((b for b in body if headline_fits(h, b)), None)
            if host is None:
                kept.append(h)
                continue
            host.absorb(h)
            for role in ("actor1", "actor2"):
                arg = getattr(h, role)
                if getattr(host, role) is None and arg is not None and arg.actor is not None \
                        and arg.actor.kind == "named" and arg.name not in names_of(host):
                    setattr(host, role, arg)
        return sorted(kept + body, key=lambda f: f.tok.i)

    @staticmethod
    def _fold_force_into_crowd_violence(frames: list[Frame]) -> list[Frame]:
        """"residents attacked a police station; police fired live rounds, killing one rioter": the state
        force's response inside a crowd's violence is part of that riot, with the force as the other side."""
        out: list[Frame] = []
        for f in sorted(frames, key=lambda f: f.tok.i):
            crowd = next((m for m in out if m.actor1 is not None and m.actor1.inter in CROWD_RESPONDED
                          and m.cls in CROWD_ACTS and m.modality == f.modality), None)
            if crowd is not None and f.actor1 is not None and f.actor1.inter == 1 and f.cls in FORCE_ACTS \
                    and (f.actor2 is None or f.actor2.inter in CROWD_RESPONDED) \
                    and (crowd.actor2 is None or crowd.actor2.inter == 1):
                if crowd.actor2 is None:
                    face_crowd(crowd, f)
                crowd.victims += f.victims
                crowd.absorb(f)
                continue
            out.append(f)
        return out

    def _merge_in_sentence(self, frames: list[Frame]) -> list[Frame]:
        """Weak frames (a bare "killed", "dead") fold into a stronger frame of the same sentence."""
        if len(frames) < 2:
            return frames
        strong = [f for f in frames if f.cls != "kill" and f.trigger.weight >= 0.6]
        if not strong:
            best = max(frames, key=lambda f: f.trigger.weight)
            for f in frames:
                if f is not best:
                    best.absorb(f)
            return [best]
        out = list(strong)
        for f in frames:
            if f in strong:
                continue
            host = min(strong, key=lambda s: abs(s.tok.i - f.tok.i))
            host.victims += f.victims
            host.absorb(f)
            self.take_killer(host, f)
            if host.actor2 is None and f.actor2 is not None and f.cls == "kill":
                host.actor2 = f.actor2
        out = self._fold_force_into_crowd_violence(out)
        out = self._fold_operations_into_acts(out)
        out = fold_circumstances(out)
        # Two strong frames of one family with the same actor1 are one event told twice.
        merged: list[Frame] = []
        for f in sorted(out, key=lambda f: f.tok.i):
            twin = next((m for m in merged if (family(m, True) == family(f, True) or one_bombing(m, f))
                         and (family(f, True) == "demo"  # a protest and the police response to it
                              or f.actor1 is None or m.actor1 is None or f.actor1.name == m.actor1.name)), None)
            if twin is None:
                merged.append(f)
                continue
            keep, drop = (twin, f) if self.lex.priority(twin.cls) >= self.lex.priority(f.cls) else (f, twin)
            if family(f, True) == "demo" and keep.actor1 is not None and drop.actor1 is not None \
                    and keep.actor1.name != drop.actor1.name:
                keep.actor2 = keep.actor2 or drop.actor1  # the demonstrators and the force facing them
            keep.actor1 = keep.actor1 or drop.actor1
            keep.actor2 = keep.actor2 or drop.actor2
            keep.victims += drop.victims
            keep.absorb(drop)
            if keep is f:
                merged[merged.index(twin)] = f
        return merged

    @staticmethod
    def _fold_operations_into_acts(frames: list[Frame]) -> list[Frame]:
        """"QSD launched a security operation and detained forty men": the operation is how the act was done,
        not a change of activity of its own, when the sentence tells what was done in it by the same side."""
        ops = [f for f in frames if f.cls == "change_group"]
        acts = [f for f in frames if f.cls != "change_group"]
        if not ops or not acts:
            return frames
        kept = list(acts)
        for op in ops:
            host = next((a for a in sorted(acts, key=lambda a: abs(a.tok.i - op.tok.i))
                         if a.actor1 is None or op.actor1 is None or a.actor1.name == op.actor1.name), None)
            if host is None:
                kept.append(op)
                continue
            host.actor1 = host.actor1 or op.actor1
            host.absorb(op)
        return sorted(kept, key=lambda f: f.tok.i)

    @classmethod
    def take_killer(cls, host: Frame, kill: Frame) -> None:
        """"TMF with Iraqi forces killed 15 IS militants in an ambush": the killing's agent and allies are
        the event's when the host (the ambush) only had a neighbour placed by position."""
        if kill.cls != "kill" or not cls._killer_leads(host, kill) or kill.actor1 is None:
            return
        host.actor1, host.assoc1, host.a1_guessed = kill.actor1, list(kill.assoc1), False
        if host.actor2 is not None and host.actor2.name == kill.actor1.name:
            host.actor2 = None

    @staticmethod
    def _killer_leads(host: Frame, kill: Frame) -> bool:
        """Whether a kill frame's own agent (read from the parse) should replace its host's: the host has
        none of its own, one only placed by position, or its noun hangs under the kill verb ("killed five
        in an ambush")."""
        if kill.actor1 is None or kill.a1_guessed:
            return False
        if host.actor1 is None or host.a1_guessed:
            return True
        up = host.tok
        for _ in range(3 if host.tok.pos_ == "NOUN" else 0):
            if up.head.i == up.i:
                break
            up = up.head
            if up.i == kill.tok.i:
                return True
        return False

    @staticmethod
    def _same_actor_again(prev: Frame, f: Frame) -> bool:
        """Whether ``f``'s agent is ``prev``'s named again by a definite phrase or a pronoun ("the militants",
        "they"), with no other target named."""
        a, b = prev.actor1, f.actor1
        if a is None or b is None or f.a1_guessed:
            return False
        if a.name != b.name and not ((b.actor is None or b.actor.kind != "named") and b.inter == a.inter):  # "the fighters": ISWAP again
            return False
        if f.actor2 is not None and prev.actor2 is not None and f.actor2.name != prev.actor2.name:
            return False
        doc = f.tok.doc
        span = doc.char_span(b.start, b.end, alignment_mode="expand")
        if span is None:
            return False
        first = span[0] if span[0].lower_ in DEFINITE or span.start == 0 else doc[span.start - 1]
        return first.lower_ in DEFINITE or span.root.pos_ == "PRON"

    def _detail_of(self, prev: Frame, f: Frame) -> bool:
        """``f`` only adds to ``prev``: its agent is ``prev``'s named again, it names no target, no victim and
        no toll of its own, and it is no event that ACLED codes apart (a later clash, a capture)."""
        return f.actor2 is None and not f.victims and f.cls not in APART and family(prev) != "demo" \
            and self._same_actor_again(prev, f)

    def _refers_back(self, f: Frame) -> bool:
        """A definite event noun ("the attack") or a verb acting on one ("repelled the assault")."""
        def definite(tok: Any) -> bool:
            return (tok.pos_ == "NOUN" or tok.tag_ == "VBG") and any(c.dep_ == "det" and c.lower_ in DEFINITE
                                                                    for c in tok.children)

        if definite(f.tok):
            return not self._named_event(f)
        # only an act of violence as object: "detained the protesters" names people, not an event
        return f.tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and definite(c) and any(t.weight >= 1.0 and FAMILY.get(t.cls) in VIOLENT
                                                     for t in self.lex.single.get(c.lemma_.lower(), ()))
            for c in f.tok.children)

    def _merge_across(self, frames: list[Frame]) -> list[Frame]:
        """Coreference-light: "the attack"/"the blast" or a bare casualty report joins the previous event."""
        out: list[Frame] = []
        for f in frames:
            prev = out[-1] if out else None
            if prev is not None and f.sent != prev.sent and f.cls == "kill" and f.actor1 is None \
                    and f.modality == "negated" and prev.modality == "asserted" \
                    and family(prev) in ("violence", "remote", "property", "demo", "mob") \
                    and sentences_after(prev, f) <= 2:
                prev.absorb(f)  # "No casualties were reported.": a word on the toll of the event told, no event
                continue
            if prev is not None and f.sent != prev.sent and f.modality == prev.modality:
                definite = self._refers_back(f)
                gap = sentences_after(prev, f)  # read once: a lead swap below moves prev only once `demo` holds
                same_family = family(f) == family(prev) or (
                    definite and {family(f), family(prev)} <= VIOLENT)  # "the attack" = the bombing
                bare_toll = f.cls == "kill" and f.actor1 is None
                repeat = f.tok.pos_ == "NOUN" and f.actor1 is None and any(p.cls == f.cls for p in out) \
                    and not self._named_event(f)
                if repeat and not (definite and same_family):
                    # the same kind of event named again without an agent: a further mention of it
                    next(p for p in reversed(out) if p.cls == f.cls).absorb(f)
                    continue
                # A demonstration told over several sentences (protest, then tear gas, then stones) is one event.
                demo = same_family and family(f) == "demo" and gap <= 2
                # "Two civilians were killed in separate attacks. ... in a grenade attack": the weapon named
                # next specifies the same violence, as long as no other attacker is named.
                weapon = (family(prev) == "violence" and family(f) == "remote"
                          and gap <= 2
                          and (f.actor1 is None or prev.actor1 is None or f.actor1.name == prev.actor1.name))
                demo = demo or weapon
                # "The militants seized livestock" after "militants looted ...": the same actor named again
                # goes on with the same kind of act
                demo = demo or (same_family and self._same_actor_again(prev, f)
                                and gap <= 1)
                if demo and not definite and self.lex.priority(f.cls) > self.lex.priority(prev.cls):
                    prev.support.append(Support(prev.sent, prev.trigger_span, prev.cls,  # the old lead mention
                                                prev.actor1.inter if prev.actor1 else None, prev.modality))
                    prev.cls, prev.trigger, prev.tok, prev.trigger_span = f.cls, f.trigger, f.tok, f.trigger_span
                    prev.extra_sents.append(prev.sent)
                    prev.sent, prev.sent_span = f.sent, f.sent_span
                # "M23 entered Goma after clashes with the army. Dozens were killed in the fighting": the
                # fighting told again is the battle for the place taken
                taken = prev.cls in FOUGHT_FOR and f.cls == "clash" and definite and f.actor1 is None \
                    and gap <= 2
                # "Gunmen abducted 23 students ... Residents said the attackers arrived on motorcycles and
                # fired into the air": the same agent named again, acting on no one new, tells more of the event
                demo = demo or (self._detail_of(prev, f) and gap <= 1)
                if demo or taken or (definite and same_family) or (
                    bare_toll and family(prev) in ("violence", "remote", "demo", "mob")
                ):
                    if f.sent != prev.sent:
                        prev.extra_sents.append(f.sent)
                    prev.victims += f.victims
                    prev.absorb(f)
                    if family(f) == "demo" and prev.actor1 is not None and f.actor1 is not None \
                            and f.actor1.inter in FORCE_SIDES and prev.actor1.inter not in FORCE_SIDES:
                        # "graduates protested ... Security forces beat protesters": the force facing the
                        # demonstrators is the other side (as when both are told in one sentence)
                        if prev.actor2 is None:
                            face_crowd(prev, f)
                    prev.actor1 = prev.actor1 or f.actor1
                    # the victims told first are whom it was done to: "the attack ... disputes of the gang" later
                    # names no second side
                    prev.actor2 = prev.actor2 or (None if prev.victims else f.actor2)
                    if self.lex.priority(f.cls) > self.lex.priority(prev.cls) and family(f) == "remote":
                        prev.cls = f.cls
                    if f.cls == "clash" and prev.cls in ("attack", "kill") and f.modality == "asserted":
                        # "... attacked the village. Village self-defence repulsed the attack": the attacked side
                        # fought back, a clash (training notes telling a repulse or return of fire: 411 of 539)
                        prev.cls = f.cls
                        if f.actor1 is not None and (prev.actor1 is None or f.actor1.name != prev.actor1.name) and (
                                prev.actor2 is None or prev.actor2.inter == 7):
                            prev.actor2 = f.actor1  # those who fought back are the other side
                    continue
            out.append(f)
        specific = [f for f in out if not f.generic]
        # General statements never add events next to specific ones.
        return specific if specific else out
