"""The PolNeAR quotes scorer: BRAT parsing, which contents are direct, span matching, a tiny split."""

from __future__ import annotations

from pathlib import Path

from sitrep.eval.polnear import GoldQuote, gold_quotes, is_direct, match, parse_ann, run_quotes
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
    # "The governor said that repairs would start soon" is found; the partial quote is not indirect speech
    assert report.counts["indirect_gold"] == 2 and report.counts["indirect_matched"] == 1


def test_polnear_scorer_skips_without_data(tmp_path: Path):
    (report,) = run_quotes(tmp_path, None, None)
    assert report.skipped and "PolNeAR" in report.skipped
