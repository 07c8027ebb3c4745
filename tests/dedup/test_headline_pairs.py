"""Pair signals of short reports: shared counts, word pairs, rarity, toll order, reactions."""

from __future__ import annotations

import numpy as np

from sitrep.dedup import headline
from sitrep.dedup import headline_pairs as pairs


def _heads(texts: list[str]) -> headline.Headlines:
    return headline.build(texts, np.ones(len(texts), dtype=bool), None)


def test_counts_skip_years_and_read_number_words() -> None:
    tokens = "in 2015 fifteen militants and 15 soldiers killed, 1 wounded".split()
    assert pairs.counts(tokens, {"fifteen": 15}) == [15]


def test_a_count_both_reports_state_is_shared_even_when_the_largest_differs() -> None:
    h = _heads(["15 militants, 1 soldier killed in Pak", "Pakistan kills 15 tribal rebels in southwest",
                "Pakistan kills 40 rebels"])
    found = pairs.shared_count(h.nptr, h.ntok, np.array([0, 0]), np.array([1, 2]))
    assert found.tolist() == [1.0, 0.0]


def test_word_pairs_in_a_row_are_shared_only_in_that_order() -> None:
    h = _heads(["Suicide bomber kills 22 in mosque", "Mosque hit by suicide bomber", "Bomber suicide mosque"])
    found = pairs.shared_count(h.bptr, h.btok, np.array([0, 0]), np.array([1, 2]))
    assert found[0] >= 1.0 and found[1] == 0.0


def test_shared_rarity_sums_idf_and_keeps_the_second_rarest() -> None:
    pos = np.array([0, 0, 0, 2])
    idf = np.array([1.0, 3.0, 2.0, 5.0])
    mass, second = pairs.shared_rarity(pos, idf, 3)
    assert mass.tolist() == [6.0, 0.0, 5.0]
    assert second.tolist() == [2.0, 0.0, 0.0]


def test_overlap_reports_the_mass_of_shared_words() -> None:
    h = _heads(["Gunmen kill nine in Plateau village", "Nine killed in Plateau village attack", "Storm hits coast"])
    cos, rare, shared, _unshared, mass, second = headline.overlap(h, np.array([0, 0]), np.array([1, 2]))
    assert shared[0] >= 2 and mass[0] > rare[0] >= second[0] > 0
    assert mass[1] == 0.0 and cos[1] == 0.0


def test_a_later_lower_toll_is_a_fall_and_a_same_day_pair_neither() -> None:
    early = np.array([5.0, 20.0, 5.0, np.nan])
    late = np.array([9.0, 12.0, 9.0, 3.0])
    apart = np.array([True, True, False, True])
    rise, fall = pairs.toll_order(early, late, apart)
    assert rise.tolist() == [True, False, False, False]
    assert fall.tolist() == [False, True, False, False]


def test_a_reaction_report_is_told_by_its_words() -> None:
    h = _heads(["UN chief condemns attack that killed four peacekeepers", "Four UN peacekeepers killed in ambush",
                "Senate to probe killing of 44 soldiers"])
    assert h.reaction is not None
    assert h.reaction.tolist() == [True, False, True]
