"""The identity cues of ``actors_identity_cues.csv``: what the words around a crowd say its people are."""

from __future__ import annotations

from sitrep.stages.actors import identity_cues


def cued(sentence: str) -> list[str]:
    return [identity for cue, identity, _who in identity_cues() if cue.search(sentence)]


def test_a_crowd_beating_a_suspected_criminal_is_a_vigilante_group() -> None:
    for sentence in ("residents beat a man on suspicion of being a thief",
                     "a mob lynched two men accused of stealing a motorbike",
                     "villagers beat up a woman accused of witchcraft",
                     "a crowd attacked a suspected kidnapper near the market",
                     "locals caught and beat two thieves"):
        assert "Vigilante Group ({country})" in cued(sentence), sentence


def test_a_crowd_that_only_names_a_crime_is_no_vigilante_group() -> None:
    assert "Vigilante Group ({country})" not in cued("residents protested against the rising number of thefts")
    assert "Vigilante Group ({country})" not in cued("students marched against the new fees")


def test_a_feminist_crowd_is_women() -> None:
    assert "Women ({country})" in cued("members of a feminist collective marched to the square")
