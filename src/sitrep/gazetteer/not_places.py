"""Names that are people, armed groups or nationalities rather than places: the place finder's filters.

An acronym or alias of an armed group ("IS", "FAMa", "Hamas"), a country's abbreviation before a noun ("US
soldiers"), a name the article also gives a person ("Kelly said") and a country's own adjective ("Russian
forces") would otherwise place an article in a small namesake town abroad or make a demonym a location.
Mixed into ``sitrep.stages.places.PlaceFinder``, which holds ``gaz`` and the ``_actor_aliases`` memo.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.actors import named_actor_alias
from sitrep.gazetteer.names import exact_key
from sitrep.gazetteer.resolve import LANDMARK_FEATURES, Toponym
from sitrep.gazetteer.store import Entry, Gazetteer
from sitrep.gazetteer.wording import NAMED_AREAS, adjective_follows

ALIAS_MEMO = 50_000  # entity texts whose named-actor reading is remembered (cleared when full)
_BORDER_AFTER = re.compile(r"[- ]border\b", re.I)
_BORDER_BEFORE = re.compile(r"\bborder (?:with|of) (?:the )?$", re.I)


# up to two capitalised words joined to a name after or before it ("Boko| Haram", "Ansar |Dine")
_CAPITALISED_AFTER = re.compile(r"(?:[ -][A-Z][\w'’]+){1,2}")
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w'’]+[ -]){1,2}$")


def _word_ends(text: str) -> list[int]:
    """Ends of the first one, two ... words of ``text`` (which starts with a separator)."""
    return [m.end() for m in re.finditer(r"[ -][^ -]+", text)]


def _word_starts(text: str) -> list[int]:
    """Starts of the last one, two ... words of ``text`` (which ends with a separator), nearest first."""
    return sorted((m.start() for m in re.finditer(r"[^ -]+[ -]", text)), reverse=True)


class NotPlaceNames:
    """The filters; the class mixing them in sets ``gaz`` and ``_actor_aliases``."""

    gaz: Gazetteer
    _actor_aliases: dict[str, str | None]
    _text: str

    def _border_country(self, top: Toponym) -> bool:
        """A country (or its nationality word) named as a border: "near the Mali border", "the Chadian border",
        "the border with Niger": the neighbour a place is near, not where it is."""
        if not (_BORDER_AFTER.match(self._text, top.end)
                or _BORDER_BEFORE.search(self._text, max(0, top.start - 30), top.start)):
            return False
        if top.demonym is not None:
            return top.demonym.feature == "country"
        return self._country_name(top)

    def _actor_name(self, top: Toponym) -> bool:
        """A name that is an armed group's or a force's ("IS", "FAMa", "Hamas"), or a short all-caps acronym
        ("AU", "IS") the gazetteer knows only as small towns, is no place: such a match would place the article in
        a small namesake abroad (Is, Russia; Fama, Brazil; Hamm, Germany). A country, province or large city of
        that name ("UAE"; an actor's name only when it is the place's own: "EU", "the Kremlin") stays a place."""
        if top.demonym is not None or top.facility:
            return False
        text = top.text
        acronym = text.isalpha() and text.isupper() and len(text) <= 3 and text not in self.gaz.abbrevs
        if not acronym and self._actor_alias(text) is None:
            return False
        key = exact_key(text)
        aliased = self.gaz.aliased.get(key, set())
        # a province is no acronym unless spelt so or listed as its alias: "EST sportclub" is no Est (Burkina Faso),
        # "the LIB" no Lib (Marshall Islands); a country or city known by one ("UAE", "PTA") still is
        return not any((acronym or exact_key(c.name) == key or c.idx in aliased)
                       and not (acronym and c.feature in ("admin1", "admin2") and not c.name.isupper()
                                and c.idx not in aliased)
                       and (c.feature in NAMED_AREAS + LANDMARK_FEATURES or c.population >= 100_000)
                       for c in self.gaz.lookup(text, loose=False))

    def _in_actor_name(self, top: Toponym) -> bool:
        """The name is one word of an armed group's longer name ("Boko" of "Boko Haram" is no town of Congo): the
        name with the capitalised words after it, or before it, is a named actor's alias."""
        if top.demonym is not None or top.facility:
            return False
        after = _CAPITALISED_AFTER.match(self._text, top.end)
        before = _CAPITALISED_BEFORE.search(self._text, max(0, top.start - 40), top.start)
        phrases = [top.text + after.group(0)[:n] for n in _word_ends(after.group(0))] if after else []
        phrases += [before.group(0)[n:] + top.text for n in _word_starts(before.group(0))] if before else []
        return any(self._actor_alias(p) is not None for p in phrases)

    def _major_place(self, top: Toponym) -> bool:
        """A country, province or large city of that name: it stays a place inside a group's name ("Niger Delta
        Avengers" still names a region of Nigeria)."""
        return any(c.feature in NAMED_AREAS + LANDMARK_FEATURES or c.population >= 100_000
                   for c in self.gaz.lookup(top.text, loose=False))

    def _country_name(self, top: Toponym) -> bool:
        """The name is a country's own ("Palestine", "Sudan"), not a nationality word."""
        found = self.gaz.lookup(top.text, loose=False) if top.demonym is None else []
        return bool(found) and found[0].feature == "country"

    def _actor_alias(self, text: str) -> str | None:
        if text not in self._actor_aliases:
            if len(self._actor_aliases) >= ALIAS_MEMO:
                self._actor_aliases.clear()
            self._actor_aliases[text] = named_actor_alias(text)
        return self._actor_aliases[text]

    def _national(self, word: str, country: Entry) -> bool:
        """A country's own adjective ("Russian", "Turkish", "Israeli"), not the name of a group inside it
        ("Houthi forces" fight in Yemen)."""
        name = exact_key(self.gaz.country_name(country.cc) or country.name)
        return country.feature == "country" and exact_key(word)[:4] == name[:4]

    def _nationality_words(self, doc: Any, found: list[Toponym]) -> None:
        """'US soldiers', 'U.K. officials': a country's abbreviation before a noun says whose people they are,
        like 'British soldiers' — a demonym, not where anything happens."""
        for top in found:
            if top.demonym is not None or top.facility or not (top.text.isupper() or "." in top.text):
                continue
            span = doc.char_span(top.start, top.end, alignment_mode="expand")
            if span is None or not adjective_follows(doc, span.end):
                continue
            cands = self.gaz.lookup(top.text, loose=False)
            if cands and cands[0].feature == "country":
                top.demonym = cands[0]

    def _not_people(self, doc: Any, found: list[Toponym]) -> list[Toponym]:
        """A name the article also uses for a person ("John Kelly" ... "Kelly said") is no place when the gazetteer
        knows it only as another small place's other name (Kelly, once a name of Harvest, Ala.)."""
        people = {tok.text for ent in doc.ents if ent.label_ == "PERSON" for tok in ent if tok.text[:1].isupper()}
        if not people:
            return found
        out = []
        for t in found:
            if t.demonym is None and not t.facility and t.text in people:
                key = exact_key(t.text)
                # (a province keeps its name: "Amou, Kemo" is Kémo prefecture, whatever the NER made of "Kemo")
                if not any(exact_key(c.name) == key or c.population >= 100_000 or c.feature == "admin1"
                           for c in self.gaz.lookup(t.text)):
                    continue
            out.append(t)
        return out
