"""Find quoted passages by their quotation marks.

Works on raw characters, paragraph by paragraph, and classifies every mark as
opening or closing from its neighbours rather than its glyph: news text mixes
straight, curly and mis-typed curly marks ("Mostly False.“"). A paragraph that
ends inside a quote continues it when the next paragraph opens with a mark
(the multi-paragraph convention); otherwise the quote ends with the paragraph.
Single quotes count as quotation marks only in the headline, or everywhere
when a text uses no double quotes at all (a single-quote house style).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_MARKS = frozenset('"“”„‟«»')
SINGLE_MARKS = frozenset("'‘’‚‹›")
_OPEN_ONLY = frozenset("„«‹‚")
_CLOSE_ONLY = frozenset("»›")
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:;,")
_AFTER_CLOSE = frozenset(" \t\n.,;:!?)]}—–-…")
_LINE = re.compile(r"[^\n]+")
_PAIRED = "\x00"  # stands in for the second apostrophe of ''


@dataclass
class Segment:
    """One quoted passage: ``start`` is the opening mark, ``end`` is after the closing mark."""

    start: int
    end: int
    line: int  # index of the paragraph it starts in
    last_line: int  # index of the paragraph it ends in
    closed: bool = True
    opener: str = '"'
    pieces: list[tuple[int, int]] = field(default_factory=list)  # per paragraph, for multi-paragraph quotes


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _kind(text: str, i: int, line_start: int, line_end: int, single: bool) -> str | None:
    """'open', 'close' or None (an apostrophe, an inch mark, a stray)."""
    ch = text[i]
    prev = text[i - 1] if i > line_start else "\n"
    j = i + 2 if i + 1 < line_end and text[i + 1] == _PAIRED else i + 1
    nxt = text[j] if j < line_end else "\n"
    if single and _is_letter(prev) and _is_letter(nxt):
        return None  # don't, Trump’s
    if ch in _OPEN_ONLY:
        return "open"
    if ch in _CLOSE_ONLY:
        return "close"
    can_open = (prev in _BEFORE_OPEN or prev in DOUBLE_MARKS or prev in SINGLE_MARKS) and not nxt.isspace()
    can_close = (nxt in _AFTER_CLOSE or nxt in DOUBLE_MARKS or nxt in SINGLE_MARKS) and not prev.isspace()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if single:
        if ch == "‘":
            return "open" if can_open else None
        if ch == "’":
            return "close" if can_close else None
        return None
    if ch == "“":
        return "open"
    if ch == "”":
        return "close"
    return "toggle"  # a straight mark with no telling neighbours


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]


def find_segments(text: str, headline_lines: int = 1) -> list[Segment]:
    """Quoted passages in ``text``, in order; headline single quotes included."""
    # Two apostrophes stand for a double mark in some archives (''like this’’):
    # read them as one mark followed by a character that is never a mark.
    text = text.replace("''", '"' + _PAIRED).replace("’’", "”" + _PAIRED).replace("‘‘", "“" + _PAIRED)
    lines = _lines(text)
    single_everywhere = not any(ch in DOUBLE_MARKS for ch in text)
    segments: list[Segment] = []
    pending: Segment | None = None  # a quote still open at the end of the previous paragraph
    for li, (ls, le) in enumerate(lines):
        single = single_everywhere or li < headline_lines
        marks = DOUBLE_MARKS | SINGLE_MARKS if single else DOUBLE_MARKS
        current: Segment | None = None
        if pending is not None:
            first = text[ls]
            if first in marks and _kind(text, ls, ls, le, single) in ("open", "toggle"):
                current = pending
                opener = current.opener
                current.pieces.append((ls, le))
                current.last_line = li
                start_scan = ls + 1
            else:
                pending.closed = False
                segments.append(pending)
                start_scan = ls
            pending = None
        else:
            start_scan = ls
        opener = current.opener if current is not None else ""
        for i in range(start_scan, le):
            ch = text[i]
            if ch not in marks:
                continue
            if single and ch in SINGLE_MARKS and current is not None and opener in DOUBLE_MARKS:
                continue  # a nested single quote or an apostrophe inside a double-quoted passage
            kind = _kind(text, i, ls, le, ch in SINGLE_MARKS)
            if kind is None:
                continue
            if current is None:
                if kind in ("open", "toggle"):
                    current = Segment(i, i + 1, li, li, opener=ch, pieces=[(i, le)])
                    opener = ch
                continue
            if kind in ("close", "toggle") and (ch in SINGLE_MARKS) == (opener in SINGLE_MARKS):
                end = i + 2 if i + 1 < le and text[i + 1] == _PAIRED else i + 1
                current.end = end
                current.pieces[-1] = (current.pieces[-1][0], end)
                current.last_line = li
                segments.append(current)
                current = None
        if current is not None:
            current.end = le
            pending = current
    if pending is not None:
        pending.closed = False
        segments.append(pending)
    return segments
