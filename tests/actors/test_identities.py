"""Identity actors as associated actors, ACLED's way, and identity names valid at the event's date."""

from __future__ import annotations

from sitrep.actors.identities import attach, civilian_victims, dated_identity
from sitrep.model import Event


def event(**kw: object) -> Event:
    ev = Event(event_id="e1", article_id="a")
    for k, v in kw.items():
        setattr(ev, k, v)
    return ev


def test_identity_names_follow_the_event_year():
    assert dated_identity("Labour Group (Bangladesh)", 2024) == "Labor Group (Bangladesh)"
    assert dated_identity("Labour Group (Kenya)", 2019) == "Labour Group (Kenya)"
    assert dated_identity("Labor Group (Pakistan)", 2022) == "Labour Group (Pakistan)"
    assert dated_identity("Fishermen (Sri Lanka)", None) == "Fishermen (Sri Lanka)"
    assert dated_identity("Students (Iraq)", 2024) == "Students (Iraq)"
    assert dated_identity("Students (Bangladesh); Labour Group (Bangladesh)", 2024) == \
        "Students (Bangladesh); Labor Group (Bangladesh)"


def test_a_regional_identity_name_holds_in_its_region_only():
    assert dated_identity("Taxi Drivers (Guatemala)", 2022) == "Taxi/Bus Drivers (Guatemala)"
    assert dated_identity("Taxi Drivers (Somalia)", 2022) == "Taxi Drivers (Somalia)"
    assert dated_identity("Taxi/Bus Drivers (Somalia)", 2022) == "Taxi Drivers (Somalia)"
    assert dated_identity("Taxi Drivers (Honduras)", 2019) == "Taxi Drivers (Honduras)"


def test_a_mention_of_several_identities_gives_each_to_its_side():
    ev = event(actor1="Protesters (Kenya)", inter1=6, evidence={"actor1": [0, 8], "sentence": [0, 60]})
    attach(ev, {(0, 8): "Students (Kenya); Labour Group (Kenya)"})
    assert ev.assoc_actor_1 == "Students (Kenya); Labour Group (Kenya)"


def test_people_in_the_event_sentences_go_to_the_crowd():
    # "Protesters, among them teachers and women, rallied ..." (the crowd is actor1, its own span is "Protesters")
    ev = event(actor1="Protesters (Iraq)", inter1=6,
               evidence={"actor1": [0, 10], "sentence": [0, 80], "sentence_2": [100, 160]})
    attach(ev, {(23, 31): "Teachers (Iraq)", (36, 41): "Women (Iraq)", (120, 128): "Students (Iraq)",
                (90, 98): "Farmers (Iraq)"})
    assert ev.assoc_actor_1 == "Teachers (Iraq); Women (Iraq); Students (Iraq)"  # not the farmers outside
    assert ev.assoc_actor_2 is None


def test_killed_farmers_are_civilians_with_their_identity():
    ev = event(actor1="Unidentified Armed Group (Niger)", inter1=3, actor2="Civilians (Niger)", inter2=7,
               evidence={"actor1": [0, 7], "actor2": [20, 27], "sentence": [0, 60]})
    attach(ev, {(20, 27): "Farmers (Niger)"})
    assert ev.assoc_actor_2 == "Farmers (Niger)"
    assert ev.assoc_actor_1 is None


def test_no_guess_when_both_a_crowd_and_civilians_could_be_meant():
    ev = event(actor1="Rioters (Kenya)", inter1=5, actor2="Civilians (Kenya)", inter2=7,
               evidence={"actor1": [0, 7], "actor2": [40, 47], "sentence": [0, 80]})
    attach(ev, {(60, 68): "Students (Kenya)"})
    assert ev.assoc_actor_1 is None and ev.assoc_actor_2 is None


def test_a_crowd_keeps_the_country_of_the_words_it_was_read_from():
    from sitrep.actors.identities import crowd_country
    from sitrep.model import Actor, Article, Document

    d = Document(article=Article(text="x"))
    d.actors = [Actor(text="Israeli settlers", start=10, end=26, name="Settlers (Israel)", inter=4, country="Israel",
                      kind="named")]
    assert crowd_country(d, event(evidence={"actor1": [10, 26]}), "Palestine") == "Israel"
    assert crowd_country(d, event(evidence={"actor1": [30, 40]}), "Palestine") == "Palestine"
    assert crowd_country(d, event(evidence={}), None) is None


def test_a_crowd_named_by_its_nationality_is_of_that_country_not_of_where_its_group_acts():
    """A named group listed for the West Bank (its mention's country Palestine): "Israeli settlers" riot as Israel's
    rioters, while the people they face stay the article's (``by_name=False``)."""
    from sitrep.actors.identities import crowd_country
    from sitrep.model import Actor, Article, Document

    d = Document(article=Article(text="x"))
    d.actors = [Actor(text="Israeli settlers", start=0, end=16, name="Settlers (Israel)", inter=4, country="Palestine",
                      kind="named"),
                Actor(text="settlers", start=30, end=38, name="Settlers (Israel)", inter=4, country="Palestine",
                      kind="named")]
    assert crowd_country(d, event(evidence={"actor1": [0, 16]}), "Palestine") == "Israel"
    assert crowd_country(d, event(evidence={"actor1": [0, 16]}), "Palestine", by_name=False) == "Palestine"
    assert crowd_country(d, event(evidence={"actor1": [30, 38]}), "Palestine") == "Palestine"  # no nationality word


def test_a_crowd_organisations_name_says_who_its_members_are():
    from sitrep.actors.identities import name_identity

    assert name_identity("SFI: Students Federation of India", "India") == "Students (India)"
    assert name_identity("AIDWA: All India Democratic Women's Association", "India") == "Women (India)"
    assert name_identity("CITU: Centre of Indian Trade Unions", "India", 2024) == "Labor Group (India)"
    assert name_identity("AL: Bangladesh Awami League", "Bangladesh") is None


def test_an_off_duty_officer_attacked_is_a_civilian_with_the_police_as_associate():
    ev = event(event_type="Violence against civilians", sub_event_type="Attack",
               actor1="Naxal-Maoist Rebels (India)", inter1=2, actor2="Police Forces of India (2014-)", inter2=1,
               interaction=12, evidence={"actor2": [10, 20]})
    civilian_victims(ev)
    assert (ev.actor2, ev.inter2, ev.interaction) == ("Civilians (India)", 7, 27)
    assert ev.assoc_actor_2 == "Police Forces of India (2014-)"
    assert ev.evidence["assoc_actor_2"] == [10, 20]


def test_victims_already_civilians_and_other_event_types_are_left_alone():
    attack = event(event_type="Violence against civilians", actor1="Unidentified Armed Group (Kenya)", inter1=3,
                   actor2="Civilians (Kenya)", inter2=7, interaction=37)
    civilian_victims(attack)
    assert (attack.actor2, attack.assoc_actor_2) == ("Civilians (Kenya)", None)
    clash = event(event_type="Battles", actor1="Unidentified Armed Group (Kenya)", inter1=3,
                  actor2="Police Forces of Kenya (2013-)", inter2=1, interaction=13)
    civilian_victims(clash)
    assert clash.actor2 == "Police Forces of Kenya (2013-)"


def test_an_unidentified_victim_group_becomes_civilians_without_an_associate():
    ev = event(event_type="Violence against civilians", actor1="Rioters (Kenya)", inter1=5,
               actor2="Unidentified Armed Group (Kenya)", inter2=3, interaction=35)
    civilian_victims(ev)
    assert (ev.actor2, ev.assoc_actor_2, ev.interaction) == ("Civilians (Kenya)", None, 57)


def test_a_named_association_attacked_is_civilians_with_the_association_beside_them():
    ev = event(event_type="Violence against civilians", actor1="Rioters (Bangladesh)", inter1=5,
               actor2="AB: Amar Bangladesh Party", inter2=7, interaction=57)
    civilian_victims(ev)
    assert (ev.actor2, ev.assoc_actor_2, ev.interaction) == ("Civilians (Bangladesh)", "AB: Amar Bangladesh Party", 57)


def test_people_words_carry_the_identity_acled_adds_beside_them():
    from sitrep.actors import get_matcher

    generics = get_matcher().index.generics
    for words, identity in ((("street", "vendors"), "Labour Group ({country})"), (("girls",), "Women ({country})"),
                            (("student", "protesters"), "Students ({country})"),
                            (("traders",), "Labour Group ({country})"),
                            (("municipal", "workers"), "Labour Group ({country})"),
                            (("tuk", "tuk", "drivers"), "Taxi Drivers ({country})"),
                            (("a", "tuk", "tuk", "driver"), "Taxi Drivers ({country})"),
                            (("a", "university", "student"), "Students ({country})"),
                            (("a", "civilian", "woman"), "Women ({country})")):
        assert any(row.identity == identity for row in generics[words]), words
    # a student crowd is still the crowd
    assert any(row.name == "Protesters ({country})" for row in generics[("student", "protesters")])


def test_companions_acled_codes_beside_an_actor_come_along() -> None:
    from sitrep.actors import identities

    table = {"Katiba Macina": ["JNIM: Group for Support of Islam and Muslims"],
             "Fulani Ethnic Group ({country})": ["Pastoralists ({country})"]}
    original = identities._companions
    identities._companions = lambda: table  # type: ignore[assignment]
    try:
        ev = event(actor1="Katiba Macina", inter1=2, actor2="Civilians (Mali)", inter2=7,
                   assoc_actor_2="Fulani Ethnic Group (Mali)", evidence={"actor1": [0, 5], "actor2": [9, 15]})
        identities.add_companions(ev)
        assert ev.assoc_actor_1 == "JNIM: Group for Support of Islam and Muslims"
        assert ev.assoc_actor_2 == "Fulani Ethnic Group (Mali); Pastoralists (Mali)"
        # a named companion of another country stays there: Ecuador's CONAIE is not beside Colombia's indigenous
        table["Indigenous Group ({country})"] = ["CONAIE: Confederation of Indigenous Nationalities of Ecuador"]
        ev = event(actor1="Protesters (Colombia)", inter1=6, assoc_actor_1="Indigenous Group (Colombia)",
                   evidence={"actor1": [0, 5]})
        identities.add_companions(ev)
        assert ev.assoc_actor_1 == "Indigenous Group (Colombia)"
        # a companion of the actor's later years only comes along from that year on
        table["FPRC: Popular Front for the Renaissance of Central Africa"] = ["CPC: Coalition of Patriots for Change@2021"]
        for year, assoc in ((2019, None), (2022, "CPC: Coalition of Patriots for Change")):
            ev = event(actor1="FPRC: Popular Front for the Renaissance of Central Africa", inter1=2,
                       evidence={"actor1": [0, 5]})
            identities.add_companions(ev, year)
            assert ev.assoc_actor_1 == assoc
        # ... and only where the companion is active: Sahel AQIM units joined JNIM, Algeria's did not
        table["AQIM: Al Qaeda in the Islamic Maghreb"] = ["JNIM: Group for Support of Islam and Muslims@2017"]
        for side2, assoc in (("Military Forces of Algeria (1994-)", None),
                             ("Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims")):
            ev = event(actor1="AQIM: Al Qaeda in the Islamic Maghreb", inter1=2, actor2=side2, inter2=1,
                       evidence={"actor1": [0, 5], "actor2": [9, 15]})
            identities.add_companions(ev, 2022)
            assert ev.assoc_actor_1 == assoc
    finally:
        identities._companions = original  # type: ignore[assignment]


def test_a_branchs_region_is_no_country_for_its_victims() -> None:
    ev = event(event_type="Violence against civilians", actor1="Islamic State (Greater Sahara)", inter1=2,
               actor2="Unidentified Armed Group", inter2=3, evidence={})
    civilian_victims(ev)
    assert ev.actor2 == "Unidentified Armed Group"  # never "Civilians (Greater Sahara)"


def test_what_armed_men_loot_with_no_owner_named_is_the_civilians():
    ev = event(event_type="Strategic developments", sub_event_type="Looting/property destruction",
               actor1="JNIM: Group for Support of Islam and Muslims", inter1=2, interaction=20)
    attach(ev, {}, country="Burkina Faso")
    assert (ev.actor2, ev.inter2, ev.interaction) == ("Civilians (Burkina Faso)", 7, 27)


def test_rioters_damage_and_a_named_owner_stay_as_they_are():
    rioters = event(event_type="Strategic developments", sub_event_type="Looting/property destruction",
                    actor1="Rioters (Kenya)", inter1=5, interaction=50)
    owned = event(event_type="Strategic developments", sub_event_type="Looting/property destruction",
                  actor1="Unidentified Armed Group (Kenya)", inter1=3, actor2="Police Forces of Kenya (2022-)",
                  inter2=1, interaction=13)
    for ev in (rioters, owned):
        before = (ev.actor2, ev.interaction)
        attach(ev, {}, country="Kenya")
        assert (ev.actor2, ev.interaction) == before


def test_victims_of_a_force_whose_state_name_has_an_article_are_civilians_of_the_country():
    # "Military Forces of the Central African Republic": the civilians are "(Central African Republic)", no "the"
    ev = event(event_type="Violence against civilians", actor1="Unidentified Armed Group (Chad)", inter1=3,
               actor2="Police Forces of the Central African Republic (2016-)", inter2=1, interaction=13)
    civilian_victims(ev)
    assert ev.actor2 == "Civilians (Central African Republic)"


def test_people_of_a_community_in_a_battle_are_its_militia() -> None:
    from sitrep.actors.identities import fighting_communities

    ev = event(event_type="Battles", actor1="Civilians (Chad)", inter1=7, actor2="Rioters (Chad)", inter2=5,
               assoc_actor_1="Pastoralists (Chad); Arab Ethnic Group (Chad)", assoc_actor_2="Kanem Clan Group (Chad)")
    fighting_communities(ev)
    assert (ev.actor1, ev.inter1, ev.assoc_actor_1) == ("Arab Ethnic Militia (Chad)", 4, "Pastoralists (Chad)")
    assert (ev.actor2, ev.inter2, ev.assoc_actor_2) == ("Kanem Clan Militia (Chad)", 4, None)
    assert ev.interaction == 44


def test_people_of_a_community_outside_a_battle_or_of_a_belief_stay_people() -> None:
    from sitrep.actors.identities import fighting_communities

    attacked = event(event_type="Violence against civilians", actor2="Civilians (Chad)", inter2=7,
                     assoc_actor_2="Arab Ethnic Group (Chad)")
    fighting_communities(attacked)
    assert (attacked.actor2, attacked.assoc_actor_2) == ("Civilians (Chad)", "Arab Ethnic Group (Chad)")
    believers = event(event_type="Battles", actor1="Civilians (Chad)", inter1=7, assoc_actor_1="Muslim Group (Chad)")
    fighting_communities(believers)
    assert believers.actor1 == "Civilians (Chad)"


def test_a_community_beside_civilians_is_its_group_not_its_militia() -> None:
    from sitrep.actors.identities import harmed_communities

    ev = event(event_type="Violence against civilians", actor2="Civilians (Yemen)", inter2=7,
               assoc_actor_2="Al Ghunaim Tribal Militia (Yemen); Farmers (Yemen)")
    harmed_communities(ev)
    assert ev.assoc_actor_2 == "Al Ghunaim Tribal Group (Yemen); Farmers (Yemen)"
    armed = event(actor1="Murle Ethnic Militia (South Sudan)", inter1=4,
                  assoc_actor_1="Lou Clan Militia (South Sudan)")
    harmed_communities(armed)
    assert armed.assoc_actor_1 == "Lou Clan Militia (South Sudan)"


def test_a_tribal_sheikh_or_elder_is_a_civilian() -> None:
    from sitrep.actors import get_matcher

    generics = get_matcher().index.generics
    for words in (("a", "tribal", "sheikh"), ("tribal", "elders"), ("a", "tribal", "leader")):
        assert [row.name for row in generics[words]] == ["Civilians ({country})"], words


def test_a_battles_unnamed_communal_militia_is_the_other_community_its_sentences_name() -> None:
    """'Fulani militiamen attacked the Dogon village of X; village self-defense repelled them': Dogon Ethnic Militia.
    The opponent's own community, or two communities beside it, name nobody."""
    from sitrep.actors.identities import defending_community

    def battle(identities: dict[tuple[int, int], str]) -> Event:
        ev = event(event_type="Battles", actor1="Fulani Ethnic Militia (Mali)", inter1=4,
                   actor2="Unidentified Communal Militia (Mali)", inter2=4)
        ev.evidence["sentence"] = [0, 120]
        defending_community(ev, identities)
        return ev

    assert battle({(40, 45): "Dogon Ethnic Group (Mali)"}).actor2 == "Dogon Ethnic Militia (Mali)"
    assert battle({(40, 45): "Fulani Ethnic Group (Mali)"}).actor2 == "Unidentified Communal Militia (Mali)"
    two = {(40, 45): "Dogon Ethnic Group (Mali)", (60, 66): "Bambara Ethnic Group (Mali)"}
    assert battle(two).actor2 == "Unidentified Communal Militia (Mali)"
    assert battle({(140, 145): "Dogon Ethnic Group (Mali)"}).actor2 == "Unidentified Communal Militia (Mali)"


def test_people_of_no_named_community_in_a_battle_are_an_unnamed_communitys_militia() -> None:
    from sitrep.actors.identities import fighting_communities

    ev = event(event_type="Battles", actor1="Civilians (Nigeria)", inter1=7, assoc_actor_1="Farmers (Nigeria)")
    fighting_communities(ev)
    assert (ev.actor1, ev.inter1, ev.assoc_actor_1) == ("Unidentified Communal Militia (Nigeria)", 4,
                                                         "Farmers (Nigeria)")
