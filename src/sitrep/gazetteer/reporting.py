"""The reporting country of an input: what the caller says (``Article.country``), else what its source says.

A country is given as a name ("Lebanon", "Republic of Kenya") or an ISO 3166 code (``LB``, ``LBN``).
Without one, a source that reported on a single country in ACLED's record (``sources_country.csv``,
derived by ``sitrep train places``; ACLED, acleddata.com) names it: a national outlet reports on its
own country. An input's ``source`` may list several sources separated by ``;``; they must agree.

A source's own name comes before that record: ACLED writes an outlet's country after it ("Nation (Pakistan)",
"Daily News (Thailand)") and many outlets carry it in their name ("Pakistan Press International", "Afghan Peace
Watch"). A learned row can be wrong for a country the record lacks (an outlet of a held-out country that also
reported on its neighbour maps to the neighbour), the name cannot. A province named in the source's name
("Balochistan Express", "Catamarca Actual") says its country only after the learned table. A source the
record shows reporting on several countries ("France 24", "RFI") says none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from sitrep.gazetteer.names import exact_key
from sitrep.resources import read_word_list

if TYPE_CHECKING:
    from sitrep.gazetteer.store import Gazetteer


NATIONAL_EVENTS = 100
WIRE_SHARE = 0.5  # a source with NATIONAL_EVENTS events, under this share in its main country, is a wire ("AFP")


class ReportingCountry:
    def __init__(self, gaz: Gazetteer) -> None:
        from sitrep.gazetteer.store import _csv_rows

        self.gaz = gaz
        self._cache: dict[str, str | None] = {}
        self.codes: dict[str, str] = {}
        for cc, info in gaz.countries.items():
            for name in (info.get("name", ""), *info.get("alt", [])):
                if name:
                    self.codes.setdefault(exact_key(name), cc)
            if info.get("iso3"):
                self.codes.setdefault(exact_key(info["iso3"]), cc)
        self.sources: dict[str, str] = {}
        wires: set[str] = set()  # sources the record shows on many countries, none of them most of the time
        self.international: set[str] = set()  # sources the record shows reporting on several countries
        self.national: dict[str, str] = {}  # ... and those it shows reporting on their one country only, at length
        for row in _csv_rows("sources_country.csv"):
            code = self.iso2(row["country"])
            if code:
                self.sources[row["source"]] = code
                if int(row.get("events") or 0) >= NATIONAL_EVENTS and float(row.get("share") or 0) >= 1.0:
                    self.national[row["source"]] = code
            elif not row["country"]:
                self.international.add(row["source"])
                if int(row.get("events") or 0) >= NATIONAL_EVENTS and float(row.get("share") or 1) < WIRE_SHARE:
                    wires.add(row["source"])
        # bodies that report from every crisis, however few countries the training exports show them on
        listed = {exact_key(name) for name in read_word_list("sources_international.txt")}
        self.international |= listed
        # an edition of an international source is international too ("AFP English" seen only on Morocco in a
        # record that lacks the countries it mostly covered: "AFP" reports on many), unless the record shows it
        # national at length ("Local Source Project": Somalia, 1,026 events)
        editions = {name for name in self.sources if name not in self.national and _edition_of(name, listed | wires)}
        for name in self.international | editions:
            self.sources.pop(name, None)
            self.national.pop(name, None)

    def iso2(self, value: str | None) -> str | None:
        """ISO alpha-2 of a country name or code; None when it names no country."""
        if not value or not value.strip():
            return None
        value = value.strip()
        if value in self._cache:
            return self._cache[value]
        cc: str | None = value.upper() if len(value) == 2 and value.upper() in self.gaz.countries else None
        if cc is None:
            cc = self.codes.get(exact_key(value))
        if cc is None:
            found = [e for e in self.gaz.lookup(value, loose=False) if e.feature == "country"]
            cc = found[0].cc if found else None
        self._cache[value] = cc
        return cc

    def from_source(self, source: str | None) -> str | None:
        return self._read_source(source, (self.named_country, self.learned, self.named_province))

    def national_outlet(self, source: str | None) -> str | None:
        """The country of a source the record shows reporting on that one country only, in ``NATIONAL_EVENTS`` events
        or more ("Corbeau News": 1,107 events, all in the Central African Republic): as firm as a name carrying it."""
        return self._read_source(source, (lambda part: self.national.get(exact_key(part)),))

    def named_by_source(self, source: str | None) -> str | None:
        """The country the source's own name carries, its parts agreeing; never the learned table."""
        return self._read_source(source, (self.named_country,))

    def _read_source(self, source: str | None, reads: tuple[Callable[[str], str | None], ...]) -> str | None:
        if not source:
            return None
        parts = [part for part in source.split(";") if part.strip() and exact_key(part) not in self.international]
        for read in reads:
            found = {read(part) for part in parts}
            found.discard(None)
            if found:  # the first kind of evidence any part gives decides; its parts must agree
                return found.pop() if len(found) == 1 else None
        return None

    def learned(self, part: str) -> str | None:
        return self.sources.get(exact_key(part))

    def named_country(self, part: str) -> str | None:
        """The country a source's name carries: "(Kenya)" after it, else a country's name or a nationality word
        in it ("Pakistan Press International", "Afghan Peace Watch"); None for none or two."""
        bracket = _BRACKET.search(part)
        if bracket and (cc := self.codes.get(exact_key(bracket.group(1)))):
            return cc
        words = _WORD.findall(part)
        found: set[str] = set()
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i:i + n])
                if n == 1 and (len(phrase) < 4 or not phrase[0].isupper()):
                    continue  # "US" of "Info US" is too loose; a country's name is capitalised
                cc = self.codes.get(exact_key(phrase))
                if cc is None and n == 1:
                    entry = self.gaz.demonym(phrase)
                    cc = entry.cc if entry is not None and entry.feature == "country" else None
                if cc:
                    found.add(cc)
            if found:
                break
        return found.pop() if len(found) == 1 else None

    def named_province(self, part: str) -> str | None:
        """The country of a province a source's name carries ("Balochistan Express"): whole capitalised words
        naming admin1 units of one country only, and no country."""
        words = _WORD.findall(part)
        found: set[str] = set()
        for n in (2, 1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i:i + n])
                if len(phrase) < 5 or not phrase[0].isupper():
                    continue
                entries = self.gaz.lookup(phrase, loose=False)
                units = {e.cc for e in entries if e.feature == "admin1"}
                # ("L'Oeil du Sahel" is Cameroonian: a region across borders names no country, though Burkina Faso
                # has a province of that name)
                if len(units) == 1 and not any(not e.cc for e in entries):
                    found |= units
        return found.pop() if len(found) == 1 else None

    def country(self, given: str | None, source: str | None) -> str | None:
        return self.iso2(given) or self.from_source(source)


_BRACKET = re.compile(r"\(([^()]+)\)\s*$")
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def _edition_of(name: str, international: set[str]) -> bool:
    """``name`` (folded) opens with the name of an international source and adds words after it."""
    words = name.split()
    return any(" ".join(words[:k]) in international for k in range(1, len(words)))
