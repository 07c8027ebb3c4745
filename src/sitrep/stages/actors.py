"""Actors stage: every actor mention in the article, normalised to ACLED's actor names.

Named actors come from the dictionary (``data/actors.csv``: aliases, transliterations,
acronyms — all-caps aliases match case-sensitively, so "IS" never matches "is"),
unnamed ones from ``data/generic_actors.csv`` ("gunmen" -> "Unidentified Armed Group
(<country>)"), and organisation entities with an armed-group head word become
low-confidence "unlisted" actors. "Iraqi Security Forces (ISF)" is one mention and
teaches the article that ISF means the same actor; "the group" / "the militants"
refer back to the last named armed group within three sentences.

The country of a generic actor is, in order: a nationality word or "X's" right before
it ("Turkish drones"), else ``Article.country`` when given, else the country the article's places,
nationality words, named actors and source support most (``sitrep.actors.country``). A state's forces acting outside the focus
country get ACLED's inter code 8 (external forces).

Other stages normalising an arbitrary string use ``sitrep.actors.normalise_actor``
(text, country, year) -> Actor | None.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from sitrep.actors import Context, Tok, get_matcher
from sitrep.actors.country import article_country
from sitrep.actors.dictionary import _read_rows, token_key
from sitrep.actors.ethnic_names import bare_militias, community_names
from sitrep.actors.identities import dated_identity, name_identity
from sitrep.actors.matcher import CIVIL_ORG
from sitrep.actors.protest_subjects import protest_subjects
from sitrep.actors.tribes import tribal_militias
from sitrep.actors.unknown_communities import unknown_communities
from sitrep.events.lexicon import lexicon
from sitrep.lightdoc import light_of
from sitrep.model import Actor, Document
from sitrep.registry import stage

_STANCE = re.compile(r"\b(?:pro|anti)\s*-\s*$", re.I)
_AFFILIATION = re.compile(r"-(?:linked|backed|allied|inspired|sponsored|supported)\b", re.I)


def _context(document: Document, toks: list[Tok]) -> Context:
    matcher = get_matcher()
    counts = matcher.countries_in(toks)
    for place in document.places:
        if place.country:
            counts[place.country] += 1
    focus = article_country(document) or (counts.most_common(1)[0][0] if counts else None)
    published = document.article.published_date
    ctx = Context(focus=focus, countries=set(counts), year=published.year if published else None)
    heads = matcher.index.org_heads
    for ent in light_of(document.doc).ents:
        # a name ending in a party's, union's or association's head word is one, whatever the tagger says ("Gana
        # Adhikar Party"); not an armed group's ("Al Anin Front" is a front line there)
        if ent.label_ == "ORG" or (ent.label_ == "PERSON" and len(ent) > 1 and heads.get(ent[-1].lower_) == CIVIL_ORG):
            # "The Free Idlib Army": the name starts after the article, where other readings compete with it
            start = ent[1].idx if len(ent) > 1 and ent[0].lower_ == "the" else ent.start_char
            ctx.orgs[start] = ent.end_char
        elif ent.label_ == "PERSON":
            ctx.persons.append((ent.start_char, ent.end_char))
    return ctx


# "On 3 April 2022,Turkish forces shelled": a comma typed without its space leaves one token for two words, and
# the actor after it unread; a letter must follow so "1,000" stays one number
_JOINED = re.compile(r"^(\w+)([,;])([A-Za-z][\w'-]*)$")


def _split_joined(tok: Tok) -> list[Tok]:
    m = _JOINED.match(tok.text)
    if m is None:
        return [tok]
    cut = tok.start + len(m.group(1))
    return [Tok(m.group(1), tok.start, cut, tok.sent, tok.dep, tok.head_lemma),
            Tok(m.group(2), cut, cut + 1, tok.sent, "punct", tok.head_lemma),
            Tok(m.group(3), cut + 1, tok.end, tok.sent, tok.dep, tok.head_lemma)]


def extract_actors(document: Document) -> list[Actor]:
    """The actor mentions of one parsed document, in text order."""
    doc = light_of(document.doc)  # the shared plain copy of the parse: no spaCy Token per read
    words = [(t.text, t.idx, t.dep_, t.lemma_.lower(), t.is_space) for t in doc]  # one walk of the Doc
    sent_of, head_of = _sentences_and_heads(doc)
    toks = [tok for i, (text, idx, dep, _lemma, space) in enumerate(words) if not space
            for tok in _split_joined(Tok(text, idx, idx + len(text), sent_of[i], dep, words[head_of[i]][3]))]
    matcher = get_matcher()
    ctx = _context(document, toks)
    matches = matcher.scan(toks, ctx)
    # Actors of one country tell where the article is ("the PMU" -> Iraq), so "ISIL" beside them is the
    # Iraqi branch even when no place or country name says so; a second pass only when that adds a country.
    text = document.article.text
    implied: set[str] = set()
    for m in matches:
        if m.kind != "named":
            continue
        # only a mention every reading of which is one country's ("PMU"), not "ISIL" (a branch per country)
        entries = matcher.index.aliases.get(token_key(text[m.start:m.end]), [])
        homes = {c for e in entries for c in matcher.index.rows[e.row].countries}
        if len(homes) == 1:
            implied |= homes
    # named actors of one country are evidence for the article's country too ("the PMU" -> Iraq)
    document.actors = _actors(text, matches)
    focus = article_country(document) or ctx.focus
    if implied - ctx.countries or focus != ctx.focus:
        ctx.countries |= implied
        ctx.focus = focus
        matches = matcher.scan(toks, ctx)
    # "the al-Qaeda-linked JNIM", "Iran-backed Houthis": the first name only qualifies the actor. An "Islah-affiliated"
    # or "STC-aligned" unit is that party's too: training notes saying so code the party in 36 of 58
    # "anti-government protesters", "pro-Russian separatists": the stance names whom they oppose or back
    matches = [m for m in matches if not _AFFILIATION.match(text, m.end)
               and not _STANCE.search(text, max(0, m.start - 8), m.start)]
    matches = _without_stances(words, head_of, matches)
    _drive_by_gangs(text, matches, matcher.index, ctx.year)
    matches = tribal_militias(text, matches, ctx.focus, _sentence_at(toks), _is_people)
    places = frozenset(p.text for p in document.places if p.country and p.country == ctx.focus and p.feature != "country")
    matches = community_names(text, matches, ctx.focus, _sentence_at(toks), _is_people, places)
    is_place = lambda name: name in places or _is_place_of(name, ctx.focus)  # noqa: E731
    matches = bare_militias(text, matches, ctx.focus, _sentence_at(toks), _is_people, is_place)
    matches = unknown_communities(text, matches, ctx.focus, _sentence_at(toks), _is_people, is_place)
    _name_the_likely_perpetrator(text, matches)  # after the people's militias are read ("presumed to be Bassa militiamen")
    matches = protest_subjects(text, toks, matches, ctx.focus, [cue for cue, _, who in identity_cues() if who == "crowd"])
    for m in _subjects_with_cued_identity(text, toks, matches):
        m.identity = dated_identity(m.identity or "", ctx.year)
    return _actors(text, matches, ctx.year)


# the people whose stance an "against" phrase can state: civilians (journalists, villagers), protesters, rioters,
# and the nouns that are a stance in themselves
_STANCE_HOLDERS = (5, 6, 7)
_STANCE_NOUNS = frozenset({"activist", "critic", "opponent", "campaigner"})


def _without_stances(words: list[tuple[str, int, str, str, bool]], head_of: list[int], matches: list[Any]) -> list[Any]:
    """"an outspoken journalist against the government", "activists against the junta": an "against" phrase hanging
    on a person names whom the person opposes, a stance like "anti-government", not a side of the event (a verb's or
    an act's "against" - "fought against", "an attack against" - hangs on the verb or the act, not on a person)."""
    if not any(w[3] == "against" for w in words):
        return matches
    at = {idx: i for i, (_t, idx, _d, _l, _s) in enumerate(words)}
    holders = [m for m in matches if m.inter in _STANCE_HOLDERS]

    def stance(m: Any) -> bool:
        for i in (at[c] for c in range(m.start, m.end) if c in at):
            prep = head_of[i]
            if words[i][2] != "pobj" or words[prep][3] != "against" or m.start <= words[prep][1] < m.end:
                continue
            holder = head_of[prep]
            lemma = words[holder][3]
            if lemma in _STANCE_NOUNS or lexicon().participants.get(lemma) in _STANCE_HOLDERS \
                    or any(h is not m and h.start <= words[holder][1] < h.end for h in holders):
                return True
        return False

    return [m for m in matches if not stance(m)]


def _sentences_and_heads(doc: Any) -> tuple[list[int], list[int]]:
    """Each token's sentence number and its head's index. From a spaCy Doc's arrays when it has them: walking
    ``doc.sents`` and ``token.head`` builds a Token object per step, most of this stage's time."""
    to_array = getattr(doc, "to_array", None)
    if to_array is None:
        sent_of = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for tok in sent:
                sent_of[tok.i] = k
        return sent_of, [t.head.i for t in doc]
    sent_of, heads = [], []
    number = 0
    for i, (start, offset) in enumerate(to_array(["SENT_START", "HEAD"]).astype("int64").tolist()):
        number += start == 1 and i > 0
        sent_of.append(number)
        heads.append(i + offset)
    return sent_of, heads


def _sentence_at(toks: list[Tok]) -> Any:
    starts = [(t.start, t.sent) for t in toks]

    def sent_at(offset: int) -> int:
        return next((sent for start, sent in reversed(starts) if start <= offset), 0)

    return sent_at


def _is_place_of(name: str, country: str | None) -> bool:
    """Whether the gazetteer knows a place of ``country`` by this name ("Katsina militiamen" name a place's militia)."""
    from sitrep.actors.country import _reporting

    rep = _reporting()
    cc = rep.iso2(country) if country else None
    return cc is not None and any(e.cc == cc for e in rep.gaz.lookup(name, loose=False))


def _is_people(name: str) -> bool:
    """A nationality or a country's name ("Yemeni", "Iraq"): it says who, not which tribe."""
    from sitrep.actors.country import _reporting

    rep = _reporting()
    return rep.gaz.demonym(name) is not None or rep.iso2(name) is not None


# "an unknown armed group (likely Al Shabaab ...)", "unidentified gunmen, suspected to be JNIM militants", "armed
# individuals presumed to be Bassa ethnic militiamen" (training notes saying it so, without a comma: actor1 the
# named group in 36 of 44)
_LIKELY = re.compile(r"\s*(?:\(|,)?\s*(?:most\s+|very\s+)?(?:likely|probably|presumably|presumed(?:\s+to\s+be)?|"
                     r"suspected(?:\s+to\s+be)?|believed\s+to\s+be|possibly|allegedly)\b", re.I)


def _name_the_likely_perpetrator(text: str, matches: list[Any]) -> None:
    """An unidentified armed mention the note says is likely a named group is that group: ACLED codes the
    suspected perpetrator ("an unknown armed group (likely Al Shabaab due to similar attacks)" -> Al Shabaab)."""
    for k, m in enumerate(matches):
        if m.kind != "generic" or not m.name.startswith("Unidentified") or m.inter not in (2, 3, 4):
            continue
        cue = _LIKELY.match(text, m.end)
        if cue is None:
            continue
        close = text.find(")", cue.end()) if text[m.end:cue.end()].strip().startswith("(") else \
            min([i for i in (text.find(".", cue.end()), text.find(",", cue.end())) if i >= 0] or [len(text)])
        # a named group, or a people's militia ("Fulani militiamen", "Bassa ethnic militiamen"): not another unknown
        named = next((n for n in matches[k + 1:] if n.start < close and n.inter in (2, 3, 4)
                      and n.kind in ("named", "unlisted", "generic") and not n.name.startswith("Unidentified")), None)
        if named is not None:
            m.name, m.inter, m.country, m.kind = named.name, named.inter, named.country, "coref"


_DRIVE_BY = re.compile(r"\bdrive[- ]by\b", re.I)
_UNIDENTIFIED_ARMED = "Unidentified Armed Group ("
_GANG_OR_MILITIA = "Unidentified Gang and/or Police Militia"
# where the record codes drive-by gunmen a gang: Brazil (39 of 39) and Mexico (28 of 28); in the other countries
# whose training notes tell a drive-by it is as often an Unidentified Armed Group (gang 7, armed group 4)
_DRIVE_BY_GANG_COUNTRIES = frozenset({"Brazil", "Mexico"})


def _drive_by_gangs(text: str, matches: list[Any], index: Any, year: int | None) -> None:
    """The unnamed gunmen of a drive-by shooting in Brazil or Mexico are a gang: Unidentified Gang (or, in Brazil,
    where the police militias shoot the same way, the record's Unidentified Gang and/or Police Militia)."""
    if not _DRIVE_BY.search(text):
        return
    k = index.by_name.get(_GANG_OR_MILITIA)
    either = index.rows[k] if k is not None else None
    for m in matches:
        if m.kind != "generic" or not m.name.startswith(_UNIDENTIFIED_ARMED) or m.country not in _DRIVE_BY_GANG_COUNTRIES:
            continue
        if either is not None and m.country in either.countries and (year is None or either.valid_in(year)):
            m.name = either.name
        else:
            m.name = f"Unidentified Gang ({m.country})"


@lru_cache(maxsize=1)
def identity_cues() -> list[tuple[re.Pattern[str], str, str]]:
    """``actors_identity_cues.csv`` as (cue, identity template, who it names: "subjects" or "civilians")."""
    return [(re.compile(rec["cue"], re.I), rec["identity"], rec.get("who") or "subjects")
            for rec in _read_rows("actors_identity_cues.csv", ("cue", "identity"))]


def _subjects_with_cued_identity(text: str, toks: list[Tok], matches: list[Any]) -> list[Any]:
    """People-mentions whose identity the words around them give (``actors_identity_cues.csv``); sets it.

    who=subjects: the people-mentions that are the subject of the cue's sentence ("locals assaulted a man on
    suspicion of being a thief" -> the locals are a Vigilante Group); who=civilians: every civilian mention of
    the article ("[women targeted: girls]" -> the civilians harmed are Women); who=crowd: the crowd mentions and
    people-subjects of the cue's sentence ("protesters demanding their wages" -> Labour Group)."""
    cues = identity_cues()
    if not cues or not matches:
        return []
    sent_span: dict[int, tuple[int, int]] = {}  # read only when a cue is looked for in a sentence (few articles)

    def sentence_spans() -> dict[int, tuple[int, int]]:
        if not sent_span:
            for t in toks:
                lo, hi = sent_span.get(t.sent, (t.start, t.end))
                sent_span[t.sent] = (min(lo, t.start), max(hi, t.end))
        return sent_span

    last_tok = {t.end: t for t in toks}
    # each cue searched once per sentence and once over the article, however many people-mentions ask
    in_sent: dict[tuple[int, Any], bool] = {}
    in_text: dict[int, bool] = {}

    def in_article(k: int, cue: re.Pattern[str]) -> bool:
        if k not in in_text:
            in_text[k] = cue.search(text) is not None
        return in_text[k]

    def in_sentence(k: int, cue: re.Pattern[str], sent: Any) -> bool:
        if (k, sent) not in in_sent:
            lo, hi = sentence_spans().get(sent, (0, 0))
            in_sent[k, sent] = cue.search(text, lo, hi) is not None
        return in_sent[k, sent]

    out = []
    for m in matches:
        tok = last_tok.get(m.end)
        if m.kind != "generic" or m.inter not in (5, 6, 7) or tok is None:
            continue
        for k, (cue, identity, who) in enumerate(cues):
            if m.identity and who != "crowd":
                continue  # what a crowd demands adds to who its people are ("students demanding jobs"); the rest names it
            fits = (who == "subjects" and tok.dep == "nsubj" and in_sentence(k, cue, m.sent)) or \
                (who == "civilians" and m.inter == 7 and in_article(k, cue)) or \
                (who == "crowd" and (m.inter in (5, 6) or tok.dep == "nsubj") and in_sentence(k, cue, m.sent))
            if not fits:
                continue
            filled = identity.replace("{country}", m.country) if m.country else identity.replace(" ({country})", "")
            if filled not in (m.identity or "").split("; "):
                m.identity = f"{m.identity}; {filled}" if m.identity else filled
                out.append(m)
                break
    return out


def _actors(text: str, matches: list[Any], year: int | None = None) -> list[Actor]:
    # a union, students' federation or women's association: its name says who its members are
    return [
        Actor(text=text[m.start:m.end], start=m.start, end=m.end, name=m.name, inter=m.inter, country=m.country,
              sent=m.sent, kind=m.kind, confidence=round(m.confidence, 3),
              identity=m.identity or (name_identity(m.name, m.country, year)
                                      if m.kind in ("named", "unlisted") and m.inter in (5, 6, 7) else None))
        for m in matches
    ]


@stage("sitrep.actors.v1", needs=("doc",), sets=("actors",))
def make_actors(config: dict[str, Any]) -> Any:
    """Find actor mentions and normalise them to ACLED actor names, types (inter) and countries."""
    get_matcher()  # build the dictionary index once, before the first batch

    def run(documents: list[Document]) -> None:
        for document in documents:
            if document.doc is None:
                continue
            document.actors = extract_actors(document)

    return run
