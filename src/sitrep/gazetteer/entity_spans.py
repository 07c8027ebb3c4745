"""Entity spans the NER cut wrong, and known names inside unknown ones, for the places stage.

A mixin of ``sitrep.stages.places.PlaceFinder`` (split from it to keep each file readable): it needs the
finder's ``gaz`` and ``_toponym``. The NER stops inside a name ("Deir" of "Deir ez-Zor"), runs two names
together ("Alexandria, Va."), or labels a name the gazetteer lacks whose words hold a known one ("north west
London"); these methods give the spans the finder resolves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.gazetteer.resolve import HINT_FEATURES, Toponym
from sitrep.gazetteer.wording import GENERIC_WORDS, NAMED_AREAS

if TYPE_CHECKING:
    from sitrep.gazetteer.store import Gazetteer

_COMPASS = ("north", "south", "east", "west", "central")
_SPLITS = frozenset((",", "(", ")", "[", "]"))  # what parts an entity's span into several names
_FEATURE_WORDS = {"strait", "gulf", "sea", "ocean", "southern", "northern", "eastern", "western", "greater", "port",
                  "mountains", "plain", "plains", "desert", "airport", "base", "camp"}


class EntitySpans:
    """Spans of NER entities mended against the gazetteer: extended, split, or searched for inner names."""

    gaz: Gazetteer

    def _toponym(self, doc: Any, start: int, end: int, sent: int) -> Toponym | None:
        raise NotImplementedError

    def _extend(self, doc: Any, start: int, end: int) -> int:
        """The NER sometimes stops inside a name ('Deir' of 'Deir ez-Zor') or cuts it in two ('Boa' + 'Vista',
        'ST' + '. LOUIS'): take the longer name the gazetteer knows, ending on a capitalised word, over tokens
        outside any entity or in the next entity when the longer name ends where that one does."""
        for extra in (4, 3, 2, 1):
            stop = end + extra
            if stop > len(doc) or any(doc[k].is_space for k in range(end, stop)):
                continue
            if any(doc[k].ent_type_ for k in range(end, stop)) and (
                    doc[stop - 1].ent_type_ in ("", "PERSON") or (stop < len(doc) and doc[stop].ent_iob_ == "I")):
                continue
            if doc[stop - 1].text[:1].isupper() and self.gaz.lookup(doc[start:stop].text, loose=False):
                return stop
        return end

    def _split(self, doc: Any, start: int, end: int) -> list[tuple[int, int]]:
        """'Alexandria, Va.' is two places, and so is the NER's 'Tripoli (Tripoli' of ACLED's 'Tripoli (Tripoli,
        North)'; a name the gazetteer knows whole stays whole."""
        marks = {doc[i].text for i in range(start, end)} & _SPLITS
        # (a name with a bracket inside is never one: "Tripoli (Tripoli" is no "Tripoli - Tripoli")
        if not marks or (marks == {","} and self.gaz.lookup(doc[start:end].text, False)):
            return [(start, end)]
        parts, cur = [], start
        for i in range(start, end):
            if doc[i].text in _SPLITS:
                parts.append((cur, i))
                cur = i + 1
        parts.append((cur, end))
        return [p for p in parts if p[0] < p[1]]

    def _inner(self, doc: Any, start: int, end: int, out: list[Toponym]) -> bool:
        """Known names inside an entity the gazetteer lacks ('north west London', 'Asia-Pacific')."""
        added: list[Toponym] = []
        covered: set[int] = set()
        i = start
        while i < end:
            width = next((w for w in range(min(4, end - i), 0, -1) if self._inner_ok(doc, i, i + w)), 0)
            if width and self._hyphenated(doc, i + width, end) and not any(
                    c.feature in ("country", "continent") for c in self.gaz.lookup(doc[i:i + width].text, loose=False)):
                width = 0  # "Bar-Sanguun", "War-Ciise": one hyphenated name, not Bar (Montenegro) + Sanguun
            if width:
                top = self._toponym(doc, i, i + width, -1)
                if top is not None:
                    # a small place's name as part of an unknown longer one ("Dar" in "Dar el Ouassaa", "Largo"
                    # in "Capitan Largo") is a weak match: it does not take a namesake abroad (``_foreign_namesake``)
                    rest = [t for t in (*doc[start:i], *doc[i + width:end]) if t.is_alpha and t.lower_ != "the"]
                    named = all(t.lower_ in HINT_FEATURES for t in rest)  # "Jounieh city" is Jounieh itself
                    top.exact = named or any(c.feature in NAMED_AREAS or c.population >= 100_000
                                             for c in self.gaz.lookup(top.text, loose=False))
                    out.append(top)
                    added.append(top)
                    covered.update(range(i, i + width))
            i += max(1, width)
        # a name with an unknown proper word beside it ("Tal" of "Tal Tamer") is only part of the place's name;
        # a compass or feature word ("South Red Sea", "Strait of Bab el Mandeb") or another known name
        # ("Ciudad de Mexico - Cuauhtemoc") leaves it whole
        # ACLED's "Goma - Keshero", "Karachi - Saddar": a dash between spaces joins a town and a part of it, two
        # names; an unknown part does not make the town a word of a longer name
        dashes = [k for k in range(start + 1, end - 1) if doc[k].text in ("-", "–") and doc[k].whitespace_
                  and doc[k - 1].whitespace_]
        for top in added:
            first = next(k for k in range(start, end) if doc[k].idx >= top.start)
            lo = max((k + 1 for k in dashes if k < first), default=start)
            hi = min((k for k in dashes if k > first), default=end)
            top.partial = any(doc[k].is_alpha and doc[k].text[:1].isupper() and k not in covered
                              and doc[k].lower_ not in GENERIC_WORDS and doc[k].lower_ not in HINT_FEATURES
                              and doc[k].lower_ not in _FEATURE_WORDS for k in range(lo, hi))
        return bool(added)

    @staticmethod
    def _hyphenated(doc: Any, j: int, end: int) -> bool:
        """A name goes on after a hyphen with no spaces ("Bar-Sanguun"); "Shan-East" is ACLED's part of Shan and
        "Ciudad de Mexico - Cuauhtemoc" two names."""
        return (j + 1 < end and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                and doc[j + 1].text[:1].isupper() and doc[j + 1].lower_ not in _COMPASS)

    def _inner_ok(self, doc: Any, i: int, j: int) -> bool:
        if not doc[i].text[:1].isupper() or not doc[j - 1].text[:1].isalpha():
            return False
        cands = self.gaz.lookup(doc[i:j].text, loose=False)
        if not cands:
            return False
        if j - i > 1:
            return True
        # one word inside a longer name: only a well-known place, never a generic word ("East", "Park")
        top = cands[0]
        return (doc[i].pos_ == "PROPN" and doc[i].lower_ not in GENERIC_WORDS
                and (top.feature in NAMED_AREAS or top.population >= 10_000))
