"""Families of events: force on demonstrators belongs to the demonstration; mentions are counted in sentences."""

from __future__ import annotations

from sitrep.events.families import family, headline_fits, sentences_after
from sitrep.events.frames import Arg, Frame
from sitrep.events.lexicon import Trigger


def _frame(cls: str, sent: int = 0, actor2: Arg | None = None) -> Frame:
    return Frame(cls, Trigger(words=(cls,), cls=cls), None, sent, (0, 0), "asserted", actor2=actor2)


def test_families_force_on_protesters_is_part_of_the_demonstration():
    protesters = Arg("Protesters (Kenya)", 6, 0, 10)
    assert family(_frame("attack", actor2=protesters)) == "demo"
    assert family(_frame("attack")) == "violence"
    assert family(_frame("shelling")) == "remote"


def test_families_sentences_after_counts_from_the_last_sentence_told():
    prev, later = _frame("attack", sent=1), _frame("kill", sent=4)
    prev.extra_sents.append(2)
    assert sentences_after(prev, later) == 2


def test_families_a_headline_of_another_family_summarises_nothing():
    assert headline_fits(_frame("shelling"), _frame("attack"))  # both violent
    assert not headline_fits(_frame("protest"), _frame("attack"))
