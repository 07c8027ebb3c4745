"""Places stage: what a note's wording says about where a name is (a province typed with its unit word, a
place near another, a country named as a border, a town's region)."""

from __future__ import annotations

from sitrep.model import Document


def _place(document: Document, text: str):
    return next(p for p in document.places if p.text == text)


def test_a_province_typed_with_its_unit_word_is_no_weak_alias_abroad(run_places):
    d = run_places("Unknown gunmen opened fire on the gendarmerie in Tangoudi, Kossi Province near the Mali border.")
    kossi = _place(d, "Kossi Province")
    assert kossi.country == "Burkina Faso" and kossi.latitude is not None


def test_a_country_named_as_a_border_is_not_the_focus(run_places):
    d = run_places("Militants attacked a checkpoint in the area of Tangoudi, Tapoa Province, a few kilometers from "
                   "the Niger border.")
    assert d.extras["focus_country"] == "Burkina Faso"


def test_a_place_said_to_be_near_another_is_no_namesake_far_from_it(run_places):
    d = run_places("An employee of the mayor's office in Salem, north of Timbuktu, was abducted by gunmen.")
    assert _place(d, "Timbuktu").country == "Mali"
    salem = _place(d, "Salem")
    assert salem.country in (None, "Mali")


def test_a_town_name_before_a_unit_word_is_a_place(run_places):
    d = run_places("Two soldiers were wounded in a second attack in the market town of Tangoudi, in the Timbuktu "
                   "region.")
    assert _place(d, "Timbuktu").country == "Mali"




def test_a_town_before_a_spaced_dash_and_a_part_of_it_is_where_things_happen(run_places):
    """ACLED's 'City - Neighbourhood': the city is a place of its own, neither a word of a longer unknown name nor
    the town a body is named after."""
    d = run_places("On 15 May, a child was abducted by unidentified armed men in Goma - Kanyamuhanga (Nord-Kivu).")
    goma = _place(d, "Goma")
    assert goma.country == "Democratic Republic of Congo"
    assert goma.start not in d.extras["places_in_names"]
    d = run_places("On 3 May, police arrested two men in Bangui - Boy-Rabe.")
    assert _place(d, "Bangui").start not in d.extras["places_partial"]


def test_a_unit_named_by_a_generic_word_abroad_does_not_rule_out_the_place(run_places):
    """'Capital' is known to the gazetteer only as Argentina's La Capital, 'South' as provinces of Cameroon, Iceland
    and Rwanda: such a bracket picks among a place's namesakes but never leaves it unresolved."""
    d = run_places("On 14 February 2022, protesters demonstrated in Sitrah (Capital) against the visit.")
    assert _place(d, "Sitrah").country == "Bahrain"
    d = run_places("On 25 February 2022, soldiers shot a man in Dagon Myothit (South) township.")
    assert _place(d, "Dagon Myothit").country == "Myanmar"


def test_a_misspelt_unit_read_abroad_does_not_rule_out_the_place(run_places):
    """'Ouka' (Ouaka misspelt) matches only Utah, by an approximate spelling: it leaves Ippy where it is."""
    d = run_places("On 24 October 2020, UPC forces abducted a soldier in Ippy (Ippy, Ouka).")
    ippy = _place(d, "Ippy")
    assert (ippy.country, ippy.admin1) == ("Central African Republic", "Ouaka")


def test_a_name_before_department_is_the_department(run_places):
    """'Santa Ana department, Santa Ana': the unit word asks for El Salvador's department, not California's city."""
    d = run_places("On 18 May 2022, in Santa Ana department, Santa Ana, police arrested at least 64 gang members.")
    assert {p.country for p in d.places if p.text.startswith("Santa Ana")} == {"El Salvador"}
    d = run_places("ELN militants clashed with the army in Cordoba department.")  # not Argentina's Cordoba
    assert _place(d, "Cordoba department").country == "Colombia"


def test_a_regency_in_acleds_bracket_is_a_unit_of_the_place_before(run_places):
    """'Beoga district (Puncak regency, Papua province)': Indonesia's regencies are units, so the bracket is read
    and the province it ends with is the admin1 ACLED writes (GeoNames puts Beoga in the newer Central Papua)."""
    d = run_places("On 3 March 2022, an armed clash broke out in Beoga district (Puncak regency, Papua province).")
    beoga = next(p for p in d.places if p.text.startswith("Beoga"))
    assert beoga.admin1 == "Papua"
    assert any(p.text.startswith("Puncak") for p in d.places)


def test_a_compass_word_after_a_comma_does_not_rule_out_the_place(run_places):
    """'(Tripoli, North)': 'North' names provinces of Cameroon and Rwanda here, Lebanon's under another name; the
    town before it is still resolved, and an NER span across the bracket ('Tripoli (Tripoli') is two names."""
    d = run_places("On 4 May 2019, clashes erupted in Bab al-Tabbaneh (Tripoli, North) between two families.")
    assert _place(d, "Tripoli").latitude is not None
    d = run_places("On 4 May 2019, a man was shot dead in Tripoli (Tripoli, North) by unknown gunmen.")
    assert all("(" not in p.text for p in d.places)
    assert [p.text for p in d.places if p.text == "Tripoli"] == ["Tripoli", "Tripoli"]
