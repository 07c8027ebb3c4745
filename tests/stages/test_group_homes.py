"""A lone place far abroad of every country the article's named groups are known in locates nothing."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.model import Actor, Article, Document, Event, Place
from sitrep.stages.geocode import Geocoder
from sitrep.stages.group_homes import group_homes, lone_abroad

MALI, BURKINA, NIGER = 466, 854, 562
# "JNIM militants ... in the village of Nama": the gazetteer's only Nama is a Philippine village
NAMA = Place(text="Nama", start=60, end=64, latitude=17.1, longitude=120.6, iso=608, country="Philippines",
             name="Nama", admin1="Ilocos", feature="town", geo_precision=1, sent=0)
# "... a truck leaving Gao for Ayorou": a town just across the border of a group's country
AYOROU = Place(text="Ayorou", start=60, end=66, latitude=14.73, longitude=0.92, iso=NIGER, country="Niger",
               name="Ayorou", admin1="Tillaberi", feature="town", geo_precision=1, sent=0)


def _event() -> Event:
    return Event(evidence={"sentence": [0, 80], "trigger": [20, 28]})


def test_a_namesake_far_from_every_group_locates_nothing_without_a_best_country() -> None:
    ev = _event()
    Geocoder(load_gazetteer()).locate(ev, [NAMA], None, 608, "PH", article_cc="PH",
                                      groups=(frozenset({MALI}), None))  # Mali has no place named Nama
    assert (ev.country, ev.location) == (None, None)


def test_a_namesake_far_from_every_group_moves_to_the_place_of_that_name_where_a_group_acts() -> None:
    ev = _event()
    Geocoder(load_gazetteer()).locate(ev, [NAMA], None, 608, "PH", article_cc="PH",
                                      groups=(frozenset({MALI, BURKINA}), None))
    assert (ev.country, ev.location) == ("Burkina Faso", "Nama")


def test_a_namesake_far_from_every_group_gives_way_to_the_groups_best_country() -> None:
    ev = _event()
    Geocoder(load_gazetteer()).locate(ev, [NAMA], None, 608, "PH", article_cc="PH",
                                      groups=(frozenset({MALI}), "ML"))
    assert (ev.country, ev.location, ev.geo_precision) == ("Mali", "Mali", 3)


def test_a_place_beside_a_groups_country_keeps_its_country() -> None:
    ev = _event()
    Geocoder(load_gazetteer()).locate(ev, [AYOROU], None, NIGER, "NE", article_cc="NE",
                                      groups=(frozenset({MALI}), "ML"))
    assert (ev.country, ev.location) == ("Niger", "Ayorou")


def test_a_place_in_a_groups_country_makes_no_namesake_of_the_other() -> None:
    gao = Place(text="Gao", start=10, end=13, latitude=16.27, longitude=-0.04, iso=MALI, country="Mali",
                name="Gao", admin1="Gao", feature="town", geo_precision=1, sent=0)
    assert not lone_abroad(NAMA, [gao, NAMA], frozenset({MALI}))
    assert lone_abroad(NAMA, [NAMA], frozenset({MALI}))


def _document(*actors: Actor) -> Document:
    document = Document(article=Article(text="x"))
    document.actors = list(actors)
    return document


def test_group_homes_are_the_named_groups_countries() -> None:
    macina = Actor(text="Katiba Macina", name="Katiba Macina", kind="named", inter=2, start=0, end=1)
    assert group_homes(_document(macina)) == {"Mali"}


def test_state_forces_and_generic_actors_say_nothing_and_an_unknown_group_rules_nothing_out() -> None:
    state = Actor(text="French forces", name="Military Forces of France (2017-)", kind="named", inter=1, start=0, end=1)
    villagers = Actor(text="villagers", name="Civilians (Mali)", kind="generic", start=0, end=1)
    assert group_homes(_document(state, villagers)) == frozenset()
    unknown = Actor(text="Front X", name="No Such Front", kind="named", inter=2, start=0, end=1)
    macina = Actor(text="Katiba Macina", name="Katiba Macina", kind="named", inter=2, start=0, end=1)
    assert group_homes(_document(macina, unknown)) == frozenset()
