"""How ACLED names a province: a naming policy learned on the training countries' admin1 units.

GeoNames often gives a unit its local or transliterated name ("Tall Abib", "Jabal Lubnan") where ACLED
writes the common English one ("Tel Aviv", "Mount Lebanon"). Every unit gets candidate names from each
independent source with their derived forms (``places_candidates``: alternate names, ISO name, the town it is named
after, type words, prefixes and articles taken off).

A conditional logit over candidate features (sources that agree, script, article, type word, capital ...)
and over the same features weighed by the neighbours' style (how ACLED chose among the candidates of the
nearest training countries: English or local name, article kept or not, type word ...; ``assign_styles``)
is fitted to pick the spelling ACLED's record uses for the units of the training countries (their majority
spelling, ``vote_admin_names``); ``build_policy`` then names every admin1 unit of the world with it. Numpy only.

One choice the logit cannot learn from a few units among thousands: the language. Where a unit has names with
and without an English compass or landform word ("Jawa Tengah" / "Central Java", "North-West" / "Nord-Ouest"),
ACLED writes the English one in some regions (Indonesia, Iran, Somalia) and the local one in others (Europe,
francophone Africa). Where GeoNames' own name is not English, the nearest training countries that faced the same
choice decide it (``assign_language``); the logit then picks among that language's names.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np

from sitrep.gazetteer.names import exact_key, strip_diacritics
from sitrep.learn.places_candidates import (
    ARTICLES,
    SHORT_FORM,
    TYPE_WORDS,
    Unit,
    candidates,
    common_type_words,
    read_units,
    type_prefixes,
)

FEATURES = ("main", "alt", "alt_first", "iso", "capital", "sources", "strip_type", "strip_prefix", "al_article",
            "no_article", "has_type", "article", "diacritics", "marks", "one_word", "words", "hyphen",
            "is_capital_name", "alt_only_english", "in_main", "long", "town_name", "short", "english_word",
            "alt_for_translit", "keeps_article", "mentions")
# words that mark an English (not transliterated) name: compass points and a few landform words
ENGLISH = frozenset(("north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
                     "northeast", "northwest", "southeast", "southwest", "upper", "lower", "mount", "greater",
                     "new", "middle", "valley", "coast", "islands", "highlands", "lake", "river"))
# weak ridge, fitted long: leave-countries-out over the training units (5 folds; 10 folds, two draws) named
# 856, 878, 868 of 1,114 right with 0.01 and 400 steps, 864, 891, 885 with 0.001 and 2,000
L2 = 0.001
STEPS = 2000
# candidate properties whose use by ACLED in the nearest training countries tells a country's naming style
STYLE = ("main", "alt", "alt_first", "english_word", "article", "hyphen", "has_type", "diacritics", "one_word", "iso",
         "strip_type", "no_article")
STYLE_FEATURES = tuple(f"style_{s}" for s in STYLE)
NEIGHBOURS = 5  # nearest training countries whose choices make its style (dev draws: 3, 5, 8, 12 alike)
STYLE_MIN_UNITS = 3  # a country with fewer units ACLED spells says too little about its style
# nearest training countries whose language choice decides a unit's (training countries left out in turn, units
# named right of 2,847 over three draws: 1 nearest 2286, 3: 2286, 5: 2268, no choice 2255; 3 leans on no one)
LANGUAGE_NEIGHBOURS = 3
KM_PER_DEGREE = 111.2  # of latitude, for a distance between country centres in km


def features(name: str, tags: set[str], unit: Unit) -> list[float]:
    key = exact_key(name)
    words = key.split()
    # the name's length without its article: whether to keep "Al" is the article features' choice alone
    bare = words[1:] if len(words) > 1 and words[0] in ARTICLES else words
    # the ISO name copies GeoNames' transliteration too often to count as a second opinion
    families = {t.split(":")[1] for t in tags if t.startswith("src:")} - {"iso"}
    translit = not unit.main.isascii() or unit.main.split()[0].lower() in ARTICLES
    cap = exact_key(unit.capital) if unit.capital else ""
    values = {
        "main": "main" in tags, "alt": "alt" in tags, "alt_first": "alt_first" in tags, "iso": "iso" in tags,
        "capital": "capital" in tags, "sources": math.log1p(len(families)),
        # a derivation counts only when no source writes the form as it is
        "strip_type": "strip_type" in tags and "as_is" not in tags,
        "strip_prefix": "strip_prefix" in tags and "as_is" not in tags,
        "al_article": "al_article" in tags and "as_is" not in tags,
        "no_article": "no_article" in tags and "as_is" not in tags,
        "has_type": bool(words) and words[-1] in TYPE_WORDS, "article": bool(words) and words[0] in ARTICLES,
        "diacritics": "ascii_source" not in tags,
        "marks": "marks" in tags, "one_word": len(bare) == 1, "words": min(len(bare), 5) / 5,
        "hyphen": "-" in name, "is_capital_name": bool(cap) and key == cap,
        "alt_only_english": "alt" in tags and "main" not in tags and name.isascii(),
        "in_main": key in exact_key(unit.main) and key != exact_key(unit.main), "long": len(key) > 25,
        "town_name": key in unit.towns, "short": len(key) <= 4, "english_word": any(x in ENGLISH for x in words),
        "mentions": math.log1p(sum(t.startswith("raw:") for t in tags)),
        "keeps_article": bool(words) and words[0] in ARTICLES and exact_key(unit.main).split()[0] in ARTICLES,
        "alt_for_translit": translit and "alt" in tags and "ascii_source" in tags and "main" not in tags,
    }
    own = [float(values[f]) for f in FEATURES]
    style = unit.style or [0.0] * len(STYLE)
    return own + [float(values[f]) * lean for f, lean in zip(STYLE, style, strict=True)]




def _country(code: str) -> str:
    return code.split(".")[0]


def country_styles(units: list[Unit], gold: dict[str, str]) -> dict[str, Any]:
    """Per training country, how ACLED's spelling differs from the average candidate in each STYLE property
    (mean over its units ACLED spells; countries with fewer than STYLE_MIN_UNITS such units are left out)."""
    index = [FEATURES.index(f) for f in STYLE]
    per: dict[str, list[Any]] = defaultdict(list)
    for u in units:
        if u.code not in gold or len(u.cands) < 2:
            continue
        names, x = _matrix(u)
        right = np.array([exact_key(n) == exact_key(gold[u.code]) for n in names])
        if right.any():
            x = x[:, index]
            per[_country(u.code)].append(x[right].mean(0) - x.mean(0))
    return {cc: np.mean(rows, 0) for cc, rows in per.items() if len(rows) >= STYLE_MIN_UNITS}


def assign_styles(units: list[Unit], gold: dict[str, str], centres: dict[str, tuple[float, float]]) -> None:
    """Give every unit the mean style of the NEIGHBOURS training countries nearest its country's centre, its own
    country left out (a training country is styled as an unseen one would be)."""
    for u in units:
        u.style = []
    styles = country_styles(units, gold)
    by_country: dict[str, Any] = {}
    for u in units:
        cc = _country(u.code)
        if cc not in by_country:
            by_country[cc] = _neighbour_style(cc, styles, centres)
        u.style = by_country[cc]


def is_english(name: str) -> bool:
    """The name has an English compass or landform word ("Central Java", "Lower Juba", "Mount Lebanon")."""
    return any(w in ENGLISH for w in exact_key(name).replace("-", " ").split())


def has_language_choice(unit: Unit) -> bool:
    """The unit has names both with and without an English compass or landform word."""
    return len({is_english(n) for n in unit.cands}) == 2


def assign_language(units: list[Unit], gold: dict[str, str], centres: dict[str, tuple[float, float]]) -> None:
    """Give every unit with a language choice and a GeoNames name that is not English the choice ACLED made in
    the LANGUAGE_NEIGHBOURS training countries nearest its own (its own left out) that faced it too: English
    when ACLED named over half of their such units in English, local when under half.
    GeoNames' English names stay the logit's to judge: ACLED keeps them far more often than not (training units
    with another candidate: 49 of 58), and a nearest country that did not (Cameroon's French names) would
    rename whole regions ("Central Visayas", "Western Highlands")."""
    choosing = [u for u in units if not is_english(u.main) and has_language_choice(u)]
    chose: dict[str, list[bool]] = defaultdict(list)  # training country -> English chosen, per unit
    for u in choosing:
        right = gold.get(u.code)
        if right is not None and any(exact_key(n) == exact_key(right) for n in u.cands):
            chose[_country(u.code)].append(is_english(right))
    for u in units:
        u.english = None
    nearest: dict[str, list[str]] = {}  # a unit's country -> the training countries that decide for it
    for u in choosing:
        cc = _country(u.code)
        if cc not in nearest:
            nearest[cc] = _nearest_countries(cc, chose, centres, LANGUAGE_NEIGHBOURS)
        votes = [v for o in nearest[cc] for v in chose[o]]
        if votes and 2 * sum(votes) != len(votes):
            u.english = 2 * sum(votes) > len(votes)


def _nearest_countries(cc: str, others: Iterable[str], centres: dict[str, tuple[float, float]], k: int,
                       max_km: float | None = None) -> list[str]:
    """The ``k`` countries of ``others`` whose centres lie nearest ``cc``'s, ``cc`` left out (none without its centre);
    of those, only the ones within ``max_km`` when it is given."""
    if cc not in centres:
        return []
    lat, lon = centres[cc]
    scale = math.cos(math.radians(lat))  # degrees of longitude shrink away from the equator
    near = sorted((math.hypot(lat - centres[o][0], (lon - centres[o][1]) * scale), o)
                  for o in others if o != cc and o in centres)[:k]
    return [o for d, o in near if max_km is None or KM_PER_DEGREE * d <= max_km]


def _neighbour_style(cc: str, styles: dict[str, Any], centres: dict[str, tuple[float, float]]) -> list[float]:
    near = _nearest_countries(cc, styles, centres, NEIGHBOURS)
    return [float(v) for v in np.mean([styles[o] for o in near], 0)] if near else []


def prepare(units: list[Unit]) -> None:
    """Fill every unit's candidates (prefixes found per country over all its units)."""
    prefixes = type_prefixes(units)
    unit_words = common_type_words(units)
    for u in units:
        cc = u.code.split(".")[0]
        u.cands = candidates(u, prefixes.get(cc, set()), unit_words.get(cc, set()))


def _matrix(unit: Unit) -> tuple[list[str], Any]:
    names = sorted(unit.cands)
    return names, np.array([features(n, unit.cands[n], unit) for n in names], dtype=float)


def fit(units: list[Unit], gold: dict[str, str], steps: int = STEPS, rate: float = 0.5) -> Any:
    """Weights of a conditional logit: each unit's candidates compete, the ones ACLED wrote are right.
    Units where no candidate is ACLED's spelling teach nothing and are skipped."""
    xs, ys, group = [], [], []
    for u in units:
        if u.code not in gold:
            continue
        names, x = _matrix(u)
        y = np.array([exact_key(n) == exact_key(gold[u.code]) for n in names], dtype=float)
        if y.any() and len(names) > 1:
            xs.append(x)
            ys.append(y)
            group += [len(xs) - 1] * len(names)
    w = np.zeros(len(FEATURES) + len(STYLE))
    if not xs:
        return w
    x, y, g = np.vstack(xs), np.concatenate(ys), np.array(group)
    n = len(xs)
    for _ in range(steps):
        s = x @ w
        e = np.exp(s - np.bincount(g, weights=s, minlength=n)[g] / np.bincount(g, minlength=n)[g])
        p = e / np.bincount(g, weights=e, minlength=n)[g]
        py = p * y
        q = py / np.bincount(g, weights=py, minlength=n)[g]  # posterior over each unit's right candidates
        w -= rate * (L2 * w - (q - p) @ x / n)
    return w


def pick(unit: Unit, w: Any) -> str:
    names, x = _matrix(unit)
    if not names:
        return strip_diacritics(unit.main)
    scores = x @ w
    if unit.english is not None:  # only the names in the chosen language compete
        scores = np.where([is_english(n) == unit.english for n in names], scores, -np.inf)
    whole = np.array([SHORT_FORM not in unit.cands[n] for n in names]) & np.isfinite(scores)
    if whole.any():  # a joined name is written whole, never a part of it (``part_of``)
        scores = np.where(whole, scores, -np.inf)
    return names[int(np.argmax(scores))]


def accuracy(units: list[Unit], gold: dict[str, str], w: Any | None) -> tuple[int, int]:
    """(right, scored) over the units with a gold spelling; ``w`` None scores GeoNames' own name."""
    right = scored = 0
    for u in units:
        if u.code in gold:
            scored += 1
            name = pick(u, w) if w is not None else strip_diacritics(u.main)
            right += exact_key(name) == exact_key(gold[u.code])
    return right, scored


def gazetteer_units(gaz: Any) -> list[Unit]:
    """Every admin1 unit with its candidates, the town it is named after and its large towns' names."""
    from sitrep.gazetteer.acled import capital_name

    towns: dict[str, set[str]] = defaultdict(set)
    for i, feature in enumerate(gaz.features):
        if feature == "town" and gaz.pop[i] >= 20_000 and gaz.admin1[i]:
            towns[gaz.admin1[i]].add(exact_key(gaz.names[i]))
    units = read_units()
    for u in units:
        u.capital = capital_name(gaz, u.code, u.main)
        u.towns = towns.get(u.code, set())
    prepare(units)
    return units


def build_policy(gaz: Any, gold: dict[str, str], check: dict[str, str] | None = None
                 ) -> tuple[dict[str, str], Any, dict[str, int]]:
    """Fit the policy on ``gold`` (admin1 code -> ACLED's spelling, training countries) and name every
    admin1 unit with it. ``check``: spellings of units the fit never saw (held-out countries), scored
    only. Returns (code -> name, weights, figures)."""
    units = gazetteer_units(gaz)
    gold = {c: n for c, n in gold.items() if c.count(".") == 1}
    centres = {cc: (float(info["lat"]), float(info["lon"])) for cc, info in gaz.countries.items()
               if info.get("lat") is not None and info.get("lon") is not None}
    assign_styles(units, gold, centres)
    w = fit(units, gold)
    assign_language(units, gold, centres)
    names = {u.code: pick(u, w) for u in units}
    figures: dict[str, int] = {}
    for label, table in (("train", gold), ("held_out", {c: n for c, n in (check or {}).items() if c.count(".") == 1})):
        right, scored = accuracy(units, table, w)
        figures[f"{label}_units"] = scored
        figures[f"{label}_policy_right"] = right
        figures[f"{label}_geonames_right"] = accuracy(units, table, None)[0]
    return names, w, figures
