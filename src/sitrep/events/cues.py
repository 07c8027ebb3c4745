"""What the coding rules read from a sentence: cue groups, what a protest is about (its topic, left out of
the force and violence cues), arrests at a protest, the police's response told after it; computed once per
sentence (``SentenceMemo``) for every event that names it."""

from __future__ import annotations

from typing import Any

from sitrep.events.arguments import OFF_DUTY, off_duty_mark
from sitrep.events.codebook import Codebook
from sitrep.events.criminal_targets import GROUPS as CRIMINAL_GROUPS
from sitrep.events.cue_means import chemical_goods, explosive_means
from sitrep.events.fatalities import Count, counts_in
from sitrep.events.lexicon import Lexicon
from sitrep.events.protest_words import BLOCKING, barricaded, negated, set_alight, topic_at, topics
from sitrep.events.sentence_text import self_ended

WORD_LISTS = frozenset(CRIMINAL_GROUPS)  # lists of triggers.yaml's cues read by their own rules, never as cues


def cue_groups(lex: Lexicon, words: set[str]) -> set[str]:
    """The cue groups any of ``words`` belongs to (looked up word by word in the lexicon's inverted index)."""
    return _index_groups(_cue_index(lex), words)


def _index_groups(index: dict[str, frozenset[str]], words: set[str]) -> set[str]:
    found: set[str] = set()
    for w in words:
        groups = index.get(w)
        if groups is not None:
            found |= groups
    return found


_CUE_INDEX: dict[int, tuple[Any, dict[str, frozenset[str]]]] = {}  # id(lex.cues) -> (cues, word -> groups)


def _cue_index(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Word -> the cue groups holding it, built once per lexicon (a lexicon's cues are not changed)."""
    cached = _CUE_INDEX.get(id(lex.cues))
    if cached is not None and cached[0] is lex.cues:
        return cached[1]
    index: dict[str, set[str]] = {}
    for name, vocab in lex.cues.items():
        if name in WORD_LISTS:
            continue
        for w in vocab:
            index.setdefault(w, set()).add(name)
    frozen = {w: frozenset(groups) for w, groups in index.items()}
    _CUE_INDEX[id(lex.cues)] = (lex.cues, frozen)
    return frozen


NOT_A_RIOT = {"police", "gear", "squad", "control", "officers", "officer", "unit", "units", "shield", "shields", "act"}
PROTEST_PEOPLE = {"protester", "protestor", "demonstrator", "participant", "marcher", "striker", "rioter"}


def words_of_span(span: Any) -> set[str]:
    """Lower-case forms and lemmas of a span; "riot" in "riot police" is not a riot."""
    out: set[str] = set()
    for t in span:
        if t.lower_ in ("riot", "anti-riot") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in NOT_A_RIOT:
            continue
        out.add(t.lower_)
        out.add(t.lemma_.lower())
        # the tokenizer splits "stone-pelting", "tear-gas": cue lists hold the joined word
        if t.text == "-" and not t.whitespace_ and t.i > 0 and t.i + 1 < len(t.doc) and not t.doc[t.i - 1].whitespace_:
            out.add(f"{t.doc[t.i - 1].lower_}-{t.doc[t.i + 1].lower_}")
    return out


FORCE_VERBS = {"suppress", "disperse", "break", "crack", "attack", "beat", "repress", "quell", "crush", "evict"}
# groups read only where they tell what happened (not negated, not a protest's topic or a relative clause)
DEMO_GROUPS = {"lethal", "violence", "violence_vague", "intervention", "people_hurt", "sexual_harm", "killing"}
NAME_ENTITIES = {"FAC", "ORG", "EVENT", "WORK_OF_ART", "LAW", "GPE", "LOC", "PERSON"}


PROTEST_EVENTS = {"protest", "demonstration", "rally", "sit-in", "march", "gathering", "vigil", "picket"}
NOT_DURING = {"before", "prior", "anticipation", "ahead", "after", "against", "over", "following", "organise", "organize"}


def _protest_arrest(toks: list[Any], lemmas: list[str], lows: list[str]) -> bool:
    """Demonstrators arrested or detained, or people arrested at a protest (an intervention in it); ``lemmas``:
    the tokens' lower-case lemmas. Not an arrest the protest is about ("condemning the recent arrest of
    protesters", "demanding the arrest of those involved")."""
    start = toks[0].i if toks else 0
    for k, (t, own) in enumerate(zip(toks, lemmas, strict=True)):
        if own in ("arrest", "detain", "round") and not topic_at(toks, lows, lemmas, k, start):
            for c in t.subtree:
                lemma = c.lemma_.lower()
                if lemma in PROTEST_PEOPLE:
                    return True
                if lemma in PROTEST_EVENTS and not (c.ent_type_ in ("DATE", "TIME") or c.pos_ == "PROPN"):
                    # ("On 22 March ...": the month is no march)
                    path = [a.lower_ for a in c.ancestors if a.i != t.i and t.is_ancestor(a)] + [c.lower_]
                    if not NOT_DURING & set(path) and not NOT_DURING & {x.lemma_.lower() for x in c.ancestors}:
                        return True
    return False


INTERVENING = {"arrest", "detain", "interrupt", "block", "impede", "prevent", "stop", "remove", "disperse", "evict",
               "fine", "register", "break", "intervene", "confront", "push", "clear"}
STATE_WORDS = {"police", "policeman", "policemen", "officer", "officers", "authorities", "authority", "security",
               "forces", "gendarmes", "gendarmerie", "troops", "soldiers", "army"}


def later_intervention(memo: SentenceMemo, first: int, last: int) -> set[str]:
    """The police's response told in the sentence after a demonstration ("Police blocked the march",
    "Police interrupted the protest", "1 person was arrested"): an intervention in it, without making the
    response an event of its own."""
    for si in range(first + 1, min(len(memo.sents), last + 2)):  # its own later sentences and the next one
        if "intervention" in memo.cues(si):  # topic words left out ("against police brutality")
            return {"intervention"}
        # what happened, not what the protesters demanded ("the release of demonstrators detained ...")
        done = memo.done(si)
        if done & INTERVENING and done & STATE_WORDS:
            return {"intervention"}
    return set()


def _word_part(toks: list[Any], k: int) -> bool:
    """A piece of a hyphenated word ("die" of "die-in", "sit" of "sit-in"): the whole word is read instead."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    prev = toks[k - 1] if k > 0 else None
    return (nxt is not None and nxt.text == "-" and not toks[k].whitespace_ and not nxt.whitespace_) or (
        prev is not None and prev.text == "-" and not prev.whitespace_ and k > 1 and not toks[k - 2].whitespace_)


def _off_duty(lows: list[str]) -> bool:
    """Whether the sentence says someone was off duty ("off-duty", tokenised "off - duty", or "off duty")."""
    return any(low == "duty" and (lows[k - 1] == "off" or (lows[k - 1] == "-" and k > 1 and lows[k - 2] == "off"))
               for k, low in enumerate(lows) if k > 0)


_RULED_WORDS = ("riot", "anti-riot", "-")  # words ``words_of_span`` reads with rules of their own
_RULED_WORDS_SET = frozenset(_RULED_WORDS)


def _groups_of(toks: list[Any], lows: list[str], lemmas: list[str], index: dict[str, frozenset[str]]) -> set[str]:
    """``cue_groups(lex, words_of_span(toks))`` for tokens whose lower-case forms and lemmas are read already."""
    if _RULED_WORDS_SET.isdisjoint(lows):  # most sentences: every word read as it is
        words = set(lows)
        words.update(lemmas)
    else:
        words = set()
        for t, low, lemma in zip(toks, lows, lemmas, strict=True):
            if low in _RULED_WORDS:
                words |= words_of_span([t])
            else:
                words.add(low)
                words.add(lemma)
    return _index_groups(index, words)


_DEMO_WORDS: dict[int, tuple[Any, frozenset[str]]] = {}  # id(lex.cues) -> (cues, words of the DEMO_GROUPS)


def _demo_words(lex: Lexicon) -> frozenset[str]:
    """The words that belong to a cue group in ``DEMO_GROUPS``, found once per lexicon."""
    cached = _DEMO_WORDS.get(id(lex.cues))
    if cached is not None and cached[0] is lex.cues:
        return cached[1]
    words = frozenset(w for w, groups in _cue_index(lex).items() if not DEMO_GROUPS.isdisjoint(groups))
    _DEMO_WORDS[id(lex.cues)] = (lex.cues, words)
    return words


def _sentence_words(sent: Any) -> tuple[list[Any], list[str], list[str]]:
    """One walk of a sentence's tokens (each Doc[i] builds a Token), their lower-case forms and lemmas."""
    toks = list(sent)
    return toks, [t.lower_ for t in toks], [t.lemma_.lower() for t in toks]


_KILL_VERBS = frozenset({"kill", "neutralise", "neutralize"})
def sentence_cues(sent: Any, lex: Lexicon) -> set[str]:
    """The cue groups one sentence holds, as the coding rules read them."""
    toks, lows, lemmas = _sentence_words(sent)
    index = _cue_index(lex)
    # "an off-duty policeman": no military target (ACLED codes attacks on them as on civilians); the nouns'
    # modifiers are read only in the rare sentence that holds such a word
    off = {k for k, t in enumerate(toks) if t.pos_ == "NOUN" and t.n_lefts and off_duty_mark(list(t.lefts))} \
        if "duty" in lows or not OFF_DUTY.isdisjoint(lows) else set()
    if off:
        kept = [k for k in range(len(toks)) if k not in off]
        cues = _groups_of([toks[k] for k in kept], [lows[k] for k in kept], [lemmas[k] for k in kept], index)
    else:
        cues = _groups_of(toks, lows, lemmas, index)
    cues -= DEMO_GROUPS
    # force, violence and intervention count only as things that happened here, not as the
    # protest's cause ("marched against police brutality", "after the shooting of ..."); only the words that
    # could name one are read for it (few in a sentence): climbing the parse for every word is the cost
    demo = _demo_words(lex)
    candidates = [k for k, (low, lemma) in enumerate(zip(lows, lemmas, strict=True))
                  if low in demo or lemma in demo or low in _RULED_WORDS]
    if candidates:
        start = toks[0].i
        undone = negated(toks)  # "did not intervene": not done
        self_ending = lex.cues.get("self_ending", frozenset())
        keep = [k for k in candidates
                if not (undone[k] or topic_at(toks, lows, lemmas, k, start))
                and not (lemmas[k] in self_ending and self_ended(toks[k], lex))
                and toks[k].ent_type_ not in NAME_ENTITIES and not _word_part(toks, k)]
        cues |= _groups_of([toks[k] for k in keep], [lows[k] for k in keep], [lemmas[k] for k in keep],
                           index) & DEMO_GROUPS
        if "killing" in cues and not any(toks[k].tag_ in ("VBD", "VBN") and lemmas[k] in _KILL_VERBS for k in keep):
            cues.discard("killing")  # "on charges of killing an activist": a charge, not a killing done here
    if "aircraft" in cues and "air" in lows and not _aircraft_besides_the_air(lows, lemmas, lex):
        cues.discard("aircraft")  # "fired in the air": warning shots, no aircraft
    if "chemical" in cues and chemical_goods(toks, lows, lemmas, lex):
        cues.discard("chemical")
    if not cues.isdisjoint(("ied", "explosive_item")) and explosive_means(toks, lows, lemmas, lex):
        cues.add("explosive_means")
    if "fire" in lows and set_alight(toks, lows, lemmas):
        # "blocked the avenue by setting obstacles on fire": burning, the crowd's own violence
        cues |= {"violence", "set_alight"}
    if not BLOCKING.isdisjoint(lemmas) and barricaded(toks, lemmas):
        cues |= {"violence", "barricade"}  # a barricade: the crowd's own violence, as burning is
    if "duty" in lows and _off_duty(lows):
        cues.add("off_duty")
    if _protest_arrest(toks, lemmas, lows):
        cues.add("protest_arrest")
    if "violent" in lows or "violently" in lows:
        for t, low in zip(toks, lows, strict=True):
            if low in ("violent", "violently") and t.head.lemma_.lower() in ("turn", "become", "grow"):
                cues.add("violence")  # "the protest turned violent"
            elif low == "violently" and t.head.lemma_.lower() in FORCE_VERBS:
                cues.add("lethal")  # "police violently dispersed/suppressed": force, not the crowd's violence
    return cues


def _aircraft_besides_the_air(lows: list[str], lemmas: list[str], lex: Lexicon) -> bool:
    """Whether an aircraft word stands in the sentence other than the "air" of "(fired) in/into the air" (training
    notes saying "in the air": none an air or drone strike)."""
    words = lex.cues.get("aircraft", frozenset())
    sky = {k for k, low in enumerate(lows) if low == "air" and k >= 2 and lows[k - 1] == "the"
           and lows[k - 2] in ("in", "into")}
    return any(k not in sky and (low in words or lemma in words)
               for k, (low, lemma) in enumerate(zip(lows, lemmas, strict=True)))


def done_lemmas(sent: Any) -> frozenset[str]:
    """The lemmas of a sentence's words that tell what happened: neither a protest's topic nor negated."""
    toks, lows, lemmas = _sentence_words(sent)
    about = topics(toks, lows, lemmas)
    undone = negated(toks)
    return frozenset(lemma for lemma, topic, neg in zip(lemmas, about, undone, strict=True) if not (topic or neg))


def read_sentence(sent: Any, lex: Lexicon) -> tuple[set[str], frozenset[str]]:
    """The cue groups one sentence holds, as the coding rules read them, and the lemmas of its words that
    tell what happened (not a protest's topic)."""
    return sentence_cues(sent, lex), done_lemmas(sent)


class SentenceMemo:
    """What the coding rules read from one sentence (its cues, its death figures) is the same for every
    event of the document that names it: computed once per sentence."""

    def __init__(self, sents: list[Any], lex: Lexicon, book: Codebook) -> None:
        self.sents, self.lex, self.book = sents, lex, book
        self._cues: dict[int, frozenset[str]] = {}
        self._done: dict[int, frozenset[str]] = {}
        self._counts: dict[int, tuple[Count, ...]] = {}
        self._texts: dict[int, str] = {}

    def text(self, si: int) -> str:
        if si not in self._texts:
            self._texts[si] = self.sents[si].text  # Span.text joins its tokens' texts on every call
        return self._texts[si]

    def cues(self, si: int) -> frozenset[str]:
        if si not in self._cues:
            self._cues[si] = frozenset(sentence_cues(self.sents[si], self.lex))
        return self._cues[si]

    def done(self, si: int) -> frozenset[str]:
        """Lemmas of the sentence's words that tell what happened (``done_lemmas``; read for protests only)."""
        if si not in self._done:
            self._done[si] = done_lemmas(self.sents[si])
        return self._done[si]

    def counts(self, si: int) -> list[Count]:
        if si not in self._counts:
            self._counts[si] = tuple(counts_in(self.sents[si], si, self.book.vague))
        return list(self._counts[si])
