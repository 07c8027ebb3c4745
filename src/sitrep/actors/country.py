"""The country of an article's generic and state actors ("Protesters (X)", "Police Forces of X").

The caller's ``Article.country`` decides when given. Otherwise every kind of evidence votes, and the
country with the most weight wins:

- places the article resolves: a town, district or province counts most, a country's name or a
  nationality word ("Kenyan", "Iraqis") less, since they also say who acts or what a protest is about
  ("a pro-Ukraine rally in San Francisco");
- admin units in brackets after a place ("Ras al Naqoura (Tyr)"), which say where that place is;
- named actors that belong to one country only ("Hezbollah", "Military Forces of Iraq");
- the source: a country in its name ("Daily Nation (Kenya)", "Iraqi News"), and, weakly, a source that
  reported on one country only in ACLED's training record (``sources_country.csv``);
- the places stage's own focus, as a tie-break.

A country backed by one mention of a one-word place name alone counts for less: a lone word read as a
namesake abroad ("Northern" as a province of Fiji) should not outvote a source or a
nationality word.
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
NAMED_ACTOR_WEIGHT = 0.75
SHARED_ACTOR_WEIGHT = 0.75  # each home of a named actor of a few countries
SHARED_HOMES = 3
GENERIC_STATE_WEIGHT = 0.2  # "Iran threatened": counts only where nothing else names a country
SOURCE_WEIGHT = 1.5
# a source that reported on one country in the training exports: weak, since those exports cover few
# countries and aggregators (ReliefWeb) look national there
KNOWN_SOURCE_WEIGHT = 0.5
FOCUS_WEIGHT = 0.25
LONE_PLACE_FACTOR = 0.6  # one place name is all that backs the country
_STATE_PREFIXES = ("Military Forces of ", "Police Forces of ", "Government of ")
_BRACKETED = re.compile(r"\(([^()]+)\)\s*$")


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


@lru_cache(maxsize=1)
def _source_names() -> dict[str, str]:
    """Country names and capitals, folded, -> ISO code: the words a national outlet's name carries."""
    out: dict[str, str] = {}
    for cc, info in _reporting().gaz.countries.items():
        for name in (info.get("name", ""), *info.get("alt", []), info.get("capital", "")):
            if name and len(name) > 3:
                out.setdefault(_key(name), cc)
    return out


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
                if (cc := names.get(_key(phrase))) is not None:
                    out.add(cc)
                elif n == 1 and (dem := rep.gaz.demonym(phrase)) is not None and dem.feature == "country":
                    out.add(dem.cc)
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
    for p in document.places:
        if not p.country or p.start in in_names:
            continue
        w = PLACE_WEIGHT.get(p.feature or "", OTHER_PLACE_WEIGHT)
        if p.start in hints:
            w += HINT_WEIGHT
        votes[p.country] += w
        if p.feature in ("country", "demonym"):
            other.add(p.country)
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
            continue
        row = index.by_name.get(a.name)
        homes = index.rows[row].countries if row is not None else ()
        if len(homes) == 1:
            state = a.name.startswith(_STATE_PREFIXES)
            votes[homes[0]] += STATE_ACTOR_WEIGHT if state else NAMED_ACTOR_WEIGHT
            other.add(homes[0])
        elif 1 < len(homes) <= SHARED_HOMES:
            # a group active in a few neighbouring countries ("JNIM": Mali, Burkina Faso) rules out the rest of
            # the world: a village read as a namesake abroad should not outvote it
            for home in homes:
                votes[home] += SHARED_ACTOR_WEIGHT
                other.add(home)
    for c in source_countries(document.article.source):
        votes[c] += SOURCE_WEIGHT
        other.add(c)
    rep = _reporting()
    known = rep.from_source(document.article.source)
    if known and (name := rep.gaz.country_name(known)):
        votes[str(name)] += KNOWN_SOURCE_WEIGHT
    focus = document.extras.get("focus_country")
    if isinstance(focus, str) and focus:
        votes[focus] += FOCUS_WEIGHT
    for c, names in place_names.items():
        # one mention of a one-word name ("Northern", "Amara") is the likeliest namesake abroad
        if len(names) == 1 and c not in other and len(votes) > 1 and mentions[c] == 1 and " " not in next(iter(names)):
            votes[c] -= (1 - LONE_PLACE_FACTOR) * (votes[c] - (FOCUS_WEIGHT if c == focus else 0.0))
    return votes


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
