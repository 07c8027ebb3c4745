"""The actor dictionary as data: normalising strings, user data files adding and overriding rows."""

from __future__ import annotations

import pytest

from sitrep import actors
from sitrep.actors import normalise_actor
from sitrep.errors import SitrepError


@pytest.fixture
def user_data(tmp_path, monkeypatch):
    """A user data folder on SITREP_DATA_PATH; the matcher is rebuilt for it and afterwards."""
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    actors.reload()
    yield tmp_path
    monkeypatch.delenv("SITREP_DATA_PATH")
    actors.reload()


@pytest.mark.parametrize(
    ("text", "country", "name", "inter"),
    [
        ("ISIL", "Iraq", "Islamic State (Iraq)", 2),
        ("Daesh", "Syria", "Islamic State (Syria)", 2),
        ("the Islamic State group", "Iraq", "Islamic State (Iraq)", 2),
        ("al-Hashd al-Shaabi", "Iraq", "PMF: Popular Mobilization Forces", 3),
        ("Popular Mobilization Units", "Iraq", "PMF: Popular Mobilization Forces", 3),
        ("Iraqi army", None, "Military Forces of Iraq (2018-)", 1),
        ("Iraq's army", None, "Military Forces of Iraq (2018-)", 1),
        ("Ansar Allah", "Yemen", "Military Forces of Yemen (2017-) Houthi", 1),
        ("JNIM", "Burkina Faso", "JNIM: Group for Support of Islam and Muslims", 2),
        ("ISWAP", "Nigeria", "Islamic State (West Africa)", 2),
        ("Rapid Support Forces", "Sudan", "RSF: Rapid Support Forces", 2),
        ("M23 rebels", "Democratic Republic of Congo", "M23: March 23 Movement", 2),
        ("Tatmadaw", "Myanmar", "Military Forces of Myanmar (2021-)", 1),
        ("Jalisco New Generation Cartel", "Mexico", "CJNG: Jalisco New Generation Cartel", 3),
        ("FARC dissidents", "Colombia", "EMC: FARC Central General Staff", 2),
        ("Hamas", "Palestine", "Hamas Movement", 2),
        ("tribesmen", "Yemen", "Unidentified Tribal Militia (Yemen)", 4),
        ("demonstrators", "Kenya", "Protesters (Kenya)", 6),
        ("unknown assailants", "Pakistan", "Unidentified Armed Group (Pakistan)", 3),
    ],
)
def test_normalise_actor_maps_aliases_to_acled_names(text, country, name, inter):
    actor = normalise_actor(text, country)
    assert actor is not None, text
    assert (actor.name, actor.inter) == (name, inter)


def test_normalise_actor_returns_none_for_non_actors():
    assert normalise_actor("the weather was fine", "Iraq") is None
    assert normalise_actor("it is what it is") is None


def test_russian_forces_are_external_outside_russia():
    inside = normalise_actor("Russian forces", "Russia")
    outside = normalise_actor("Russian forces", "Ukraine")
    assert inside is not None and outside is not None
    assert inside.name == outside.name == "Military Forces of Russia (2000-)"
    assert (inside.inter, outside.inter) == (1, 8)


def test_user_actors_file_adds_and_overrides_rows(user_data):
    (user_data / "actors.csv").write_text(
        "name,aliases,inter,country,start_year,end_year,kind\n"
        "# a group the package does not know\n"
        "Ashab al-Kahf,Ashab al-Kahf|Companions of the Cave,2,Iraq,2019,,armed_group\n"
        "# override: this user codes the PMF as state forces\n"
        "PMF: Popular Mobilization Forces,PMU|Hashd,1,Iraq,2014,,armed_group\n",
        encoding="utf-8",
    )
    added = normalise_actor("Companions of the Cave", "Iraq")
    assert added is not None and (added.name, added.inter) == ("Ashab al-Kahf", 2)
    overridden = normalise_actor("PMU", "Iraq")
    assert overridden is not None and (overridden.name, overridden.inter) == ("PMF: Popular Mobilization Forces", 1)
    # the package's other rows are still there
    isis = normalise_actor("ISIS", "Iraq")
    assert isis is not None and isis.name == "Islamic State (Iraq)"


def test_user_generic_file_adds_patterns(user_data):
    (user_data / "generic_actors.csv").write_text(
        "pattern,name,inter,country,requires,confidence\nsmugglers,Unidentified Gang ({country}),3,,,0.8\n",
        encoding="utf-8",
    )
    actor = normalise_actor("smugglers", "Libya")
    assert actor is not None and actor.name == "Unidentified Gang (Libya)"


def test_invalid_user_file_raises_catalogue_error(user_data):
    (user_data / "actors.csv").write_text("name,aliases,inter\nBroken Group,Broken,eleven\n", encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        normalise_actor("Broken")
    assert info.value.code == "E302"
