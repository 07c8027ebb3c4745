"""Property tests: number words and death tolls (sitrep.events.fatalities)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.events.fatalities import Count, parse_number, total

FAST = settings(max_examples=80, deadline=None)
ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen").split()
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
VAGUE = {"dozens": 24, "several": 3, "scores": 40, "hundreds": 200}


def spell(n: int, hyphen: bool = True, conj: bool = True) -> str:
    """English words for 0 <= n < 1,000,000, written here independently of the parser."""
    if n < 20:
        return ONES[n]
    if n < 100:
        rest = n % 10
        return TENS[n // 10] + (("-" if hyphen else " ") + ONES[rest] if rest else "")
    if n < 1000:
        rest = n % 100
        return f"{ONES[n // 100]} hundred" + ((" and " if conj else " ") + spell(rest, hyphen, conj) if rest else "")
    rest = n % 1000
    return f"{spell(n // 1000, hyphen, conj)} thousand" + (" " + spell(rest, hyphen, conj) if rest else "")


@FAST
@given(n=st.integers(min_value=0, max_value=999_999), hyphen=st.booleans(), conj=st.booleans(), title=st.booleans())
def test_spelled_numbers_parse_to_their_value(n, hyphen, conj, title):
    words = spell(n, hyphen, conj).split()
    if title:
        words = [w.title() for w in words]
    assert parse_number(words, VAGUE) == n


@FAST
@given(n=st.integers(min_value=0, max_value=10_000_000), commas=st.booleans(),
       hedge=st.sampled_from(["", "at least", "about", "nearly", "more than", "some"]))
def test_digit_figures_parse_with_or_without_thousands_commas(n, commas, hedge):
    figure = f"{n:,}" if commas else str(n)
    assert parse_number([*hedge.split(), figure], VAGUE) == n


@FAST
@given(words=st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz-,0123456789", max_size=12), max_size=5))
def test_any_words_give_none_or_a_non_negative_count(words):
    value = parse_number(words, VAGUE)
    assert value is None or value >= 0


counts = st.builds(
    Count,
    value=st.integers(min_value=0, max_value=5000),
    start=st.integers(min_value=0, max_value=500),
    end=st.integers(min_value=501, max_value=900),
    victim=st.sampled_from(["", "soldier", "civilian", "militant"]),
    sent=st.integers(min_value=0, max_value=4),
    vague=st.booleans(),
    update=st.booleans(),
)


@FAST
@given(found=st.lists(counts, max_size=8))
def test_a_toll_is_a_reported_figure_or_a_sum_of_one_sentence(found):
    value, span = total(found)
    if not found:
        assert (value, span) == (0, None)
        return
    assert span is not None and [span[0], span[1]] in [[c.start, c.end] for c in found]
    per_sentence = {c.sent: sum(x.value for x in found if x.sent == c.sent) for c in found}
    assert 0 <= value <= max(max(per_sentence.values()), max(c.value for c in found))


@FAST
@given(found=st.lists(counts, min_size=1, max_size=8))
def test_separate_stated_reports_keep_the_most_conservative_toll(found):
    stated = [Count(c.value, c.start, c.end, c.victim, sent=i) for i, c in enumerate(found)]  # one per sentence
    assert total(stated)[0] == min(c.value for c in stated)


@FAST
@given(found=st.lists(counts, min_size=1, max_size=8), risen=st.integers(min_value=0, max_value=9000))
def test_a_toll_that_rose_replaces_the_others(found, risen):
    plain = [Count(c.value, c.start, c.end, c.victim, c.sent, c.vague, update=False) for c in found]
    update = Count(risen, 10, 20, "", sent=9, update=True)
    assert total([*plain, update]) == (risen, [10, 20])
