"""Actors stage: state-force sub-units ACLED names after the force, and parties or unions the note names by
their members."""

from __future__ import annotations

import pytest

from sitrep.model import Article, Document
from sitrep.registry import get
from sitrep.stages.nlp import load_model


@pytest.fixture(scope="module")
def run_actors():
    nlp = load_model()
    stage = get("sitrep.actors.v1").factory({})

    def run(text: str, focus: str | None = None, published: str = "2023-05-10") -> list:
        document = Document(article=Article(text=text, published=published, country=focus))
        document.doc = nlp(text)
        stage([document])
        return document.actors

    return run


def test_gendarmes_are_the_gendarmerie_of_the_countrys_police(run_actors):
    actors = run_actors("Gunmen attacked gendarmes at a checkpoint near Kayes.", focus="Mali")
    assert [a.name for a in actors if a.text == "gendarmes"] == ["Police Forces of Mali (2021-) Gendarmerie"]


def test_where_acled_puts_the_gendarmerie_under_the_army_so_do_we(run_actors):
    actors = run_actors("Gunmen attacked gendarmes at a checkpoint near Bouar.", focus="Central African Republic")
    names = [a.name for a in actors if a.text == "gendarmes"]
    assert len(names) == 1 and names[0].startswith("Military Forces of the Central African Republic (")
    assert names[0].endswith(") Gendarmerie")


def test_a_nationality_word_gives_the_gendarmeries_country(run_actors):
    actors = run_actors("Nigerien gendarmerie arrested two smugglers.")
    assert [a.name.endswith(") Gendarmerie") and "Niger" in a.name for a in actors if "gendarmerie" in a.text] == [True]


def test_the_presidential_guard_is_the_armys_presidential_security_unit(run_actors):
    actors = run_actors("Members of the presidential guard shot two civilians in Bangui.", focus="Central African Republic")
    names = [a.name for a in actors if "guard" in a.text]
    assert len(names) == 1 and names[0].startswith("Military Forces of the Central African Republic (")
    assert names[0].endswith(") Presidential Security Unit")


def test_members_of_the_named_party_make_it_an_actor(run_actors):
    actors = run_actors("On 30 April 2022, members of the Assam Jatiya Parishad staged a demonstration in Hojai "
                        "district (Assam) against rising prices.", focus="India")
    assert "AJP: Assam Jatiya Parishad" in [a.name for a in actors if a.kind == "unlisted"]


def test_every_party_of_a_list_after_members_of_is_an_actor(run_actors):
    actors = run_actors("On 19 November 2023, members of Gana Adhikar Party, Liberal Democratic Party, Left "
                        "Democratic Alliance, and Gano Forum staged a protest rally in Dhaka.", focus="Bangladesh")
    names = {a.name for a in actors}
    assert {"LDP: Liberal Democratic Party", "LDA: Left Democratic Alliance", "GF: Gano Forum"} <= names


def test_the_organisation_that_called_a_crowd_is_an_actor(run_actors):
    actors = run_actors("On 13 May 2022, retired teachers organized by the Tawana Teachers Welfare Association "
                        "protested in front of the education office in Gaborone.", focus="Botswana")
    assert "TTWA: Tawana Teachers Welfare Association" in [a.name for a in actors if a.kind == "unlisted"]
    # named without its people or a call, an association is an addressee ("wrote to the ... Association")
    actors = run_actors("On 13 May 2022, retired teachers wrote to the Tawana Teachers Welfare Association about "
                        "their pensions in Gaborone.", focus="Botswana")
    assert not [a for a in actors if a.kind == "unlisted"]


def test_another_countrys_party_inside_the_name_does_not_hide_it(run_actors):
    # "Communist Party" alone is Russia's KPRF in the record, and holds only where Russia is in question
    actors = run_actors("On 1 June 2022, members of the Communist Party of Botswana staged a protest in Gaborone.",
                        focus="Botswana")
    assert [a.name for a in actors if "Communist" in a.text] == ["CPB: Communist Party of Botswana"]


def test_a_national_guard_is_the_army_where_the_record_codes_it_so(run_actors):
    actors = run_actors("Gunmen attacked a National Guard post near Menaka.", focus="Mali")
    assert [a.name for a in actors if "National Guard" in a.text] == ["Military Forces of Mali (2021-)"]
    actors = run_actors("The National Guard arrested three men in Celaya.", focus="Mexico")
    assert [a.name.endswith(") National Guard") and "Police Forces of Mexico" in a.name
            for a in actors if "National Guard" in a.text] == [True]


def test_a_possessive_is_no_part_of_an_unlisted_name(run_actors):
    actors = run_actors("Clashes erupted after Al Mu'tasim Brigade's attempt to detain fighters of Ahrar al "
                        "Sharqiyah in Afrin.", focus="Syria", published="2022-06-12")
    assert all(not a.name.endswith("'s") for a in actors)


def test_the_assailants_after_a_named_group_are_that_group(run_actors):
    actors = run_actors("On April 26, presumed JNIM militants opened fire in the village of Toulfe, the assailants "
                        "burned a bar and seized three motorbikes.", focus="Burkina Faso", published="2020-04-26")
    assert by_text(actors)["the assailants"].name == "JNIM: Group for Support of Islam and Muslims"
    actors = run_actors("The assailants burned a bar in Toulfe.", focus="Burkina Faso", published="2020-04-26")
    assert [a.name for a in actors if "assailants" in a.text] == ["Unidentified Armed Group (Burkina Faso)"]


def by_text(actors):
    return {a.text: a for a in actors}


def test_a_nationality_shares_the_forces_of_the_named_group_beside_it(run_actors):
    actors = run_actors("On 17 June 2022, Turkish and JWS forces shelled YPG positions in Menagh town.", focus="Syria",
                        published="2022-06-17")
    assert [a.name for a in actors if a.text == "Turkish"] == ["Military Forces of Turkey (2016-)"]


def test_a_comma_typed_without_its_space_still_leaves_the_actor_after_it(run_actors):
    actors = run_actors("On 3 April 2022,Turkish forces shelled a village near Qamishli.", focus="Syria",
                        published="2022-04-03")
    assert "Military Forces of Turkey (2016-)" in [a.name for a in actors]
