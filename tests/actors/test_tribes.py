"""Named tribes are ACLED's '<Name> Tribal Militia (<country>)'; unnamed or national ones stay generic."""

from __future__ import annotations

from sitrep.actors.matcher import Match
from sitrep.actors.tribes import tribal_militias


def militias(text: str, matches: list[Match] | None = None, country: str | None = "Yemen") -> list[str]:
    people = {"Yemeni", "Iraqi"}
    found = tribal_militias(text, matches or [], country, lambda offset: 0, lambda name: name in people)
    return [m.name for m in found]


def test_a_named_tribe_is_its_militia() -> None:
    assert militias("Bani Nawf tribesmen attacked Houthi forces") == ["Bani Nawf Tribal Militia (Yemen)"]
    assert militias("members of the Al-Bu Mohammed tribe clashed", country="Iraq") == [
        "Al Bu Mohammed Tribal Militia (Iraq)"]


def test_two_tribes_named_together_are_two_militias_each_with_its_own_words() -> None:
    text = "Al al Haddi and Al Mahmud tribesmen clashed"
    found = tribal_militias(text, [], "Yemen", lambda offset: 0)
    assert [(m.name, text[m.start:m.end]) for m in found] == [
        ("Al al Haddi Tribal Militia (Yemen)", "Al al Haddi"),
        ("Al Mahmud Tribal Militia (Yemen)", "Al Mahmud tribesmen")]


def test_the_named_militia_replaces_the_generic_mention_it_overlaps() -> None:
    text = "Al Lahaq tribesmen clashed"
    generic = Match(9, 18, "Unidentified Tribal Militia (Yemen)", 4, "Yemen", "generic", 0.8)
    assert militias(text, [generic]) == ["Al Lahaq Tribal Militia (Yemen)"]


def test_unnamed_national_or_already_named_tribesmen_are_left_alone() -> None:
    assert militias("armed tribesmen blocked the road") == []
    assert militias("Yemeni tribesmen blocked the road") == []
    assert militias("Sunni tribes rallied") == []
    houthi = Match(0, 6, "Houthi", 3, "Yemen", "named", 0.9)
    assert militias("Houthi tribesmen attacked", [houthi]) == ["Houthi"]
    assert militias("Bani Nawf tribesmen attacked", country=None) == []


def test_a_person_of_a_named_tribe_takes_its_group_where_no_one_fought() -> None:
    text = "Houthi forces killed a tribal sheikh from the Bani Bahr tribe in Ghamr."
    sheikh = Match(21, 36, "Civilians (Yemen)", 7, "Yemen", "generic", 0.7)
    found = tribal_militias(text, [sheikh], "Yemen", lambda offset: 0)
    assert found == [sheikh]
    assert sheikh.identity == "Bani Bahr Tribal Group (Yemen)"
    fight = "Houthi forces clashed with a tribal sheikh from the Bani Bahr tribe in Ghamr."
    sheikh = Match(27, 42, "Civilians (Yemen)", 7, "Yemen", "generic", 0.7)
    assert [m.name for m in tribal_militias(fight, [sheikh], "Yemen", lambda offset: 0)] == [
        "Civilians (Yemen)", "Bani Bahr Tribal Militia (Yemen)"]
