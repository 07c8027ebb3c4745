"""The actor dictionary as data: normalising strings, user data files adding and overriding rows."""

from __future__ import annotations

import re

import pytest

import sitrep
from sitrep import actors
from sitrep.actors import normalise_actor
from sitrep.actors.dictionary import STATE_KINDS, _read_rows
from sitrep.errors import SitrepError
from sitrep.resources import PACKAGE_DATA


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
        ("ISWAP", "Nigeria", "Islamic State (West Africa) - Lake Chad Faction", 2),  # its name since 2022
        ("Rapid Support Forces", "Sudan", "RSF: Rapid Support Forces", 2),
        ("M23 rebels", "Democratic Republic of Congo", "M23: March 23 Movement", 2),
        ("Tatmadaw", "Myanmar", "Military Forces of Myanmar (2021-)", 1),
        ("Jalisco New Generation Cartel", "Mexico", "CJNG: Jalisco New Generation Cartel", 3),
        ("FARC dissidents", "Colombia", "EMC: FARC Central General Staff", 2),
        ("Hamas", "Palestine", "Hamas Movement", 2),
        ("tribesmen", "Yemen", "Unidentified Tribal Militia (Yemen)", 4),
        ("demonstrators", "Kenya", "Protesters (Kenya)", 6),
        ("unknown assailants", "Pakistan", "Unidentified Armed Group (Pakistan)", 3),
        ("Dozos", "Burkina Faso", "Dozo Militia", 4),  # hunters, in Burkina Faso as in Mali: not Dan Na Ambassagou
        ("Dozo hunters", "Mali", "Dozo Militia", 4),
        ("Dan Na Ambassagou", "Mali", "Dan Na Ambassagou", 4),
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


# ---- periods of state forces (ACLED names a state's forces by the government in power) ----

# States that did not exist for the whole span: South Sudan's forces begin with the autonomous
# Government of Southern Sudan (2005), before independence (2011); Kosovo's with its independence (2008),
# after UN administration.
_FOUNDED = {"South Sudan": 2005, "Kosovo": 2008}
_STATE_NAME_PERIOD = re.compile(r"\((\d{4})-(\d{4})?\)$")


def _state_families() -> dict[tuple[str, str], list[tuple[str, int | None, int | None]]]:
    """(country, kind) -> [(name, start_year, end_year)] for the package file's state-force rows."""
    families: dict[tuple[str, str], list[tuple[str, int | None, int | None]]] = {}
    for rec in _read_rows("actors.csv", ("name", "inter"), [PACKAGE_DATA / "actors.csv"]):
        if rec.get("kind") not in STATE_KINDS:
            continue
        start = int(rec["start_year"]) if rec.get("start_year") else None
        end = int(rec["end_year"]) if rec.get("end_year") else None
        families.setdefault((rec["country"].split("|")[0], rec["kind"]), []).append((rec["name"], start, end))
    return families


def test_state_force_periods_cover_every_year_from_2000_to_2025():
    families = _state_families()
    assert len(families) > 150
    gaps = []
    for (country, kind), rows in sorted(families.items()):
        for year in range(max(2000, _FOUNDED.get(country, 2000)), 2026):
            if not any((s is None or s <= year) and (e is None or year <= e) for _, s, e in rows):
                gaps.append(f"{country} {kind} {year}")
    assert not gaps, gaps[:20]


def test_state_force_periods_meet_only_at_a_boundary_year():
    problems = []
    for (country, kind), rows in sorted(_state_families().items()):
        if sum(e is None for _, _, e in rows) > 1:
            problems.append(f"{country} {kind}: more than one open period")
        for i, (a, sa, ea) in enumerate(rows):
            for b, sb, eb in rows[i + 1 :]:
                overlap = min(ea or 9999, eb or 9999) - max(sa or 0, sb or 0)
                if overlap > 0:  # 0 = the shared boundary year of consecutive periods
                    problems.append(f"{a} / {b}")
    assert not problems, problems[:20]


def test_state_force_names_state_their_period():
    mismatched = []
    for rows in _state_families().values():
        for name, start, end in rows:
            m = _STATE_NAME_PERIOD.search(name)
            if m is None or (int(m.group(1)), int(m.group(2)) if m.group(2) else None) != (start, end):
                mismatched.append(name)
    assert not mismatched, mismatched[:20]


@pytest.mark.parametrize(
    ("text", "country", "year", "name"),
    [
        ("Nigerien army", "Niger", 2020, "Military Forces of Niger (2011-2021)"),
        ("Nigerien army", "Niger", 2005, "Military Forces of Niger (1999-2010)"),
        # a year when the government changed belongs to the new period
        ("Nigerien army", "Niger", 2021, "Military Forces of Niger (2021-2023)"),
        ("Nigerian police", "Nigeria", 2012, "Police Forces of Nigeria (2010-2015)"),
        ("Indian army", "India", 2010, "Military Forces of India (2004-2014)"),
        ("Iraqi army", "Iraq", 2008, "Military Forces of Iraq (2006-2014)"),
        ("Ethiopian army", "Ethiopia", 2016, "Military Forces of Ethiopia (1991-2018)"),
        ("South Sudanese army", "South Sudan", 2008, "Military Forces of Southern Sudan (2005-2011)"),
    ],
)
def test_earlier_periods_share_the_family_aliases(text, country, year, name):
    actor = normalise_actor(text, country, year=year)
    assert actor is not None and actor.name == name


def test_note_from_2020_names_the_period_of_its_year():
    result = sitrep.extract("On 8 May 2020, gunmen killed two soldiers in Diffa (Niger).", published="2020-05-10")
    assert [e.actor2 for e in result.events] == ["Military Forces of Niger (2011-2021)"]


@pytest.mark.parametrize(
    ("text", "country", "year", "name"),
    [
        ("Senegalese soldiers", "Senegal", 2021, "Military Forces of Senegal (2012-2024)"),
        ("SANDF", "South Africa", 2008, "Military Forces of South Africa (1994-)"),
        ("Zimbabwe Republic Police", "Zimbabwe", 2019, "Police Forces of Zimbabwe (2017-)"),
        ("Sri Lankan army", "Sri Lanka", 2009, "Military Forces of Sri Lanka (2005-2015)"),
        ("Tanzanian government", "Tanzania", 2020, "Government of Tanzania (2015-2021)"),
        ("FRCI", "Ivory Coast", 2011, "Military Forces of Ivory Coast (2011-)"),
        ("Carabineros", "Chile", 2019, "Police Forces of Chile (2018-2022)"),
    ],
)
def test_added_countries_name_state_forces_by_period(text, country, year, name):
    actor = normalise_actor(text, country, year=year)
    assert actor is not None and (actor.name, actor.inter) == (name, 1)


def test_senegalese_soldiers_in_2021_are_the_military_of_that_period():
    result = sitrep.extract(
        "On 12 March 2021, Senegalese soldiers clashed with MFDC rebels near Ziguinchor.", published="2021-03-13"
    )
    assert [e.actor1 for e in result.events] == ["Military Forces of Senegal (2012-2024)"]


def test_mined_templates_keep_only_phrases_in_their_own_words():
    from sitrep.actors import get_matcher

    generics = get_matcher().index.generics
    # "separatists" co-occurred with the Baloch in ACLED's notes but names no one by itself
    assert all("Baloch" not in g.name for g in generics.get(("separatists",), []))
    # "jobs" co-occurred with Labor Group protests; it is not who the protesters are
    assert all(not g.identity for g in generics.get(("jobs",), []))
    assert any("Murle" in g.name for g in generics.get(("murle",), []))


def test_volunteer_fighters_are_the_vdp_in_burkina_faso_only():
    actor = normalise_actor("volunteer fighters", "Burkina Faso", 2020)
    assert actor is not None and actor.name == "VDP: Volunteer for Defense of Homeland"
    other = normalise_actor("volunteer fighters", "Ukraine", 2022)
    assert other is None or not other.name.startswith("VDP")


def test_an_either_or_actors_mined_phrases_name_both_or_none():
    """ACLED's "A and/or B" keeps no mined phrase that names one part alone ("ISGS militants", "JNIM")."""
    from sitrep.actors.dictionary import _mined_aliases

    row = {"name": "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
           "aliases": "JNIM|ISGS militants|JNIM and/or ISGS|JNIM or ISGS militants"}
    assert _mined_aliases(row) == ["~JNIM and/or ISGS", "~JNIM or ISGS militants"]


def test_acled_note_wording_for_unknown_attackers():
    from sitrep.actors import normalise_actor

    for text in ("two armed individuals", "an armed individual", "unidentified perpetrators"):
        actor = normalise_actor(text, "Brazil", 2022)
        assert actor is not None and actor.name == "Unidentified Armed Group (Brazil)", text


def test_a_state_units_own_name_and_its_plural_name_the_unit_in_its_country():
    from sitrep.actors.dictionary import _unit_aliases
    assert _unit_aliases("Military Forces of Somalia (2022-) Jubaland Security Force") == [
        "~Jubaland Security Force", "~Jubaland Security Forces"]
    assert _unit_aliases("Police Forces of Brazil (2019-) Military Police") == ["~Military Police"]
    assert _unit_aliases("Military Forces of Somalia (2022-)") == []
    assert _unit_aliases("Al Shabaab") == []


def test_the_stem_of_a_name_written_with_its_country_names_it_in_that_country():
    from sitrep.actors.dictionary import _unit_aliases
    assert _unit_aliases("Opposition Rebels (Syria)") == ["~Opposition Rebels"]
    assert _unit_aliases("Unidentified Armed Group (Nigeria)") == []
