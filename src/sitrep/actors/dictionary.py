"""Loading the actor data files into one lookup index.

Four files, each read from the package and then from every user data folder
(``sitrep.resources.data_files``), later copies adding rows or overriding rows
with the same key:

- ``actors.csv`` — named actors (key: ``name``),
- ``generic_actors.csv`` — unnamed-actor patterns (key: ``pattern`` + ``country``),
- ``actors_countries.csv`` — country names and nationality words (key: ``country``),
- ``actors_org_heads.csv`` — head words of organisation names read as armed actors (key: ``word``),
- ``actors_subject_verbs.csv`` — verbs whose subject country acts through its military (key: ``lemma``),
- ``actors_member_nouns.csv`` — nouns that join a preceding named actor ("JNIM militants").

Aliases and patterns are reduced to token keys by ``token_key`` so the same
phrase matches whether it comes from a spaCy Doc or a plain string.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.resources import data_files

# Characters dropped from a token before comparison: "U.S." = "US", "Sha'abi" = "Shaabi".
_DROP = str.maketrans("", "", ".'’‘`ʼ")
# Tokens that vanish entirely (hyphens between name parts, stray apostrophes and dots).
_SKIPPABLE = frozenset("-–—‐‑.'’‘`ʼ")

STATE_KINDS = ("military", "police", "government")
_PERIOD = re.compile(r"\s*\(\d{4}-(\d{4})?\)$")  # "(2018-)", "(2000-2024)" at the end of a state force's name


def norm_token(text: str) -> str:
    """A token's comparison form: accents and dots/apostrophes removed, lower case ('' = skip it)."""
    if text in _SKIPPABLE or all(c in _SKIPPABLE for c in text):
        return ""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.translate(_DROP).lower()


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    # spaCy's own English rules, so aliases split exactly as article text does ("MS-13", "Iraq's").
    import spacy

    return spacy.blank("en").tokenizer


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split a plain string into (token, start, end) with spaCy's English tokenizer."""
    return [(t.text, t.idx, t.idx + len(t.text)) for t in _tokenizer()(text) if not t.is_space]


def token_key(text: str) -> tuple[str, ...]:
    return tuple(k for k in (norm_token(t) for t, _, _ in tokenize(text)) if k)


def case_form(text: str) -> tuple[str, ...] | None:
    """For an acronym alias ("IS", "ISIS", "U.S.", "LeT", "FAMa"), the exact token forms the text must show.

    An acronym is all capitals, or one word with capitals after its first letter, so that
    "IS" never matches "is" and "LeT" never matches "let".
    """
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return None
    one_word = len(text.split()) == 1 and "-" not in text.strip("-")
    mixed = one_word and sum(c.isupper() for c in letters[1:]) >= 1 and len(letters) <= 6
    if not (all(c.isupper() for c in letters) or mixed):
        return None
    return tuple(t.translate(_DROP) for t, _, _ in tokenize(text) if norm_token(t))


@dataclass
class ActorRow:
    name: str
    inter: int
    countries: tuple[str, ...]
    start_year: int | None
    end_year: int | None
    kind: str
    aliases: list[str] = field(default_factory=list)

    def valid_in(self, year: int) -> bool:
        return (self.start_year is None or self.start_year <= year) and (
            self.end_year is None or year <= self.end_year
        )


@dataclass(frozen=True)
class AliasEntry:
    row: int  # index into ActorIndex.rows
    case: tuple[str, ...] | None  # exact token forms when the alias is an acronym
    restricted: bool  # "~" alias: only when the context is about one of the row's countries


@dataclass(frozen=True)
class GenericRow:
    pattern: str
    name: str
    inter: int
    country: str  # "" = every country
    requires: str  # "" | "nationality"
    confidence: float
    identity: str = ""  # ACLED's identity actor for the people named ("Farmers ({country})"), if any


@dataclass
class ActorIndex:
    rows: list[ActorRow]
    aliases: dict[tuple[str, ...], list[AliasEntry]]
    generics: dict[tuple[str, ...], list[GenericRow]]
    nationalities: dict[tuple[str, ...], str]  # "iraqi" -> Iraq
    country_names: dict[tuple[str, ...], str]  # "iraq" -> Iraq
    org_heads: dict[str, int]
    subject_verbs: dict[str, str]  # verb lemma -> state role when a country is its subject
    member_nouns: frozenset[str]  # "militants" in "JNIM militants"
    max_len: int
    by_name: dict[str, int] = field(default_factory=dict)
    # country names and nationality words that are acronyms ("CAR", "US", "UAE"): the exact token forms
    # the text must show, so "car" or "us" never name a country
    case_names: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    identities: frozenset[str] = frozenset()  # ACLED identity actor names ("Students"), without the country

    def state_row(self, country: str, kind: str, year: int | None) -> ActorRow | None:
        """The state-force row (military/police/government) of ``country`` valid in ``year`` (else the latest)."""
        rows = [r for r in self.rows if r.kind == kind and r.countries[:1] == (country,)]
        if not rows:
            return None
        if year is not None:
            valid = [r for r in rows if r.valid_in(year)]
            if valid:
                return max(valid, key=lambda r: r.start_year or 0)
        return max(rows, key=lambda r: (r.end_year is None, r.start_year or 0))


def _read_rows(name: str, required: tuple[str, ...], paths: Iterable[Path] | None = None) -> Iterator[dict[str, str]]:
    for path in paths if paths is not None else data_files(name):
        with open(path, encoding="utf-8", newline="") as f:
            lines = (line for line in f if line.strip() and not line.lstrip().startswith("#"))
            reader = csv.DictReader(lines)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise SitrepError("E302", f"{path}: missing column(s) {', '.join(missing)}")
            for lineno, rec in enumerate(reader, start=2):
                clean = {k: (v or "").strip() for k, v in rec.items() if k}
                if any(not clean.get(c) for c in required[:1]):
                    raise SitrepError("E302", f"{path}: row {lineno} has no {required[0]}")
                yield clean


def _int(value: str, path: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise SitrepError("E302", f"{path}: {value!r} is not a whole number") from None


def _load_actor_rows() -> list[ActorRow]:
    merged: dict[str, ActorRow] = {}
    for rec in _read_rows("actors.csv", ("name", "inter")):
        inter = _int(rec["inter"], "actors.csv")
        if inter is None or not 1 <= inter <= 8:
            raise SitrepError("E302", f"actors.csv: {rec['name']!r} has inter {rec['inter']!r}, not 1-8")
        merged[rec["name"]] = ActorRow(
            name=rec["name"],
            inter=inter,
            countries=tuple(c.strip() for c in rec.get("country", "").split("|") if c.strip()),
            start_year=_int(rec.get("start_year", ""), "actors.csv"),
            end_year=_int(rec.get("end_year", ""), "actors.csv"),
            kind=rec.get("kind", "") or "armed_group",
            aliases=[a.strip() for a in rec.get("aliases", "").split("|") if a.strip()],
        )
    rows = list(merged.values())
    # Earlier periods of a state force carry no aliases of their own: they share the family's.
    family: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        if r.kind in STATE_KINDS and r.aliases:
            for c in r.countries:
                family.setdefault((c, r.kind), []).extend(r.aliases)
    for r in rows:
        if r.kind in STATE_KINDS and not r.aliases:
            r.aliases = list(dict.fromkeys(a for c in r.countries for a in family.get((c, r.kind), [])))
    return rows


def build_index() -> ActorIndex:
    rows = _load_actor_rows()
    aliases: dict[tuple[str, ...], list[AliasEntry]] = {}
    for i, row in enumerate(rows):
        # The canonical name is an alias too ("PMF: Popular Mobilization Forces", "Hezbollah"), and so
        # is a state force's name without its period: "Military Forces of Syria" in a coder's note.
        period_free = _PERIOD.sub("", row.name)
        for alias in [*row.aliases, row.name, *([period_free] if period_free != row.name else [])]:
            restricted = alias.startswith("~")
            surface = alias.lstrip("~").strip()
            exact = surface.startswith("=")  # "=Coalition": only in exactly this spelling
            surface = surface.lstrip("=")
            key = token_key(surface)
            case = tuple(t.translate(_DROP) for t, _, _ in tokenize(surface) if norm_token(t)) if exact else None
            if key:
                aliases.setdefault(key, []).append(AliasEntry(i, case or case_form(surface), restricted))

    generics: dict[tuple[str, ...], list[GenericRow]] = {}
    seen: dict[tuple[str, str], GenericRow] = {}
    for rec in _read_rows("generic_actors.csv", ("pattern", "name", "inter")):
        inter = _int(rec["inter"], "generic_actors.csv") or 0
        conf = float(rec.get("confidence") or 0.7)
        g = GenericRow(rec["pattern"].lower(), rec["name"], inter, rec.get("country", ""), rec.get("requires", ""), conf,
                       rec.get("identity", ""))
        seen[(g.pattern, g.country)] = g
    for g in seen.values():
        generics.setdefault(token_key(g.pattern), []).append(g)

    nationalities: dict[tuple[str, ...], str] = {}
    country_names: dict[tuple[str, ...], str] = {}
    case_names: dict[tuple[str, ...], tuple[str, ...]] = {}
    for rec in _read_rows("actors_countries.csv", ("country",)):
        country = rec["country"]
        for n in [country, *rec.get("names", "").split("|")]:
            if n.strip():
                country_names[token_key(n)] = country
                if (form := case_form(n.strip())) is not None:
                    case_names[token_key(n)] = form
        for a in rec.get("adjectives", "").split("|"):
            if a.strip():
                nationalities[token_key(a)] = country
                if (form := case_form(a.strip())) is not None:
                    case_names[token_key(a)] = form

    org_heads = {rec["word"].lower(): _int(rec.get("inter", ""), "actors_org_heads.csv") or 3
                 for rec in _read_rows("actors_org_heads.csv", ("word",))}
    subject_verbs = {rec["lemma"].lower(): rec.get("role", "") or "military"
                     for rec in _read_rows("actors_subject_verbs.csv", ("lemma",))}
    member_nouns = frozenset(rec["word"].lower() for rec in _read_rows("actors_member_nouns.csv", ("word",)))
    longest = max([len(k) for k in aliases] + [len(k) for k in generics] + [1])
    return ActorIndex(
        rows=rows,
        aliases=aliases,
        generics=generics,
        nationalities=nationalities,
        country_names=country_names,
        org_heads=org_heads,
        subject_verbs=subject_verbs,
        member_nouns=member_nouns,
        max_len=longest,
        by_name={r.name: i for i, r in enumerate(rows)},
        case_names=case_names,
        identities=frozenset(g.identity.replace(" ({country})", "") for g in seen.values() if g.identity),
    )
