"""State force units the dictionary lacks, named after their force and its period as ACLED does."""

from sitrep.actors import Context, Tok, get_matcher
from sitrep.actors.dictionary import tokenize
from sitrep.actors.state_units import state_unit, unit_kind


def test_a_units_name_says_which_force_it_belongs_to() -> None:
    assert unit_kind("Lakeside Regional Police Force") == "police"
    assert unit_kind("Directorate of Military Intelligence") == "military"
    assert unit_kind("9th Mechanised Brigade") == "military"
    assert unit_kind("Air Forces") == "military"
    assert unit_kind("Unidentified Gang and/or Police Militia") is None
    assert unit_kind("Eastern Liberation Front") is None


def test_a_regional_police_force_is_a_unit_of_the_countrys_police_in_the_events_period(names_with_org) -> None:
    text = "Fighters attacked the Lakeside Regional Police Force near the town."
    found = names_with_org(text, "Lakeside Regional Police Force", "Somalia", 2023)
    assert "Police Forces of Somalia (2022-) Lakeside Regional Police Force" in found


def test_a_numbered_formation_is_a_unit_of_the_countrys_military(names_with_org) -> None:
    text = "The 9th Mechanised Brigade shelled rebel positions."
    assert "Military Forces of Syria (2000-2024) 9th Mechanised Brigade" in names_with_org(text, "9th Mechanised Brigade", "Syria", 2022)


def test_a_force_named_with_its_country_is_the_force_itself() -> None:
    assert state_unit("Haitian National Police", "Haiti", 2022, get_matcher().index) is None


def test_an_intelligence_service_without_an_armed_head_word_is_a_unit_too(names_with_org) -> None:
    text = "The Bureau of Frontier Intelligence detained two journalists."
    found = names_with_org(text, "Bureau of Frontier Intelligence", "Afghanistan", 2022)
    assert "Military Forces of Afghanistan (2021-) Bureau of Frontier Intelligence" in found


def test_a_states_organisation_that_is_no_unit_of_its_forces_is_no_actor_of_its_own(names_with_org) -> None:
    text = "Officers of the Ruritanian Police Service arrested a suspect."
    assert "Ruritanian Police Service" not in names_with_org(text, "Ruritanian Police Service", "Kenya", 2022)


def plain(text: str, country: str, year: int) -> list[str]:
    toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
    return [m.name for m in get_matcher().scan(toks, Context(focus=country, countries={country}, year=year))]


def test_a_force_in_revolt_is_its_mutiny() -> None:
    assert plain("mutinying soldiers looted shops in the capital", "Mali", 2022) == ["Mutiny of Military Forces of Mali (2021-)"]
    assert plain("soldiers looted shops in the capital", "Mali", 2022) == ["Military Forces of Mali (2021-)"]


def test_a_force_named_by_the_country_after_it_is_that_countrys() -> None:
    assert plain("the military forces of Chad attacked a village", "Sudan", 2022) == ["Military Forces of Chad (2021-)"]
    assert plain("troops from Burundi attacked a village", "Democratic Republic of Congo", 2022) == [
        "Military Forces of Burundi (2020-)"]
    # a town after "from" says where they came from, not whose they are
    assert plain("soldiers from Kidal patrolled", "Mali", 2022) == ["Military Forces of Mali (2021-)"]
