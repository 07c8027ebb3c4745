"""Reading the PLOVER gold standard records for ``sitrep eval plover``.

The records are in PLOVER 0.5b1 categories; ``map_category`` carries them over
to today's 16 types and their modes, ``scope_of`` sorts them by what ACLED
(and so sitrep) codes, and ``load_records`` finds the gold event, source and
target spans in each sentence from the in-line markup. The choices are
explained in ``sitrep.eval.plover``.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TYPE_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# (0.5b1 type, mode) pairs that the revision moved to another type and mode.
MOVED = {
    ("COERCE", "destroy"): ("ASSAULT", "destroy"),
    ("COERCE", "firearms"): ("ASSAULT", "firearms"),
    ("COERCE", "detain"): ("ASSAULT", "abduct"),
}
MODE_RENAMES = {"demo-org": "demo", "demo-spon": "demo", "riot-spon": "riot", "curfew": "restrict",
                "martial-law": "restrict"}
# Modes per type in the current manual; a renamed THREATEN curfew is "restrict", a COERCE curfew stays.
MODES_2021: dict[str, set[str]] = {
    "ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "heavy-weapons"},
    "PROTEST": {"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"},
    "COERCE": {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"},
    "MOBILIZE": {"troops", "weapons", "police"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "SANCTION": {"convict", "cancel", "expel", "withdraw", "sever"},
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
}

IN, THREAT, BORDER, OUT = "in_scope", "threat", "borderline", "out_of_scope"
_ANY = "*"
SCOPE: dict[str, dict[str, str]] = {
    "ASSAULT": {_ANY: IN},
    "PROTEST": {"demo": IN, "riot": IN, "obstruct": IN, _ANY: BORDER},
    "COERCE": {"arrest": IN, "confiscate": IN, "ban": OUT, "censor": OUT, _ANY: BORDER},
    "MOBILIZE": {"troops": IN, "police": IN, _ANY: BORDER},
    "THREATEN": {"violence": THREAT, "territory": THREAT, _ANY: OUT},
    "RETREAT": {_ANY: BORDER},
}


@dataclass
class Record:
    id: str
    text: str
    gold_type: str  # today's type
    mode: str | None  # today's mode, None when not scorable
    scope: str
    events: list[tuple[int, int]] = field(default_factory=list)  # gold event spans in ``text``
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    target_spans: list[tuple[int, int]] = field(default_factory=list)
    dead: int | None = None


def map_category(event: str, mode: str | None) -> tuple[str, str | None]:
    """A 0.5b1 (type, mode) in today's PLOVER terms; an unknown or inapplicable mode becomes None."""
    mode = (mode or "").strip() or None
    if mode is not None and (event, mode) in MOVED:
        return MOVED[(event, mode)]
    new_type = TYPE_2021.get(event, event)
    if mode is not None and not (new_type == "COERCE" and mode in MODES_2021["COERCE"]):
        mode = MODE_RENAMES.get(mode, mode)
    if mode is not None and mode not in MODES_2021.get(new_type, set()):
        mode = None
    return new_type, mode


def scope_of(plover_type: str, mode: str | None) -> str:
    table = SCOPE.get(plover_type)
    if table is None:
        return OUT
    return table.get(mode or _ANY, table[_ANY])


_TAG = re.compile(r"\(([A-Z]{3}(?:/[A-Z]{3})*):\s?")


def parse_markup(markup: str) -> tuple[str, list[tuple[str, int, int]]]:
    """Plain text and (tag, start, end) spans from the gold in-line markup "(SRC: Iran) (EVT: threatened) ..."."""
    out: list[str] = []
    size = 0
    spans: list[tuple[str, int, int]] = []
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(markup):
        m = _TAG.match(markup, i)
        if m:
            stack.append((m.group(1), size))
            i = m.end()
            continue
        c = markup[i]
        i += 1
        if c == ")":
            if not stack:
                continue  # a stray closer left by a lost tag
            tag, start = stack.pop()
            if tag != "(":
                spans.append((tag, start, size))
                continue
        elif c == "(":
            stack.append(("(", size))
        out.append(c)
        size += 1
    return "".join(out), spans


def align_spans(plain: str, text: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Carry spans over from the markup's plain text to the record text (they differ in small edits)."""
    if plain == text:
        return spans
    index: dict[int, int] = {}
    for block in difflib.SequenceMatcher(None, plain, text, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            index[block.a + k] = block.b + k
    out = []
    for tag, s, e in spans:
        hit = [index[k] for k in range(s, e) if k in index]
        if hit:
            out.append((tag, hit[0], hit[-1] + 1))
    return out


def _actor_texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(a["actorText"]).replace("...", " ") for a in value if isinstance(a, dict) and a.get("actorText")]


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    needle = needle.strip()
    if not needle:
        return []
    low = text.lower()
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle.lower()), low)]


def load_records(path: Path) -> list[Record]:
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    records: list[Record] = []
    for r in raw:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        text = str(r["text"])
        gold_type, mode = map_category(str(r["event"]), r.get("mode"))
        info = r.get("textInfo")
        markup = info.get("markup") if isinstance(info, dict) else info
        spans: list[tuple[str, int, int]] = []
        if isinstance(markup, str) and markup:
            plain, raw_spans = parse_markup(markup)
            spans = align_spans(plain, text, raw_spans)
        rec = Record(id=str(r["id"]), text=text, gold_type=gold_type, mode=mode, scope=scope_of(gold_type, mode))
        rec.events = [(s, e) for tag, s, e in spans if "EVT" in tag.split("/")]
        rec.sources = _actor_texts(r.get("source"))
        rec.targets = _actor_texts(r.get("target"))
        rec.source_spans = [(s, e) for tag, s, e in spans if "SRC" in tag.split("/")]
        rec.target_spans = [(s, e) for tag, s, e in spans if "TAR" in tag.split("/")]
        for name in rec.sources:
            rec.source_spans += _find_all(text, name)
        for name in rec.targets:
            rec.target_spans += _find_all(text, name)
        try:
            rec.dead = int(str(r["dead"]).strip()) if r.get("dead") not in (None, "") else None
        except ValueError:
            rec.dead = None
        records.append(rec)
    return records
