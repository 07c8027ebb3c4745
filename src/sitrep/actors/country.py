"""The country of an article's generic and state actors ("Protesters (X)", "Police Forces of X").

The caller's ``Article.country`` decides when given. Otherwise every kind of evidence votes, and the
country with the most weight wins:

- places the article resolves: a town, district or province counts most, a country's name or a
  nationality word ("Kenyan", "Iraqis") less, since they also say who acts or what a protest is about
  ("a pro-Ukraine rally in San Francisco");
- admin units in brackets after a place ("Ras al Naqoura (Tyr)"), which say where that place is;
- named actors that belong to one country only ("Hezbollah", "Military Forces of Iraq"); a state's forces weakly
  where the article's armed groups are all known elsewhere only (they act abroad: "Operation Barkhane");
- the source: a country in its name ("Daily Nation (Kenya)", "Iraqi News"), and, weakly, a source that
  reported on one country only in ACLED's training record (``sources_country.csv``);
- the places stage's own focus, as a tie-break.

A country backed by one mention of a one-word place name alone counts for less: a lone word read as a
namesake abroad ("Northern" as a province of Fiji) should not outvote a source or a
nationality word. So does a country backed by place names alone when the article's armed groups are all
known elsewhere: a terse note's village ("JNIM militants attacked Nama") read as a namesake abroad
(the Philippines) should not outvote where the group operates. A name several groups of different
countries go by ("Islamic State") votes for none of them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.model import Document

# Votes per mention, by what the place is: where things happen counts more than who or what is named.
PLACE_WEIGHT = {"town": 2.0, "admin2": 2.0, "admin1": 1.5, "facility": 1.5, "country": 1.0, "demonym": 0.75}
OTHER_PLACE_WEIGHT = 1.0  # regions, deserts, rivers ...
HINT_WEIGHT = 1.0  # extra for a bracketed admin unit, on top of its place weight
STATE_ACTOR_WEIGHT = 1.0
# a state's forces fighting only groups the record knows elsewhere ("Operation Barkhane" against "Ansar Dine")
# act abroad: their country counts no more than a state named in passing
FOREIGN_STATE_WEIGHT = 0.2
NAMED_ACTOR_WEIGHT = 0.75
SHARED_ACTOR_WEIGHT = 0.75  # each home of a named actor of a few countries
SHARED_HOMES = 3
# a group of more homes ("JNIM": six West African countries) shares that weight out among them: weak, yet a vote
# for its region where a terse note's village is read as a namesake on another continent (Bhutan, the Philippines)
GENERIC_STATE_WEIGHT = 0.2  # "Iran threatened": counts only where nothing else names a country
SOURCE_WEIGHT = 1.5
# a source that reported on one country in the training exports: weak, since those exports cover few
# countries and aggregators (ReliefWeb) look national there
KNOWN_SOURCE_WEIGHT = 0.5
FOCUS_WEIGHT = 0.25
# all the names of an article the gazetteer lacks, shared out by how each sounds (``_vote_unknown_names``)
UNKNOWN_NAME_WEIGHT = 0.5
LONE_PLACE_FACTOR = 0.6  # one place name is all that backs the country
# place names alone back the country, and none of the article's non-state named actors is known there
NAMESAKE_FACTOR = 0.3
_STATE_PREFIXES = ("Military Forces of ", "Police Forces of ", "Government of ")
_BRACKETED = re.compile(r"\(([^()]+)\)\s*$")
_AGENCY_WORDS = frozenset({"presse", "press"})


@lru_cache(maxsize=1)
def _reporting() -> Any:
    from sitrep.gazetteer.reporting import ReportingCountry
    from sitrep.gazetteer.store import load_gazetteer

    return ReportingCountry(load_gazetteer())


def country_name(value: str | None) -> str | None:
    """ACLED's spelling of a country given as a name or ISO code ("KE", "Republic of Kenya" -> "Kenya")."""
    if not value or not value.strip():
        return None
    rep = _reporting()
    cc = rep.iso2(value)
    name = rep.gaz.country_name(cc) if cc else None
    return str(name) if name else value.strip()


def _key(text: str) -> str:
    from sitrep.gazetteer.names import exact_key

    return str(exact_key(text))


# words of several countries' names that say nothing alone ("Republic", "Central")
_NAME_WORDS_STOP = frozenset({"republic", "democratic", "united", "islands", "island", "central", "african", "arab",
                              "kingdom", "states", "federal", "federated", "saint", "north", "south", "east", "west",
                              "northern", "southern", "people", "peoples", "new", "the", "and", "of", "costa", "sierra", "africa",
                              "sahara", "cook", "isle", "saba", "hong", "kong", "sint",
                              "cabo", "tome", "rica", "rico"})
# what outlets glue to a country's name ("Maliweb", "Fasozine", "ActuNiger")
_GLUED = ("actu", "info", "infos", "web", "net", "zine", "vox", "news", "online", "media", "tv", "fm", "press", "live")


@lru_cache(maxsize=1)
def _source_names() -> dict[str, str]:
    """Country names and capitals, folded, -> ISO code: the words a national outlet's name carries; a word
    of a country's name that is no other country's ("Burkina", "Faso", "Lanka") stands for it too: Burkinabe
    outlets go by the second word ("Le Faso", "Faso Nord", "Fasozine"); four-letter words that are names or words
    of their own ("Saba" News of Yemen, "Cook", "Isle", "Hong Kong") or Romance words ("Cabo Ligado", a Mozambican
    outlet named for Cabo Delgado; "rica", "rico": rich) do not."""
    out: dict[str, str] = {}
    words: dict[str, set[str]] = {}
    for cc, info in _reporting().gaz.countries.items():
        for name in (info.get("name", ""), *info.get("alt", []), info.get("capital", "")):
            if name and len(name) > 3:
                out.setdefault(_key(name), cc)
        parts = re.findall(r"[A-Za-z]+", info.get("name", "") or "")
        for w in parts if len(parts) > 1 else ():
            words.setdefault(w, set()).add(cc)
    common = _common_words()
    for w, ccs in words.items():
        k = _key(w)
        # not a nationality word ("Indian" of British Indian Ocean Territory) nor a common word
        if len(ccs) == 1 and len(k) >= 4 and k not in _NAME_WORDS_STOP and k not in common and k not in out \
                and _reporting().gaz.demonym(w) is None:
            out[k] = next(iter(ccs))
    return out


def _common_words() -> frozenset[str]:
    from sitrep.resources import read_word_list

    return frozenset(read_word_list("lowercase_words.txt"))


def _glued(word: str, names: dict[str, str]) -> str | None:
    """The country an outlet's one-word name glues to a news word ("Maliweb", "ActuNiger", "Fasozine")."""
    low = word.lower()
    for affix in _GLUED:
        for stem in (low[len(affix):] if low.startswith(affix) else "", low[:-len(affix)] if low.endswith(affix) else ""):
            if len(stem) > 3 and (cc := names.get(_key(stem))) is not None:
                return cc
    return None


def source_countries(source: str | None) -> set[str]:
    """Countries an article's source names ("Daily Nation (Kenya)", "Kabul Times", "Iraqi News")."""
    if not source:
        return set()
    rep = _reporting()
    names = _source_names()
    out: set[str] = set()
    for part in source.split(";"):
        part = part.strip()
        m = _BRACKETED.search(part)
        if m and (cc := rep.iso2(m.group(1))):
            out.add(cc)
        words = re.findall(r"[A-Za-z][A-Za-z'-]+", _BRACKETED.sub("", part))
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i:i + n])
                if n == 1 and words[i + 1:i + 2] and words[i + 1].lower() in _AGENCY_WORDS:
                    continue  # a wire agency named for its home ("Agence France Presse") reports from anywhere
                if (cc := names.get(_key(phrase))) is not None:
                    out.add(cc)
                elif n == 1 and (dem := rep.gaz.demonym(phrase)) is not None and dem.feature == "country":
                    out.add(dem.cc)
                elif n == 1 and (cc := _glued(phrase, names)) is not None:
                    out.add(cc)
                elif n == 1 and "-" in phrase:  # a mission named for its country ("OSCE SMM-Ukraine")
                    out.update(cc for piece in phrase.split("-") if (cc := names.get(_key(piece))) is not None)
    found = {rep.gaz.country_name(cc) for cc in out}
    return {str(n) for n in found if n}


def country_votes(document: Document) -> defaultdict[str, float]:
    """Weighted evidence for each country the article's actors may belong to."""
    votes: defaultdict[str, float] = defaultdict(float)
    hints = set(document.extras.get("place_hints") or ())
    in_names = set(document.extras.get("places_in_names") or ())
    place_names: dict[str, set[str]] = defaultdict(set)  # country -> distinct place names backing it
    mentions: Counter[str] = Counter()
    other: set[str] = set()  # countries backed by something besides place names
    # ... by something besides place names and groups of many homes, whose lesser homes ("JNIM": Ivory Coast, Togo)
    # a village's spelling must not pick (``_vote_unknown_names``)
    firm: set[str] = set()
    demonyms: set[str] = set()
    for p in document.places:
        if not p.country or p.start in in_names:
            continue
        if p.feature == "demonym":
            # "Ugandan rebels ... ambushed by Ugandan soldiers": a nationality word says who acts, once
            if p.country in demonyms:
                continue
            demonyms.add(p.country)
        w = PLACE_WEIGHT.get(p.feature or "", OTHER_PLACE_WEIGHT)
        if p.start in hints:
            w += HINT_WEIGHT
        votes[p.country] += w
        if p.feature in ("country", "demonym"):
            other.add(p.country)
            firm.add(p.country)
        else:
            place_names[p.country].add((p.text or "").lower().strip())
            mentions[p.country] += 1
    from sitrep.actors import get_matcher

    index = get_matcher().index
    spans = [(p.start, p.end) for p in document.places if p.country]
    # the characters the places cover, for the overlap test of every actor (was every actor against every place);
    # an empty span on either side (none expected) falls back to the pairwise test
    covered = {c for s, e in spans for c in range(s, e)}
    pairwise = any(s >= e for s, e in spans)

    def on_a_place(start: int, end: int) -> bool:
        if start < end and not pairwise:
            return not covered.isdisjoint(range(start, end))
        return any(s < end and start < e for s, e in spans)

    group_homes: set[str] = set()  # where the article's non-state named actors are known to act
    states: Counter[str] = Counter()  # countries of the article's named state forces, by mention
    hinted = {p.country for p in document.places if p.country and p.start in hints}
    for a in document.actors:
        # "Russian forces" is one piece of evidence: its nationality word has voted already
        if not a.name or on_a_place(a.start, a.end):
            continue
        if a.kind != "named":
            # a generic or state actor whose own words name its country ("Iran threatened", "Palestinian
            # bombers") votes for it when no place did (pipelines without the places stage)
            # only its own words count: a generic actor given the article's first-read country ("villagers")
            # would vote that reading back in, however weak it was
            if a.country and _names_country(a.text or "", a.country):
                # a state's forces often act abroad ("Turkish drones struck ... near Sinjar"): their vote is
                # the weakest, below the places stage's focus
                state = a.inter in (1, 8)
                votes[a.country] += GENERIC_STATE_WEIGHT if state else NAMED_ACTOR_WEIGHT
                other.add(a.country)
                firm.add(a.country)
            continue
        homes = actor_homes(index, a.name)
        if shared_name(index, a.text or ""):
            continue
        if homes and not a.name.startswith(_STATE_PREFIXES):
            group_homes.update(homes)
        if len(homes) == 1:
            state = a.name.startswith(_STATE_PREFIXES)
            if state:
                states[homes[0]] += 1  # weighed once the groups' homes are known
            else:
                votes[homes[0]] += NAMED_ACTOR_WEIGHT
            other.add(homes[0])
            firm.add(homes[0])
        elif len(homes) > 1:
            # a group active in a few neighbouring countries ("ISGS": Mali, Niger, Burkina Faso) rules out the
            # rest of the world: a village read as a namesake abroad should not outvote it
            share = SHARED_ACTOR_WEIGHT * min(1.0, SHARED_HOMES / len(homes))
            for home in homes:
                votes[home] += share
                other.add(home)
                if len(homes) <= SHARED_HOMES:
                    firm.add(home)
    for c, n in states.items():
        foreign = bool(group_homes) and c not in group_homes
        votes[c] += n * (FOREIGN_STATE_WEIGHT if foreign else STATE_ACTOR_WEIGHT)
        if foreign and c in demonyms and any(a.inter == 1 and a.country == c and _names_country(a.text or "", c)
                                             for a in document.actors):
            # "French fighter jets": the nationality word names who acts abroad, not where
            votes[c] -= PLACE_WEIGHT["demonym"]
    for c in source_countries(document.article.source):
        votes[c] += SOURCE_WEIGHT
        other.add(c)
        firm.add(c)
    rep = _reporting()
    known = rep.from_source(document.article.source)
    if known and (name := rep.gaz.country_name(known)):
        votes[str(name)] += KNOWN_SOURCE_WEIGHT
        firm.add(str(name))
    focus = document.extras.get("focus_country")
    if isinstance(focus, str) and focus:
        votes[focus] += FOCUS_WEIGHT
    for c, names in place_names.items():
        # an admin unit in brackets vouches for its place, unless that one name is all there is ("Nahi-Mossi
        # (coded as Nahi ...)")
        vouched = c in hinted and len(names) > 1
        if group_homes and c not in group_homes and c not in other and not vouched:
            votes[c] *= NAMESAKE_FACTOR
            continue
        # one mention of a one-word name ("Northern", "Amara") is the likeliest namesake abroad
        if len(names) == 1 and c not in other and len(votes) > 1 and mentions[c] == 1 and " " not in next(iter(names)):
            votes[c] -= (1 - LONE_PLACE_FACTOR) * (votes[c] - (FOCUS_WEIGHT if c == focus else 0.0))
    _vote_unknown_names(document, votes, firm)
    return votes


def _vote_unknown_names(document: Document, votes: defaultdict[str, float], backed: set[str]) -> None:
    """Places the gazetteer lacks (or reads as a namesake abroad) vote, by their spelling, among the countries
    other evidence backs: "JNIM militants attacked Tanwalbougou" is in Burkina Faso rather than Mali or Niger."""
    from sitrep.gazetteer.name_country import load_name_country, unknown_place_names

    model = load_name_country()
    if model is None or not backed:
        return
    rep = _reporting()
    codes = {cc: c for c in backed if (cc := rep.iso2(c))}
    if len(codes) < 2:
        return
    spans = [(a.start, a.end) for a in document.actors]
    names = unknown_place_names(rep.gaz, document.article.text, document.places, spans, backed)
    for name in names:
        for cc, p in model.posterior(name, sorted(codes)).items():
            votes[codes[cc]] += UNKNOWN_NAME_WEIGHT * p / len(names)


def actor_homes(index: Any, name: str) -> tuple[str, ...]:
    """The countries a named actor is known in; for an uncertain pair the record lacks ("A and/or B", named by
    the matcher) those both of its groups are known in."""
    row = index.by_name.get(name)
    if row is not None:
        return tuple(index.rows[row].countries)
    parts = [index.by_name.get(part) for part in name.split(" and/or ")] if " and/or " in name else []
    if len(parts) != 2 or None in parts:
        return ()
    second = set(index.rows[parts[1]].countries)
    return tuple(c for c in index.rows[parts[0]].countries if c in second)


def shared_name(index: Any, text: str) -> bool:
    """Whether a mention is a name groups of different countries go by ("Islamic State militants"): the
    matcher picked one of them by the article's first-read country, which must not vote that reading back in."""
    from sitrep.actors.dictionary import token_key

    key = token_key(text)
    if len(key) > 1 and key[-1] in index.member_nouns:
        key = key[:-1]  # "ISIS fighters"
    homes = [set(index.rows[e.row].countries) for e in index.aliases.get(key) or [] if not e.restricted]
    homes = [h for h in homes if h]
    # rows of one group's periods or splinters share a country ("ISGS": Islamic State (Greater Sahara), (Sahel))
    return len(homes) > 1 and not set.intersection(*homes)


@lru_cache(maxsize=4096)  # the same few mentions ("police", "Iraqi forces") are asked in every article, 3 times each
def _names_country(text: str, country: str) -> bool:
    """Whether a mention's own words name ``country``: its nationality word or its name ("Iranian gunmen", "Iran")."""
    rep = _reporting()
    cc = rep.iso2(country)
    if not cc:
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", text)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            dem = rep.gaz.demonym(phrase) if n == 1 else None
            if rep.iso2(phrase) == cc or (dem is not None and dem.cc == cc):
                return True
    return False


def article_country(document: Document) -> str | None:
    """The country of the article's generic and state actors: the caller's, else the best supported."""
    given = country_name(document.article.country)
    if given:
        return given
    votes = country_votes(document)
    if not votes:
        return None
    # ties go to the country named first: a lead sentence says where the event is
    first: dict[str, int] = {}
    for p in sorted(document.places, key=lambda p: p.start):
        if p.country:
            first.setdefault(p.country, p.start)
    return max(votes, key=lambda c: (round(votes[c], 6), -first.get(c, 1 << 30)))
