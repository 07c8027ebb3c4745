"""ActorMatcher: names ACLED used at the event's date and the pairs it codes as one actor."""

from sitrep.actors import Context, Tok, get_matcher
from sitrep.actors.dictionary import tokenize


def names(text: str, country: str, year: int) -> list[str]:
    toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
    return [m.name for m in get_matcher().scan(toks, Context(focus=country, countries={country}, year=year))]


def test_a_renamed_group_takes_the_name_of_the_events_year() -> None:
    assert names("ISGS militants attacked a patrol", "Niger", 2019) == ["Islamic State (Greater Sahara)"]
    assert names("ISGS militants attacked a patrol", "Niger", 2023) == ["Islamic State (Sahel)"]


def test_two_groups_given_as_alternatives_are_the_pair_acled_codes_as_one() -> None:
    pair = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    assert names("presumed JNIM and/or ISGS militants burned a school", "Burkina Faso", 2019) == [pair]
    assert names("suspected ISGS or JNIM militants", "Burkina Faso", 2020) == [pair]


def test_two_groups_named_together_stay_two_actors() -> None:
    assert names("JNIM and ISGS fighters clashed", "Mali", 2020) == [
        "JNIM: Group for Support of Islam and Muslims", "Islamic State (Greater Sahara)"]
