"""Event detection: triggers per clause, then who did what to whom from the parse.

For each sentence: find trigger tokens (lexicon), group them by clause (a
consequence such as "..., killing seven" joins its main clause), keep the
strongest trigger per clause, read its arguments from the dependency parse,
map each argument to an actor (the actors stage's, else a generic participant
typed from its head noun), and record evidence spans. The clause's other
triggers stay as supporting mentions of its event. Merging within and across
sentences ("the attack" refers back, a bare toll joins the incident) is in
``sitrep.events.merge``; general statements ("some attacks carried out against
civilians") are set aside.
"""

from __future__ import annotations

from typing import Any

from sitrep.events.arguments import PASSIVE_DEPS, TARGET_PREPS, ArgumentReader, Frame, share_joined_doers
from sitrep.events.gate import is_incident_summary
from sitrep.events.lexicon import Lexicon, Trigger
from sitrep.events.merge import CROWD_INTER, DEFINITE, Merger, fold_interceptions, fold_repulses, inherit_shooters
from sitrep.events.modality import modality
from sitrep.events.modifiers import is_modifier
from sitrep.events.sentence_text import (  # whole_sentence also re-exported for the detector's importers
    headline_sents,
    is_label,
    protest_topic,
    self_ended,
    sentence_links,
    whole_sentence,
)
from sitrep.lightdoc import light_doc
from sitrep.model import Actor, Document

NOT_A_RIOT = {"police", "policemen", "gear", "squad", "control", "officers", "officer", "unit", "units", "shield", "shields"}
BACKGROUND_PREPS = {"after", "despite", "since", "amid", "following", "before", "over", "against"}
PEOPLE_WORDS = {"suspect", "accused", "member", "leader", "activist", "official", "worker", "persons", "person",
                "peasant", "neighbor", "neighbour", "participant", "mourner", "retiree", "veteran", "one", "others",
                "all", "cadre", "head", "chief", "president", "secretary", "organiser", "organizer",
                # who ACLED's notes say blocked a road or closed a gate: people, unlike a landslide or a decree
                "supporter", "student", "teacher", "employee", "farmer", "parent", "relative", "resident", "villager",
                "citizen", "people", "youth", "driver", "trader", "vendor", "unionist", "staff", "applicant", "family",
                "fisherman", "doctor", "nurse", "lawyer", "pensioner", "woman", "man", "crowd", "community",
                "inhabitant", "local", "motorist", "miner", "labourer", "laborer", "merchant", "shopkeeper"}


# Who closes or blocks roads by office, not in protest.
AUTHORITIES = {"authority", "official", "government", "ministry", "municipality", "council", "administration",
               "governor", "mayor", "court", "state", "company", "management"}


class Detector(ArgumentReader, Merger):
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._starts: dict[int, int] = {}  # phrase trigger head -> first token
        self.links: list[bool] = []  # sentence_links of the document detected last
        self._modalities: dict[int, str] = {}  # trigger index -> its modality, in the document detected last

    # ---- triggers -------------------------------------------------------------------------
    @staticmethod
    def _sentence_words(lows: list[str], lemmas: list[str]) -> set[str]:
        return {*lows, *lemmas}

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
        if t.people and not any(self._someone(c) and not self._state_force(c) and not self._armed(c)
                                for c in self._subjects(tok)):
            return False  # "residents blocked the road", not "a landslide" or "the police blocked the road"
        if t.civilians and not any(self._civilians(c) for c in self._subjects(tok)):
            return False  # "activists occupied the forest", not "M23 occupied the town"
        if t.needs and not self._cue_ok(t.needs, words):
            return False
        if t.unless and self._cue_ok(t.unless, words):
            return False
        return True

    def triggers(self, sent: Any, words: set[str] | None = None, toks: list[Any] | None = None,
                 lows: list[str] | None = None, lemmas: list[str] | None = None) -> list[tuple[Any, int, Trigger]]:
        """(head token, end token index, trigger) for every trigger in the sentence (``toks``, ``lows``,
        ``lemmas``: its tokens, their lower-case forms and lemmas, when the caller has them)."""
        out: list[tuple[Any, int, Trigger]] = []
        taken: set[int] = set()
        toks = list(sent) if toks is None else toks
        lows = [t.lower_ for t in toks] if lows is None else lows
        lemmas = [t.lemma_.lower() for t in toks] if lemmas is None else lemmas
        words = self._sentence_words(lows, lemmas) if words is None else words
        phrases, single = self.lex.phrases, self.lex.single
        for k, tok in enumerate(toks):
            low, lemma = lows[k], lemmas[k]
            if low not in phrases and lemma not in phrases and low not in single and lemma not in single \
                    and low not in ("riot", "anti-riot"):
                continue  # no trigger starts here (most words)
            if tok.i in taken:
                continue
            for t in phrases.get(low, []) + phrases.get(lemma, []):
                n = len(t.words)
                span = toks[k : k + n]
                if len(span) == n and all(
                    w in (lows[k + j], lemmas[k + j]) for j, w in enumerate(t.words)
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
            for key in dict.fromkeys((low, lemma)):  # ordered: the word itself before its lemma
                for t in single.get(key, ()):
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
        if tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in self.lex.cues.get("salvo", frozenset()):
            return False  # "a barrage of rockets": one volley, not rockets in general
        return tok.dep_ == "pobj" and tok.head.lower_ in ("through", "of", "about", "like", "against", "from")

    def detect(self, document: Document, country: str | None = None) -> list[Frame]:
        doc: Any = light_doc(document)  # the rules walk the parse many times: plain objects, not spaCy's
        assert doc is not None, "events need the parse"
        actors: dict[int, Actor] = {}
        if document.actors:
            for a in document.actors:
                span = doc.char_span(a.start, a.end, alignment_mode="expand")
                if span is not None:
                    for t in span:
                        actors.setdefault(t.i, a)
        # Words inside a name ("Popular Mobilisation Units", "Rapid Support Forces") are not triggers.
        # A name written in lower case ("a climate strike", which ACLED also lists as an actor) names the act.
        in_name = {i for i, a in actors.items() if a.kind == "named" and not doc[i].is_lower}
        in_name |= {t.i for ent in doc.ents if ent.label_ in ("ORG", "NORP", "FAC", "WORK_OF_ART", "LAW")
                    for t in ent if t.pos_ == "PROPN" or t.is_title}
        frames: list[Frame] = []
        self._starts, self._modalities = {}, {}
        sents = list(doc.sents)
        links = self.links = sentence_links(sents)
        for si, sent in enumerate(sents):
            toks = list(sent)  # one walk of the sentence's tokens, reused (each Doc[i] builds a Token)
            lows = [t.lower_ for t in toks]
            lemmas = [t.lemma_.lower() for t in toks]
            words = self._sentence_words(lows, lemmas)
            found = [x for x in self.triggers(sent, words, toks, lows, lemmas) if x[0].i not in in_name and not self_ended(x[0], self.lex)
                     and not is_label(x[0], x[1])]
            if any(x[2].cls == "protest" for x in found):
                # what the demonstrators denounce or demand is their cause, not an event of the report
                found = [x for x in found if x[2].cls == "protest" or not protest_topic(x[0])]
            if not found:
                continue
            groups: dict[int, list[tuple[Any, int, Trigger]]] = {}
            for item in found:
                groups.setdefault(self.clause_of(item[0]), []).append(item)
            groups = self._told_apart(groups)
            sent_frames: list[Frame] = []
            trig_at = {item[0].i: item[2] for item in found}
            span = whole_sentence(sents, si, links)
            for items in groups.values():
                # an event named as background ("curfew ... following the protests") does not lead a clause
                # that reports another act of its own
                acts = any(not self._in_background(x[0]) and x[2].cls != "kill" for x in items)
                # nor does one told in a participle or a purpose ("a hostage captured in 2012", "an operation
                # to rescue the civilians kidnapped by the rebels"): background or intent, when the clause
                # tells an act of its own; a dispersal and the crowd it meets are not ("fired to disperse a
                # mob", "fired to quell the mob": the firing was the dispersal, coded by the crowd)
                mods = {x[0].i for x in items if x[2].cls not in ("force", "mob") and is_modifier(x[0])}
                own_act = len(mods) < len(items)
                best = max(items, key=lambda x: (not (acts and self._in_background(x[0])),
                                                 not (own_act and x[0].i in mods),
                                                 self._rank(x[0], x[2], trig_at), -x[0].i))
                f = self._frame(best, si, span, sent, actors, country)
                for item in items:
                    # the clause's other triggers are further mentions of its event ("a boy was killed when
                    # police fired to disperse a mob"), each with its own agent; background ones are not
                    if item is not best and not self._background(item[0]):
                        other = self._frame(item, si, span, sent, actors, country)
                        f.absorb(other)
                        self.take_killer(f, other)
                sent_frames.append(f)
            share_joined_doers(sent_frames)
            if any(k < 0 for k in groups):  # an act told apart from triggers not told as done: kept apart
                told = [f for f in sent_frames if f.modality == "asserted"]
                frames += self._merge_in_sentence(told)
                frames += self._merge_in_sentence([f for f in sent_frames if f.modality != "asserted"])
            else:
                frames += self._merge_in_sentence(sent_frames)
        if not frames and sents and is_incident_summary(document.article.text):
            frames.append(self._summary_frame(sents, actors, country))
        head = headline_sents(document, sents)
        body = [f for f in fold_repulses(frames, self.lex) if f.sent not in head]
        body = fold_interceptions(self._merge_across(body), self.lex)
        return self._fold_headline(self._merge_across([f for f in frames if f.sent in head]), inherit_shooters(body))

    def _modality(self, tok: Any) -> str:
        """``modality`` of a trigger, read once: a clause's triggers are read when told apart and again when framed."""
        found = self._modalities.get(tok.i)
        if found is None:
            found = self._modalities[tok.i] = modality(tok)
        return found

    def _told_apart(self, groups: dict[int, list[tuple[Any, int, Trigger]]]) -> dict[int, list[tuple[Any, int, Trigger]]]:
        """A verb trigger told as done leads its own event when its clause's other triggers are not told as
        done: "Troops kill Boko Haram terrorist, avert deadly IED attack" (the averted attack would
        otherwise take the kill in as a mention of itself, and the kill be lost with it)."""
        out: dict[int, list[tuple[Any, int, Trigger]]] = {}
        for key, items in groups.items():
            if len(items) < 2 or not any(x[0].pos_ == "VERB" for x in items):
                out[key] = items  # most clauses: nothing to tell apart, and no parse walk for it
                continue
            told = [x for x in items if x[0].pos_ == "VERB" and self._modality(x[0]) == "asserted"]
            if told and len(told) < len(items) and all(self._modality(x[0]) != "asserted"
                                                       for x in items if x not in told):
                out[key] = [x for x in items if x not in told]
                for x in told:
                    out[-1 - x[0].i] = [x]  # a key of its own, apart from every clause head's index
            else:
                out[key] = items
        return out

    def _summary_frame(self, sents: list[Any], actors: dict[int, Actor], country: str | None) -> Frame:
        """An incident summary reports one event by its form ("On 12 May 2022, ..."), in words the lexicon may not
        know ("residents cut the road", "the Taliban warned media outlets", "a new armed group announced its
        formation"): when no trigger was found, the main verb of its first sentence that has one stands for it, of
        class ``other``, and the coder model reads its words (the rules' "Other" is seldom what the model
        believes; ``sitrep.events.gate``). Measured on the global-file notes of ten training countries: 11 of
        1,450 had no event, 9 of them typed right by the words alone."""
        si = next((i for i, sent in enumerate(sents) if sent.root.pos_ in ("VERB", "AUX")), 0)
        tok = sents[si].root
        trig = Trigger(words=(tok.lemma_.lower(),), cls="other")
        return self._frame((tok, tok.i + 1, trig), si, whole_sentence(sents, si, self.links), sents[si], actors, country)

    def _frame(self, item: tuple[Any, int, Trigger], si: int, span: tuple[int, int], sent: Any,
               actors: dict[int, Actor], country: str | None) -> Frame:
        tok, end, trig = item
        doc = tok.doc
        f = Frame(trig.cls, trig, tok, si, span, self._modality(tok))
        first = min(self._starts.get(tok.i, tok.i), tok.i)
        f.trigger_span = (doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text))
        f.generic = self.is_generic(tok)
        f.main_clause = self.clause_of(tok) == sent.root.i
        f.reaction = self._reaction(tok)
        self.arguments(f, actors, country, sent)
        return f

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

    @staticmethod
    def _in_background(tok: Any) -> bool:
        """Whether a trigger stands anywhere inside a background phrase ("following instances of detection of
        explosives", "following the protests" with "following" parsed as a verb), up to its clause's verb."""
        up = tok
        for _ in range(12):
            if up.dep_ in ("pobj", "dobj") and up.head.lower_ in BACKGROUND_PREPS and (
                    up.dep_ == "pobj" or up.head.dep_ in ("prep", "advcl")):
                return True
            if up.head.i == up.i or up.pos_ in ("VERB", "AUX") and up.i != tok.i and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in up.children):
                return False  # reached a clause of its own
            up = up.head
        return False

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

    def _state_force(self, tok: Any) -> bool:
        """A noun phrase head naming a state force ("police", "security forces", "the army")."""
        parts = self.lex.participants
        if tok.lemma_.lower() in AUTHORITIES:
            return True
        return parts.get(tok.lemma_.lower()) in (1, 8) or any(
            c.dep_ in ("compound", "amod") and parts.get(c.lemma_.lower()) in (1, 8) for c in tok.children)

    def _subjects(self, tok: Any) -> list[Any]:
        """A verb's subjects, or those of the verb it completes ("activists continued to block the site").
        With no subject in the parse (notes' "On 26 April, in Morelia, teachers blocked roads" often parse the
        people as an apposition of the place), the nouns before the verb that name people stand in."""
        if tok.pos_ == "NOUN":  # "held a march", "took part in a march": the subjects of the verb
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
            if verb is None or verb.pos_ != "VERB":
                return []
            tok = verb
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and tok.dep_ == "xcomp":
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subj or tok.pos_ != "VERB":
            return [c for c in subj if c.dep_ == "nsubj"]
        parts = self.lex.participants
        return [t for t in tok.sent if t.i < tok.i and t.pos_ == "NOUN" and (
            t.lemma_.lower() in parts or t.lemma_.lower() in PEOPLE_WORDS)]

    def _armed(self, tok: Any) -> bool:
        """A noun phrase naming armed men, who block or march as fighters, not as demonstrators."""
        armed = self.lex.cues.get("nonstate_actor", frozenset()) | {"armed"}
        if self.lex.participants.get(tok.lemma_.lower()) in (2, 3, 4, 8) and tok.lemma_.lower() not in PEOPLE_WORDS:
            return True
        return tok.lemma_.lower() in armed or any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in armed
                                                  for c in tok.children)

    def _civilians(self, tok: Any) -> bool:
        """Unarmed people named by a common noun: civilians, demonstrators, a crowd, "a group of parents"."""
        if tok.pos_ != "NOUN" or self._state_force(tok) or self._armed(tok):
            return False
        lemma = tok.lemma_.lower()
        if self.lex.participants.get(lemma) in (5, 6, 7) or lemma in PEOPLE_WORDS:
            return True
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = self._pobj(of) if of is not None else None
        return lemma in self.lex.cues.get("quantity", frozenset()) and obj is not None and self._civilians(obj)

    def _someone(self, tok: Any) -> bool:
        """Whether a noun phrase head names people: a participant noun, a name, a pronoun or a number."""
        if tok.pos_ in ("PROPN", "PRON", "NUM") or tok.lemma_.lower() in self.lex.participants \
                or tok.lower_ in self.lex.participants or tok.lemma_.lower() in PEOPLE_WORDS:
            return True
        if tok.lemma_.lower() in self.lex.cues.get("quantity", frozenset()):
            # "dozens of construction workers": the people are in the "of" phrase
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is None:
                return tok.lemma_.lower() == "group"  # "a group blocked a road": people
            obj = self._pobj(of)
            return obj is not None and self._someone(obj)
        return False

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

