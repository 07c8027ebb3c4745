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


def test_the_militants_after_a_pair_refer_back_to_the_pair() -> None:
    pair = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    assert names("presumed JNIM and/or ISGS militants attacked a guard, the militants seized his motorbike",
                 "Burkina Faso", 2019) == [pair, pair]


def test_two_groups_named_together_stay_two_actors() -> None:
    assert names("JNIM and ISGS fighters clashed", "Mali", 2020) == [
        "JNIM: Group for Support of Islam and Muslims", "Islamic State (Greater Sahara)"]


def test_a_learned_acronym_of_another_country_names_no_one() -> None:
    # "PPP" is a party the record knows in South Korea; in an article about Pakistan it is not that party
    assert "PPP: People Power Party" not in names("activists of PPP took out a rally", "Pakistan", 2022)
    assert "PPP: People Power Party" in names("activists of PPP took out a rally", "South Korea", 2022)


def test_people_words_carry_the_identity_acled_adds_for_them() -> None:
    toks = [Tok(t, s, e) for t, s, e in tokenize("militants abducted a merchant and two herders")]
    found = get_matcher().scan(toks, Context(focus="Mali", countries={"Mali"}, year=2020))
    assert [m.identity for m in found if m.identity] == ["Labour Group (Mali)", "Pastoralists (Mali)"]


def test_one_pastoralist_is_a_civilian_with_pastoralists_beside_him() -> None:
    toks = [Tok(t, s, e) for t, s, e in tokenize("gunmen shot a civilian pastoralist near the well")]
    found = get_matcher().scan(toks, Context(focus="Mali", countries={"Mali"}, year=2020))
    assert [(m.name, m.identity) for m in found if m.identity] == [("Civilians (Mali)", "Pastoralists (Mali)")]


def test_an_unlisted_group_given_with_its_acronym_is_named_as_acled_names_groups() -> None:
    text = "cadres of Zorvan Liberation Army (ZLA) beat five farmers; ZLA later withdrew"
    toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
    start = text.index("Zorvan")
    ctx = Context(focus="India", countries={"India"}, year=2022, orgs={start: text.index(" (ZLA)")})
    found = [m.name for m in get_matcher().scan(toks, ctx) if m.kind == "unlisted"]
    assert found == ["ZLA: Zorvan Liberation Army", "ZLA: Zorvan Liberation Army"]


def test_fulani_militias_take_the_country_they_fight_in() -> None:
    assert names("Fulani militiamen attacked the village", "Niger", 2019) == ["Fulani Ethnic Militia (Niger)"]
    assert names("Fulani militia abducted 20 villagers", "Nigeria", 2021)[0] == "Fulani Ethnic Militia (Nigeria)"


def test_pastoralists_called_armed_are_a_communal_militia_with_pastoralists_beside_it() -> None:
    def scan(text: str) -> list[tuple[str, str | None]]:
        toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
        return [(m.name, m.identity) for m in get_matcher().scan(toks, Context(focus="Nigeria", countries={"Nigeria"},
                                                                                  year=2022))]

    assert scan("armed Fulani pastoralists attacked Akwu") == [("Fulani Ethnic Militia (Nigeria)", "Pastoralists (Nigeria)")]
    assert scan("armed pastoralists attacked Akwu") == [("Unidentified Communal Militia (Nigeria)",
                                                         "Pastoralists (Nigeria)")]


def test_cattle_raiders_are_a_communal_militia() -> None:
    toks = [Tok(t, s, e) for t, s, e in tokenize("cattle raiders attacked a cattle camp")]
    found = get_matcher().scan(toks, Context(focus="South Sudan", countries={"South Sudan"}, year=2022))
    assert [(m.name, m.inter) for m in found][:1] == [("Unidentified Communal Militia (South Sudan)", 4)]


def test_a_party_named_by_its_members_takes_its_initials_as_acled_names_parties() -> None:
    def unlisted(text: str, org: str) -> list[str]:
        toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
        start = text.index(org)
        ctx = Context(focus="India", countries={"India"}, year=2022, orgs={start: start + len(org)})
        return [m.name for m in get_matcher().scan(toks, ctx) if m.kind == "unlisted"]

    assert unlisted("members of Zorvan Peoples League staged a protest", "Zorvan Peoples League") == [
        "ZPL: Zorvan Peoples League"]
    assert unlisted("Zorvan Peoples League supporters blocked a road", "Zorvan Peoples League") == [
        "ZPL: Zorvan Peoples League"]
    # named without its people it is a place or an addressee ("a letter to the Zorvan Peoples League")
    assert unlisted("a letter to the Zorvan Peoples League", "Zorvan Peoples League") == []
    # an entity that swallowed the bracket stops at it
    assert unlisted("members of Zorvan League (ZL) marched", "Zorvan League (ZL") == ["ZL: Zorvan League"]


def test_fds_is_the_army_of_the_articles_country() -> None:
    assert names("FDS repelled an attack", "Niger", 2022) == ["Military Forces of Niger (2021-2023)"]
    assert names("FDS repelled an attack", "Burkina Faso", 2022) == ["Military Forces of Burkina Faso (2022-)"]


def test_islamic_state_militants_are_the_branch_of_the_articles_country() -> None:
    # "Islamic State militants" was a longer alias of the Iraqi and Syrian rows only, so it beat every branch
    assert names("Islamic State militants attacked a village", "Mali", 2019) == ["Islamic State (Greater Sahara)"]
    assert names("IS militants attacked a village", "Somalia", 2022) == ["Islamic State (Somalia)"]
    assert names("IS militants attacked a village", "Iraq", 2022) == ["Islamic State (Iraq)"]
    assert names("the Islamic State group claimed the attack", "Niger", 2023) == ["Islamic State (Sahel)"]


def test_the_somali_islamic_state_takes_the_name_of_the_events_year() -> None:
    assert names("IS militants attacked a base", "Somalia", 2017) == ["Islamic State (Somalia)"]
    assert names("IS militants attacked a base", "Somalia", 2025) == ["Islamic State Somalia Province"]


def test_the_syrian_regime_acting_is_its_army() -> None:
    assert names("regime positions were shelled", "Syria", 2021)[0] == "Military Forces of Syria (2000-2024)"
    assert names("a Syrian regime sniper shot a boy", "Syria", 2022)[0] == "Military Forces of Syria (2000-2024)"


def test_fighters_for_a_named_actor_are_that_actor_but_its_opponents_or_other_backers_are_not() -> None:
    def scan(text: str) -> list[tuple[str, str]]:
        toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
        found = get_matcher().scan(toks, Context(focus="Yemen", countries={"Yemen"}, year=2020))
        return [(text[m.start:m.end], m.name) for m in found if m.kind == "named"]

    assert scan("pro-STC forces clashed near Zinjibar") == [("pro-STC forces", "STC: Southern Transitional Council")]
    assert scan("anti-STC forces clashed near Zinjibar") == []
    assert scan("a pro-STC rally was held in Aden") == []


def test_a_pair_given_as_and_or_is_one_actor_even_when_the_record_lacks_it() -> None:
    found = names("presumed Katiba Macina and/or Ansaroul Islam militants attacked a village", "Burkina Faso", 2019)
    assert len(found) == 1 and " and/or " in found[0]
    first, second = found[0].split(" and/or ")
    assert "Macina" in first and "Ansaroul" in second  # in the note's order
    # a plain "or" joins only a pair the record has: these two stay apart
    assert len(names("presumed Katiba Macina or Ansaroul Islam militants attacked a village", "Burkina Faso", 2019)) == 2


def test_a_slash_joins_a_pair_the_record_codes_as_one() -> None:
    pair = "Islamic State (West Africa) - Lake Chad Faction and/or Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    assert names("an airstrike against Boko Haram/ ISWAP militants", "Nigeria", 2022) == [pair]
    # a bare "Boko Haram" is that pair already in 2022: the faction beside it joins it
    assert names("an airstrike against Boko Haram / ISWAP militants", "Nigeria", 2022) == [pair]


def test_ethiopia_s_regional_special_forces_are_the_police_units_acled_names() -> None:
    unit = "Police Forces of Ethiopia (2018-) Oromo Regional Special Forces"
    assert names("Oromia special police clashed with OLF Shane militants", "Ethiopia", 2022)[0] == unit
    assert names("ENDF and Oromia regional special forces clashed", "Ethiopia", 2022)[-1] == unit
    assert names("TPLF forces clashed with Afar regional special forces", "Ethiopia", 2022)[-1] == \
        "Police Forces of Ethiopia (2018-) Afar Special Forces"
    assert names("the federal police arrested three men", "Ethiopia", 2022) == [
        "Police Forces of Ethiopia (2018-) Federal Police"]


def test_the_seleka_takes_the_name_of_its_period() -> None:
    car = "Central African Republic"
    assert names("the Seleka rebel coalition seized Bria", car, 2012) == ["Seleka Rebel Coalition"]
    assert names("ex-Seleka fighters opened fire on civilians", car, 2014)[0] == "Seleka Militia"
    assert names("former Seleka elements looted the market", car, 2016) == ["Seleka Militia"]
    assert names("an unidentified ex-Seleka group attacked the town", car, 2020) == ["Former Seleka Militia"]


def test_nigeria_s_cultists_are_acled_s_unidentified_cult_militia() -> None:
    assert names("members of an unidentified cult militia shot a man", "Nigeria", 2022)[0] == \
        "Unidentified Cult Militia (Nigeria)"
    assert names("suspected cultists attacked the village", "Nigeria", 2022)[0] == "Unidentified Cult Militia (Nigeria)"


def scan(text: str, country: str, year: int) -> list:
    toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
    return get_matcher().scan(toks, Context(focus=country, countries={country}, year=year))


def test_a_bracketed_group_after_a_group_is_the_one_it_belongs_to() -> None:
    found = scan("suspected Katiba Macina (JNIM) militants attacked Yoro. JNIM later claimed it.", "Mali", 2020)
    assert [(m.name, m.identity) for m in found] == [
        ("Katiba Macina", "JNIM: Group for Support of Islam and Muslims"),
        ("JNIM: Group for Support of Islam and Muslims", None)]
    # its own acronym in brackets is the same group, and means it later on
    found = scan("Boko Haram (JAS) fighters raided Gwoza. JAS then withdrew.", "Nigeria", 2020)
    assert [m.name for m in found] == ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"] * 2
    assert all(m.identity is None for m in found)


def test_un_troops_patrols_and_vehicles_are_the_mission_where_one_serves() -> None:
    mission = "UNIFIL: United Nations Interim Force in Lebanon"
    assert mission in names("assailants attacked a UN patrol near Tyre", "Lebanon", 2021)
    assert "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-)" in names(
        "a gunman fired on a UN vehicle near Kidal", "Mali", 2016)
    # no mission serves there: the UN's own
    assert not [n for n in names("a UN patrol was attacked near Kabul", "Afghanistan", 2021) if "Mission" in n]


def test_a_bare_boko_haram_is_the_name_acled_used_in_the_events_year() -> None:
    jas = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    pair = f"Islamic State (West Africa) - Lake Chad Faction and/or {jas}"
    assert names("Boko Haram militants attacked Gwoza", "Nigeria", 2015) == [jas]
    assert names("Boko Haram militants attacked Gwoza", "Nigeria", 2017) == ["Boko Haram - Wilayat Gharb Ifriqiyyah"]
    assert names("Boko Haram militants attacked Gwoza", "Nigeria", 2022) == [pair]
    # a faction named in brackets is that faction, and its acronym means it later on
    assert names("Boko Haram (JAS) fighters attacked Gwoza. JAS withdrew.", "Nigeria", 2022) == [jas, jas]
    assert names("ISWAP fighters attacked Gwoza", "Nigeria", 2022) == ["Islamic State (West Africa) - Lake Chad Faction"]


def test_a_group_name_the_tagger_read_as_a_person_still_names_the_group_when_the_rest_is_an_acronym() -> None:
    text = "On 2 May 2022, Boko Haram JAS fighters raided a village"
    toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
    start = text.index("Boko")
    as_person = Context(focus="Cameroon", countries={"Cameroon"}, year=2022, persons=[(start, start + len("Boko Haram JAS"))])
    assert any("Boko Haram" in m.name for m in get_matcher().scan(toks, as_person))
    # a person's name that holds an alias is still that person: "Richard Wagner" is no Wagner Group
    text = "Richard Wagner spoke"
    toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
    person = Context(focus="Mali", countries={"Mali"}, year=2022, persons=[(0, len("Richard Wagner"))])
    assert get_matcher().scan(toks, person) == []


def test_a_pair_name_followed_by_one_of_its_own_names_is_that_one() -> None:
    jas = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    assert names("Boko Haram JAS fighters raided a village", "Cameroon", 2022) == [jas]
    assert names("a camp of Boko Haram [JAS faction] was destroyed", "Nigeria", 2022) == [jas]
    # alone, the name is still the pair ACLED coded in that year
    assert names("Boko Haram fighters raided a village", "Cameroon", 2022) == [
        "Islamic State (West Africa) - Lake Chad Faction and/or " + jas]


def test_a_renamed_group_takes_the_name_acled_used_in_the_events_year() -> None:
    assert "KIA: Kachin Independence Army" in names("KIA fighters attacked an army post", "Myanmar", 2016)
    assert "KIO/KIA: Kachin Independence Organization/Kachin Independence Army" in names(
        "KIA fighters attacked an army post", "Myanmar", 2022)


def test_militants_the_note_calls_islamist_are_acleds_islamist_militia() -> None:
    assert "Islamist Militia (Mozambique)" in names("Islamist militia attacked civilians in Mocimboa da Praia",
                                                    "Mozambique", 2022)


def test_a_nationalitys_tanks_and_the_governments_security_forces_are_a_military() -> None:
    assert names("Russian tanks fired on the village", "Ukraine", 2023) == ["Military Forces of Russia (2000-)"]
    assert names("government security forces attacked the base", "Somalia", 2023) == [
        "Military Forces of Somalia (2022-)"]


def test_military_forces_or_a_military_unit_with_no_nationality_are_the_countrys_army() -> None:
    assert names("military forces and ELN members clashed in the area", "Colombia", 2022) == [
        "Military Forces of Colombia (2022-)", "ELN: National Liberation Army"]
    assert names("Gulf Clan members threw grenades at a military unit", "Colombia", 2022)[1] == (
        "Military Forces of Colombia (2022-)")


def test_a_bracketed_unit_after_the_armys_generic_words_is_that_unit() -> None:
    assert names("government security forces (Danab) clashed with Al Shabaab", "Somalia", 2024) == [
        "Military Forces of Somalia (2022-) Special Forces", "Al Shabaab"]
    assert names("government security forces (NISA) arrested 9 suspects", "Somalia", 2024)[0] == (
        "Military Forces of Somalia (2022-) National Intelligence and Security Agency")


def test_tie_between_learned_rows_goes_to_the_row_seen_in_the_events_years_then_the_more_noted() -> None:
    from sitrep.actors.dictionary import ActorRow
    from sitrep.actors.matcher import _learned_tie_key

    sri_lanka = ActorRow("NC: National Congress", 3, ("Sri Lanka",), None, None, "acled", seen=(2010, 2012), notes=2)
    nepal = ActorRow("NC: Nepali Congress", 5, ("Nepal",), None, None, "acled", seen=(2016, 2022), notes=15)
    assert _learned_tie_key(nepal, 2022) > _learned_tie_key(sri_lanka, 2022)
    assert _learned_tie_key(sri_lanka, 2011) > _learned_tie_key(nepal, 2011)
    assert _learned_tie_key(nepal, 2014) > _learned_tie_key(sri_lanka, 2014)  # neither seen then: more notes


def test_a_gendarmerie_is_the_militarys_unless_the_record_files_it_under_the_police() -> None:
    assert names("gendarmes opened fire on two youths", "Niger", 2020) == ["Military Forces of Niger (2011-2021) Gendarmerie"]
    assert names("gendarmes opened fire on two youths", "Burkina Faso", 2020)[0].startswith("Police Forces of Burkina Faso")


def test_the_congolese_army_of_2001_2019_is_spelled_as_the_record_spells_it() -> None:
    assert names("the Congolese army clashed with the rebels", "Democratic Republic of Congo", 2018)[0].startswith(
        "Military Forces of Democratic Republic of Congo")
    assert names("the Congolese army clashed with the rebels", "Democratic Republic of Congo", 2022)[0].startswith(
        "Military Forces of the Democratic Republic of Congo (2019-)")


def test_egypts_islamic_state_branch_takes_the_name_of_its_period() -> None:
    assert names("Islamic State militants attacked a checkpoint", "Egypt", 2018) == ["State of Sinai"]
    assert names("Islamic State militants attacked a checkpoint", "Egypt", 2022) == ["Islamic State (Egypt)"]
