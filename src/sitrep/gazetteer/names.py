"""Name keys that survive transliteration.

Two keys per name:

- ``exact_key``: lower case, no diacritics, no apostrophes or hamza/ayn marks,
  punctuation folded to single spaces ("Al-Fallūjah" -> "al fallujah",
  "U.S." -> "us").
- ``loose_key``: the exact key with a leading Arabic article dropped
  (al/el/ad/as/ar/an/at/az/ash/adh/ath), doubled letters collapsed and common
  spelling pairs folded (ee/ea -> i, oo/ou -> u, ai -> ay, ei -> ey, final
  -ah/-eh -> -a/-e, dh -> d, kh -> k, q -> k, w -> u, "province"/"governorate"
  stripped). "Heet" and "Hit", "Falluja" and "Fallujah", "Kubaisa" and
  "Kubaysa" share a loose key.

Lookups try the exact key first and fall back to the loose key, so English
names that happen to collide loosely do not shadow exact matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophe-like marks transliterations use for hamza and ayn; they vanish.
_MARKS = "'’‘ʿʾʼʻ`´′"
_MARKS_TABLE = str.maketrans("", "", _MARKS)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ARTICLE = re.compile(r"^(?:al|el|ad|adh|as|ash|ar|an|at|ath|az|ul)\s+(?=\S{3})")
_ADMIN_WORDS = re.compile(
    r"\s+(?:province|governorate|district|region|prefecture|oblast|state|county|parish|wilayah|muhafazah|"
    r"muhafazat|municipality|department|subdistrict|nahiya|qada|qadaa|municipal district|local government area|"
    r"lga)$"
)
_LEADING_ADMIN = re.compile(r"^(?:province of|governorate of|state of|muhafazat|muhafazah|wilayat|town of|city of|"
                            r"village of|township of|borough of)\s+")
_DOUBLE = re.compile(r"([a-z])\1+")
_FOLDS = (
    ("ee", "i"),
    ("ea", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("ai", "ay"),
    ("ei", "ey"),
    ("dh", "d"),
    ("kh", "k"),
    ("gh", "g"),
    ("q", "k"),
    ("w", "u"),
    ("ph", "f"),
)
_FINAL_H = re.compile(r"([aeiou])h\b")


# Letters that Unicode does not decompose into a base letter and a mark, written as English text writes them
# ("Diyarbakır" is Diyarbakir, "Łódź" Lodz, "Tromsø" Tromso): without this the key of "Diyarbakır" was
# "diyarbak r" and no English spelling matched it.
_UNDECOMPOSED = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                               "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
                               "Œ": "Oe", "ħ": "h", "Ħ": "H", "ə": "e", "Ə": "E", "ŀ": "l", "ĸ": "k"})


def strip_diacritics(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def exact_key(name: str) -> str:
    text = strip_diacritics(name).lower().translate(_MARKS_TABLE)
    text = text.replace(".", "")  # "U.S." -> "us", "St." -> "st"
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    return loose_from_exact(exact_key(name))


def loose_from_exact(key: str) -> str:
    """The loose key of a name whose exact key is ``key`` (the index build has the exact key already)."""
    key = _LEADING_ADMIN.sub("", key)
    key = _ADMIN_WORDS.sub("", key)
    key = _ARTICLE.sub("", key)
    # "al" glued by a hyphen became a separate word above; also "Al" inside a
    # name ("Jurf al Sakhar") is dropped so "Jurf as-Sakhar" matches too.
    key = re.sub(r"\s(?:al|el|ad|as|ar|an|at|az|ash)\s", " ", key)
    for old, new in _FOLDS:
        key = key.replace(old, new)
    key = _FINAL_H.sub(r"\1", key)
    key = _DOUBLE.sub(r"\1", key)
    return key.replace(" ", "")


@lru_cache(maxsize=65536)
def spelling_key(name: str) -> str:
    """A name's spelling without what transliterations of one Arabic name differ in: the leading article, a
    final h after a vowel, doubled letters ("Al 'Amarah" and "Amara", "Raqqah" and "Raqqa"). Unlike
    ``loose_key`` it folds no vowels: two names that share it are one name written two ways."""
    return _DOUBLE.sub(r"\1", _without_article(name))


def _without_article(name: str) -> str:
    """The exact key without a leading Arabic article or a final h after a vowel."""
    return _FINAL_H.sub(r"\1", _ARTICLE.sub("", exact_key(name)))


def article_variant(name: str, other: str) -> bool:
    """The two names differ only in an Arabic article or a final h ("Ar Raqqa" and "Ar Raqqah", "Raqqa"): one name,
    unlike a doubled or changed letter, which can make another place ("Amenas" is no Ammenäs)."""
    return _without_article(name) == _without_article(other)


# A unit named for two places or peoples joined as equals ("Jammu and Kashmir", "Arica y Parinacota") is named for
# both: one of them alone names a part of it, not the unit (ACLED writes the whole: training units with such a part
# among their names, 2 of 2). A name with what qualifies it ("Veracruz de Ignacio de la Llave") is left to the
# policy: its head is sometimes ACLED's name ("Metropolitana" of "Region Metropolitana de Santiago"), and the name
# after "de" often is ("Lima" of "Municipalidad Metropolitana de Lima").
JOINERS = frozenset(("and", "y", "et"))


def drops_joined_part(short: list[str], whole: list[str]) -> bool:
    """``short`` (key words) is a part of ``whole``, a name of names joined as equals: "Kashmir" of "Jammu and
    Kashmir", "Azad Kashmir" of "Azad Jammu and Kashmir"."""
    return bool(short) and len(short) < len(whole) and set(short) <= set(whole) \
        and bool((set(whole) - set(short)) & JOINERS)


# words that join a state's name to the person or feature its official name adds ("Coahuila de Zaragoza",
# "Michoacan de Ocampo", "Veracruz de Ignacio de la Llave")
NAME_LINKS = frozenset(("de", "del", "of"))


def drops_named_after(short: list[str], whole: list[str]) -> bool:
    """``short`` (key words) is the head of ``whole`` before a linking word: the everyday form of an official name
    the text shortens ("Coahuila" of "Coahuila de Zaragoza")."""
    n = len(short)
    return 0 < n < len(whole) - 1 and whole[:n] == short and whole[n] in NAME_LINKS


_NON_LATIN = re.compile(r"[\u0370-\u1DFF\u2C00-\uFFFF]")


def is_latin(name: str) -> bool:
    """True when no character is from another script (other scripts never appear in English news)."""
    return name.isascii() or not _NON_LATIN.search(name)
