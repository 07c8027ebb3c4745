"""Places stage: recognition, resolution in context, relative locations, unresolved names."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import load_gazetteer
from sitrep.model import Document
from sitrep.registry import get

# Iraq's provinces as the package's build spells them (ACLED's record), read from the gazetteer rather than by hand
ANBAR = load_gazetteer().admin1_name("IQ.01")
SALAH_AD_DIN = load_gazetteer().admin1_name("IQ.18")


def place(document: Document, text: str):
    return next(p for p in document.places if p.text == text)


def test_places_seed_resolves_to_al_anbar(run_places, seed_text):
    d = run_places(seed_text)
    assert d.extras["focus_country"] == "Iraq"
    desert = place(d, "Anbar desert")
    assert (desert.admin1, desert.country, desert.iso, desert.geo_precision) == (ANBAR, "Iraq", 368, 3)
    assert desert.feature == "desert"
    province = place(d, "Anbar Province")
    assert province.feature == "admin1" and province.name == ANBAR


def test_places_village_near_a_town_gets_precision_two(run_places):
    d = run_places("On 4 March, ISIS militants attacked an army checkpoint near Karmah, killing two soldiers. "
                   "The next day a roadside bomb exploded 30 km west of Ramadi.")
    karmah = place(d, "Karmah")
    assert (karmah.admin1, karmah.admin2, karmah.geo_precision) == (ANBAR, "Falluja District", 2)
    ramadi = place(d, "Ramadi")
    assert (ramadi.admin1, ramadi.geo_precision) == (ANBAR, 2)
    assert abs(ramadi.latitude - 33.42) < 0.1


def test_places_town_named_plainly_gets_precision_one(run_places):
    d = run_places("Security forces arrested three suspects in Heet on Tuesday, police in Anbar said.")
    hit = place(d, "Heet")
    assert (hit.name, hit.admin1, hit.geo_precision, hit.feature) == ("Hit", ANBAR, 1, "town")


def test_places_outskirts_and_km_from_phrases(run_places):
    d = run_places("Clashes broke out on the outskirts of Hawija in Kirkuk province. Separately, PMF fighters "
                   "repelled an attack 15 kilometres from Tarmiyah, north of Baghdad.")
    hawija = place(d, "Hawija")
    assert (hawija.admin1, hawija.geo_precision) == ("Kirkuk", 2)
    tarmiyah = place(d, "Tarmiyah")
    assert (tarmiyah.admin1, tarmiyah.geo_precision) == ("Baghdad", 2)


def test_places_province_word_picks_the_admin_unit(run_places):
    d = run_places("Gunmen killed a farmer in Salah al-Din province, officials in Iraq said.")
    sad = next(p for p in d.places if p.text.startswith("Salah al-Din"))
    assert (sad.feature, sad.admin1, sad.geo_precision) == ("admin1", SALAH_AD_DIN, 3)


def test_places_demonym_adjectives_name_places(run_places):
    d = run_places("Anbari tribal fighters and Iraqi troops searched the desert.")
    anbari = place(d, "Anbari")
    assert (anbari.feature, anbari.admin1) == ("demonym", ANBAR)
    assert place(d, "Iraqi").country == "Iraq"
    assert d.extras["focus_country"] == "Iraq"


def test_places_context_resolves_homonyms(run_places):
    d = run_places("Police in Springfield, Illinois, said the suspect fled toward Chicago. "
                   "The Sangamon County sheriff joined the search.")
    spring = place(d, "Springfield")
    assert spring.admin1 == "Illinois"


def test_places_unresolvable_names_keep_a_reason_and_spare_the_others(run_places):
    d = run_places("Veterans who fought for the Soviet Union met in Ramadi. They later travelled to Zorgbuttle.")
    soviet = place(d, "Soviet Union")
    assert soviet.latitude is None and "former state" in soviet.unresolved_reason
    assert place(d, "Ramadi").admin1 == ANBAR


def test_places_stage_is_registered_with_its_contract():
    spec = get("sitrep.places.v1")
    assert "doc" in spec.needs and "places" in spec.sets and spec.doc


def test_places_town_in_focus_country_beats_foreign_alternate_name(run_places):
    d = run_places("JNIM fighters attacked a Malian army post near Boni on Sunday, killing 11 soldiers.")
    boni = place(d, "Boni")
    assert (boni.country, boni.admin1) == ("Mali", "Mopti")
    assert d.extras["focus_country"] == "Mali"


def test_places_approximate_namesake_abroad_stays_unresolved(run_places):
    d = run_places("A suicide bomber blew himself up inside a mosque in Kabul, Afghanistan, killing 12 worshippers. "
                   "Islamic State Khorasan Province claimed the bombing.")
    assert d.extras["focus_country"] == "Afghanistan"
    # part of the group's name ("Islamic State Khorasan Province"): no place, and never Horasan, Turkey
    assert all(p.latitude is None for p in d.places if p.text == "Khorasan Province")
    assert all(p.country != "Turkey" for p in d.places)


def test_places_lowercase_word_gets_no_approximate_match(run_places):
    d = run_places("police said singh and two others were arrested after the clash near the mosque in ahmedabad.")
    assert all(p.country != "Japan" for p in d.places)
    assert d.extras.get("focus_country") != "Japan"


def test_places_people_word_is_not_a_town(run_places):
    d = run_places("Fighting broke out between the Syrian Democratic Forces and Arab tribal fighters in the town "
                   "of Thiban in Deir ez-Zor province on Thursday.")
    assert all(p.text != "Arab" for p in d.places)
    thiban = place(d, "Thiban")
    assert (thiban.country, thiban.admin1) == ("Syria", "Deir ez Zor")  # ACLED's record spells it


def test_places_name_before_paragraph_break_excludes_the_break(run_places):
    d = run_places("Gunmen abduct students in Zamfara\n\nGunmen abducted 23 students in Kaura Namoda on Monday.")
    assert d.places and all(p.text == p.text.strip() for p in d.places)


def test_places_town_inside_a_mislabelled_organisation_span(run_places):
    d = run_places("M23 rebels entered the city of Goma in North Kivu on Monday after clashes with the Congolese army.")
    goma = place(d, "Goma")
    assert (goma.country, goma.admin1, goma.feature) == ("Democratic Republic of Congo", "Nord-Kivu", "town")
    assert all(p.text != "M23" for p in d.places)


def test_places_directional_adjective_means_the_province(run_places):
    d = run_places("Russian warplanes carried out airstrikes on the village of Kafr Nabl in southern Idlib on Wednesday.")
    assert place(d, "Idlib").feature == "admin1"
    assert place(d, "Kafr Nabl").feature == "town"


def test_places_square_named_in_two_capitals_follows_the_city(run_places):
    baghdad = run_places("Hundreds of unemployed graduates protested in Tahrir Square in Baghdad on Tuesday.")
    cairo = run_places("Thousands of people gathered in Tahrir Square in Cairo on Friday.")
    assert place(baghdad, "Tahrir Square").country == "Iraq"
    assert place(cairo, "Tahrir Square").country == "Egypt"


def test_places_province_outweighs_a_foreign_town_named_twice(run_places):
    d = run_places("curfew was imposed in chota after the riots. police in chota and across gujarat detained 40 people.")
    assert d.extras["focus_country"] == "India"


def test_places_demonym_before_hyphen_excludes_the_hyphen(run_places):
    d = run_places("An airstrike hit the port area of Hodeidah on Saturday, the Houthi-run health ministry said.")
    assert [p.text for p in d.places] == ["Hodeidah", "Houthi"]
    assert place(d, "Hodeidah").country == "Yemen"


def test_places_entity_cut_inside_a_known_name_is_extended(run_places):
    d = run_places("SDF and tribal fighters clash in Deir ez-Zor\n\nFighting broke out between the Syrian Democratic "
                   "Forces and Arab tribal fighters in the town of Thiban in Deir ez-Zor province on Thursday.")
    assert [p.text for p in d.places if p.text.startswith("Deir")] == ["Deir ez-Zor", "Deir ez-Zor"]
    assert all(p.country == "Syria" for p in d.places)


def test_places_focus_is_where_events_happen_not_the_attackers_nationality():
    import sitrep

    text = ("Russian shelling kills two in Kharkiv region\n\nRussian forces shelled the town of Kupiansk in "
            "Kharkiv region on Friday, killing two civilians, the regional governor said.")
    result = sitrep.extract(text, published="2025-03-21")
    assert {a.name for a in result.actors if a.text == "civilians"} == {"Civilians (Ukraine)"}
    assert all(e.country == "Ukraine" for e in result.events)


def test_places_street_is_placed_at_the_town_the_text_puts_it_in(run_places):
    d = run_places("The Museum of Ice Cream is opening on Collins Avenue in Miami Beach next month.")
    avenue = place(d, "Collins Avenue")
    assert (avenue.name, avenue.admin1, avenue.feature, avenue.geo_precision) == ("Miami Beach", "Florida",
                                                                                   "facility", 2)
    museum = place(d, "Museum of Ice Cream")  # in a facility that is in a town
    assert museum.name == "Miami Beach"


def test_places_building_without_a_town_of_its_own_takes_the_nearest_one(run_places):
    d = run_places("Two men were shot in Ramadi on Monday. Doctors at Al-Ramadi Teaching Hospital said "
                   "both were in a critical condition.")
    hospital = place(d, "Al-Ramadi Teaching Hospital")
    assert (hospital.name, hospital.admin1, hospital.geo_precision) == ("Ramadi", ANBAR, 2)


def test_places_facility_named_for_a_far_town_is_placed_where_the_article_is(run_places):
    d = run_places("Cairo is home to many young players. At the Liverpool Academy in the Egyptian capital, "
                   "boys train every day, the coach said in Cairo.")
    academy = place(d, "Liverpool Academy")
    assert academy.country == "Egypt"


def test_places_facility_without_any_town_is_dropped(run_places):
    d = run_places("Shares in the company rose after the announcement at the Sloss Furnaces Arena.")
    assert all("Arena" not in p.text for p in d.places)


def test_places_country_name_is_the_country_not_its_capital(run_places):
    d = run_places("MEXICO CITY (AP) - Mexico's Senate passed a resolution on Thursday. Mexico should act, "
                   "the candidate said.")
    mexico = [p for p in d.places if p.text == "Mexico"]
    assert mexico and all(p.feature == "country" for p in mexico)


def test_places_second_name_of_a_pair_is_the_state_everywhere_in_the_article(run_places):
    d = run_places("Mary Ann Quitugua lives in Tacoma, Washington. She has baked in Washington for twenty years.")
    states = [p for p in d.places if p.text == "Washington"]
    assert len(states) == 2 and all(p.feature == "admin1" and p.admin1 == "Washington" for p in states)


def test_places_name_before_a_county_is_a_place_there(run_places):
    d = run_places("2018 calendar. 15/16 September: Silverstone, Northamptonshire. 29/30 September: Brands Hatch.")
    silverstone = place(d, "Silverstone")
    assert silverstone.country == "United Kingdom"
    assert place(d, "Northamptonshire").feature == "admin2"


def test_places_province_abbreviation_matches_as_written(run_places):
    d = run_places("The dogs were taken from a farm in Estey's Bridge, N.B. sometime on Tuesday, police in "
                   "Fredericton said.")
    nb = place(d, "N.B.")
    assert (nb.name, nb.country) == ("New Brunswick", "Canada")


def test_places_city_in_a_newspaper_name_does_not_decide_the_focus(run_places):
    d = run_places("Gunmen attacked a checkpoint near Ramadi, The Washington Post reported, citing officials "
                   "in Anbar.")
    assert place(d, "Washington").country == "United States"
    assert d.extras["focus_iso2"] == "IQ"
    assert d.extras["places_in_names"] == [place(d, "Washington").start]


def test_places_acronym_is_not_a_small_town(run_places):
    d = run_places("Trinidad and Tobago did not attend a meeting at the OAS in Washington on March 15.")
    assert all(p.text != "OAS" for p in d.places)


def test_places_acronym_is_no_province_spelt_in_lower_case(run_places):
    d = run_places("Hooligans from EST sportclub threw stones at security forces in Tunis.")
    assert [p.text for p in d.places] == ["Tunis"]  # not Est, Burkina Faso
    assert place(run_places("Protesters gathered outside a hotel in the UAE."), "UAE").country == \
        "United Arab Emirates"


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("Riots erupted on the outskirts of Tunis.", "Tunis", "Tunis"),  # the NER reads Tunis as a people
    ("Gunmen killed two farmers in Gubio LGA.", "Gubio", "Borno"),  # the NER reads "Gubio LGA" as a person
    ("Regime forces shelled positions in ar Rastan.", "Rastan", "Homs"),  # an article written as said
    ("Gunmen ambushed travellers at Vwak town, Riyom.", "Riyom", "Plateau"),  # the unit after a town and a comma
    # the NER reads "Tiguezefen, Tillabery" as one organisation: its last name is the province's seat
    ("A herder was abducted by gunmen in the area of Tiguezefen, Tillabery, near the border.", "Tillabery",
     "Tillaberi"),
])
def test_places_names_the_ner_mislabels_are_found_by_their_wording(run_places, text, name, admin1):
    assert place(run_places(text), name).admin1 == admin1


def test_places_a_province_named_with_its_unit_word_rules_out_a_namesake_abroad(run_places):
    d = run_places("Gunmen attacked a police checkpoint in Al Fao, Basra province.")
    assert place(d, "Al Fao").country is None  # not Al Fao, Sudan: the gazetteer spells Iraq's town Al Faw
    assert (place(d, "Basra province").admin1, place(d, "Basra province").country) == ("Al Basrah", "Iraq")


def test_places_name_the_ner_cut_in_two_is_joined(run_places):
    d = run_places("Thousands of migrants crossed into the northern state of Roraima and are living in Boa Vista, "
                   "the state capital.")
    boa_vista = place(d, "Boa Vista")
    assert (boa_vista.admin1, boa_vista.country) == ("Roraima", "Brazil")


def test_places_alias_counts_as_the_places_own_name(run_places):
    d = run_places("Israeli jets struck targets in Gaza on Monday. Egypt called for calm, and aid trucks waited "
                   "at the border with Gaza.")
    gaza = [p for p in d.places if p.text == "Gaza"]
    assert gaza and all(p.country == "Palestine" for p in gaza)  # not Gaza province, Mozambique


def test_places_actor_acronym_is_no_small_town_and_keeps_the_focus(run_places):
    d = run_places("Fighters loyal to IS attacked a checkpoint near Baiji.")
    assert [p.text for p in d.places] == ["Baiji"]  # not Is, Sverdlovsk oblast
    assert d.extras["focus_iso2"] == "IQ"


@pytest.mark.parametrize(("text", "actor"), [
    ("Weapons were handed to FAMa in Gao.", "FAMa"),  # not Fama, Minas Gerais
    ("Hamas leaders met Egyptian mediators in Cairo on Monday.", "Hamas"),  # not Hamm, Germany
])
def test_places_named_actor_is_no_place(run_places, text, actor):
    d = run_places(text)
    assert all(p.text != actor for p in d.places)
    assert d.extras["focus_iso2"] in ("ML", "EG")


def test_places_country_abbreviation_before_a_noun_is_a_nationality(run_places):
    d = run_places("Two U.S. contractors were wounded when rockets struck Balad air base.")
    assert place(d, "U.S.").feature == "demonym"
    assert d.extras["focus_iso2"] == "IQ"


def test_places_colour_word_inside_a_zone_name_is_no_town(run_places):
    d = run_places("Protesters gathered outside the Green Zone in Baghdad.")
    assert "United States" not in {p.country for p in d.places}
    assert d.extras["focus_iso2"] == "IQ"


def test_places_bracketed_province_qualifies_the_town_before_it(run_places):
    d = run_places("Gunmen stormed Gwoza (Borno) at dawn.")
    gwoza, borno = place(d, "Gwoza"), place(d, "Borno")
    assert (gwoza.admin1, gwoza.geo_precision) == ("Borno", 1)
    assert d.extras["place_hints"] == [borno.start]


def test_places_unit_word_before_a_bracket_says_the_name_is_a_district(run_places):
    d = run_places("Bandits raided Tsafe LGA (Zamfara) at night.")
    tsafe = place(d, "Tsafe")
    assert (tsafe.feature, tsafe.admin1) == ("admin2", "Zamfara")


def test_places_bracket_picks_the_namesake_inside_the_unit(run_places):
    d = run_places("Police posts in Nawa district (Helmand) were overrun.")
    assert place(d, "Nawa district").admin1 == "Helmand"  # not Nawah district of Ghazni


def test_places_bracketed_name_is_the_unit_that_holds_the_town(run_places):
    d = run_places("Shelling hit Borodianka (Kyiv) overnight.")
    town, unit = place(d, "Borodianka"), place(d, "Kyiv")
    assert unit.feature == "admin1" and unit.admin1 == town.admin1  # Kyiv oblast, not Kyiv city


def test_places_unknown_village_before_a_bracket_is_kept_unresolved(run_places):
    d = run_places("Rebels burned houses in the village of Kizorvala (Beni, North Kivu).")
    assert place(d, "Kizorvala").unresolved_reason
    assert d.extras["place_hints"] == [place(d, "Beni").start, place(d, "North Kivu").start]


def test_places_the_village_of_a_name_is_that_village(run_places):
    d = run_places("Militants burned houses in the village of Chibok.")
    assert place(d, "Chibok").geo_precision == 1


def test_places_town_is_not_its_namesake_district(run_places):
    d = run_places("Insurgents raided a school in Chibok, Borno.")
    assert place(d, "Chibok").feature == "town"


def test_places_name_the_ner_calls_a_people_after_in_is_a_place(run_places):
    d = run_places("Flooding displaced families in Kasese.")
    assert place(d, "Kasese").country == "Uganda"


def test_places_name_written_longer_than_the_gazetteers_keeps_the_written_form(run_places):
    d = run_places("Police arrested three men in Lakki Marwat on Friday.")
    town = place(d, "Lakki Marwat")
    assert (town.name, town.admin1) == ("Lakki Marwat", "Khyber Pakhtunkhwa")  # not the short "Lakki"


def test_places_an_armed_forces_nationality_is_who_acts_not_where(run_places):
    d = run_places("On 24 March 2022, Russian forces shelled Donetsk. Casualties unknown.")
    assert place(d, "Donetsk").country == "Ukraine"
    # a group's name among the demonyms ("Houthi forces") is no foreign nationality: Yemen stays the focus
    d = run_places("On 30 June 2022, Houthi forces shelled positions in Hays district.")
    assert d.extras["focus_country"] == "Yemen"


def test_places_a_word_of_an_unknown_longer_name_is_partial(run_places):
    d = run_places("On 7 May 2022, in San Juan Qwzxtepec, Mexico, two individuals shot at a merchant.")
    partial = [p.start for p in d.places if p.text == "San Juan"]
    assert partial and d.extras["places_partial"] == partial


def test_places_a_name_joined_by_do_is_one_place(run_places):
    """'Natal (Rio Grande do Norte)', 'Campo Novo do Parecis': the NER cuts them; the gazetteer knows them whole."""
    doc = run_places("On 3 May 2022, in Natal (Rio Grande do Norte), a man was shot dead. "
                     "A shoot-out took place in Campo Novo do Parecis (Mato Grosso).")
    by_text = {p.text: p for p in doc.places}
    assert "Rio Grande" not in by_text and "Norte" not in by_text and "Campo Novo" not in by_text
    assert (by_text["Rio Grande do Norte"].feature, by_text["Rio Grande do Norte"].country) == ("admin1", "Brazil")
    assert by_text["Natal"].admin1 == "Rio Grande do Norte"
    assert by_text["Campo Novo do Parecis"].admin1 == "Mato Grosso"


def test_places_the_province_a_bracket_ends_with_is_the_event_admin1(run_places):
    """'Timika town (Mimika regency, Papua province)': the gazetteer has Timika in Papua Tengah, split off in
    2022; ACLED codes the province the note writes."""
    d = run_places("On 1 April 2022, hundreds of Papuans held a protest in Timika town (Mimika regency, "
                   "Papua province).")
    assert place(d, "Timika").admin1 == place(d, "Papua province").admin1


def test_places_bracket_province_rule_keeps_a_place_in_another_country() -> None:
    """Only a unit of the same country is rewritten: a bracket's province abroad says nothing of the place."""
    from sitrep.gazetteer.containers import bracket_provinces
    from sitrep.gazetteer.resolve import Toponym
    from sitrep.model import Place

    gaz = load_gazetteer()
    timika = next(c for c in gaz.lookup("Timika") if c.feature == "town")
    papua = next(c for c in gaz.lookup("Papua") if c.feature == "admin1")
    popua = next(c for c in gaz.lookup("Popua") if c.cc != "ID")
    town = Toponym("Timika", 0, 6, entry=timika)
    unit = Toponym("Papua province", 8, 22, entry=papua, admin_hint=town)
    places = [Place(text="Timika", start=0, end=6, admin1="Papua Tengah"),
              Place(text="Papua province", start=8, end=22, admin1="Papua")]
    bracket_provinces([town, unit], places)
    assert places[0].admin1 == "Papua"
    other = Toponym("Popua", 0, 5, entry=popua)
    unit2 = Toponym("Papua province", 7, 21, entry=papua, admin_hint=other)
    places2 = [Place(text="Popua", start=0, end=5, admin1="Tongatapu"),
               Place(text="Papua province", start=7, end=21, admin1="Papua")]
    bracket_provinces([other, unit2], places2)
    assert places2[0].admin1 == "Tongatapu"


def test_places_a_type_word_alone_names_no_place(run_places):
    """'Region 14, Addis Ababa': 'Region' is no alias of a Philippine region."""
    d = run_places("Police arrested 54 officials in Region 14, Addis Ababa.")
    assert all(p.text != "Region" for p in d.places)
    assert any(p.text == "Addis Ababa" and p.country == "Ethiopia" for p in d.places)


def test_places_a_partys_name_is_no_place(run_places):
    """'Svoboda party' is a party, not the village of Svoboda; Kiev is still where the protest was."""
    d = run_places("On 25 January 2022, representatives of Svoboda party protested outside the Constitutional "
                   "Court of Ukraine in Kiev.")
    assert not any(p.text == "Svoboda" for p in d.places)
    assert place(d, "Kiev").country == "Ukraine"


def test_places_an_untagged_town_of_one_country_is_found_whatever_the_verb(run_places):
    """'surround Timbuktu': no locative word, a town under 100,000 people, known in Mali only."""
    d = run_places("Movement of forces: Tuareg rebels surround Timbuktu and attack at dawn.")
    assert place(d, "Timbuktu").country == "Mali"


def test_places_a_village_the_ner_took_for_a_people_is_a_place_after_village_of(run_places):
    d = run_places("On June 11, unknown gunmen abducted and raped two women in the village of Belehede.")
    belehede = place(d, "Belehede")
    assert belehede.country == "Burkina Faso"


def test_places_a_people_named_after_ethnic_is_no_place(run_places):
    d = run_places("Suspected FPRC forces killed the chief of Birao, an ethnic Kara.")
    texts = [p.text for p in d.places]
    assert "Birao" in texts and "Kara" not in texts


def test_places_a_name_the_ner_took_for_an_organisation_is_a_town_before_town(run_places):
    d = run_places("An unidentified armed group abducted and killed 14 civilians in the area surrounding Obo town.")
    obo = place(d, "Obo")
    assert obo.country == "Central African Republic"


def test_places_province_after_a_comma_is_a_place_whatever_the_ner_calls_it(run_places):
    """"Amou, Kemo": the NER calls "Kemo" a person, but ACLED's name of Kémo prefecture is a province, not a
    small place's other name the person filter drops."""
    d = run_places("Armed pastoralists fired at two men 5 km from Amou, Kemo, killing one of them.")
    kemo = place(d, "Kemo")
    assert (kemo.feature, kemo.country) == ("admin1", "Central African Republic")


def test_a_city_the_ner_took_for_a_language_is_a_place_after_in(run_places):
    """"killed ... in Tunis": the NER tags Tunis a language; after "in" a city of that name is the place. A
    language's name stays none ("published in English and in Arabic")."""
    d = run_places('A police commander was stabbed in the neck and killed by an "Islamist extremist" in Tunis.')
    assert [(p.text, p.country) for p in d.places] == [("Tunis", "Tunisia")]
    d = run_places("The report was published in English and in Arabic by the ministry.")
    assert d.places == []


def test_a_lower_case_arabic_article_opens_a_place_name_after_a_locative(run_places):
    """"in al Arish": the NER took "al Arish" for a people; after "in" it is the Sinai town."""
    d = run_places("Two gunmen were killed in clashes while attempting to attack a checkpoint in al Arish.")
    assert [(p.text, p.country) for p in d.places] == [("al Arish", "Egypt")]
