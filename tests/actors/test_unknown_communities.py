"""A community no one knows, named by its one word before its people ('two Tuareg shopkeepers')."""

from __future__ import annotations

from sitrep.actors.matcher import Match
from sitrep.actors.unknown_communities import unknown_communities


def read(text: str, matches: list[Match] | None = None, country: str | None = "Chad",
         places: frozenset[str] = frozenset()) -> list[Match]:
    return unknown_communities(text, matches or [], country, lambda offset: 0,
                               lambda name: name in {"Sudanese", "Chad"}, lambda name: name in places)


def test_an_unknown_word_before_people_names_their_ethnic_group() -> None:
    found = read("On Monday gunmen abducted two Zaghawa shopkeepers near the market.")
    assert [(m.name, m.identity) for m in found] == [("Civilians (Chad)", "Zaghawa Ethnic Group (Chad)")]


def test_the_people_mention_already_read_keeps_its_own_identity_and_adds_the_community() -> None:
    text = "soldiers beat Kanembu herders near the well"
    herders = Match(21, 28, "Civilians (Chad)", 7, "Chad", "generic", 0.7, identity="Pastoralists (Chad)")
    found = read(text, [herders])
    assert found == [herders]
    assert herders.identity == "Pastoralists (Chad); Kanembu Ethnic Group (Chad)"


def test_people_who_fought_are_their_community_s_militia() -> None:
    text = "On Monday, Arab herders and Massa farmers clashed near a village."
    farmers = Match(27, 40, "Civilians (Chad)", 7, "Chad", "generic", 0.7, identity="Farmers (Chad)")
    found = read(text, [farmers])
    assert [(m.name, m.inter, m.identity) for m in found] == [
        ("Arab Ethnic Militia (Chad)", 4, None), ("Massa Ethnic Militia (Chad)", 4, "Farmers (Chad)")]


def test_people_the_note_calls_indigenous_are_an_indigenous_group() -> None:
    found = read("in the valley, indigenous Yukpa people blocked the highway", country="Venezuela")
    assert [m.identity for m in found] == ["Yukpa Indigenous Group (Venezuela)"]


def test_nationalities_places_beliefs_and_parts_of_names_are_no_community() -> None:
    assert read("police arrested two Sudanese men in the town") == []
    assert read("troops raided Abeche residents and Goz men", places=frozenset({"Goz"})) == []
    assert read("armed men killed two Catholic women in the church") == []
    assert read("members of the Republican People's Party marched") == []
    assert read("a crowd of Fulani Women Association members marched") == []


def test_a_first_word_of_a_sentence_or_of_a_longer_name_is_not_read() -> None:
    assert read("Zaghawa men were attacked.") == []
    assert read("The General Women's Authority held a rally") == []
    assert read("abducted two Zaghawa men", country=None) == []


def test_a_word_the_dictionary_already_reads_is_left_to_it() -> None:
    text = "gunmen shot two Dozo men at dawn"
    dozo = Match(15, 19, "Dozo Militia", 4, "Mali", "named", 0.9)
    assert read(text, [dozo], country="Mali") == [dozo]
    people = Match(15, 23, "Civilians (Mali)", 7, "Mali", "generic", 0.7, identity="Dogon Ethnic Group (Mali)")
    assert read("gunmen shot two Dogon men at dawn", [people], country="Mali")[0].identity == "Dogon Ethnic Group (Mali)"


def test_a_community_the_record_knows_takes_the_record_s_template(monkeypatch) -> None:
    import sitrep.actors.unknown_communities as uc

    monkeypatch.setattr(uc, "_known", lambda: ({"dalit": "Dalit Caste Group ({country})"},
                                               {"fulani": "Fulani Ethnic Militia ({country})"}))
    found = read("police beat two Dalit herders at the well", country="India")
    assert [m.identity for m in found] == ["Dalit Caste Group (India)"]
    found = read("in the morning Fulani herders clashed with farmers", country="Niger")
    assert [(m.name, m.inter) for m in found] == [("Fulani Ethnic Militia (Niger)", 4)]


def test_south_asia_names_an_unseen_community_a_communal_group() -> None:
    text = "On Friday members of the Qazmi community blocked a road. Gunmen robbed two Tarsi shopkeepers."
    found = read(text, country="Pakistan")
    assert [m.identity for m in found] == ["Qazmi Communal Group (Pakistan)", "Tarsi Communal Group (Pakistan)"]


def test_outside_south_asia_the_community_noun_names_no_one_and_the_group_stays_ethnic() -> None:
    text = "On Friday members of the Qazmi community blocked a road. Gunmen robbed two Tarsi shopkeepers."
    assert [m.identity for m in read(text)] == ["Tarsi Ethnic Group (Chad)"]


def test_a_country_takes_its_region_s_convention() -> None:
    from sitrep.actors.region_names import convention

    assert convention("Bangladesh").group == "{name} Communal Group ({country})"
    assert convention("Chad").group is None
    assert convention(None).nouns == frozenset()


def test_south_asia_reads_a_community_without_the_article() -> None:
    found = read("On Sunday three men belonging to Qazmi community assaulted a shopkeeper.", country="Bangladesh")
    assert [m.identity for m in found] == ["Qazmi Communal Group (Bangladesh)"]
