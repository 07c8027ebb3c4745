"""Which country a place name the gazetteer lacks sounds like: weak evidence for a terse note's country.

ACLED's older notes often name only a village no gazetteer holds ("in the village of Belehede"); its spelling
still carries its language ("-ougou" is Mossi, "Tin-" Tamasheq). A naive Bayes model over character n-grams,
fitted on every country's GeoNames names (``sitrep train name-country``, ``sitrep.learn.name_country``), gives the
likelihood of a name among a few candidate countries that other evidence already backs (a group's homes, the
source). It never names a country alone: the sparse names of small countries (a few hundred for Mali) make its
open-world guess a neighbour's more often than not.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.gazetteer.names import exact_key

GRAM_SIZES = (2, 3, 4)
ALPHA = 0.02  # add-alpha smoothing of each country's n-gram counts
# the n-grams of one name overlap and are far from independent: their summed log-likelihood is scaled down so
# that a name's posterior over its candidates stays graded rather than all-or-nothing
TEMPERATURE = 10.0
FILE = "name_country.npz"


def grams(key: str) -> list[str]:
    """The character n-grams of a name key, its ends marked ("^nam", "ama$")."""
    s = "^" + key.replace(" ", "_") + "$"
    return [s[i:i + n] for n in GRAM_SIZES for i in range(len(s) - n + 1)]


class NameCountry:
    def __init__(self, tables: Any) -> None:
        self.countries: list[str] = [str(c) for c in tables["countries"]]
        self.col = {cc: j for j, cc in enumerate(self.countries)}
        text = str(tables["grams"])
        self.index = {g: i for i, g in enumerate(text.split("\n"))} if text else {}
        # kept as arrays: a name asks a few dozen n-grams, and listing two million counts took most of the load
        self.indptr = tables["indptr"]
        self.cls = tables["cls"]
        self.cnt = tables["cnt"]
        self.totals = tables["totals"].tolist()
        self.vocab = len(self.index)

    def log_likelihood(self, name: str, cc: str) -> float | None:
        j = self.col.get(cc)
        if j is None:
            return None
        den = math.log(self.totals[j] + ALPHA * self.vocab)
        total = 0.0
        for g in grams(exact_key(name)):
            i = self.index.get(g)
            if i is None:
                continue  # seen nowhere (or once): no country's evidence
            a, b = int(self.indptr[i]), int(self.indptr[i + 1])
            hit = (self.cls[a:b] == j).nonzero()[0]
            n = int(self.cnt[a + int(hit[0])]) if len(hit) else 0
            total += math.log(n + ALPHA) - den
        return total / TEMPERATURE

    def posterior(self, name: str, candidates: list[str]) -> dict[str, float]:
        """P(country | name) over the candidate ISO codes the model knows, equal priors; {} for none."""
        scores = {cc: s for cc in candidates if (s := self.log_likelihood(name, cc)) is not None}
        if not scores:
            return {}
        top = max(scores.values())
        weights = {cc: math.exp(s - top) for cc, s in scores.items()}
        z = sum(weights.values())
        return {cc: w / z for cc, w in weights.items()}


@lru_cache(maxsize=1)
def load_name_country() -> NameCountry | None:
    """The shipped model, or None when it was not built."""
    import numpy as np

    from sitrep.resources import data_files

    paths = data_files(FILE)
    if not paths:
        return None
    with np.load(Path(paths[0]), allow_pickle=False) as tables:
        return NameCountry(tables)


# where a terse note puts the village it names: "in the village of X", "X village", "near X", "in X"
_SLOT = re.compile(r"\b(?:(?:villages?|town|hamlet|locality|localities|commune|area|city|community|neighbou?rhood|"
                   r"district|quarter|camp) of|\b[Ii]n|[Nn]ear|[Aa]round|[Oo]utside|[Bb]etween|[Tt]oward|[Ff]rom)\s+"
                   r"(?:the\s+)?(" + r"[A-Z][a-z'\u00e0-\u00ff]+(?:-[A-Za-z][a-z'\u00e0-\u00ff]+)*" + r")(?!\w)")
_BEFORE_UNIT = re.compile(r"([A-Z][a-z'\u00e0-\u00ff]+(?:-[A-Za-z][a-z'\u00e0-\u00ff]+)*)\s+(?:village|town|hamlet|"
                          r"locality|commune|area)\b")
_UNIT_WORD = re.compile(r"\s+(?:village|town|hamlet|locality|commune|area|camp)$", re.IGNORECASE)


def slot_names(text: str) -> list[tuple[str, int]]:
    """Capitalised single names in a place slot of the text, with where they start."""
    found = [(m.group(1), m.start(1)) for m in _SLOT.finditer(text)]
    found += [(m.group(1), m.start(1)) for m in _BEFORE_UNIT.finditer(text)]
    return sorted(set(found), key=lambda x: x[1])


def bare_name(text: str) -> str:
    """A place mention without the unit word after it ("Diaodiao village" -> "Diaodiao")."""
    return _UNIT_WORD.sub("", text.strip())


_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday"})


def unknown_place_names(gaz: Any, text: str, places: list[Any], actor_spans: list[tuple[int, int]],
                        backed: set[str]) -> list[str]:
    """The article's place names the gazetteer cannot place at home: names it left unresolved, capitalised
    names in place slots it knows nothing of ("in the village of Belehede"), and places it read only abroad in a
    country nothing else backs (a namesake: "Sanso", South Korea). Distinct, in order."""
    common = _common_words()
    out: dict[str, None] = {}
    taken: list[tuple[int, int]] = list(actor_spans)
    for p in places:
        name = bare_name(p.text or "")
        if p.country is None and p.unresolved_reason and name[:1].isupper() and " " not in name:
            out.setdefault(name, None)
        elif p.country is not None and p.country not in backed and p.feature == "town" and " " not in name:
            out.setdefault(name, None)
        taken.append((p.start, p.end))
    for name, start in slot_names(text):
        end = start + len(name)
        key = exact_key(name)
        if len(key) < 4 or key in _CALENDAR or key in common or any(s < end and start < e for s, e in taken):
            continue
        if gaz.lookup(name) or gaz.demonym(name) is not None:
            continue
        out.setdefault(name, None)
    return [n for n in out if len(exact_key(n)) >= 3 and exact_key(n) not in common]


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from sitrep.resources import read_word_list

    return frozenset(read_word_list("lowercase_words.txt"))
