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


def test_people_who_capture_a_robber_or_a_suspect_are_a_vigilante_group() -> None:
    for sentence in ("residents captured and beat up a robber on the avenue",
                     "pedestrians caught a suspect and handed him to the police",
                     "merchants of the market apprehended two men and beat them"):
        assert "Vigilante Group ({country})" in cued(sentence), sentence
    assert "Vigilante Group ({country})" not in cued("soldiers captured the town after heavy fighting")


def test_a_note_led_by_displacement_names_its_civilians_refugees() -> None:
    assert "Refugees/IDPs ({country})" in cued("Displacement: Around 5 January 2022, villagers fled their homes")
    assert "Refugees/IDPs ({country})" not in cued("Gunmen killed two men; no displacement was reported")
