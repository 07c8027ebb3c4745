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

from dataclasses import dataclass, field
from typing import Any

from sitrep.events.lexicon import Lexicon, Trigger
from sitrep.events.modality import modality
from sitrep.model import Actor, Document

PASSIVE_DEPS = ("nsubjpass", "auxpass")
TARGET_PREPS = {"on", "against", "at", "targeting", "upon", "into"}
WITH_CLASSES = {"clash", "agreement", "change_group"}
ASSOC_NOUNS = {"cooperation", "coordination", "support", "help", "assistance", "backing", "collaboration", "conjunction"}
ASSOC_VERBS = {"back", "support", "assist", "aid", "help", "accompany"}
ASSOC_PREPS = {"alongside", "along", "together", "with"}
DEFINITE = {"the", "this", "that", "these", "those"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
SPEECH_VERBS = {"say", "tell", "claim", "report", "confirm", "state", "add", "allege", "announce", "put", "note",
                "accuse", "blame", "demand", "deny", "estimate", "quote"}
NOT_A_RIOT = {"police", "policemen", "gear", "squad", "control", "officers", "officer", "unit", "units", "shield", "shields"}
BACKGROUND_PREPS = {"after", "despite", "since", "amid", "following", "before", "over", "against"}
FAMILY = {
    "explosion": "remote", "ied": "remote", "shelling": "remote", "air_strike": "remote", "grenade": "remote",
    "suicide_bomb": "remote", "chemical": "remote", "attack": "violence", "kill": "violence", "clash": "violence",
    "protest": "demo", "riot": "demo", "force": "demo",
}


@dataclass
class Arg:
    """One participant: an actor from the actors stage or a typed generic noun."""

    name: str
    inter: int
    start: int
    end: int
    actor: Actor | None = None


@dataclass
class Frame:
    """An event as detected, before ACLED coding."""

    cls: str
    trigger: Trigger
    tok: Any  # trigger token
    sent: int
    sent_span: tuple[int, int]
    modality: str
    actor1: Arg | None = None
    actor2: Arg | None = None
    assoc1: list[Arg] = field(default_factory=list)
    assoc2: list[Arg] = field(default_factory=list)
    victims: list[Arg] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)  # head lemmas of objects (targets, places taken)
    generic: bool = False
    extra_sents: list[int] = field(default_factory=list)
    trigger_span: tuple[int, int] = (0, 0)
    main_clause: bool = False  # the trigger's clause is the sentence's main clause

    @property
    def score(self) -> float:
        return self.trigger.weight


class Detector:
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
    def _arg(self, tok: Any, actors: dict[int, Actor], country: str | None) -> Arg | None:
        """The participant at noun phrase head ``tok``."""
        if tok is None:
            return None
        for t in [tok, *[c for c in tok.subtree if c.i != tok.i]]:
            a = actors.get(t.i)
            if a is not None:
                return Arg(a.name, a.inter, a.start, a.end, a)
        lemma = tok.lemma_.lower()
        inter = self.lex.participants.get(lemma) or self.lex.participants.get(tok.lower_)
        for c in tok.children:  # "security forces", "tribal fighters", "security force members"
            mod = self.lex.participants.get(c.lemma_.lower()) if c.dep_ in ("compound", "amod") else None
            if mod is not None and (inter is None or (inter == 7 and mod != 7)):
                inter = mod
                break
        if inter is None:
            return None
        left = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("compound", "amod", "det", "nummod")])
        span = tok.doc[left : tok.i + 1]
        police = inter == 1 and bool({lemma, *(c.lemma_.lower() for c in tok.children)} & POLICE)
        return Arg(generic_name(inter, country, police), inter, span.start_char, span.end_char, None)

    def _pobj(self, prep: Any) -> Any:
        return next((c for c in prep.children if c.dep_ == "pobj"), None)

    def _assoc_from(self, tok: Any, actors: dict[int, Actor], country: str | None) -> list[Arg]:
        """Associated actors hanging off ``tok``: "in cooperation with X", "backed by X", "along with X"."""
        found: list[Arg] = []
        for c in tok.children:
            if c.dep_ == "prep":
                obj = self._pobj(c)
                if obj is None:
                    continue
                if c.lower_ in ("in", "with", "under") and obj.lemma_.lower() in ASSOC_NOUNS:
                    for p in obj.children:  # in cooperation WITH x / with the support OF x
                        if p.dep_ == "prep" and p.lower_ in ("with", "of", "from"):
                            found += self._args_conj(self._pobj(p), actors, country)
                elif c.lower_ in ASSOC_PREPS and c.lower_ != "with":
                    inner = next((p for p in c.children if p.dep_ == "prep"), None)
                    found += self._args_conj(self._pobj(inner) if inner is not None else obj, actors, country)
            elif c.dep_ in ("acl", "amod") and c.lemma_.lower() in ASSOC_VERBS:
                for p in c.children:
                    if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by"):
                        found += self._args_conj(self._pobj(p), actors, country)
            elif c.dep_ == "advmod" and c.lower_ in ("along", "together", "alongside"):
                for p in c.children:
                    if p.dep_ == "prep":
                        found += self._args_conj(self._pobj(p), actors, country)
        return found

    def _args_conj(self, tok: Any, actors: dict[int, Actor], country: str | None) -> list[Arg]:
        if tok is None:
            return []
        out = []
        for t in [tok, *tok.conjuncts]:
            a = self._arg(t, actors, country)
            if a is not None:
                out.append(a)
        return out

    def arguments(self, f: Frame, actors: dict[int, Actor], country: str | None, sent: Any) -> None:
        tok = f.tok
        verb = tok
        # A noun trigger that is the subject of a verb ("an airstrike killed five") shares that verb's objects.
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in SUBJECTS:
            verb = tok.head
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in ("by", "in", "during", "after"):
            verb = tok.head.head  # "killed by a roadside bomb", "died in an airstrike"
        passive = any(c.dep_ in PASSIVE_DEPS for c in verb.children)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        subjpass = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = None
        for c in list(tok.children) + (list(verb.children) if verb.i != tok.i else []):
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and tok.pos_ == "NOUN"):
                agent = self._pobj(c)
                break
        a1_tok = agent
        if a1_tok is None and verb.i == tok.i and not passive and subj is not None:
            a1_tok = subj
        if a1_tok is None and tok.pos_ == "NOUN":
            # "ISIS attack", "the army's offensive"
            a1_tok = next((c for c in tok.children if c.dep_ in ("poss", "compound", "amod")
                           and self._arg(c, actors, country) is not None), None)
        if a1_tok is None and tok.pos_ == "NOUN":
            # "attacks carried out by X"; "X launched an operation"
            for c in tok.children:
                if c.dep_ == "acl":
                    a1_tok = next((self._pobj(g) for g in c.children if g.dep_ == "agent"), None)
            if a1_tok is None and tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
                a1_tok = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if a1_tok is None and tok.dep_ in ("xcomp", "advcl", "conj") and tok.pos_ == "VERB":
            head = tok.head
            # object control ("prompted the ISF to deploy") before subject control ("vowed to attack")
            controller = next((c for c in head.children if c.dep_ == "dobj"), None) if tok.dep_ == "xcomp" else None
            a1_tok = controller or next((c for c in head.children if c.dep_ == "nsubj"), None)
        a1s = self._args_conj(a1_tok, actors, country)
        if a1s:
            f.actor1 = a1s[0]
            f.assoc1 += a1s[1:]
        # targets
        t_tok = None
        if passive and subjpass is not None:
            t_tok = subjpass
        for c in tok.children:
            if t_tok is not None:
                break
            if c.dep_ in ("dobj", "attr") and tok.pos_ == "VERB":
                t_tok = c
            elif c.dep_ == "prep" and (c.lower_ in TARGET_PREPS or (c.lower_ == "with" and f.cls in WITH_CLASSES)):
                t_tok = self._pobj(c)
            elif c.dep_ == "prep" and c.lower_ == "between":
                pair = self._args_conj(self._pobj(c), actors, country)
                if pair:
                    f.actor1 = f.actor1 or pair[0]
                    if len(pair) > 1:
                        t_tok = None
                        f.actor2 = pair[1]
        if t_tok is None and verb.i != tok.i:
            t_tok = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if t_tok is not None:
            f.objects.append(t_tok.lemma_.lower())
            f.objects += [c.lemma_.lower() for c in t_tok.children if c.dep_ in ("compound", "amod")]
            a2s = self._args_conj(t_tok, actors, country)
            if a2s and f.actor2 is None:
                f.actor2 = a2s[0]
                f.assoc2 += a2s[1:]
        # associated actors of actor1: on the trigger, its verb, or actor1's phrase
        hosts = {tok, verb, *([a1_tok] if a1_tok is not None else [])}
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "attr"):
            hosts.add(tok.head)  # "with the support of X, the army launched an assault"
        if tok.pos_ == "VERB":
            hosts |= {c for c in tok.children if c.dep_ == "dobj"}  # "launched an operation in coordination with X"
        for host in sorted(hosts, key=lambda t: t.i):
            for a in self._assoc_from(host, actors, country):
                if f.actor1 is None:
                    f.actor1 = a
                elif a.name != f.actor1.name and all(a.name != b.name for b in f.assoc1):
                    f.assoc1.append(a)
        # victims: people killed or hurt in the sentence, for civilian targeting
        for t in sent:
            if t.lemma_.lower() in ("kill", "injure", "wound", "die", "dead", "hurt", "shoot", "behead", "abduct",
                                    "kidnap", "rape", "beat", "attack", "target"):
                for c in t.children:
                    if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "nsubj" and t.lemma_.lower() in ("die",)):
                        f.victims += self._args_conj(c, actors, country)
        self._linear_fallback(f, actors, sent)

    def _linear_fallback(self, f: Frame, actors: dict[int, Actor], sent: Any) -> None:
        """Named actors the parse did not attach: nearest before the trigger is actor1, after it actor2."""
        if f.actor1 is not None and f.actor2 is not None:
            return
        used = {a.start for a in [f.actor1, f.actor2, *f.assoc1] if a is not None}
        here = self.clause_of(f.tok)
        seen: set[int] = set()
        before: list[Actor] = []
        after: list[Actor] = []
        for i in range(sent.start, sent.end):
            a = actors.get(i)
            if a is None or a.start in used or a.start in seen:
                continue
            span = sent.doc.char_span(a.start, a.end, alignment_mode="expand")
            tok = span.root if span is not None else sent.doc[i]
            if self.clause_of(tok) != here and abs(tok.i - f.tok.i) > 4:
                continue  # an actor of another clause ("he alleged the government failed ... after the killings")
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS or (
                tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
            ):
                continue  # the source of a report is not a party to the event
            seen.add(a.start)
            (before if i < f.tok.i else after).append(a)
        if f.actor1 is None and before:
            a = before[-1]
            f.actor1 = Arg(a.name, a.inter, a.start, a.end, a)
        elif f.actor1 is None and after and f.cls in ("protest", "riot", "change_group", "hq", "agreement"):
            a = after.pop(0)
            f.actor1 = Arg(a.name, a.inter, a.start, a.end, a)
        if f.actor2 is None and after and not f.victims and f.cls not in ("protest", "change_group", "hq", "other",
                                                                            "transfer"):
            a = after[0]
            if f.actor1 is None or a.name != f.actor1.name:
                f.actor2 = Arg(a.name, a.inter, a.start, a.end, a)

    # ---- whole document -------------------------------------------------------------------
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

    def clause_of(self, tok: Any) -> int:
        """Index of the clause head: climb until a verb with its own subject, or the root."""
        cur = tok
        for _ in range(12):
            if cur.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in cur.children):
                return int(cur.i)
            if cur.dep_ == "ROOT" or cur.head.i == cur.i:
                return int(cur.i)
            if cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("conj", "ccomp", "relcl", "parataxis") and any(
                c.dep_ in SUBJECTS for c in cur.children
            ):
                return int(cur.i)
            if cur.i == tok.i and cur.pos_ == "VERB" and cur.dep_ == "conj" and cur.head.pos_ == "VERB" and any(
                c.dep_ in ("dobj", "nsubjpass") for c in cur.children
            ):
                return int(cur.i)  # "arrested ten men and shot dead two others": one action per conjoined verb
            cur = cur.head
        return int(cur.i)

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
        for si, sent in enumerate(doc.sents):
            words = self._sentence_words(sent)
            found = [x for x in self.triggers(sent, words) if x[0].i not in in_name]
            if not found:
                continue
            groups: dict[int, list[tuple[Any, int, Trigger]]] = {}
            for item in found:
                groups.setdefault(self.clause_of(item[0]), []).append(item)
            sent_frames: list[Frame] = []
            trig_at = {item[0].i: item[2] for item in found}
            for items in groups.values():
                tok, end, trig = max(items, key=lambda x: (self._rank(x[0], x[2], trig_at), -x[0].i))
                f = Frame(trig.cls, trig, tok, si, (sent.start_char, sent.end_char), modality(tok))
                first = min(self._starts.get(tok.i, tok.i), tok.i)
                f.trigger_span = (doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text))
                f.generic = self.is_generic(tok)
                f.main_clause = self.clause_of(tok) == sent.root.i
                self.arguments(f, actors, country, sent)
                sent_frames.append(f)
            frames += self._merge_in_sentence(sent_frames)
        return self._merge_across(frames)

    def _rank(self, tok: Any, trig: Trigger, trig_at: dict[int, Trigger]) -> float:
        """How strongly a trigger claims its clause.

        An event named as background ("after clashes") counts less, and so does a
        trigger word that is an argument of another trigger ("arrested the
        protesters", "arrested over the arson"); a modifier ("grenade attack")
        or the cause of a death ("an airstrike killed") keeps its weight.
        """
        rank = self.lex.priority(trig.cls) * min(1.0, trig.weight + 0.4)
        up = tok
        for _ in range(4):  # "after clashes", "following two weeks of fighting"
            if up.dep_ == "pobj" and up.head.lower_ in BACKGROUND_PREPS:
                rank *= 0.5
                break
            if up.head.i == up.i or up.pos_ in ("VERB", "AUX") and up.i != tok.i:
                break
            up = up.head
        if tok.dep_ in ("compound", "amod", "nmod"):
            return rank
        cur = tok
        for _ in range(8):
            if cur.head.i == cur.i or (cur.pos_ in ("VERB", "AUX") and cur.i != tok.i):
                break
            cur = cur.head
            other = trig_at.get(cur.i)
            if other is not None and self._governs(other, trig):
                return rank * 0.4
        return rank

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
            return [best]
        out = list(strong)
        for f in frames:
            if f in strong:
                continue
            host = min(strong, key=lambda s: abs(s.tok.i - f.tok.i))
            host.victims += f.victims
            if host.actor2 is None and f.actor2 is not None and f.cls == "kill":
                host.actor2 = f.actor2
        # Two strong frames of one family with the same actor1 are one event told twice.
        merged: list[Frame] = []
        for f in sorted(out, key=lambda f: f.tok.i):
            twin = next((m for m in merged if FAMILY.get(m.cls, m.cls) == FAMILY.get(f.cls, f.cls)
                         and (FAMILY.get(f.cls) == "demo"  # a protest and the police response to it
                              or f.actor1 is None or m.actor1 is None or f.actor1.name == m.actor1.name)), None)
            if twin is None:
                merged.append(f)
                continue
            keep, drop = (twin, f) if self.lex.priority(twin.cls) >= self.lex.priority(f.cls) else (f, twin)
            if FAMILY.get(f.cls) == "demo" and keep.actor1 is not None and drop.actor1 is not None \
                    and keep.actor1.name != drop.actor1.name:
                keep.actor2 = keep.actor2 or drop.actor1  # the demonstrators and the force facing them
            keep.actor1 = keep.actor1 or drop.actor1
            keep.actor2 = keep.actor2 or drop.actor2
            keep.victims += drop.victims
            if keep is f:
                merged[merged.index(twin)] = f
        return merged

    def _merge_across(self, frames: list[Frame]) -> list[Frame]:
        """Coreference-light: "the attack"/"the blast" or a bare casualty report joins the previous event."""
        out: list[Frame] = []
        for f in frames:
            prev = out[-1] if out else None
            if prev is not None and f.sent != prev.sent and f.modality == prev.modality:
                definite = f.tok.pos_ == "NOUN" and any(
                    c.dep_ == "det" and c.lower_ in DEFINITE for c in f.tok.children
                )
                same_family = FAMILY.get(f.cls, f.cls) == FAMILY.get(prev.cls, prev.cls)
                bare_toll = f.cls == "kill" and f.actor1 is None
                repeat = f.tok.pos_ == "NOUN" and f.actor1 is None and any(p.cls == f.cls for p in out)
                if repeat and not (definite and same_family):
                    continue
                # A demonstration told over several sentences (protest, then tear gas, then stones) is one event.
                demo = same_family and FAMILY.get(f.cls) == "demo" and f.sent - max([prev.sent, *prev.extra_sents]) <= 2
                # "Two civilians were killed in separate attacks. ... in a grenade attack": the weapon named
                # next specifies the same violence, as long as no other attacker is named.
                weapon = (FAMILY.get(prev.cls) == "violence" and FAMILY.get(f.cls) == "remote"
                          and f.sent - max([prev.sent, *prev.extra_sents]) <= 2
                          and (f.actor1 is None or prev.actor1 is None or f.actor1.name == prev.actor1.name))
                demo = demo or weapon
                if demo and self.lex.priority(f.cls) > self.lex.priority(prev.cls):
                    prev.cls, prev.trigger, prev.tok, prev.trigger_span = f.cls, f.trigger, f.tok, f.trigger_span
                    prev.extra_sents.append(prev.sent)
                    prev.sent, prev.sent_span = f.sent, f.sent_span
                if demo or (definite and same_family) or (
                    bare_toll and FAMILY.get(prev.cls) in ("violence", "remote", "demo")
                ):
                    if f.sent != prev.sent:
                        prev.extra_sents.append(f.sent)
                    prev.victims += f.victims
                    prev.actor1 = prev.actor1 or f.actor1
                    prev.actor2 = prev.actor2 or f.actor2
                    if self.lex.priority(f.cls) > self.lex.priority(prev.cls) and FAMILY.get(f.cls) == "remote":
                        prev.cls = f.cls
                    continue
            out.append(f)
        specific = [f for f in out if not f.generic]
        # General statements never add events next to specific ones.
        return specific if specific else out


GENERIC_NAMES = {
    1: "Military Forces", 2: "Unidentified Armed Group", 3: "Unidentified Armed Group", 4: "Unidentified Communal Militia",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "Unidentified External Forces",
}


POLICE = {"police", "policeman", "policemen", "cop", "cops", "constable", "officer", "officers", "jawan", "jawans"}


def generic_name(inter: int, country: str | None, police: bool = False) -> str:
    """ACLED's generic actor name for a participant of type ``inter`` in ``country``."""
    base = GENERIC_NAMES.get(inter, "Unidentified Actor")
    if inter == 1:
        base = "Police Forces" if police else base
        return f"{base} of {country}" if country else base
    return f"{base} ({country})" if country else base
