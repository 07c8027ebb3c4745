"""Which state force a country's notes mean by "security forces": a convention learned from ACLED's record.

"Security forces", "security personnel", "government forces" name no branch. ``generic_actors.csv`` reads them as
the military; facing a crowd they are the police almost everywhere, which ``sitrep.actors.sides_roles.crowd_police``
says once for every country. Elsewhere ACLED's coders read them by country: India's and Tunisia's notes name the
police (training notes of events other than protests and riots with the phrase and no word of either branch: India
160 police to 29 military, Tunisia 17 to 1), Somalia's and Ethiopia's the army. For each such phrase and country this
counts those notes whose coded actors hold that country's military or its police (not both); a country with too
few of them is read like its nearest countries that have enough, when two or more lie within ``NEAR_KM`` (their
shares averaged: Bangladesh like India and Nepal). Where the branch favoured is not the hand row's, a row for that
phrase and country says so (``actors_force_words.csv``, read under ``generic_actors.csv``, whose own country rows
still win). Data: Armed Conflict Location & Event Data Project (ACLED); acleddata.com.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitrep.learn.acled import AcledRecord
from sitrep.learn.places_names import _nearest_countries

SLOTS = ("{military}", "{police}")
PREFIX = {"{military}": "Military Forces of ", "{police}": "Police Forces of "}
# a phrase with one of these words names its branch itself: nothing to learn
_BRANCH_WORDS = re.compile(r"\b(?:soldiers?|army|military|troops?|police\w*|gendarm\w*|conscripts?|commandos|"
                           r"paratroopers|marines|navy|naval|air|aircraft|jets?|planes?|warplanes?|drones?|tanks?|"
                           r"artillery|helicopters?|gunships?|warships?|gunboats?|airstrikes?|strikes?|intelligence)\b")
MIN_NOTES = 10  # a country's own notes decide from this many; fewer, its neighbours' do
NEIGHBOURS = 3  # nearest countries with enough notes whose readings decide for one without
NEAR_KM = 2000  # ... none further than this: a region with no such country keeps the hand row
MIN_NEIGHBOURS = 2  # one neighbour's habit is not yet a region's
# a crowd's "security forces" are the police in every country (``sitrep.actors.sides_roles.crowd_police``): only the
# other notes tell a country's own reading
CROWD_TYPES = ("Protests", "Riots")
SHARE = 0.6  # the other branch must hold this share of the notes (or neighbours' mean share) to override


def ambiguous_rows(rows: Iterable[dict[str, str]]) -> dict[str, str]:
    """Pattern -> branch slot, for the general hand rows naming a branch by a phrase that does not say it."""
    out: dict[str, str] = {}
    for rec in rows:
        pattern = rec["pattern"].lower()
        if rec.get("name") in SLOTS and not rec.get("country") and not rec.get("requires") \
                and not _BRANCH_WORDS.search(pattern):
            out[pattern] = rec["name"]
    return out


def _matcher(patterns: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(patterns, key=len, reverse=True)  # the longest phrase wins where two overlap
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])")


def count_notes(records: Iterable[AcledRecord], patterns: dict[str, str], force_words: Iterable[str]
                ) -> dict[str, dict[str, Counter[str]]]:
    """Pattern -> country -> notes whose actors hold only the military ("{military}") or only the police, among
    notes of events other than protests and riots naming the pattern and no other force phrase (``force_words``:
    every phrase of either branch)."""
    ambiguous = _matcher(patterns)
    others = _matcher([w for w in force_words if w not in patterns])
    out: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for r in records:
        if not r.country or not r.notes or r.event_type in CROWD_TYPES:
            continue
        text = r.notes.lower()
        found = {m.group(0) for m in ambiguous.finditer(text)}
        if len(found) != 1 or others.search(ambiguous.sub(" ", text)):
            continue
        military = any(a.startswith(PREFIX["{military}"] + r.country) for a in r.actors)
        police = any(a.startswith(PREFIX["{police}"] + r.country) for a in r.actors)
        if military != police:
            out[found.pop()][r.country]["{military}" if military else "{police}"] += 1
    return out


def overrides(counts: dict[str, dict[str, Counter[str]]], patterns: dict[str, str], countries: Iterable[str],
              centres: dict[str, tuple[float, float]]) -> list[tuple[str, str, str, int, float, str]]:
    """(pattern, country, slot, notes, share, from) for every country whose reading of the pattern is the other
    branch: from its own notes ("own"), else from its nearest countries' ("neighbours": each country's share of
    the other branch averaged, so one large record does not speak for a region)."""
    out = []
    for pattern, hand in sorted(patterns.items()):
        per = counts.get(pattern, {})
        enough = [c for c, n in per.items() if sum(n.values()) >= MIN_NOTES]
        other = next(s for s in SLOTS if s != hand)
        for country in sorted(countries):
            own = per.get(country, Counter())
            if sum(own.values()) >= MIN_NOTES:
                notes, share, source = sum(own.values()), own[other] / sum(own.values()), "own"
            else:
                near = _nearest_countries(country, enough, centres, NEIGHBOURS, NEAR_KM)
                if len(near) < MIN_NEIGHBOURS:
                    continue
                notes = sum(sum(per[o].values()) for o in near)
                share, source = sum(per[o][other] / sum(per[o].values()) for o in near) / len(near), "neighbours"
            if share >= SHARE:
                out.append((pattern, country, other, notes, round(share, 2), source))
    return out


def country_centres(gaz: Any) -> dict[str, tuple[float, float]]:
    """ACLED-style country names (``actors_countries.csv``) -> the gazetteer's centre of that country."""
    from sitrep.actors.dictionary import _read_rows
    from sitrep.learn.places import _fold, country_codes

    codes = country_codes(gaz)
    out: dict[str, tuple[float, float]] = {}
    for rec in _read_rows("actors_countries.csv", ("country",)):
        for name in (rec["country"], *rec.get("names", "").split("|")):
            info = gaz.countries.get(codes.get(_fold(name), ""), {})
            if info.get("lat") is not None and info.get("lon") is not None:
                out[rec["country"]] = (float(info["lat"]), float(info["lon"]))
                break
    return out


def write_force_words(records: Iterable[AcledRecord], path: Path, header: list[str], gaz: Any = None) -> int:
    """Learn the overrides from ``records`` (training countries only) and write them; returns the row count."""
    from sitrep.actors.dictionary import _read_rows

    if gaz is None:
        from sitrep.gazetteer import load_gazetteer

        gaz = load_gazetteer()
    hand = list(_read_rows("generic_actors.csv", ("pattern", "name")))
    patterns = ambiguous_rows(hand)
    force_words = {rec["pattern"].lower() for rec in hand if rec.get("name", "").split(" ")[0] in SLOTS}
    centres = country_centres(gaz)
    rows = overrides(count_notes(records, patterns, force_words), patterns, centres, centres)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(f"# {line}\n" for line in header))
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["pattern", "country", "name", "notes", "share", "from"])
        writer.writerows(rows)
    return len(rows)
