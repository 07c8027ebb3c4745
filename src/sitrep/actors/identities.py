"""Who the people of an event are, ACLED's way: identity actors as associated actors.

ACLED codes a crowd as "Protesters (X)" or "Rioters (X)" and a harmed group as "Civilians (X)", and
names who they are beside them: striking teachers are Protesters with "Teachers (X)" as assoc_actor_1,
killed farmers are Civilians with "Farmers (X)" as assoc_actor_2. The identity comes from the
mention that is the side itself ("teachers protested"), else from any people-word with an identity in
the event's own sentences ("protesters, among them students and women, ...") when one side alone can
hold it: the crowd when there is no civilian side, the civilians when there is no crowd.

Identity names changed over time in ACLED's record ("Labour Group" became "Labor Group",
"Fishermen" became "Fishers"); ``actors_renamed.csv`` holds those renames with the year they apply
from, and the name valid at the event's date is used. A rename may hold in some countries only (Central America
and the Caribbean write "Taxi/Bus Drivers" where the rest of the record writes "Taxi Drivers").
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from typing import Any, NamedTuple

from sitrep.model import interaction_code
from sitrep.resources import data_files

CROWD = (5, 6)
CIVILIANS = 7
_SUFFIX = re.compile(r"^(.*?)( \([^()]*\))?$")


class Rename(NamedTuple):
    name: str  # the new name
    since: int  # its first year
    countries: frozenset[str]  # where it holds; empty: everywhere


@lru_cache(maxsize=1)
def renames() -> dict[str, Rename]:
    """Old identity name -> its rename, from ``actors_renamed.csv``."""
    out: dict[str, Rename] = {}
    for path in data_files("actors_renamed.csv"):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(line for line in f if not line.startswith("#")):
                where = frozenset(c.strip() for c in (row.get("countries") or "").split("|") if c.strip())
                out[row["name"].strip()] = Rename(row["renamed"].strip(), int(row["from_year"]), where)
    return out


def _holds(rename: Rename, year: int, country: str | None) -> bool:
    return year >= rename.since and (not rename.countries or country in rename.countries)


def dated_identity(name: str, year: int | None) -> str:
    """The identity name valid in ``year`` and in the country of its suffix: "Labour Group (Bangladesh)" in 2024 ->
    "Labor Group (Bangladesh)", "Taxi Drivers (Guatemala)" in 2022 -> "Taxi/Bus Drivers (Guatemala)"; each of
    several ("Students (Bangladesh); Labour Group (Bangladesh)")."""
    if "; " in name:
        return "; ".join(dated_identity(part, year) for part in name.split("; "))
    m = _SUFFIX.match(name)
    if m is None or year is None:
        return name
    base, suffix = m.group(1), m.group(2) or ""
    country = suffix[2:-1] if suffix else None
    new = renames().get(base)
    if new is not None and _holds(new, year, country):
        return new.name + suffix
    for old, rename in renames().items():
        if base == rename.name and not _holds(rename, year, country):  # mined from other years or countries
            return old + suffix
    return name


def _ranges(ev: Any) -> list[tuple[int, int]]:
    """Character ranges of the sentences that report the event."""
    return [(span[0], span[1]) for key, span in ev.evidence.items()
            if (key == "sentence" or key.startswith("sentence_")) and span and len(span) == 2]


def _add(ev: Any, side: str, identity: str, span: tuple[int, int] | list[int]) -> None:
    attr = f"assoc_actor_{side}"
    present = [x for x in (getattr(ev, attr) or "").split("; ") if x]
    if identity not in present and identity != getattr(ev, f"actor{side}"):
        setattr(ev, attr, "; ".join([*present, identity]))
        ev.evidence.setdefault(attr, list(span))


# ACLED writes "Military Forces of the Central African Republic": the country is named without its article
_STATE_NAME = re.compile(r"^(?:Military Forces|Police Forces|Government) of (?:the )?(.+?) \(")
_COUNTRY_SUFFIX = re.compile(r"\(([^()]+)\)$")


def _is_country(name: str) -> bool:
    from sitrep.actors.country import _reporting

    return _reporting().iso2(name) is not None


def _victims_country(ev: Any) -> str | None:
    """The country of an attack's victims: the state force's own ("Police Forces of India (2014-)"), else that of
    the attacker's generic name ("Unidentified Armed Group (India)"), else the one home of a named victim."""
    m = _STATE_NAME.match(ev.actor2 or "")
    if m:
        return m.group(1)
    m = _COUNTRY_SUFFIX.search(ev.actor1 or "")
    if m and not m.group(1)[:1].isdigit() and m.group(1) != "International" and _is_country(m.group(1)):
        return m.group(1)  # not a branch's region: "Islamic State (Greater Sahara)" says nothing of the victims
    from sitrep.actors import get_matcher

    index = get_matcher().index
    row = index.by_name.get(ev.actor2 or "")
    homes = index.rows[row].countries if row is not None else ()
    return homes[0] if len(homes) == 1 else None


def civilian_victims(ev: Any, country: str | None = None) -> None:
    """ACLED codes the victims of violence against civilians as "Civilians (X)", always (6,268 of 6,268 training
    events): a party member, an off-duty officer or a councillor attacked is "Civilians (X)" with the party,
    the police or the government as associated actor (assoc_actor_2), and the interaction is X7. What armed men
    loot, burn or destroy is the civilians' unless the note names its owner (``looted_from_civilians``)."""
    if looted_from_civilians(ev, country):
        return
    if ev.event_type != "Violence against civilians" or not ev.actor2 or ev.actor2.startswith("Civilians"):
        return
    country = _victims_country(ev)
    if not country:
        return
    if not ev.actor2.startswith(("Unidentified", "Protesters", "Rioters")):
        present = [x for x in (ev.assoc_actor_2 or "").split("; ") if x]
        ev.assoc_actor_2 = "; ".join(dict.fromkeys([ev.actor2, *present]))
        if "actor2" in ev.evidence:
            ev.evidence.setdefault("assoc_actor_2", list(ev.evidence["actor2"]))
    ev.actor2, ev.inter2 = f"Civilians ({country})", CIVILIANS
    ev.interaction = interaction_code(ev.inter1, ev.inter2)


LOOTING = "Looting/property destruction"
ARMED = (1, 2, 3, 4, 8)


def looted_from_civilians(ev: Any, country: str | None = None) -> bool:
    """Armed men who loot or destroy with no one named on the other side took it from civilians: ACLED's
    training events of looting or property destruction by an armed side name Civilians (X) as the other side in
    850 of 1,084 (none 136, someone else 98). Sets that side (of the attacker's country, else ``country``, the
    article's) and says whether it did."""
    if ev.sub_event_type != LOOTING or ev.actor2 or ev.inter1 not in ARMED:
        return False
    country = _victims_country(ev) or ev.country or country
    if not country:
        return False
    ev.actor2, ev.inter2 = f"Civilians ({country})", CIVILIANS
    ev.interaction = interaction_code(ev.inter1, ev.inter2)
    return True


@lru_cache(maxsize=1)
def _companions() -> dict[str, list[str]]:
    """Actor name (period dropped, country as "{country}") -> who ACLED codes beside it in most of its notes,
    as mined from the record (``actors_acled.csv``, column companions: "Katiba Macina" -> JNIM)."""
    from sitrep.actors import dictionary

    out: dict[str, list[str]] = {}
    for rec in dictionary._mined_rows():
        found = [c for c in (rec.get("companions") or "").split("|") if c]
        if found:
            out[rec["name"]] = found
    return out


_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")


def _event_country(ev: Any) -> str | None:
    """The country the event's own names give ("Protesters (Colombia)", "Police Forces of Kenya (2022-)")."""
    for name in (ev.actor1, ev.actor2, *(ev.assoc_actor_1 or "").split("; "), *(ev.assoc_actor_2 or "").split("; ")):
        m = _STATE_NAME.match(name or "") or _COUNTRY_SUFFIX.search(_PERIOD.sub("", name or "").strip())
        if m and _is_country(m.group(1)):
            return str(m.group(1))
    return None


def _active_in(name: str, country: str) -> bool:
    """Whether a named actor is one of ``country``'s (or of no country in particular) in the dictionary."""
    from sitrep.actors import get_matcher

    index = get_matcher().index
    row = index.by_name.get(name)
    return row is None or not index.rows[row].countries or country in index.rows[row].countries


def add_companions(ev: Any, year: int | None = None) -> None:
    """Add to each side the companions of the actors on it ("Katiba Macina" brings JNIM, "Fulani Ethnic Group
    (Mali)" brings "Pastoralists (Mali)"); a "{country}" companion takes the country its actor was named with."""
    table = _companions()
    if not table:
        return
    where = _event_country(ev)
    for side in ("1", "2"):
        main = getattr(ev, f"actor{side}")
        names = [n for n in (main, *(getattr(ev, f"assoc_actor_{side}") or "").split("; ")) if n]
        for name in names:
            base = _PERIOD.sub("", name).strip()
            m = _COUNTRY_SUFFIX.search(base)
            country = m.group(1) if m and _is_country(m.group(1)) else None
            pooled = base not in table  # a country template's companions were counted over every country
            found = table.get(base) or (table.get(base[:m.start()] + "({country})") if country and m else None) or []
            for companion in found:
                companion, _, since = companion.partition("@")
                if since and year is not None and year < int(since):
                    continue  # a convention of the actor's later years only
                if "{country}" in companion:
                    if not country:
                        continue
                    companion = companion.replace("{country}", country)
                elif (pooled or (since and (where or country))) and not _active_in(companion, where or country or ""):
                    # Ecuador's CONAIE beside indigenous protesters in Colombia; JNIM, which Sahel AQIM units joined
                    # in 2017, beside AQIM in Algeria
                    continue
                span = ev.evidence.get(f"actor{side}") or ev.evidence.get("trigger") or [0, 0]
                _add(ev, side, dated_identity(companion, year), span)


def attach(ev: Any, identities: dict[tuple[int, int], str], year: int | None = None,
           country: str | None = None) -> None:
    """Add the identity actors of ``ev``'s sides to its associated actors (``identities``: mention span ->
    identity actor name, as the actors stage found them); the victims of violence against civilians are
    civilians (``civilian_victims``), of the article's ``country`` when no name of the event gives one."""
    civilian_victims(ev, country)
    own: set[tuple[int, int]] = set()
    for side in ("1", "2"):
        span = ev.evidence.get(f"actor{side}")
        identity = identities.get((span[0], span[1])) if span else None
        if identity is not None and span is not None:
            own.add((span[0], span[1]))
            for one in identity.split("; "):  # a mention may say several things of its people
                _add(ev, side, dated_identity(one, year), span)
    crowd = [s for s, inter in (("1", ev.inter1), ("2", ev.inter2)) if inter in CROWD]
    civil = [s for s, inter in (("1", ev.inter1), ("2", ev.inter2)) if inter == CIVILIANS]
    # one side only can hold who the people in the event's sentences are
    holders = crowd or civil
    if len(holders) == 1 and not (crowd and civil):
        for start, end in _ranges(ev):
            for span, identity in sorted(identities.items()):
                if span not in own and start <= span[0] and span[1] <= end:
                    for one in identity.split("; "):
                        _add(ev, holders[0], dated_identity(one, year), span)
    add_companions(ev, year)
    fighting_communities(ev)
    defending_community(ev, identities)
    harmed_communities(ev)


# "Fulani Ethnic Group (Mali)", "Lou Clan Group (South Sudan)": a community ACLED also names an armed side of
_COMMUNITY = r"^(?P<name>.+) (?P<kind>Ethnic|Communal|Clan|Sub-Clan|Tribal) {side} (?P<country>\([^()]+\))$"
_COMMUNITY_GROUP = re.compile(_COMMUNITY.format(side="Group"))
PEOPLE = (5, 6, 7)
MILITIA = 4


def fighting_communities(ev: Any) -> None:
    """In a battle no side is civilians or a crowd: people of a community who fight are its militia. Of the training
    countries' Battles notes that name a community's people (a community word before a people noun), 225 code the
    community's militia and 10 its group; so a people side of a battle whose identity is a community becomes that
    community's militia ("Fulani Ethnic Militia (Mali)"), its other identities staying beside it."""
    if ev.event_type != "Battles":
        return
    changed = False
    for side in ("1", "2"):
        if getattr(ev, f"inter{side}") not in PEOPLE:
            continue
        assoc = [x for x in (getattr(ev, f"assoc_actor_{side}") or "").split("; ") if x]
        community = next((m for m in map(_COMMUNITY_GROUP.match, assoc) if m), None)
        if community is None:
            name = getattr(ev, f"actor{side}") or ""
            if name.startswith("Civilians") and all(x.startswith(_LIVELIHOODS) for x in assoc):
                # people of no named community fighting ("Fulanis and farmers clash"): an unnamed community's militia
                # (training battles beside Farmers: both sides communal or ethnic militias, 29 of 29)
                setattr(ev, f"actor{side}", _UNNAMED_COMMUNAL + name[len("Civilians"):])
                setattr(ev, f"inter{side}", MILITIA)
                changed = True
            continue
        setattr(ev, f"actor{side}", f"{community['name']} {community['kind']} Militia {community['country']}")
        setattr(ev, f"inter{side}", MILITIA)
        setattr(ev, f"assoc_actor_{side}", "; ".join(x for x in assoc if x != community.group(0)) or None)
        changed = True
    if changed:
        ev.interaction = interaction_code(ev.inter1, ev.inter2)


_COMMUNITY_MILITIA = re.compile(_COMMUNITY.format(side="Militia"))
_UNNAMED_COMMUNAL = "Unidentified Communal Militia"
# who a fighting people side may be and still be an unnamed community's militia (a faith's people stay people)
_LIVELIHOODS = ("Farmers (", "Pastoralists (")


def defending_community(ev: Any, identities: dict[tuple[int, int], str]) -> None:
    """A battle's unnamed communal militia is the militia of the one community the event's sentences name, other
    than its opponent's ("Fulani militiamen attacked the Dogon village of Soudogara ... village self-defense repelled
    the attack": Dogon Ethnic Militia (Mali); training notes naming a community's village beside its self-defense
    code that community's militia in 20 of 24)."""
    if ev.event_type != "Battles":
        return
    for side, other in (("1", "2"), ("2", "1")):
        if not (getattr(ev, f"actor{side}") or "").startswith(_UNNAMED_COMMUNAL):
            continue
        theirs = (getattr(ev, f"actor{other}"), *(getattr(ev, f"assoc_actor_{other}") or "").split("; "))
        opponents = {m["name"] for x in theirs
                     if (m := _COMMUNITY_GROUP.match(x or "") or _COMMUNITY_MILITIA.match(x or ""))}
        named = {(m["name"], m["kind"], m["country"])
                 for start, end in _ranges(ev) for span, identity in identities.items()
                 if start <= span[0] and span[1] <= end for one in identity.split("; ")
                 if (m := _COMMUNITY_GROUP.match(one)) and m["name"] not in opponents}
        if len(named) == 1:
            name, kind, country = named.pop()
            setattr(ev, f"actor{side}", f"{name} {kind} Militia {country}")


def harmed_communities(ev: Any) -> None:
    """Beside civilians a community is a group, never its militia: the training countries' violence against
    civilians names a community beside the civilians as its group in 1,653 events and as its militia in 15 ("a
    sheikh of the Bani Bahr tribe" killed -> "Bani Bahr Tribal Group (Yemen)")."""
    for side in ("1", "2"):
        if getattr(ev, f"inter{side}") != CIVILIANS or not getattr(ev, f"assoc_actor_{side}"):
            continue
        assoc = getattr(ev, f"assoc_actor_{side}").split("; ")
        renamed = [_COMMUNITY_MILITIA.sub(r"\g<name> \g<kind> Group \g<country>", x) for x in assoc]
        setattr(ev, f"assoc_actor_{side}", "; ".join(dict.fromkeys(renamed)))


def crowd_country(document: Any, ev: Any, country: str | None, by_name: bool = True) -> str | None:
    """The country of the crowd that leads ``ev``: that of the mention it was read from when it has one
    ("Israeli settlers" riot as "Rioters (Israel)" in the West Bank, "Palestinian refugees" protest as
    "Protesters (Palestine)" in Lebanon), else the article's. ``by_name``: a nationality word naming the country
    of the actor's name counts too (the crowd's own country, not that of the people it faces)."""
    span = ev.evidence.get("actor1")
    if span:
        for a in document.actors:
            if a.start == span[0] and a.end == span[1] and a.country:
                return (by_name and _nationality_in_name(a)) or str(a.country)
    return country


def _nationality_in_name(actor: Any) -> str | None:
    """The country of an actor's name when a nationality word of the mention names it: "Israeli settlers" match
    "Settlers (Israel)", a group listed for the West Bank (its mention's country Palestine) whose crowd is Israel's."""
    suffix = _SUFFIX.match(actor.name or "")
    named = suffix.group(2).strip()[1:-1] if suffix and suffix.group(2) else None
    if not named or named == actor.country:
        return None
    from sitrep.actors.country import _names_country

    return named if _names_country(actor.text or "", named) else None


@lru_cache(maxsize=1)
def _name_words() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for path in data_files("actors_identity_words.csv"):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(line for line in f if not line.startswith("#")):
                out.append((re.compile(r"(?<![\w'])" + re.escape(row["word"].strip()) + r"(?![\w'])", re.I),
                            row["identity"].strip()))
    return out


def name_identity(name: str, country: str | None, year: int | None = None) -> str | None:
    """Who a named organisation's members are, from the words of its name ("Students Federation" -> Students)."""
    plain = name.replace("'", "").replace("’", "")  # "Students' Federation" names students too
    for pattern, identity in _name_words():
        if pattern.search(name) or pattern.search(plain):
            filled = identity.replace("{country}", country) if country else identity.replace(" ({country})", "")
            return dated_identity(filled, year)
    return None
