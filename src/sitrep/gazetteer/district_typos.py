"""A district the text names in another spelling than the gazetteer's: "Damauli city (Tanahu district)" (GeoNames:
Tanahun), "Dhalkebar town (Dhanusha district)" (Dhanusa), "(Sindhupalchok district)" (Sindhupalchowk).

ACLED's notes name the district of a village the gazetteer lacks, so the district is where the event is (ACLED's
geo_precision 2); a transliteration the gazetteer does not hold left the event at the country. After resolution,
a capitalised name written with the word "district" that no resolved name covers is matched against the districts
of the article's focus country only, by the same near-spelling test as provinces (``spelling.Admin1Names``): the
unit word says what kind of place it is, and the focus country keeps namesakes abroad out.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from sitrep.gazetteer.names import exact_key
from sitrep.gazetteer.spelling import TYPO_MIN_LEN, TYPO_RATIO
from sitrep.gazetteer.toponym import Toponym

if TYPE_CHECKING:
    from sitrep.gazetteer.store import Entry, Gazetteer

# one or two capitalised words right before "district" ("Tanahu district", "Ranbir Singh Pura district" is three:
# the last two are tried, then the last)
_BEFORE_DISTRICT = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*)\s+[Dd]istrict\b")
# a district's own type word in the gazetteer's name ("Sindhupalchowk District")
_TYPE = ("district",)


class Admin2Names:
    """Every district's names by country, keyed without their type word; a country's are read on first use (the
    pipeline builds this once per worker, and most articles name no district)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._codes: dict[str, list[str]] | None = None
        self.by_cc: dict[str, list[tuple[str, str]]] = {}

    def names(self, cc: str) -> list[tuple[str, str]]:
        """(key, district code) of every district of ``cc``."""
        if self._codes is None:
            self._codes = {}
            for code in self.gaz.admin_idx:
                if code.count(".") == 2:
                    self._codes.setdefault(code.split(".")[0], []).append(code)
        if cc not in self.by_cc:
            gaz = self.gaz
            out: list[tuple[str, str]] = []
            for code in self._codes.get(cc, ()):
                names = {gaz.admin_names.get(code) or "", gaz.acled_admin2.get(code) or ""}
                out.extend((k, code) for k in sorted({_core(n) for n in names if n}) if k)
            self.by_cc[cc] = out
        return self.by_cc[cc]

    def near(self, name: str, cc: str) -> Entry | None:
        """The one district of ``cc`` whose name is nearest ``name`` at or above the near-spelling ratio; None when
        two tie (no guess between them) or none is near."""
        key = _core(name)
        if len(key) < TYPO_MIN_LEN:
            return None
        best: list[str] = []
        best_ratio = TYPO_RATIO
        # the ratio (2 * letters in common / both lengths) can reach TYPO_RATIO only between these lengths
        shortest, longest = len(key) * TYPO_RATIO / (2 - TYPO_RATIO), len(key) * (2 - TYPO_RATIO) / TYPO_RATIO
        for other, code in self.names(cc):
            if other[:1] != key[:1] or not shortest <= len(other) <= longest:
                continue
            matcher = SequenceMatcher(None, key, other)
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = [code], ratio
            elif ratio == best_ratio and code not in best:
                best.append(code)
        return self.gaz.admin_entry(best[0]) if len(best) == 1 else None


def _core(name: str) -> str:
    words = exact_key(name).split()
    if len(words) > 1 and words[-1] in _TYPE:
        words = words[:-1]
    return " ".join(words)


def district_typos(names: Admin2Names, text: str, toponyms: list[Toponym], focus: str | None) -> list[Toponym]:
    """The districts of the focus country the text names in a spelling the gazetteer lacks: an unresolved name
    before "district" takes the district; one no name covers becomes a new resolved toponym (returned)."""
    if not focus:
        return []
    out: list[Toponym] = []
    for m in _BEFORE_DISTRICT.finditer(text):
        start, end = m.span(1)
        over = [t for t in toponyms if t.start < end and start < t.end]
        if any(t.entry is not None or t.demonym is not None for t in over):
            continue
        words = list(re.finditer(r"\S+", m.group(1)))
        for first in range(len(words)):  # the longest name first
            at = start + words[first].start()
            entry = names.near(text[at:end], focus)
            if entry is None:
                continue
            same = [t for t in over if t.start == at and t.end == end]
            top = same[0] if same else Toponym(text[at:end], at, end, -1)
            top.candidates, top.entry, top.reason = [entry], entry, None
            top.hints = ("admin2",)
            top.facility = False
            if not same:
                out.append(top)
            break
    return out
