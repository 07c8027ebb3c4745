"""Property tests: quotation marks (sitrep.quotes.marks.find_segments) on arbitrary and on built text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.quotes.marks import DOUBLE_MARKS, SINGLE_MARKS, find_segments

FAST = settings(max_examples=80, deadline=None)
MARKS = "".join(sorted(DOUBLE_MARKS | SINGLE_MARKS))
PLAIN = st.text(alphabet=st.characters(codec="utf-8", exclude_characters=MARKS + "\n\r\x00"), max_size=40)
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ,;-", min_size=1, max_size=40).filter(
    lambda s: s.strip(" ,;-") != "" and s == s.strip()
)
PAIRS = [('"', '"'), ("“", "”"), ("«", "»"), ("„", "“")]


@FAST
@given(text=st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(list(MARKS + "\n")), max_size=200),
       headline_lines=st.integers(min_value=0, max_value=3))
def test_segments_of_any_text_are_ordered_and_inside_it(text, headline_lines):
    segments = find_segments(text, headline_lines)
    last_end = 0
    for seg in segments:
        assert 0 <= seg.start < seg.end <= len(text) + 1
        assert seg.start >= last_end  # in order, never overlapping
        last_end = seg.end
        assert seg.line <= seg.last_line


@FAST
@given(before=PLAIN, words=WORDS, after=PLAIN, pair=st.sampled_from(PAIRS), cue=st.sampled_from(["said", "told AFP"]))
def test_one_quoted_passage_is_found_exactly(before, words, after, pair, cue):
    opening, closing = pair
    lead = f"{before.strip()} " if before.strip() else ""
    prefix = f"{lead}The minister {cue}: "
    text = f"{prefix}{opening}{words}{closing} {after.strip()}".rstrip()
    segments = [s for s in find_segments(text, headline_lines=0) if s.closed]
    starts = [s.start for s in segments]
    assert len(prefix) in starts
    seg = segments[starts.index(len(prefix))]
    assert text[seg.start + 1 : seg.end - 1] == words


@FAST
@given(paragraphs=st.lists(WORDS, min_size=2, max_size=4))
def test_a_quote_running_over_paragraphs_reopens_each_one(paragraphs):
    # the newspaper convention: each paragraph of a long quote opens with a mark, only the last one closes
    body = "\n".join("“" + p for p in paragraphs[:-1]) + "\n“" + paragraphs[-1] + "”"
    text = "Headline\nThe mayor said:\n" + body
    segments = [s for s in find_segments(text) if s.closed]
    assert any(s.last_line - s.line == len(paragraphs) - 1 and text[s.end - 1] == "”" for s in segments)
