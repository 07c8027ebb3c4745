"""The trigger lexicon (``triggers.yaml``): package file plus the user's copies.

Loaded once per stage factory. Single-word triggers are looked up by lemma or
lower-case form in a dict; phrases by a tuple of lower-case words anchored on
their first word, so matching a sentence costs one dict probe per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.resources import data_files, read_yaml_mapping


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]  # one word for a lemma trigger, several for a phrase
    cls: str
    pos: frozenset[str] = frozenset()
    needs: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    weight: float = 1.0
    passive: bool = False  # only as a passive verb ("were held")
    people: bool = False  # only with people as the verb's subject ("residents blocked the road")
    civilians: bool = False  # only with unarmed people named by a common noun ("students occupied the school")


@dataclass
class Lexicon:
    priorities: dict[str, int]
    single: dict[str, list[Trigger]]
    phrases: dict[str, list[Trigger]]  # first word -> phrases starting with it
    cues: dict[str, frozenset[str]]
    participants: dict[str, int]
    files: list[Path] = field(default_factory=list)

    def priority(self, cls: str) -> int:
        return self.priorities.get(cls, 20)


def inflections(word: str) -> set[str]:
    """Regular inflected forms of an English verb or noun (no irregulars: the lemmatiser gets those)."""
    if not word.isalpha() or len(word) < 3:
        return set()
    forms = {word + "s", word + "ing", word + "ed"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word[-1] in "bdgmnprt" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms - {word}


NOUN_POS = frozenset({"NOUN", "PROPN"})


def plural_forms(word: str) -> set[str]:
    """The regular plural of a noun ("mine" -> "mines", "casualty" -> "casualties")."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return {word[:-1] + "ies"}
    return {word + "s"}


def split_words(text: str) -> tuple[str, ...]:
    """Words of a trigger as the tokenizer cuts them: a hyphen between letters is a token of its own
    ("lathi-charge" -> lathi, -, charge), so hyphenated triggers match the text."""
    out: list[str] = []
    for word in text.lower().split():
        parts = re.split(r"(?<=[a-z])(-)(?=[a-z])", word)
        out += [p for p in parts if p]
    return tuple(out)


def _trigger(entry: dict[str, Any], path: Path) -> Trigger:
    text = entry.get("phrase") or entry.get("lemma")
    if not text or "class" not in entry:
        raise SitrepError("E302", f"{path}: trigger needs 'lemma' or 'phrase' and 'class': {entry}")
    for key in ("needs", "unless"):
        for w in entry.get(key, ()) or ():
            if not isinstance(w, str):  # YAML turns a bare on/off/yes/no into a boolean
                raise SitrepError("E302", f"{path}: {key} entry {w!r} of {text!r} is not a word; quote it")
    return Trigger(
        words=split_words(str(text)),
        cls=str(entry["class"]),
        pos=frozenset(str(p).upper() for p in entry.get("pos", ()) or ()),
        needs=tuple(str(x).lower() for x in entry.get("needs", ()) or ()),
        unless=tuple(str(x).lower() for x in entry.get("unless", ()) or ()),
        weight=float(entry.get("weight", 1.0)),
        passive=bool(entry.get("passive", False)),
        people=bool(entry.get("people", False)),
        civilians=bool(entry.get("civilians", False)),
    )


def load_lexicon(paths: list[Path] | None = None) -> Lexicon:
    """Merge every copy of triggers.yaml; later files add to and override earlier ones."""
    files = paths if paths is not None else data_files("triggers.yaml")
    priorities: dict[str, int] = {}
    # keyed by words, class and part of speech: "control" the noun ("took control") and the verb ("control the
    # whole district") are two triggers of one class
    by_key: dict[tuple[tuple[str, ...], str, frozenset[str]], Trigger] = {}
    cues: dict[str, set[str]] = {}
    participants: dict[str, int] = {}
    for path in files:
        data = read_yaml_mapping(path)
        priorities.update({str(k): int(v) for k, v in (data.get("classes") or {}).items()})
        for entry in data.get("triggers") or []:
            t = _trigger(entry, path)
            by_key[(t.words, t.cls, t.pos)] = t
        for name, words in (data.get("cues") or {}).items():
            cues.setdefault(str(name), set()).update(str(w).lower() for w in words)
        for code, words in (data.get("participants") or {}).items():
            for w in words:
                participants[str(w).lower()] = int(code)
    single: dict[str, list[Trigger]] = {}
    phrases: dict[str, list[Trigger]] = {}
    for t in by_key.values():
        target = single if len(t.words) == 1 else phrases
        target.setdefault(t.words[0], []).append(t)
    for lst in phrases.values():
        lst.sort(key=lambda t: -len(t.words))
    # The small model's lemmatiser misses some forms ("raped" -> "rap"), so inflected
    # forms of single-word triggers are looked up directly too.
    # A trigger that is only a noun ("mine" the landmine) takes only its plural: "-ing" and "-ed" forms are other
    # words ("a mining site" is no mine).
    for word, lst in list(single.items()):
        plurals = plural_forms(word)
        for form in inflections(word):
            found = [t for t in lst if form in plurals or not t.pos or not t.pos <= NOUN_POS]
            if found:
                single.setdefault(form, found)
    for lst in single.values():  # a trigger with a context condition is the more specific reading
        lst.sort(key=lambda t: 0 if t.needs else 1)
    return Lexicon(priorities, single, phrases, {k: frozenset(v) for k, v in cues.items()}, participants, list(files))


@lru_cache(maxsize=8)
def _cached(key: tuple[str, ...]) -> Lexicon:
    return load_lexicon([Path(p) for p in key])


def lexicon() -> Lexicon:
    """The lexicon for the current data path (cached per set of files)."""
    return _cached(tuple(str(p) for p in data_files("triggers.yaml")))
