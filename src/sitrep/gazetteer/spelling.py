"""A province as the text spells it: ACLED's notes name the admin1 unit the way ACLED's coders write it.

ACLED-style notes end a place with its units ("in Kan Beit village (Yesagyo township, Pakokku district, Magway)",
"Orikhiv, Zaporizhia"); the last of them is the event's admin1 in ACLED's own spelling. So when the article
names the unit that holds the event's place, that spelling is the event's admin1, ahead of the gazetteer's
learned spelling (``gazetteer_admin_policy.csv``), which is only a guess where the text says nothing. A unit
whose spelling ACLED's record shows (``gazetteer_acled_admin.csv``) keeps it: a prose article's "North Kivu" is
ACLED's "Nord-Kivu".

Two steps, both after resolution:

- ``match_admin1_typos``: a name the gazetteer does not know that is a near spelling of one of the focus
  country's provinces ("Zaporizhia" for Zaporizhzhia) is that province;
- ``admin1_spellings``: admin1 code -> the text's spelling, for every unit a name of the article resolves to;
  the spelling that ends ACLED's bracket of units ("(West Shewa, Oromia)") before one of the prose ("Oromiya
  special police"), and a bracket's last word that is only a compass region the gazetteer lacks ("(Benghazi,
  East)", "(Sebha, South)": ACLED's own regions) for the unit of the names before it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from sitrep.gazetteer.beside_unit import place_before_typo_unit, refind_in_unit
from sitrep.gazetteer.names import drops_joined_part, drops_named_after, exact_key, loose_key, strip_diacritics

if TYPE_CHECKING:
    from sitrep.gazetteer.resolve import Toponym
    from sitrep.gazetteer.store import Entry, Gazetteer

# Type words ACLED leaves off a province's name ("Magway region" is "Magway"); "City", "Territory" and
# "Capital" stay: ACLED writes "Kyiv City" and "Islamabad Capital Territory".
TYPE_WORDS = frozenset(("province", "region", "county", "governorate", "department", "state", "district",
                        "division", "prefecture", "municipality", "oblast", "wilayah", "muhafazah"))
# ACLED splits some provinces by compass point and writes it after a hyphen ("Shan-North", "Bago-East")
_COMPASS_SUFFIX = re.compile(r"-(?:North|South|East|West|Central)\b")
# "Al Hasakeh countryside", "Idleb governorate": the name before is the province's
_UNIT_AFTER = re.compile(r"\s+(?:countryside|governorate|province)\b", re.I)
# words of a region named by its compass point, English or French ("East", "Centre-Nord", "Far North"): a bracket's
# last word made only of these is ACLED's region even where the gazetteer has no unit by that name
REGION_WORDS = frozenset(("north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
                          "eastern", "western", "middle", "far", "nord", "sud", "est", "ouest", "extreme"))
_CLOSES = re.compile(r"\s*[)\]]")
TYPO_RATIO = 0.8  # similarity of two keys (difflib ratio) for a near spelling
TYPO_MIN_LEN = 5  # shorter names are too easily near another one


def _is_abbreviation(text: str) -> bool:
    return "." in text or (text.isupper() and len(text) <= 5)


def _unit_of(gaz: Gazetteer, top: Toponym, after: str = "") -> str | None:
    """The admin1 code the name itself names: its entry is that province, or it is also that province's name
    ("Idleb" the town in Idleb the province)."""
    e = top.entry
    if e is None or top.demonym is not None or top.facility or not e.admin1_code:
        return None
    if e.feature == "admin1":
        return e.admin1_code
    if any(c.feature == "admin1" and c.admin1_code == e.admin1_code for c in top.candidates):
        return e.admin1_code
    # "Bara town in Idleb governorate", "(Jhalokati Sadar, Barisal)", "Sfuhen in Idleb", "in Barisal city": a
    # province written as its capital, or its capital named, in a spelling the gazetteer knows only for the town
    unit_name = gaz.admin_names.get(e.admin1_code) or ""
    # (ACLED spells a province and the town it is named after alike: 429 of the record's precise locations that
    # share a name or a near spelling with their province, against 15 that do not, "Lisbon" in Lisboa)
    if e.feature == "town" and _core(unit_name) == _core(e.name) and _near(top.text, unit_name):
        return e.admin1_code
    # "Mogadishu - Hodan (Banadir)", "(Pirojpur, Barisal)": a district named like its province in another
    # spelling (Banaadir, Barishal)
    if e.feature == "admin2" and any(_near(top.text, name) for name in (unit_name, gaz.admin1_name(e.admin1_code))
                                     if name):
        return e.admin1_code
    return None


def _near(said: str, name: str) -> bool:
    """The text's name is a spelling of the unit's ("Barisal" for Barishal), not another name ("Barisal Sadar")."""
    a, b = _core(said), _core(name)
    return bool(a) and a[:1] == b[:1] and (loose_key(a) == loose_key(b) or SequenceMatcher(None, a, b).ratio() >= TYPO_RATIO)


def _spelling(gaz: Gazetteer, text: str, after: str, code: str) -> str | None:
    words = text.split()
    if len(words) > 1 and words[-1].lower() in TYPE_WORDS:
        head = " ".join(words[:-1])
        # "Free State" is a name, not "Free" + a type word: drop the word only when the rest names the unit too
        # (a loose match of "Free" finds Free State itself: its name with the word is no other name of it)
        if any(c.feature in ("admin1", "town") and c.admin1_code == code and exact_key(c.name) != exact_key(text)
               for c in gaz.lookup(head)):
            text = head
        elif not gaz.lookup(head) and any(_near(head, name) for name in _unit_names(gaz, code)):
            text = head  # "Zaporizhia region": a near spelling of the unit's name, found by ``match_admin1_typos``
    if _is_abbreviation(text):
        return None  # "KP", "N.W.F.P.": the text's short form is no name to write in a dataset
    m = _COMPASS_SUFFIX.match(after)
    if m:
        text += m.group(0)
    return strip_diacritics(text).strip()


def _unit_names(gaz: Gazetteer, code: str) -> list[str]:
    alts: dict[str, list[str]] = getattr(gaz, "admin1_alts", {})
    return [n for n in (gaz.admin_names.get(code, ""), gaz.acled_admin1.get(code, ""), *alts.get(code, ())) if n]


def admin1_spellings(gaz: Gazetteer, text: str, toponyms: list[Toponym]) -> dict[str, str]:
    """Admin1 code -> the article's spelling of that unit; a name resolved to the unit itself before one
    that only shares its name with it."""
    units = {id(t): _unit_of(gaz, t, text[t.end:t.end + 14]) for t in toponyms}
    # ACLED's bracket of units writes the province as ACLED does; the prose may not ("Oromiya special police ...
    # (West Shewa, Oromia)")
    ranked = sorted((t for t in toponyms if units[id(t)]),
                    key=lambda t: (_bracket_opening(text, t) is None, t.entry is None or t.entry.feature != "admin1",
                                   t.start))
    out: dict[str, str] = {}
    for top in ranked:
        code = units[id(top)]
        if code is None or code in out or code in gaz.acled_spelled:
            continue  # ACLED's record shows how it spells this unit ("North Kivu" in the text is "Nord-Kivu")
        spelled = _spelling(gaz, top.text, text[top.end:top.end + 12], code)
        learned = gaz.acled_admin1.get(code, "")
        short, whole = exact_key(spelled or "").split(), exact_key(learned).split()
        if drops_joined_part(short, whole) or drops_named_after(short, whole):
            # "Srinagar, Kashmir": a part of a joined name, which ACLED writes whole (the learned name); "Saltillo,
            # Coahuila": the everyday head of an official name, which ACLED writes in full ("Coahuila de Zaragoza")
            continue
        if spelled:
            out[code] = spelled
    # ACLED's own region last in its bracket outranks any other spelling of the unit ("(Murzuq, South)")
    out.update((code, region) for code, region in _bracket_regions(text, toponyms).items()
               if code not in gaz.acled_spelled)
    out.update((code, name) for code, name in _bracket_last_spelling(gaz, text, toponyms).items()
               if code not in gaz.acled_spelled and code not in out)
    out.update((code, name) for code, name in _bracket_split_units(gaz, text, toponyms).items()
               if code not in gaz.acled_spelled)
    return out


# "(Kyaukme district, Shan-North state)", "(Pyay district, Bago-west)": ACLED's part of a province, last in its bracket
_SPLIT_LAST = re.compile(r"[(\[]([^()\[\]]*?),\s*([A-Z][\w]*(?:\s+[A-Z]\w*)?)-(north|south|east|west|central)"
                         r"(?:\s+(?:state|region|division|province))?\s*[)\]]", re.I)


def _bracket_split_units(gaz: Gazetteer, text: str, toponyms: list[Toponym]) -> dict[str, str]:
    """Admin1 code -> ACLED's compass part of it that ends a bracket after names of that unit ("Hsipaw township
    (Kyaukme district, Shan-North state)": Shan-North), the NER often finding no place in it: the province before
    the hyphen must be the one the bracket's names lie in."""
    out: dict[str, str] = {}
    for m in _SPLIT_LAST.finditer(text):
        codes = {t.entry.admin1_code for t in toponyms
                 if t.entry is not None and t.entry.admin1_code and t.demonym is None and m.start() < t.start < m.start(2)}
        if len(codes) != 1:
            continue
        code = codes.pop()
        if any(_near(m.group(2), name) for name in _unit_names(gaz, code)):
            out.setdefault(code, f"{strip_diacritics(m.group(2))}-{m.group(3).title()}")
    return out


def _bracket_opening(text: str, top: Toponym) -> int | None:
    """Where the bracket opens when ``top`` is the last of ACLED's list of units in it ("(Jeldu, West Shewa,
    Oromia)"); None otherwise."""
    if not _CLOSES.match(text, top.end):
        return None
    opening = max(text.rfind("(", 0, top.start), text.rfind("[", 0, top.start))
    if opening < 0 or max(text.rfind(")", 0, top.start), text.rfind("]", 0, top.start)) > opening \
            or "," not in text[opening:top.start]:
        return None
    return opening


def _bracket_regions(text: str, toponyms: list[Toponym]) -> dict[str, str]:
    """Admin1 code -> a compass region (or "Capital", Bahrain's) that ends ACLED's bracket after names of that unit
    ("Benghazi (Benghazi, East)", "As Sidrah (Sirt, West)", "Sitrah (Capital)"): all the resolved names before it in the bracket, or the one the bracket
    follows, lie in that one admin1 unit. Read off the text: the NER often takes no such word for a place."""
    out: dict[str, str] = {}
    for m in (*_REGION_LAST.finditer(text), *_REGION_ALONE.finditer(text)):
        region = strip_diacritics(m.group(2)).strip()
        words = re.split(r"[\s-]+", region.lower())
        if not all(w in REGION_WORDS or w == "capital" for w in words):
            continue
        opening, last = m.start(), m.start(2)
        codes = {t.entry.admin1_code for t in toponyms
                 if t.entry is not None and t.entry.admin1_code and t.demonym is None
                 and (opening < t.start < last or (t.end <= opening and not text[t.end:opening].strip()))}
        if len(codes) == 1:
            out.setdefault(codes.pop(), region)
    return out


def _bracket_last_spelling(gaz: Gazetteer, text: str, toponyms: list[Toponym]) -> dict[str, str]:
    """Admin1 code -> the last name of ACLED's bracket of units when no place was found there and it is the name
    of the one unit the bracket's resolved names lie in less some of its words ("(East Belitung regency,
    Bangka-Belitung province)": Bangka-Belitung Islands). ACLED writes its admin1 last in the bracket.
    A near spelling is not taken: the notes' typos ("Draa-Tafilalt", "Guelmim-Ould Noun") are as near."""
    out: dict[str, str] = {}
    for m in _LAST_UNIT.finditer(text):
        last = m.start(2)
        if any(t.start < m.end(2) and last < t.end and t.entry is not None for t in toponyms):
            continue  # a place was found there: ``admin1_spellings`` spells it
        codes = {t.entry.admin1_code for t in toponyms
                 if t.entry is not None and t.entry.admin1_code and t.demonym is None and m.start() < t.start < last}
        if len(codes) != 1:
            continue
        code = codes.pop()
        said = strip_diacritics(m.group(2)).strip()
        words = _core(said).replace("-", " ").split()
        if len(words) > 1 and any(set(words) < set(_core(name).replace("-", " ").split())
                                  for name in _unit_names(gaz, code)):
            out[code] = said
    return out


# the last name of ACLED's bracket of units, perhaps with its type word: "(Aousserd, Eddakhla-Oued Eddahab)"
_LAST_UNIT = re.compile(r"[(\[]([^()\[\]]*?),\s*([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})"
                        r"(?:\s+(?:province|region|state|governorate|department|division|oblast))?\s*[)\]]")
# "(Sirt, West)", "[Djibo, Centre-Nord]": a bracket of units whose last is one to three words
_REGION_LAST = re.compile(r"[(\[]([^()\[\]]*?),\s*([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s*[)\]]")
# "Sanabis (Capital)", "Bulambuli district (Eastern)", "Valletta (South Eastern)": a lone region in brackets after a
# place, written as an adjective or as the capital ("Dagon Myothit (South)", "Kalyan (East)" are parts of names)
_REGION_ALONE = re.compile(r"[(\[]()\s*((?:[A-Z]\w*[\s-]+)?(?:[A-Z]\w*ern|Central|Capital))\s*[)\]]")


class Admin1Names:
    """Every admin1 unit's names by country, keyed loosely, for near-spelling matches (built once)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.by_cc: dict[str, list[tuple[str, str]]] = {}
        alts: dict[str, list[str]] = getattr(gaz, "admin1_alts", {})
        for code in gaz.admin_idx:
            if code.count(".") != 1:
                continue
            names = {gaz.admin_names.get(code, ""), gaz.acled_admin1.get(code, ""), *alts.get(code, ())}
            keys = {_core(n) for n in names if n}
            self.by_cc.setdefault(code.split(".")[0], []).extend((k, code) for k in sorted(keys) if k)

    def near(self, name: str, cc: str) -> Entry | None:
        key = _core(name)
        if len(key) < TYPO_MIN_LEN:
            return None
        best, best_ratio = None, TYPO_RATIO
        for other, code in self.by_cc.get(cc, ()):
            if other[:1] != key[:1]:
                continue
            ratio = SequenceMatcher(None, key, other).ratio()
            if ratio >= best_ratio:
                best, best_ratio = code, ratio
        return self.gaz.admin_entry(best) if best else None


def _core(name: str) -> str:
    words = exact_key(name).split()
    if len(words) > 1 and words[-1] in TYPE_WORDS:
        words = words[:-1]
    return " ".join(words)


def _in_brackets(text: str, start: int) -> bool:
    return text.rfind("(", 0, start) > text.rfind(")", 0, start)


def match_admin1_typos(names: Admin1Names, toponyms: list[Toponym], focus: str | None, text: str = "") -> None:
    """A capitalised name the gazetteer lacks, near a province name of the focus country, is that province
    ("Zaporizhia" -> Zaporizhzhia); the event falls back to it when nothing finer is known (precision 3). In an
    ACLED bracket of units a name the NER took for a facility ("(Afgooye, Lower Shabelle)") is one too."""
    if not focus:
        return
    for k, top in enumerate(toponyms):
        unit_in_brackets = top.facility and not top.parts and bool(text) and _in_brackets(text, top.start)
        # "Bijar city (Kurdistan)" in a note from Iran: a bracket's unit left unresolved, known only abroad (Iraq's
        # region), may be another name of a province of the focus country (Kordestan, alias Kurdistan Province)
        # (or read there: a bracket's unit of a place, "(Kurdistan)" after a town, taken as Iraq's region because
        # the gazetteer knows no other sense, while the note is about Iran)
        abroad_in_brackets = (top.entry is None or top.admin_hint is not None) and bool(top.candidates) \
            and bool(text) and _in_brackets(text, top.start) and all(c.cc != focus for c in top.candidates)
        if (top.entry is not None and not (unit_in_brackets or abroad_in_brackets)) or top.demonym is not None \
                or (top.candidates and not (unit_in_brackets or abroad_in_brackets)) \
                or (top.facility and not unit_in_brackets) \
                or not top.text[:1].isupper() or _is_abbreviation(top.text):
            continue
        if top.hints and "admin1" not in top.hints and not unit_in_brackets:
            continue  # "Mangala village (Djugu, Ituri)": the text says it is no province (Mongala)
        entry = names.near(top.text, focus)
        if entry is not None and top.within and entry.admin1_code not in top.within and entry.cc not in top.within:
            continue  # nor one outside the units the text puts it in
        if entry is not None:
            top.candidates = [entry]
            top.entry = entry
            top.reason = None
            top.facility = False
            if top.admin_hint is not None:  # the place the bracket's unit holds, left out while it read abroad
                refind_in_unit(names.gaz, top.admin_hint, entry)
            elif entry.feature == "admin1":
                place_before_typo_unit(toponyms, k, entry, text)
