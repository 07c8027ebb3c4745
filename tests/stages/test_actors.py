"""Actors stage: dictionary and generic actors on parsed text, and the seed expectations of DESIGN.md."""

from __future__ import annotations

import pytest

from sitrep.model import Article, Document
from sitrep.registry import get
from sitrep.stages.nlp import load_model


@pytest.fixture(scope="module")
def run_actors():
    nlp = load_model()
    stage = get("sitrep.actors.v1").factory({})

    def run(text: str, focus: str | None = None, published: str | None = "2020-05-10") -> list:
        document = Document(article=Article(text=text, published=published))
        document.doc = nlp(text)
        if focus:
            document.extras["focus_country"] = focus
        stage([document])
        return document.actors

    return run


def by_text(actors):
    return {a.text: a for a in actors}


@pytest.fixture(scope="module")
def seed_actors(seed_text, run_actors):
    return run_actors(seed_text, focus="Iraq")


def test_seed_iraqi_security_forces_are_state_forces_of_iraq(seed_actors):
    isf = [a for a in seed_actors if a.text.startswith("Iraqi Security Forces")]
    assert isf
    assert {(a.name, a.inter, a.country) for a in isf} == {("Military Forces of Iraq (2018-)", 1, "Iraq")}


def test_seed_merges_name_and_parenthesised_acronym_and_learns_it(seed_actors):
    assert "Iraqi Security Forces (ISF)" in by_text(seed_actors)
    bare_isf = [a for a in seed_actors if a.text == "ISF"]
    assert bare_isf and all(a.name == "Military Forces of Iraq (2018-)" for a in bare_isf)


def test_seed_pmu_is_pmf(seed_actors):
    pmu = [a for a in seed_actors if "PMU" in a.text or "Popular Mobilisation" in a.text]
    assert len(pmu) >= 3
    assert {a.name for a in pmu} == {"PMF: Popular Mobilization Forces"}


def test_seed_isis_is_islamic_state(seed_actors):
    isis = [a for a in seed_actors if a.text == "ISIS"]
    assert len(isis) >= 4
    assert {(a.name, a.inter) for a in isis} == {("Islamic State (Iraq)", 2)}


def test_seed_anti_isis_is_not_an_islamic_state_mention(seed_actors, seed_text):
    start = seed_text.index("anti-ISIS")
    assert not any(a.start <= start + 5 < a.end for a in seed_actors)


def test_seed_local_tribes_are_a_tribal_militia_of_iraq(seed_actors):
    tribes = [a for a in seed_actors if a.text == "local tribes"]
    assert tribes
    assert all(a.inter == 4 and a.country == "Iraq" and "Tribal Militia" in a.name for a in tribes)


def test_seed_civilians_and_several_people_are_civilians_of_iraq(seed_actors):
    for phrase in ("civilians", "several people"):
        found = [a for a in seed_actors if a.text == phrase]
        assert found, phrase
        assert all((a.name, a.inter) == ("Civilians (Iraq)", 7) for a in found)


def test_seed_coalition_forces_are_external(seed_actors):
    coalition = by_text(seed_actors)["Coalition Forces"]
    assert coalition.inter == 8
    assert coalition.name == "Global Coalition Against Daesh"


def test_seed_the_militant_group_refers_back_to_islamic_state(seed_actors):
    group = by_text(seed_actors)["the militant group"]
    assert group.kind == "coref"
    assert group.name == "Islamic State (Iraq)"


def test_acronym_is_matches_only_in_capitals(run_actors):
    actors = run_actors("The situation is tense. IS fighters attacked the town of Hit.", focus="Iraq")
    assert [a.text for a in actors if a.name.startswith("Islamic State")] == ["IS fighters"]


def test_nationality_word_sets_the_country_of_generic_forces(run_actors):
    actors = by_text(run_actors("Turkish drones struck PKK positions near Sinjar on Monday.", focus="Iraq"))
    drones = actors["Turkish drones"]
    assert drones.name == "Military Forces of Turkey (2016-)"
    assert drones.inter == 8  # a state's forces outside its own country are external forces
    assert actors["PKK"].name == "PKK: Kurdistan Workers Party"


def test_a_nationalitys_airstrikes_and_a_conscript_are_its_military(run_actors):
    """"Egyptian airstrikes destroyed ..." are Egypt's military's; "a conscript was killed" is a soldier."""
    strikes = by_text(run_actors("Egyptian airstrikes destroyed a dozen vehicles in the Western desert.", focus="Egypt"))
    assert strikes["Egyptian airstrikes"].name.startswith("Military Forces of Egypt")
    conscript = run_actors("A conscript was killed by mortar shells near El Arish.", focus="Egypt")
    assert any(a.name.startswith("Military Forces of Egypt") for a in conscript)
    plain = run_actors("Airstrikes hit the outskirts of the town.", focus="Egypt")
    assert not any(a.name.startswith("Military Forces") for a in plain)  # no nationality, no side said


def test_an_acronym_ending_a_name_in_capitals_is_not_its_own_actor(run_actors):
    """"ZANU PF youths": the end of Zimbabwe's ruling party's name, not a party called PF; "PF youths" alone are."""
    zanu = run_actors("ZANU PF youths beat an opposition activist.", focus="Zambia", published="2017-06-01")
    assert "PF" not in [a.text for a in zanu]
    pf = run_actors("PF youths beat an opposition activist.", focus="Zambia", published="2017-06-01")
    assert "PF" in [a.text for a in pf]


def test_generic_actors_take_the_focus_country(run_actors):
    actors = run_actors("Unidentified gunmen killed two shepherds and abducted a civilian near Kidal.", focus="Mali")
    names = {a.text: (a.name, a.inter) for a in actors}
    assert names["Unidentified gunmen"] == ("Unidentified Armed Group (Mali)", 3)
    assert names["shepherds"] == ("Civilians (Mali)", 7)
    assert names["a civilian"] == ("Civilians (Mali)", 7)


def test_migrants_are_international_civilians_unless_a_nationality_says_whose(run_actors):
    actors = by_text(run_actors("Police detained 43 migrants in Istanbul. Gendarmes held 12 Afghan migrants near Edirne.",
                                focus="Turkey"))
    migrants, afghans = actors["migrants"], actors["Afghan migrants"]
    assert (migrants.name, migrants.identity) == ("Civilians (International)", "Refugees/IDPs (International)")
    assert (afghans.name, afghans.identity) == ("Civilians (Afghanistan)", "Refugees/IDPs (Afghanistan)")


def test_a_nationalitys_nationals_are_its_civilians_and_bare_citizens_no_mention(run_actors):
    actors = by_text(run_actors("Two Chadian nationals were killed by gunmen in Bria. Several citizens fled.",
                                focus="Central African Republic"))
    assert actors["Chadian nationals"].name == "Civilians (Chad)"
    assert "citizens" not in actors


def test_one_foreign_national_is_a_civilian_of_that_nationality(run_actors):
    actors = by_text(run_actors("Gunmen shot a Somali national and an Afghan trader in Mandera. The man fled.",
                                focus="Kenya"))
    assert actors["Somali national"].name == "Civilians (Somalia)"
    assert actors["Afghan trader"].name == "Civilians (Afghanistan)"
    assert "man" not in actors  # with no nationality word, "man" alone is no one new


def test_protesters_rioters_and_police(run_actors):
    text = "Police fired tear gas at protesters in Baghdad while rioters set tyres on fire."
    names = {a.text: (a.name, a.inter) for a in run_actors(text, focus="Iraq")}
    assert names["Police"] == ("Police Forces of Iraq (2018-)", 1)
    assert names["protesters"] == ("Protesters (Iraq)", 6)
    assert names["rioters"] == ("Rioters (Iraq)", 5)


def test_focus_country_falls_back_to_countries_named_in_text(run_actors):
    text = "Nigerian troops repelled an attack by ISWAP fighters in Borno. Nigeria said villagers were safe."
    names = {a.text: a.name for a in run_actors(text)}
    assert names["Nigerian troops"] == "Military Forces of Nigeria (2015-2023)"  # published 2020
    assert names["ISWAP fighters"] == "Islamic State (West Africa)"
    assert names["villagers"] == "Civilians (Nigeria)"


def test_publication_year_picks_the_period_of_the_state_force(run_actors):
    early = run_actors("Taliban fighters attacked a checkpoint in Kandahar.", focus="Afghanistan", published="2019-03-01")
    late = run_actors("Taliban fighters attacked a checkpoint in Kandahar.", focus="Afghanistan", published="2023-03-01")
    assert early[0].name == "Taliban" and early[0].inter == 2
    assert late[0].name == "Military Forces of Afghanistan (2021-)" and late[0].inter == 1


def test_country_restricted_alias_needs_its_country(run_actors):
    assert not [a for a in run_actors("Download the PDF report from the website.", focus="Iraq") if a.text == "PDF"]
    pdf = [a for a in run_actors("PDF fighters attacked a junta outpost in Sagaing.", focus="Myanmar") if "PDF" in a.text]
    assert pdf and pdf[0].name == "PDF: People's Defense Force"


def test_unlisted_armed_organisation_is_kept_with_low_confidence(run_actors):
    text = "The Free Idlib Army (FIA) attacked a checkpoint. FIA said it killed two soldiers."
    actors = run_actors(text, focus="Syria")
    unlisted = [a for a in actors if a.kind == "unlisted"]
    # named as ACLED names groups: acronym, colon, name ("FIA: Free Idlib Army")
    assert unlisted and unlisted[0].name == "FIA: Free Idlib Army"
    assert unlisted[0].inter == 2 and unlisted[0].confidence < 0.5
    assert any(a.text == "FIA" and a.name == "FIA: Free Idlib Army" for a in actors)


def test_actor_offsets_and_sentences_point_into_the_text(run_actors):
    text = "Al-Shabaab militants attacked an AMISOM base.\n\nSomali soldiers later retook it."
    actors = run_actors(text, focus="Somalia", published=None)
    for a in actors:
        assert text[a.start:a.end] == a.text
    assert {a.name for a in actors} >= {"Al Shabaab", "Military Forces of Somalia (2022-)"}
    assert [a.sent for a in actors if a.name == "Military Forces of Somalia (2022-)"] == [1]


def test_member_noun_joins_the_named_actor(run_actors):
    actors = run_actors("JNIM militants clashed with VDP members near Djibo.", focus="Burkina Faso")
    assert [(a.text, a.name) for a in actors] == [
        ("JNIM militants", "JNIM: Group for Support of Islam and Muslims"),
        ("VDP members", "VDP: Volunteer for Defense of Homeland"),
    ]


def test_coordinated_nationalities_share_the_generic_noun(run_actors):
    actors = run_actors("US and UK warplanes struck Houthi positions in Hodeidah.", focus="Yemen", published="2024-01-19")
    names = {a.text: (a.name, a.inter) for a in actors}
    assert names["US"] == ("Military Forces of the United States (2021-2025)", 8)
    assert names["UK warplanes"] == ("Military Forces of the United Kingdom (2024-)", 8)


def test_country_as_subject_acts_through_military_or_government(run_actors):
    struck = run_actors("Turkey struck PKK hideouts in the Qandil mountains.", focus="Iraq")
    accused = run_actors("Syria accused Israel of bombarding an airport.", focus="Syria")
    assert struck[0].text == "Turkey" and struck[0].name == "Military Forces of Turkey (2016-)"
    assert accused[0].text == "Syria" and accused[0].name.startswith("Government of Syria")
    assert not [a for a in accused if a.text == "Israel"]  # an object, not an acting country


NOTES = [
    ("Iraq", "On 8 May 2020, TMF in cooperation with Iraqi forces killed 15 IS militants in the desert of Anbar province.",
     [("TMF", "TMF: Tribal Mobilization Forces", 3), ("Iraqi forces", "Military Forces of Iraq (2018-)", 1),
      ("IS militants", "Islamic State (Iraq)", 2)]),
    ("Syria", "On 12 June 2019, regime forces shelled HTS positions in Idlib, while Russian warplanes struck Kafr Nabudah.",
     [("regime forces", "Military Forces of Syria (2000-2024)", 1), ("HTS", "HTS: Hayat Tahrir al Sham", 2),
      ("Russian warplanes", "Military Forces of Russia (2000-)", 8)]),
    ("Mali", "On 2 April 2022, FAMa and Wagner Group forces killed dozens of civilians in Moura, Mopti region.",
     [("FAMa", "Military Forces of Mali (2021-)", 1), ("Wagner Group forces", "Wagner Group", 8),
      ("civilians", "Civilians (Mali)", 7)]),
    ("Sudan", "On 15 April 2023, clashes erupted between the SAF and RSF in Khartoum.",
     [("SAF", "Military Forces of Sudan (2019-)", 1), ("RSF", "RSF: Rapid Support Forces", 2)]),
    ("Democratic Republic of Congo", "On 1 March 2024, M23 rebels clashed with FARDC and Wazalendo fighters near Sake.",
     [("M23 rebels", "M23: March 23 Movement", 2),
      ("FARDC", "Military Forces of the Democratic Republic of Congo (2019-)", 1),
      ("Wazalendo fighters", "Wazalendo", 3)]),
    ("Afghanistan", "On 26 August 2021, an ISKP suicide bomber attacked crowds at Kabul airport.",
     [("ISKP", "Islamic State (Afghanistan)", 2)]),
    ("Mexico", "On 3 May 2024, CJNG gunmen killed four police officers in Jalisco.",
     [("CJNG gunmen", "CJNG: Jalisco New Generation Cartel", 3), ("police officers", "Police Forces of Mexico (2024-)", 1)]),
    ("Colombia", "On 17 January 2025, ELN guerrillas clashed with FARC dissidents in Catatumbo.",
     [("ELN guerrillas", "ELN: National Liberation Army", 2), ("FARC dissidents", "EMC: FARC Central General Staff", 2)]),
    ("Nigeria", "On 14 July 2023, bandits attacked Kurmin village and killed 7 villagers; vigilantes repelled them.",
     [("bandits", "Unidentified Armed Group (Nigeria)", 3), ("villagers", "Civilians (Nigeria)", 7),
      ("vigilantes", "Unidentified Communal Militia (Nigeria)", 4)]),
]


@pytest.mark.parametrize(("country", "note", "expected"), NOTES, ids=[n[0] for n in NOTES])
def test_acled_style_notes_give_acled_actors(run_actors, country, note, expected):
    actors = run_actors(note, focus=country, published=None)  # no publication date: today's state-force names
    assert [(a.text, a.name, a.inter) for a in actors] == expected


def test_actors_affiliation_qualifier_is_not_an_actor_mention():
    import sitrep

    result = sitrep.extract("Fighters of the al-Qaeda-linked JNIM stormed a camp near Boni in Mali.", published="2025-05-20")
    names = [a.name for a in result.actors]
    assert "JNIM: Group for Support of Islam and Muslims" in names
    assert "Al Qaeda" not in names


def test_a_party_a_unit_is_affiliated_with_is_an_actor_mention(run_actors):
    # ACLED codes the party beside an "Islah-affiliated" unit (36 of 58 training notes saying "-affiliated/-aligned")
    names = [a.name for a in run_actors("Gunmen of the Islah-affiliated brigade attacked a checkpoint.", focus="Yemen")]
    assert "Al Islah Party" in names


def test_a_stance_names_no_actor(run_actors):
    # "anti-government protesters" are protesters, not the government; "pro-Russian" is no side either
    names = [a.name for a in run_actors("Anti-government protesters marched in Baghdad.", focus="Iraq")]
    assert names and not any(n.startswith("Government of") for n in names)
    assert any(n.startswith("Protesters") for n in names)


def test_a_crowd_beating_a_suspected_thief_is_a_vigilante_group(run_actors):
    text = "Locals assaulted and killed a man in Kisumu on suspicion of being a thief."
    actors = by_text(run_actors(text, focus="Kenya"))
    assert actors["Locals"].identity == "Vigilante Group (Kenya)"
    assert actors["a man"].identity is None  # the one they beat is not


def test_people_without_the_cue_keep_no_vigilante_identity(run_actors):
    actors = by_text(run_actors("Locals blocked a road in Kisumu over water shortages.", focus="Kenya"))
    assert "Vigilante" not in (actors["Locals"].identity or "")


def test_acleds_women_targeted_tag_makes_the_civilians_women(run_actors):
    text = "Armed men shot dead two villagers in Kisumu. [women targeted: girls]"
    actors = by_text(run_actors(text, focus="Kenya"))
    assert actors["villagers"].identity == "Women (Kenya)"


def test_civilians_of_a_note_naming_an_idp_camp_are_refugees_but_not_of_a_refugee_camp(run_actors):
    actors = by_text(run_actors("Gunmen killed two civilians in Kalma IDP camp near Nyala.", focus="Sudan"))
    assert actors["civilians"].identity == "Refugees/IDPs (Sudan)"
    actors = by_text(run_actors("Gunmen killed two civilians in Kakuma refugee camp.", focus="Kenya"))
    assert actors["civilians"].identity is None


def test_a_crowd_demanding_wages_or_jobs_is_a_labour_group_too(run_actors):
    actors = by_text(run_actors("Residents staged a protest in Kisumu demanding jobs for locals.", focus="Kenya"))
    assert actors["Residents"].identity == "Labour Group (Kenya)"
    # students demanding jobs stay students and are a labour group as well (dated: Labor Group from 2024)
    text = "Students staged a protest in Dhaka against the quota system in government jobs."
    actors = by_text(run_actors(text, focus="Bangladesh", published="2024-07-05"))
    assert actors["Students"].identity == "Students (Bangladesh); Labor Group (Bangladesh)"


def test_a_crowd_without_the_cue_is_no_labour_group(run_actors):
    actors = by_text(run_actors("Residents staged a protest in Kisumu over water shortages.", focus="Kenya"))
    assert "Labour" not in (actors["Residents"].identity or "")


@pytest.mark.parametrize(("published", "expected"), [
    ("2022-04-02", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ("2024-04-02", "Military Forces of Yemen (2017-) Houthi"),
])
def test_houthi_forces_take_the_name_acled_used_in_the_events_year(run_actors, published, expected):
    actors = run_actors("Houthi forces shelled the city of Marib.", focus="Yemen", published=published)
    assert [a.name for a in actors if a.text == "Houthi forces"] == [expected]


def test_an_unknown_association_named_with_its_acronym_is_an_actor_of_its_own(run_actors):
    actors = run_actors("Members of the Kenya Union of Domestic Workers (KUDW) protested in Nairobi on Monday, "
                        "and the Electoral Commission said nothing.", focus="Kenya")
    assert [(a.name, a.inter, a.kind) for a in actors if "Union" in a.text] == [
        ("KUDW: Kenya Union of Domestic Workers", 7, "unlisted")]
    assert not [a for a in actors if "Commission" in a.text]


def test_a_learned_actors_long_name_holds_only_in_its_own_country(run_actors):
    actors = run_actors("Activists of the Pasban Democratic Party held a protest at the press club in Hyderabad, "
                        "Sindh.", focus="Pakistan")
    assert not [a for a in actors if a.name == "DEM: Democratic Party"]  # the United States' party, by its long name


def test_a_kind_of_organisation_alone_is_no_actor(run_actors):
    actors = run_actors("Youth and Army aspirants staged a protest in Jind town against the recruitment scheme.",
                        focus="India")
    assert not [a for a in actors if a.kind == "unlisted"]


def test_an_unknown_group_the_note_calls_likely_a_named_group_is_that_group(run_actors):
    actors = run_actors("On 25 May 2025, an unknown armed group (likely Al Shabaab due to similar attacks by the group) "
                        "exploded an IED in Makuudo village.", focus="Somalia", published="2025-05-25")
    assert by_text(actors)["armed group"].name == "Al Shabaab"
    actors = run_actors("Gunmen attacked a checkpoint and fled.", focus="Somalia", published="2025-05-25")
    assert by_text(actors)["Gunmen"].name == "Unidentified Armed Group (Somalia)"


def test_drug_traffickers_are_an_unidentified_gang(run_actors):
    found = run_actors("Drug traffickers initiated an armed confrontation with military police.", focus="Brazil")
    assert any(a.name == "Unidentified Gang (Brazil)" for a in found)


def test_brazil_military_police_is_a_unit_of_the_armed_forces(run_actors):
    found = run_actors("Drug traffickers clashed with military police in the community.", focus="Brazil",
                       published="2022-06-06")
    assert any(a.name == "Military Forces of Brazil (2019-) Military Police" for a in found)


def test_the_gunmen_of_a_drive_by_shooting_are_a_gang(run_actors):
    found = run_actors("A man was shot and killed by armed men in a car in a drive-by shooting.", focus="Mexico",
                       published="2022-04-21")
    assert any(a.name == "Unidentified Gang (Mexico)" for a in found)
    assert not any(a.name.startswith("Unidentified Armed Group") for a in found)


def test_a_count_of_one_reads_as_the_singular_pattern(run_actors):
    actors = by_text(run_actors("On 2 April 2022, 1 health worker and one imam were killed by gunmen in Herat.",
                                focus="Afghanistan", published="2022-04-02"))
    assert actors["1 health worker"].name == "Civilians (Afghanistan)"
    assert actors["1 health worker"].identity == "Health Workers (Afghanistan)"
    assert actors["one imam"].identity == "Muslim Group (Afghanistan)"


def test_unknown_gunmen_presumed_to_be_a_peoples_militia_are_that_militia(run_actors):
    # no comma before the cue, and the group is a people's militia rather than a dictionary name
    actors = run_actors("On 3 June 2022, armed individuals presumed to be Bassa ethnic militiamen attacked residents "
                        "of a town in Kogi.", focus="Nigeria", published="2022-06-03")
    assert by_text(actors)["armed individuals"].name == "Bassa Ethnic Militia (Nigeria)"
    actors = run_actors("On 12 May 2022, gunmen, suspected to be Fulani militiamen, killed three farmers in Benue.",
                        focus="Nigeria", published="2022-05-12")
    assert by_text(actors)["gunmen"].name == "Fulani Ethnic Militia (Nigeria)"


def test_an_against_phrase_on_a_person_is_a_stance_not_an_actor(run_actors):
    # "an activist against the junta" names whom the activist opposes, like "anti-junta"; the junta is no side
    text = "A prominent activist against the government was shot dead by gunmen in Bamako."
    names = [a.name for a in run_actors(text, focus="Mali")]
    assert not any(n.startswith("Government") for n in names)


def test_an_against_phrase_on_an_act_keeps_its_target(run_actors):
    text = "Gunmen carried out an attack against the police in Bamako."
    names = [a.name for a in run_actors(text, focus="Mali")]
    assert any(n.startswith("Police Forces of Mali") for n in names)


def test_staff_of_an_aid_organisation_are_civilians_with_aid_workers(run_actors):
    actors = by_text(run_actors("On 5 July 2021, two INGO staff members were assaulted by gunmen near Bambari.",
                                focus="Central African Republic", published="2021-07-05"))
    staff = next(a for text, a in actors.items() if "INGO staff" in text)
    assert staff.name == "Civilians (Central African Republic)"
    assert staff.identity == "Aid Workers (Central African Republic)"
