"""Mine ACLED's record for the phrases notes use for each coded actor (``sitrep train actors``).

Every training note names the actors its coder put in actor1/actor2/assoc_actor_1/2. For each
actor name the build collects its inter code (the side it stood on), the countries and years it
was coded in, and the phrases that stand for it:

- forms of the name itself: without ACLED's period suffix, the acronym before the colon and the
  long name after it ("JNIM: Group for Support of Islam and Muslims" -> "JNIM", "Group for ...");
- phrases of the notes (one to four words) that occur with the actor far more than with anyone
  else: at least ``min_notes`` notes, and in at least ``min_precision`` of the notes of its
  countries that contain the phrase. Words of the note's own place names never count (a town
  co-occurs with whoever fights there), nor do phrases starting or ending with a stopword. A phrase
  written with an actor that is in nearly every note of its country goes to the opponent it is far
  more specific to ("UPDF" is not Al Shabaab's: ``_aligned``), and a hand-made row's alias is no
  mined phrase of another actor (``hand_aliases``).

Names ending in a country ("Labour Group (Kenya)", "Fulani Ethnic Militia (Mali)") become templates
("Labour Group ({country})") pooled over every country, so phrases learned in one country serve
the held-out ones. State forces ("Military Forces of X (period)") are left to the hand-made
period table in ``actors.csv``.

Each actor also keeps its companions: who ACLED codes beside it, on the same side, in most of its notes
("Katiba Macina" with JNIM, "Fulani Ethnic Group (X)" with "Pastoralists (X)"), dated where ACLED began coding them
at some date (``sitrep.learn.companions``); the coding stage adds them (``sitrep.actors.identities.add_companions``).

Only the training countries are read (``sitrep.learn.splits``); the result is written as
``data/actors_acled.csv`` with ACLED's attribution, and merged at load time with the hand-made
``actors.csv`` and ``generic_actors.csv`` (``sitrep.actors.dictionary``), whose rows win.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sitrep.learn.acled import ATTRIBUTION, AcledRecord
from sitrep.learn.companions import companions
from sitrep.learn.splits import DEFAULT_HOLDOUT, training_rows

STATE_PREFIXES = ("Military Forces of", "Police Forces of", "Government of")
PERIOD = re.compile(r"\s*\((\d{4})-(\d{4})?\)")  # "(2019-)", "(2000-2024)"
# A state force's sub-unit: "Police Forces of Ethiopia (2018-) Oromo Regional Special Forces". Unlike the force
# itself (the hand-made period table) it is learned from the record: its own words after the period, and the
# phrases its notes use, bound to its countries ("~"): "Federal Police" is another unit in every country.
_UNIT_WORDS = {"forces", "force", "security", "special", "of", "the", "and"}  # shared by too many units
SUBUNIT = re.compile(r"^(?:Military|Police) Forces of .+? \(\d{4}-(?:\d{4})?\) (.+)$")
_COUNTRY_SUFFIX = re.compile(r"^(.+) \(([^()]+)\)$")
_TOKEN = re.compile(r"[^\W_]+")
_DROP = str.maketrans("", "", ".'’‘`ʼ")
IDENTITY_MIN_NOTES = 5  # notes an identity template needs to be kept on its name alone
COLUMNS = ("name", "aliases", "inter", "country", "start_year", "end_year", "kind", "notes", "first_year",
           "last_year", "companions")

def stopwords() -> frozenset[str]:
    text = resources.files("sitrep").joinpath("data/actors_mining_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@dataclass
class ActorStats:
    """What the record says about one actor name (or a country template of names)."""

    name: str
    inter: Counter[int] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    years: list[int] = field(default_factory=list)
    notes: int = 0
    primary: int = 0  # times coded as actor1/actor2 rather than as an associated actor
    aliases: dict[str, int] = field(default_factory=dict)  # surface phrase -> notes it occurred with
    beside: Counter[str] = field(default_factory=Counter)  # notes with another actor on the same side
    beside_years: Counter[tuple[str, int]] = field(default_factory=Counter)  # ... by the note's year

    @property
    def template(self) -> bool:
        return "{country}" in self.name


@dataclass
class ActorTable:
    actors: dict[str, ActorStats]
    holdout: tuple[str, ...]
    training_notes: int


def sides(record: AcledRecord) -> Iterator[tuple[str, int | None, bool]]:
    """(name, inter code, primary?) for every actor of a record; an associate shares its side's code."""
    for main, assoc, inter in ((record.actor1, record.assoc_actor_1, record.inter1),
                               (record.actor2, record.assoc_actor_2, record.inter2)):
        if main:
            yield main, inter, True
        for a in assoc:
            yield a, inter, False


def side_groups(record: AcledRecord) -> list[list[str]]:
    """The names of each side of a record: its main actor and that side's associated actors."""
    return [[n for n in (main, *assoc) if n] for main, assoc in ((record.actor1, record.assoc_actor_1),
                                                                 (record.actor2, record.assoc_actor_2))]


def target_of(name: str, countries: set[str]) -> str:
    """The table entry a coded name counts for: its country template ("Labour Group ({country})") or itself."""
    m = _COUNTRY_SUFFIX.match(name)
    if m and m.group(2) in countries and not PERIOD.search(m.group(1)):
        return f"{m.group(1)} ({{country}})"
    return name


def name_forms(name: str) -> list[str]:
    """How a note may write an actor's own name: without period, acronym and long form around the colon."""
    if "{country}" in name:
        return []
    if (unit := SUBUNIT.match(name)) is not None:
        return [unit.group(1)]
    base = PERIOD.sub("", name).strip()
    forms = [base]
    if ": " in base:
        short, long = base.split(": ", 1)
        forms += [short.strip(), long.strip()]
    return [f for f in dict.fromkeys(forms) if f and "/" not in f]


def member_nouns() -> frozenset[str]:
    from sitrep.actors.dictionary import _read_rows

    return frozenset(rec["word"].lower() for rec in _read_rows("actors_member_nouns.csv", ("word",)))


@lru_cache(maxsize=1)
def national_words() -> frozenset[str]:
    """Country names and nationality words, lower case ("syria", "syrian", "syrians")."""
    from sitrep.actors.dictionary import _read_rows

    words: set[str] = set()
    for rec in _read_rows("actors_countries.csv", ("country",)):
        for w in [rec["country"], *rec.get("names", "").split("|"), *rec.get("adjectives", "").split("|")]:
            if w.strip():
                words.add(w.strip().lower())
    return frozenset(words)


_CONNECTORS = frozenset({"of", "and", "al", "el", "the", "for", "de", "du", "des", "la", "le"})
_JOINS = frozenset({"and", "or"})


def _name_like(phrase: str, target: str, nouns: frozenset[str], places: frozenset[str] = frozenset()) -> bool:
    """Whether a phrase reads as a name for ``target``, not as what is said about it.

    A named actor's phrase is made of capitalised words, words of its own name, connectors and
    member nouns ("JNIM militants", "Hezbollah supporters", "QSD"), never verbs or common nouns
    ("detonated an IED"); a template's phrase (people: "aid workers", "Bedouins") is one or two words.
    ``places``: words of the record's place names; written capitalised they are no name of their own ("Kidal
    militants"), written in lower case they are common words ("in front of the Education Department": "Front"
    is a place's word somewhere, "front" is none).
    """
    words = phrase.split()
    if target.startswith(STATE_PREFIXES) and not SUBUNIT.match(target):
        return False  # state forces come from the hand-made period table
    own = {w.lower() for w in tokens(target)}
    if "{country}" not in target and phrase.lower() in national_words():
        return False  # "Syrian" beside the Wagner Group in CAR's notes: a nationality names no one actor
    if "{country}" in target:
        # people: a proper name ("Fulani"), words of the template's own name, or a plural ("journalists")
        last = words[-1]
        people = last[:1].isupper() or last.lower() in own or last.lower().endswith(("s", "men"))
        return len(words) <= 2 and people and not any(w.lower().endswith(("ed", "ing")) for w in words)
    if any(w.lower() in _JOINS for w in words) and phrase.lower() not in " ".join(tokens(target)).lower():
        # "BNP and Jamaat", "JCD and Jubo": two actors named together, not a name of either (unless the name
        # itself joins its words: "Islam and Muslims")
        return False
    ok = [w[:1].isupper() or w.lower() in own or w.lower() in nouns or w.lower() in _CONNECTORS for w in words]
    proper = [w for w in words if w[:1].isupper() and w.lower() not in _CONNECTORS and w.lower() not in nouns
              and w.lower() not in places]
    if len(words) == 1 and not words[0].isupper() and words[0].lower() in own:
        return False  # one word of a longer name ("Islamic", "Ansar") is ambiguous
    return all(ok) and bool(proper) and not (len(words) == 1 and len(words[0]) < 3)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.translate(_DROP))


def _phrases(toks: list[str], banned: set[str], stop: frozenset[str], max_n: int) -> dict[str, str]:
    """Every admissible n-gram of a note: lower-case key -> the surface it was written in."""
    low = [t.lower() for t in toks]
    out: dict[str, str] = {}
    for i in range(len(toks)):
        if low[i] in stop or low[i].isdigit() or low[i] in banned:
            continue
        for n in range(1, max_n + 1):
            j = i + n
            if j > len(toks) or low[j - 1] in banned or low[j - 1].isdigit():
                break
            if low[j - 1] in stop:
                continue
            out.setdefault(" ".join(low[i:j]), " ".join(toks[i:j]))
    return out


def _place_words(r: AcledRecord) -> set[str]:
    return {t.lower() for p in (r.location, r.admin1, r.admin2, r.admin3, r.country) if p for t in tokens(p)}


def build_table(records: Iterable[AcledRecord], holdout: Iterable[str] = DEFAULT_HOLDOUT, min_notes: int = 3,
                min_precision: float = 0.5, min_lift: float = 20.0, min_share: float = 0.03, max_n: int = 4, template_factor: int = 4,
                skip: Iterable[str] = (), taken: Mapping[str, set[str]] | None = None) -> ActorTable:
    """Count every training note's actors and the phrases that stand for them.

    ``skip``: names left to hand-made data (the generic actors' own templates, "Civilians ({country})").
    ``taken``: the hand-made rows' aliases (lower case -> their actors' names, see ``hand_aliases``).
    """
    skip = set(skip)
    hand = taken or {}
    hold = tuple(holdout)
    distinct: dict[str, AcledRecord] = {}
    merged: dict[str, list[AcledRecord]] = defaultdict(list)
    for r in training_rows(records, hold):
        # ACLED copies one note onto every event it describes: count the note once, with all their actors
        distinct.setdefault(r.notes, r)
        merged[r.notes].append(r)
    rows = list(distinct.values())
    countries = {r.country for r in rows if r.country}
    stop = stopwords()
    table: dict[str, ActorStats] = {}
    df: Counter[str] = Counter()
    note_targets: list[set[str]] = []
    places = {w for r in rows for w in _place_words(r)}
    skipped_notes: Counter[str] = Counter()
    for r in rows:
        targets: set[str] = set()
        for name, inter, primary in (s for twin in merged[r.notes] for s in sides(twin)):
            t = target_of(name, countries)
            if t in skip:
                # a name left to hand-made data is counted with the phrases (see _aligned: "Unidentified
                # Military" names that force, not the Al Shabaab its airstrikes target), but never written
                if t not in targets:
                    skipped_notes[t] += 1
                targets.add(t)
                continue
            st = table.setdefault(t, ActorStats(t))
            if t not in targets:
                st.notes += 1
                st.countries[r.country or ""] += 1
                if r.event_date:
                    st.years.append(r.event_date.year)
            if inter:
                st.inter[inter] += 1
            st.primary += primary
            targets.add(t)
        pairs = {(target_of(one, countries), target_of(other, countries)) for twin in merged[r.notes]
                 for side in side_groups(twin) for one in side for other in side}
        for one, other in pairs:
            if one != other and one in table and one in targets:
                table[one].beside[other] += 1
                if r.event_date:
                    table[one].beside_years[(other, r.event_date.year)] += 1
        df.update(_phrases(tokens(r.notes), _place_words(r), stop, max_n).keys())
        note_targets.append(targets)
    # phrases rarer than min_notes can never be kept: forget them before the second pass (memory)
    frequent = {k for k, n in df.items() if n >= min_notes}
    df.clear()
    # Second pass over the phrases frequent enough to count: notes per (phrase, country), and with each actor.
    df_c: dict[str, Counter[str]] = defaultdict(Counter)
    co: Counter[tuple[str, str]] = Counter()
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    per_country: Counter[str] = Counter()
    for r, targets in zip(rows, note_targets, strict=True):
        country = r.country or ""
        per_country[country] += 1
        for key, surf in _phrases(tokens(r.notes), _place_words(r), stop, max_n).items():
            if key not in frequent:
                continue
            df_c[key][country] += 1
            surface[key][surf] += 1
            for t in targets:
                co[(key, t)] += 1
    claims: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (key, t), a in sorted(co.items()):  # sorted: the outcome must not depend on set order (hash seed)
        claims[key].append((a, t))
    best = {key: pick for key, found in claims.items() if (pick := _aligned(key, found, table, skipped_notes))[1]}
    kept: dict[str, dict[str, int]] = defaultdict(dict)
    nouns = member_nouns()
    place_words = frozenset(places)  # a phrase of place words and member nouns alone names no one

    for key, (a, t) in best.items():  # a phrase names at most one actor (see _aligned)
        if t in skip:
            continue  # the phrase names a hand-made actor: none of the mined ones
        # a template pools many countries' notes, so its phrases need more of them
        need = min_notes * (template_factor if "{country}" in t else 1)
        if a < need or a < min_share * table[t].notes or not _name_like(surface[key].most_common(1)[0][0], t,
                                                                            nouns, place_words):
            continue
        st, seen = table[t], df_c[key]
        # compared within the actor's own countries: a phrase that is merely common where the actor is
        # common ("forces" where one group is in most notes) is not a name for it
        with_phrase = sum(n for c, n in seen.items() if c in st.countries)
        notes_there = sum(per_country[c] for c in st.countries)
        b, big_a = with_phrase - a, st.notes
        rest = max(notes_there - big_a, 1)
        lift = (a / big_a) / ((b + 0.5) / rest)
        if a / max(with_phrase, 1) >= min_precision and lift >= min_lift:
            kept[t][key] = a
    for t, found in kept.items():
        # a hand-made row's alias names that row's actor wherever it is written ("UPDF" is Uganda's army, "Danab"
        # Somalia's): the hand row wins it at load time, so it is no phrase of this actor, and cannot stand in
        # for this actor's longer phrases below ("UPDF troops" for the Ugandan contingent in Somalia)
        own = {_plain(f) for f in (t, *name_forms(t))}
        found = {k: n for k, n in found.items() if k not in hand or own & hand[k]}
        st = table[t]
        for key, n in found.items():
            parts = key.split()
            # a shorter phrase of the same actor already matches wherever this one does
            if any(" ".join(parts[i:j]) in found for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)
                   if (i, j) != (0, len(parts))):
                continue
            st.aliases[surface[key].most_common(1)[0][0]] = n
    return ActorTable(table, hold, len(rows))


# A phrase is seen with every actor of its notes: the side it names and the side that side fought. An actor in
# nearly all of a country's notes (Al Shabaab in Somalia's) is seen with a phrase most often even when the phrase
# names its opponent ("UPDF", "Danab"). When another actor is seen with the phrase in nearly as many notes
# (CLOSE_SHARE) and the phrase is written in a far larger share of that actor's notes (SPECIFIC_FACTOR), the phrase
# is that actor's, unless the leader's own name shares a word with it ("Shabaab fighters").
CLOSE_SHARE = 0.8
SPECIFIC_FACTOR = 5.0


def _aligned(key: str, found: list[tuple[int, str]], table: dict[str, ActorStats],
             skipped_notes: Counter[str]) -> tuple[int, str]:
    """The actor a phrase names, among those seen with it: (notes with the phrase, actor).

    The one seen with it most often, ties to the one whose own name shares a word with the phrase ("ZF fighters"
    -> "ZF: Zorvan Front"); but a leader that shares no word gives way to an actor it is far more specific to.
    """
    def shared(t: str) -> int:
        return len(set(key.split()) & {w.lower() for w in tokens(t)})

    def share(a: int, t: str) -> float:
        return a / max(table[t].notes if t in table else skipped_notes[t], 1)

    a, t = max(((a, t) for a, t in found if t in table), key=lambda item: (item[0], shared(item[1])),
               default=(0, ""))
    if not t or shared(t):
        return a, t
    # nearly as often as any name coded with the phrase, those left to hand-made data included: "Embassy" is
    # written with Protesters far more than with the small group it would pass to
    top = max(b for b, _ in found)
    rivals = [(share(b, u), b, u) for b, u in found
              if u != t and b >= CLOSE_SHARE * top and share(b, u) >= SPECIFIC_FACTOR * share(a, t)]
    if rivals:
        _, b, u = max(rivals)
        return b, u
    return a, t


def _row(st: ActorStats, min_count: int) -> dict[str, str] | None:
    subunit = SUBUNIT.match(st.name) is not None
    if st.notes < min_count or not st.inter or (st.name.startswith(STATE_PREFIXES) and not subunit):
        return None
    forms = name_forms(st.name)
    learned = [a for a, _ in sorted(st.aliases.items(), key=lambda kv: -kv[1])
               if a.lower() not in {f.lower() for f in forms}]
    if subunit:
        # a unit's phrase names it by its own words or an acronym ("Dervish Forces", "NISA"); others only
        # co-occurred with it ("south of Derna", "Mediterranean" beside the Houthi navy)
        own = {w.lower() for f in forms for w in tokens(f)} - _UNIT_WORDS
        learned = [a for a in learned if a.isupper() and " " not in a or {w.lower() for w in tokens(a)} & own]
        forms, learned = [f"~{f}" for f in forms], [f"~{a}" for a in learned]
    kind = ("generic" if st.primary * 2 >= st.notes else "identity") if st.template else "acled"
    # a community's group or militia whose name says who it is ("Muslim Group", "Dogon Ethnic Militia") is kept
    # without phrases of its own: its community word names them (sitrep.actors.communities)
    named_by_community = st.name.endswith(("Group ({country})", "Militia ({country})"))
    if st.template and not learned and (not named_by_community or st.notes < IDENTITY_MIN_NOTES):
        return None
    period = PERIOD.search(st.name)
    return {
        "name": st.name,
        "aliases": "|".join(dict.fromkeys([*forms, *learned])),
        "inter": str(st.inter.most_common(1)[0][0]),
        "country": "" if st.template else "|".join(c for c, _ in st.countries.most_common() if c),
        "start_year": period.group(1) if period else "",
        "end_year": (period.group(2) or "") if period else "",
        "kind": kind,
        "notes": str(st.notes),
        "first_year": str(min(st.years)) if st.years else "",
        "last_year": str(max(st.years)) if st.years else "",
        "companions": "|".join(companions(st)),
    }


def write_table(table: ActorTable, path: str | Path, min_count: int = 2) -> int:
    """Write the generated actor file; returns the number of rows."""
    rows = [row for st in sorted(table.actors.values(), key=lambda s: s.name) if (row := _row(st, min_count))]
    held = ", ".join(table.holdout) or "none"
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(f"# Generated by `sitrep train actors` on {date.today().isoformat()} from "
                f"{table.training_notes:,} ACLED notes; do not edit by hand (add rows to actors.csv instead).\n"
                f"# Data: {ATTRIBUTION}. Derived from public ACLED exports: actor names as coded, with counts,\n"
                f"# countries, years and the note phrases that co-occur with them. No note text is copied.\n"
                f"# Held-out countries (never read): {held}.\n"
                "# name '{country}' = a template filled with the event's country; kind acled = a named actor,\n"
                "# generic = a template ACLED codes as a side, identity = a template it codes as an associated actor;\n"
                "# companions = who ACLED codes beside the actor on its side in most of its notes.\n"
                "# Hand-made rows (actors.csv, generic_actors.csv) win over these where they conflict.\n")
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def _plain(name: str) -> str:
    return PERIOD.sub("", name).strip().lower()


def hand_aliases() -> dict[str, set[str]]:
    """Every name and alias of the hand-made ``actors.csv`` (lower case, without its '~'/'=' marks) -> its rows'
    names (lower case, without period); at load time they win these phrases (``sitrep.actors.dictionary``)."""
    from sitrep.actors.dictionary import _read_rows

    out: dict[str, set[str]] = defaultdict(set)
    for rec in _read_rows("actors.csv", ("name", "inter")):
        for alias in [PERIOD.sub("", rec["name"]), *rec.get("aliases", "").split("|")]:
            if key := " ".join(tokens(alias.lstrip("~="))).lower():
                out[key].add(_plain(rec["name"]))
    return dict(out)


def hand_generic_names() -> set[str]:
    """The templates the hand-made generic actors already produce ("Civilians ({country})"): not mined."""
    from sitrep.actors.dictionary import _read_rows

    return {rec["name"] for rec in _read_rows("generic_actors.csv", ("pattern", "name", "inter"))}
