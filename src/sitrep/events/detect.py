"""Event detection: triggers per clause, then who did what to whom from the parse.

For each sentence: find trigger tokens (lexicon), group them by clause (a
consequence such as "..., killing seven" joins its main clause), keep the
strongest trigger per clause, read its arguments from the dependency parse,
map each argument to an actor (the actors stage's, else a generic participant
typed from its head noun), and record evidence spans. A definite noun trigger
("the attack") that refers back to an earlier event merges into it; general
statements ("some attacks carried out against civilians") are set aside.
"""

from __future__ import annotations

from typing import Any

from sitrep.events.arguments import PASSIVE_DEPS, TARGET_PREPS, ArgumentReader, Frame, Support
from sitrep.events.lexicon import Lexicon, Trigger
from sitrep.events.modality import modality
from sitrep.model import Actor, Document

DEFINITE = {"the", "this", "that", "these", "those"}
NOT_A_RIOT = {"police", "policemen", "gear", "squad", "control", "officers", "officer", "unit", "units", "shield", "shields"}
BACKGROUND_PREPS = {"after", "despite", "since", "amid", "following", "before", "over", "against"}
FAMILY = {
    "explosion": "remote", "ied": "remote", "shelling": "remote", "air_strike": "remote", "grenade": "remote",
    "suicide_bomb": "remote", "chemical": "remote", "attack": "violence", "kill": "violence", "clash": "violence",
    "protest": "demo", "riot": "demo", "force": "demo",
}


VIOLENT = {"violence", "remote"}
CROWD_INTER = {5, 6}  # rioters, protesters


def family(f: Frame, arrests: bool = False) -> str:
    """The frame's family of events; force against demonstrators ("beat protesters with batons") and
    destruction by a crowd ("angry youths set fire to ...") belong to the demonstration; so do arrests
    of demonstrators when asked (within one sentence: "beat protesters and detained several")."""
    fam = FAMILY.get(f.cls, f.cls)
    if (fam == "violence" or arrests and fam == "arrest") and any(a is not None and a.inter == 6 for a in (f.actor2, *f.victims)):
        return "demo"
    if fam == "property" and f.actor1 is not None and f.actor1.inter in CROWD_INTER:
        return "demo"
    return fam
TERMINAL = (".", "!", "?", ":", ";", "\"", "\u201d", "'")


def whole_sentence(sents: list[Any], si: int) -> tuple[int, int]:
    """Character span of the sentence around ``sents[si]``: the parser sometimes cuts a sentence
    inside (a lone "Gunmen" before "abducted 23 students ...", "Deir" before "ez-Zor"). A piece
    that ends without punctuation or paragraph break, followed by one starting in lower case, is
    the same sentence."""
    def joined(a: Any, b: Any) -> bool:
        tail = a.text_with_ws
        return "\n" not in tail and not tail.rstrip().endswith(TERMINAL) and b.text[:1].islower()

    lo = hi = si
    while lo > 0 and joined(sents[lo - 1], sents[lo]):
        lo -= 1
    while hi + 1 < len(sents) and joined(sents[hi], sents[hi + 1]):
        hi += 1
    return sents[lo].start_char, sents[hi].end_char


OBJECT_DEPS = {"dobj", "nsubjpass", "auxpass", "agent", "attr"}


def self_ended(tok: Any, lex: Lexicon) -> bool:
    """A crowd that dispersed on its own ("... before dispersing"): an intransitive use of a
    self-ending verb is no use of force against it."""
    return (tok.pos_ == "VERB" and tok.lemma_.lower() in lex.cues.get("self_ending", frozenset())
            and not any(c.dep_ in OBJECT_DEPS for c in tok.children))


def headline_sents(document: Document, sents: list[Any]) -> set[int]:
    """Indexes of the sentences of the title when the text opens with it."""
    title = (document.article.title or "").strip()
    text = document.article.text
    if not title or not text.lstrip().startswith(title):
        return set()
    end = text.index(title) + len(title)
    return {i for i, s in enumerate(sents) if s.start_char < end}


def _names(f: Frame) -> set[str]:
    return {a.name for a in (f.actor1, f.actor2, *f.assoc1, *f.assoc2, *f.victims) if a is not None}


def _compatible(head: Frame, body: Frame) -> bool:
    """Whether a headline frame can be a summary of a body frame."""
    fh, fb = family(head), family(body)
    if fh != fb and not {fh, fb} <= VIOLENT:
        return False
    if head.modality != body.modality:
        return False
    names = _names(body)
    for role in ("actor1", "actor2"):
        arg = getattr(head, role)
        if arg is None or arg.actor is None or arg.actor.kind != "named":
            continue  # "Gunmen", "Militants": a generic noun names anyone
        if arg.name not in names and getattr(body, role) is not None:
            return False
    return True


PEOPLE_WORDS = {"suspect", "accused", "member", "leader", "activist", "official", "worker", "persons", "person",
                "one", "others", "all", "cadre", "head", "chief", "president", "secretary", "organiser", "organizer"}
NAMED = {"GPE", "LOC", "FAC", "ORG", "EVENT"}
SHOOTING = {"attack", "force"}
SHOT_WORDS = {"fire", "fired", "firing", "shoot", "shot", "shooting", "rounds", "bullet", "bullets"}


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


class Detector(ArgumentReader):
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._starts: dict[int, int] = {}  # phrase trigger head -> first token

    # ---- triggers -------------------------------------------------------------------------
    def _sentence_words(self, sent: Any) -> set[str]:
        words = {t.lower_ for t in sent}
        words |= {t.lemma_.lower() for t in sent}
        return words

    def _cue_ok(self, names: tuple[str, ...], words: set[str]) -> bool:
        for n in names:
            if n.startswith("@"):
                if words & self.lex.cues.get(n[1:], frozenset()):
                    return True
            elif n in words:
                return True
        return False

    def _allowed(self, t: Trigger, tok: Any, words: set[str]) -> bool:
        if t.pos and tok.pos_ not in t.pos:
            return False
        if t.passive and not any(c.dep_ in PASSIVE_DEPS for c in tok.children):
            return False
        if t.passive and not any(c.dep_ == "nsubjpass" and self._someone(c) for c in tok.children):
            return False  # "five men were held", not "the elections were held"
        if t.needs and not self._cue_ok(t.needs, words):
            return False
        if t.unless and self._cue_ok(t.unless, words):
            return False
        return True

    def triggers(self, sent: Any, words: set[str]) -> list[tuple[Any, int, Trigger]]:
        """(head token, end token index, trigger) for every trigger in the sentence."""
        out: list[tuple[Any, int, Trigger]] = []
        taken: set[int] = set()
        toks = list(sent)
        for k, tok in enumerate(toks):
            if tok.i in taken:
                continue
            low = tok.lower_
            for t in self.lex.phrases.get(low, []) + self.lex.phrases.get(tok.lemma_.lower(), []):
                n = len(t.words)
                span = toks[k : k + n]
                if len(span) == n and all(
                    w in (s.lower_, s.lemma_.lower()) for w, s in zip(t.words, span, strict=True)
                ) and self._allowed(t, span[-1] if span[-1].pos_ in ("NOUN", "VERB") else tok, words):
                    head = next((s for s in span if s.head.i < span[0].i or s.head.i > span[-1].i), tok)
                    out.append((head, span[-1].i + 1, t))
                    self._starts[head.i] = span[0].i
                    taken.update(s.i for s in span)
                    break
            if tok.i in taken:
                continue
            if low in ("riot", "anti-riot") and tok.i + 1 < sent.end and tok.nbor(1).lower_ in NOT_A_RIOT:
                continue  # "riot police" are police
            for key in dict.fromkeys((low, tok.lemma_.lower())):  # ordered: the word itself before its lemma
                for t in self.lex.single.get(key, ()):
                    if self._allowed(t, tok, words):
                        out.append((tok, tok.i + 1, t))
                        taken.add(tok.i)
                        break
                if tok.i in taken:
                    break
        return out

    # ---- arguments ------------------------------------------------------------------------
    def is_generic(self, tok: Any) -> bool:
        """A general statement: a plural noun trigger with "some/such/any" or governed by a preposition."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NNS":
            return False
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod")}
        if dets & self.lex.cues.get("generic_marker", frozenset()):
            return True
        if any(c.dep_ == "nummod" for c in tok.children) or dets & DEFINITE:
            return False
        return tok.dep_ == "pobj" and tok.head.lower_ in ("through", "of", "about", "like", "against", "from")

    def detect(self, document: Document, country: str | None = None) -> list[Frame]:
        doc = document.doc
        actors: dict[int, Actor] = {}
        if document.actors:
            for a in document.actors:
                span = doc.char_span(a.start, a.end, alignment_mode="expand")
                if span is not None:
                    for t in span:
                        actors.setdefault(t.i, a)
        # Words inside a name ("Popular Mobilisation Units", "Rapid Support Forces") are not triggers.
        in_name = {i for i, a in actors.items() if a.kind == "named"}
        in_name |= {t.i for ent in doc.ents if ent.label_ in ("ORG", "NORP", "FAC", "WORK_OF_ART", "LAW")
                    for t in ent if t.pos_ == "PROPN" or t.is_title}
        frames: list[Frame] = []
        self._starts = {}
        sents = list(doc.sents)
        for si, sent in enumerate(sents):
            words = self._sentence_words(sent)
            found = [x for x in self.triggers(sent, words) if x[0].i not in in_name and not self_ended(x[0], self.lex)]
            if not found:
                continue
            groups: dict[int, list[tuple[Any, int, Trigger]]] = {}
            for item in found:
                groups.setdefault(self.clause_of(item[0]), []).append(item)
            sent_frames: list[Frame] = []
            trig_at = {item[0].i: item[2] for item in found}
            span = whole_sentence(sents, si)
            for items in groups.values():
                best = max(items, key=lambda x: (self._rank(x[0], x[2], trig_at), -x[0].i))
                f = self._frame(best, si, span, sent, actors, country)
                for item in items:
                    # the clause's other triggers are further mentions of its event ("a boy was killed when
                    # police fired to disperse a mob"), each with its own agent; background ones are not
                    if item is not best and not self._background(item[0]):
                        f.absorb(self._frame(item, si, span, sent, actors, country))
                sent_frames.append(f)
            frames += self._merge_in_sentence(sent_frames)
        head = headline_sents(document, sents)
        body = self._merge_across([f for f in frames if f.sent not in head])
        return self._fold_headline(self._merge_across([f for f in frames if f.sent in head]), inherit_shooters(body))

    def _frame(self, item: tuple[Any, int, Trigger], si: int, span: tuple[int, int], sent: Any,
               actors: dict[int, Actor], country: str | None) -> Frame:
        tok, end, trig = item
        doc = tok.doc
        f = Frame(trig.cls, trig, tok, si, span, modality(tok))
        first = min(self._starts.get(tok.i, tok.i), tok.i)
        f.trigger_span = (doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text))
        f.generic = self.is_generic(tok)
        f.main_clause = self.clause_of(tok) == sent.root.i
        f.reaction = self._reaction(tok)
        self.arguments(f, actors, country, sent)
        return f

    @staticmethod
    def _named_event(f: Frame) -> bool:
        """An event named by a proper-noun modifier that is not its actor ("the Sabarmati Express attack",
        "the Godhra carnage"): a particular event, not a reference back to the one just told."""
        for c in f.tok.children:
            if c.dep_ in ("compound", "nmod", "amod") and (c.tag_ in ("NNP", "NNPS") or c.ent_type_ in NAMED):
                if f.actor1 is None or not f.actor1.start <= c.idx < f.actor1.end:
                    return True
        return False

    def _reaction(self, tok: Any) -> bool:
        """A noun trigger that is the object of a verb of reacting ("condemned the attack", "regretted
        the killings", "a probe into the firing")."""
        if tok.pos_ != "NOUN":
            return False
        cur = tok
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
            cur = cur.head
        head = cur.head
        return cur.dep_ in ("dobj", "prep", "pobj") and head.lemma_.lower() in self.lex.cues.get("reaction", frozenset())

    @staticmethod
    def _background(tok: Any) -> bool:
        """An event named as background or cause ("after clashes", "following two weeks of fighting")."""
        up = tok
        for _ in range(4):
            if up.dep_ == "pobj" and up.head.lower_ in BACKGROUND_PREPS:
                return True
            if up.head.i == up.i or up.pos_ in ("VERB", "AUX") and up.i != tok.i:
                return False
            up = up.head
        return False

    def _fold_headline(self, heads: list[Frame], body: list[Frame]) -> list[Frame]:
        """A headline summarises the body's incident: it yields an event only when the body has none
        compatible (same family of event, no named actor contradicting the body's). A named headline
        actor fills a role the body leaves empty ("Arakan Army takes ..." / "it had captured ...")."""
        kept: list[Frame] = []
        for h in heads:
            host = next((b for b in body if _compatible(h, b)), None)
            if host is None:
                kept.append(h)
                continue
            host.absorb(h)
            for role in ("actor1", "actor2"):
                arg = getattr(h, role)
                if getattr(host, role) is None and arg is not None and arg.actor is not None \
                        and arg.actor.kind == "named" and arg.name not in _names(host):
                    setattr(host, role, arg)
        return sorted(kept + body, key=lambda f: f.tok.i)

    def _rank(self, tok: Any, trig: Trigger, trig_at: dict[int, Trigger]) -> float:
        """How strongly a trigger claims its clause.

        An event named as background ("after clashes") counts less, and so does a
        trigger word that is an argument of another trigger ("arrested the
        protesters", "arrested over the arson"); a modifier ("grenade attack")
        or the cause of a death ("an airstrike killed") keeps its weight.
        """
        rank = self.lex.priority(trig.cls) * min(1.0, trig.weight + 0.4)
        if self._background(tok):
            rank *= 0.5
        if tok.dep_ in ("compound", "amod", "nmod"):
            return rank
        cur = tok
        for _ in range(8):
            if cur.head.i == cur.i or (cur.pos_ in ("VERB", "AUX") and cur.i != tok.i):
                break
            cur = cur.head
            other = trig_at.get(cur.i)
            if other is not None and (self._governs(other, trig) or self._crowd(tok)):
                return rank * 0.4  # "police fired on the mob": the crowd is who it was done to
        return rank

    def _someone(self, tok: Any) -> bool:
        """Whether a noun phrase head names people: a participant noun, a name, a pronoun or a number."""
        return tok.pos_ in ("PROPN", "PRON", "NUM") or tok.lemma_.lower() in self.lex.participants \
            or tok.lower_ in self.lex.participants or tok.lemma_.lower() in PEOPLE_WORDS

    def _crowd(self, tok: Any) -> bool:
        """A trigger word that names a crowd ("mob", "rioters"): people, an argument of a governing trigger."""
        if tok.pos_ != "NOUN" or self.lex.participants.get(tok.lemma_.lower()) not in CROWD_INTER:
            return False
        # only as the one acted on: "set ablaze by an angry mob" keeps the mob as the event
        return tok.dep_ in ("dobj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.lower_ in TARGET_PREPS)

    @staticmethod
    def _governs(head: Trigger, arg: Trigger) -> bool:
        """Whether a trigger governing another trigger word outranks it: people named by a
        weak trigger ("the protesters") are arguments, and an arrest is the event when
        people are arrested over something else ("arrested for the arson")."""
        return head.cls != "kill" and (arg.weight < 1.0 or head.cls == "arrest")

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
            if host.actor2 is None and f.actor2 is not None and f.cls == "kill":
                host.actor2 = f.actor2
        # Two strong frames of one family with the same actor1 are one event told twice.
        merged: list[Frame] = []
        for f in sorted(out, key=lambda f: f.tok.i):
            twin = next((m for m in merged if family(m, True) == family(f, True)
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
            if prev is not None and f.sent != prev.sent and f.modality == prev.modality:
                definite = self._refers_back(f)
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
                demo = same_family and family(f) == "demo" and f.sent - max([prev.sent, *prev.extra_sents]) <= 2
                # "Two civilians were killed in separate attacks. ... in a grenade attack": the weapon named
                # next specifies the same violence, as long as no other attacker is named.
                weapon = (family(prev) == "violence" and family(f) == "remote"
                          and f.sent - max([prev.sent, *prev.extra_sents]) <= 2
                          and (f.actor1 is None or prev.actor1 is None or f.actor1.name == prev.actor1.name))
                demo = demo or weapon
                if demo and not definite and self.lex.priority(f.cls) > self.lex.priority(prev.cls):
                    prev.support.append(Support(prev.sent, prev.trigger_span, prev.cls,  # the old lead mention
                                                prev.actor1.inter if prev.actor1 else None, prev.modality))
                    prev.cls, prev.trigger, prev.tok, prev.trigger_span = f.cls, f.trigger, f.tok, f.trigger_span
                    prev.extra_sents.append(prev.sent)
                    prev.sent, prev.sent_span = f.sent, f.sent_span
                if demo or (definite and same_family) or (
                    bare_toll and family(prev) in ("violence", "remote", "demo", "mob")
                ):
                    if f.sent != prev.sent:
                        prev.extra_sents.append(f.sent)
                    prev.victims += f.victims
                    prev.absorb(f)
                    prev.actor1 = prev.actor1 or f.actor1
                    prev.actor2 = prev.actor2 or f.actor2
                    if self.lex.priority(f.cls) > self.lex.priority(prev.cls) and family(f) == "remote":
                        prev.cls = f.cls
                    continue
            out.append(f)
        specific = [f for f in out if not f.generic]
        # General statements never add events next to specific ones.
        return specific if specific else out
