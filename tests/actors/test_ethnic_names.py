"""A community the dictionary does not know is named when the note says what it is ('Derashe ethnic militias')."""

from __future__ import annotations

from sitrep.actors.ethnic_names import bare_militias, community_names
from sitrep.actors.matcher import Match


def names(text: str, matches: list[Match] | None = None, country: str | None = "Ethiopia") -> list[str]:
    found = community_names(text, matches or [], country, lambda offset: 0, lambda name: name in {"Somali", "Kenyan"})
    return [m.name for m in found]


def test_an_ethnic_militia_the_note_names_is_that_community_s_militia() -> None:
    assert names("ENDF clashed with Derashe ethnic militias near Gidole") == ["Derashe Ethnic Militia (Ethiopia)"]
    assert names("Fano and ethnic Amhara militias clashed") == ["Amhara Ethnic Militia (Ethiopia)"]
    assert names("Bena Nshimba communal militiamen attacked", country="Democratic Republic of Congo") == [
        "Bena Nshimba Communal Militia (Democratic Republic of Congo)"]


def test_the_named_militia_replaces_the_generic_mention_it_overlaps() -> None:
    text = "Amhara ethnic militias shot and killed"
    generic = Match(7, 22, "Unidentified Communal Militia (Ethiopia)", 4, "Ethiopia", "generic", 0.9)
    assert names(text, [generic]) == ["Amhara Ethnic Militia (Ethiopia)"]


def test_people_of_a_named_community_take_it_as_their_identity() -> None:
    text = "forces arrested over 300 ethnic Oromo civilians"
    civilians = Match(38, 47, "Civilians (Ethiopia)", 7, "Ethiopia", "generic", 0.7)
    assert names(text, [civilians]) == ["Civilians (Ethiopia)"]
    assert civilians.identity == "Oromo Ethnic Group (Ethiopia)"


def test_known_names_nationalities_and_plain_words_are_left_alone() -> None:
    fano = Match(0, 4, "Fano Militia", 3, "Ethiopia", "named", 0.9)
    assert names("Fano ethnic militias attacked", [fano]) == ["Fano Militia"]
    assert names("Somali ethnic militias attacked") == []
    assert names("Armed ethnic militias attacked") == []
    assert names("Amhara ethnic militias attacked", country=None) == []


def test_a_militia_named_after_a_place_of_the_country_is_that_place_s_communal_militia() -> None:
    places = frozenset({"Zamfara", "Gusau"})
    found = community_names("a Zamfara militia abducted the wife", [], "Nigeria", lambda offset: 0, places=places)
    assert [m.name for m in found] == ["Zamfara Communal Militia (Nigeria)"]
    assert community_names("a Dozo militia attacked", [], "Nigeria", lambda offset: 0, places=places) == []
    assert community_names("a Zamfara militia attacked", [], "Nigeria", lambda offset: 0) == []


def test_a_place_sharing_a_country_s_name_still_names_its_militia() -> None:
    text = "Niger militiamen attacked civilians in Kuchiri (Paikoro, Niger)"
    generic = Match(0, 16, "Unidentified Armed Group (Niger)", 3, "Niger", "generic", 0.7)
    found = community_names(text, [generic], "Nigeria", lambda offset: 0, lambda name: name == "Niger",
                            frozenset({"Niger", "Kuchiri", "Paikoro"}))
    assert [m.name for m in found] == ["Niger Communal Militia (Nigeria)"]



def test_a_known_actor_whose_name_only_contains_the_place_word_does_not_block_its_militia() -> None:
    # "Niger" is a word of no actor here: "Military Forces of Nigeria" holds it only as part of a longer word
    text = "Nigerian troops repelled an attack by Niger militiamen in Argida (Rijau, Niger)"
    army = Match(0, 15, "Military Forces of Nigeria (2015-2023)", 1, "Nigeria", "named", 0.9)
    generic = Match(38, 55, "Unidentified Armed Group (Niger)", 3, "Niger", "generic", 0.7)
    found = community_names(text, [army, generic], "Nigeria", lambda offset: 0, lambda name: name == "Niger",
                            frozenset({"Niger", "Argida", "Rijau"}))
    assert [m.name for m in found] == ["Military Forces of Nigeria (2015-2023)", "Niger Communal Militia (Nigeria)"]
    zamfara = Match(0, 7, "Zamfara Communal Militia (Nigeria)", 4, "Nigeria", "unlisted", 0.6)
    text = "Zamfara gunmen fought Zamfara militiamen"
    assert community_names(text, [zamfara], "Nigeria", lambda offset: 0, places=frozenset({"Zamfara"})) == [zamfara]



def test_a_state_force_unit_named_after_a_region_does_not_block_that_community_s_militia() -> None:
    text = "Amhara regional special police force and Amhara ethnic militias shot and killed 4 people"
    unit = Match(0, 37, "Police Forces of Ethiopia (2018-) Amhara Regional Special Forces", 1, "Ethiopia", "named", 0.9)
    assert names(text, [unit]) == ["Police Forces of Ethiopia (2018-) Amhara Regional Special Forces",
                                   "Amhara Ethnic Militia (Ethiopia)"]


def bare(text: str, matches: list[Match], places: frozenset[str] = frozenset()) -> list[str]:
    found = bare_militias(text, matches, "Sudan", lambda offset: 0, lambda name: name in {"Somali"},
                          lambda name: name in places)
    return [m.name for m in found]


def test_a_community_word_alone_before_militia_names_its_ethnic_militia() -> None:
    text = "clashes between Rizeigat militia and others"
    generic = Match(16, 32, "Unidentified Armed Group (Sudan)", 3, "Sudan", "generic", 0.7)
    assert bare(text, [generic]) == ["Rizeigat Ethnic Militia (Sudan)"]
    entity = Match(16, 32, "Rizeigat militia", 3, "Sudan", "unlisted", 0.4)  # the entity's own words
    assert bare(text, [entity]) == ["Rizeigat Ethnic Militia (Sudan)"]


def test_a_community_words_attackers_are_its_ethnic_militia() -> None:
    """"Oromo attackers", "Fulani assailants" (training notes: the community's militia in 16 of 17); a place's or
    "Unknown" attackers stay unidentified."""
    def generic(start: int, end: int) -> Match:
        return Match(start, end, "Unidentified Armed Group (Sudan)", 3, "Sudan", "generic", 0.7)

    assert bare("Oromo attackers killed two", [generic(0, 15)]) == ["Oromo Ethnic Militia (Sudan)"]
    assert bare("Fulani assailants killed two", [generic(0, 17)]) == ["Fulani Ethnic Militia (Sudan)"]
    assert bare("Unknown assailants killed two", [generic(0, 18)]) == ["Unidentified Armed Group (Sudan)"]
    assert bare("Kutum attackers fled", [generic(0, 15)], frozenset({"Kutum"})) == ["Unidentified Armed Group (Sudan)"]


def test_beliefs_places_longer_names_and_known_actors_are_no_bare_community() -> None:
    def generic(start: int, end: int) -> Match:
        return Match(start, end, "Unidentified Armed Group (Sudan)", 3, "Sudan", "generic", 0.7)

    assert bare("Islamist militiamen attacked", [generic(0, 19)]) == ["Unidentified Armed Group (Sudan)"]
    assert bare("Somali militia attacked", [generic(0, 14)]) == ["Unidentified Armed Group (Sudan)"]
    assert bare("Kutum militia attacked", [generic(0, 13)], frozenset({"Kutum"})) == ["Unidentified Armed Group (Sudan)"]
    assert bare("the Twic Dinka militia attacked", [generic(9, 22)]) == ["Unidentified Armed Group (Sudan)"]
    named = Match(0, 12, "Dozo Militia", 4, "Sudan", "named", 0.9)
    assert bare("Dozo militia attacked", [named]) == ["Dozo Militia"]
    assert bare("Rizeigat militia attacked", []) == []  # no armed mention, no side
