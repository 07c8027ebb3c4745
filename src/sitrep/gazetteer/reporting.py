"""The reporting country of an input: what the caller says (``Article.country``), else what its source says.

A country is given as a name ("Lebanon", "Republic of Kenya") or an ISO 3166 code (``LB``, ``LBN``).
Without one, a source that reported on a single country in ACLED's record (``sources_country.csv``,
derived by ``sitrep train places``; ACLED, acleddata.com) names it: a national outlet reports on its
own country. An input's ``source`` may list several sources separated by ``;``; they must agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.gazetteer.names import exact_key

if TYPE_CHECKING:
    from sitrep.gazetteer.store import Gazetteer


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
        for row in _csv_rows("sources_country.csv"):
            code = self.iso2(row["country"])
            if code:
                self.sources[row["source"]] = code

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
        if not source:
            return None
        found = {self.sources.get(exact_key(part)) for part in source.split(";") if part.strip()}
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def country(self, given: str | None, source: str | None) -> str | None:
        return self.iso2(given) or self.from_source(source)
