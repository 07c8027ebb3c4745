"""The PolNeAR quotes scorer: BRAT parsing, which contents are direct, span matching, a tiny split."""

from __future__ import annotations

from pathlib import Path

from sitrep.eval.polnear import (
    GoldQuote,
    gold_attributed,
    gold_quotes,
    is_direct,
    match,
    match_words,
    parse_ann,
    run_quotes,
    statements,
)
from sitrep.model import Quote

ARTICLE = (
    "Storm hits coast\n\n"
    '"The wall held," said Maria Lopez, the mayor. "We were lucky."\n\n'
    'Officials called the storm "historic" on Monday.\n\n'
    "The governor said that repairs would start soon.\n"
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = ARTICLE.index(part)
    return start, start + len(part)


def _ann() -> str:
    q1 = _span(ARTICLE, '"The wall held,"')
    q2 = _span(ARTICLE, '"We were lucky."')
    src = _span(ARTICLE, "Maria Lopez, the mayor")
    cue = _span(ARTICLE, "said Maria")
    partial = _span(ARTICLE, 'the storm "historic"')
    officials = _span(ARTICLE, "Officials")
    indirect = _span(ARTICLE, "that repairs would start soon")
    governor = _span(ARTICLE, "The governor")
    return "\n".join(
        [
            f"T1\tSource {src[0]} {src[1]}\tMaria Lopez, the mayor",
            f"T2\tCue {cue[0]} {cue[0] + 4}\tsaid",
            f"T3\tContent {q1[0]} {q1[1]};{q2[0]} {q2[1]}\tboth parts",
            "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
            f"T4\tSource {officials[0]} {officials[1]}\tOfficials",
            f"T5\tContent {partial[0]} {partial[1]}\tpartial",
            "E2\tAttribution:T2 Content:T5 Source:T4",
            f"T6\tSource {governor[0]} {governor[1]}\tThe governor",
            f"T7\tContent {indirect[0]} {indirect[1]}\tindirect",
            "E3\tAttribution:T2 Content:T7 Source:T6",
        ]
    )


def test_polnear_parse_ann_reads_discontinuous_spans():
    spans, relations = parse_ann(_ann())
    assert spans["T3"][0] == "Content" and len(spans["T3"][1]) == 2
    assert relations[0] == {"Attribution": "T2", "Content": "T3", "Cue": "T2", "Source": "T1"}


def test_polnear_only_contents_in_quotation_marks_are_direct():
    gold = gold_quotes(ARTICLE, _ann())
    assert len(gold) == 1  # the split quote; the partial and the indirect content are not direct
    assert is_direct(ARTICLE, [_span(ARTICLE, "The wall held,")])  # marks just outside the span count
    assert not is_direct(ARTICLE, [_span(ARTICLE, 'the storm "historic"')])


def test_polnear_split_prediction_matches_discontinuous_gold():
    (gold,) = gold_quotes(ARTICLE, _ann())
    start, end = _span(ARTICLE, '"The wall held," said Maria Lopez, the mayor. "We were lucky."')
    whole = Quote(text="", start=start, end=end)
    assert match(ARTICLE, [whole], [gold]) == [(whole, gold)]
    # only the first half: most of the gold quote lies outside it
    half = Quote(text="", start=start, end=_span(ARTICLE, '"The wall held,"')[1])
    assert match(ARTICLE, [half], [gold]) == []


def test_polnear_matching_is_one_to_one():
    gold = GoldQuote(content=[_span(ARTICLE, '"We were lucky."')])
    start, end = gold.content[0]
    a, b = Quote(text="", start=start, end=end), Quote(text="", start=start, end=end)
    assert len(match(ARTICLE, [a, b], [gold])) == 1


def test_polnear_attributed_gold_holds_whole_and_partial_quotes_with_their_words():
    gold = gold_attributed(ARTICLE, _ann())
    assert len(gold) == 2  # the plain indirect statement has no quoted words
    whole, partial = gold
    assert [ARTICLE[a:b] for a, b in whole.quoted] == ["The wall held", "We were lucky."]
    assert [ARTICLE[a:b] for a, b in partial.quoted] == ["historic"]


def test_polnear_partial_quotes_of_one_statement_count_once_and_match_on_words():
    lo, hi = _span(ARTICLE, 'the storm "historic"')
    word = _span(ARTICLE, '"historic"')
    frag = Quote(text='"historic"', start=word[0], end=word[1], partial=True, content_start=lo, content_end=hi)
    twin = Quote(text='"historic"', start=word[0], end=word[1], partial=True, content_start=lo, content_end=hi)
    said = statements(ARTICLE, [frag, twin])
    assert len(said) == 1
    gold = gold_attributed(ARTICLE, _ann())
    assert [g for _, g in match_words(said, gold)] == [gold[1]]
    # a fragment elsewhere (the mayor's words) does not match the partial content
    other = _span(ARTICLE, '"We were lucky."')
    stray = Quote(text="", start=other[0], end=other[1], partial=True, content_start=0, content_end=5)
    assert [g for _, g in match_words(statements(ARTICLE, [stray]), [gold[1]])] == []


def test_polnear_scorer_on_a_tiny_split(tmp_path: Path):
    base = tmp_path / "polnear" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "tiny_article.txt").write_text(ARTICLE, encoding="utf-8")
    (base / "attributions" / "tiny_article_aaaa.ann").write_text(_ann(), encoding="utf-8")
    (report,) = run_quotes(tmp_path, None, None)
    assert report.skipped is None
    assert report.counts["gold"] == 1 and report.counts["articles"] == 1
    assert report.metrics["recall"] == 1.0 and report.metrics["precision"] == 1.0
    assert report.metrics["speaker_accuracy"] == 1.0
    # any quoted words: the split quote and 'called the storm "historic"', both with their speakers
    assert report.counts["attributed_gold"] == 2 and report.counts["attributed_matched"] == 2
    assert report.metrics["attributed_f1"] == 1.0 and report.metrics["attributed_speaker_accuracy"] == 1.0
    # the governor's statement and the partial quote's content are both reported speech
    assert report.counts["indirect_gold"] == 2 and report.counts["indirect_matched"] == 2


def test_polnear_scorer_skips_without_data(tmp_path: Path):
    (report,) = run_quotes(tmp_path, None, None)
    assert report.skipped and "PolNeAR" in report.skipped
