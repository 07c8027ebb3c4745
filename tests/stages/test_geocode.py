"""Geocode stage: events take the place their evidence sentence names, else the nearest fitting one."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import load_gazetteer
from sitrep.model import Article, Document, Event, Place
from sitrep.registry import get

# Iraq is a held-out country: its provinces are spelled by the learned naming policy, not by hand
ANBAR = load_gazetteer().admin1_name("IQ.01")
SALAH_AD_DIN = load_gazetteer().admin1_name("IQ.18")
NINEWA = load_gazetteer().admin1_name("IQ.15")


TEXT = ("Iraqi troops deployed across Anbar. "                                   # sentence 0
        "On Monday militants attacked a checkpoint near Karmah, killing two. "    # sentence 1
        "Officials said the situation was calm. "                                 # sentence 2
        "A week earlier, a bomb exploded in Ramadi.")                             # sentence 3


@pytest.fixture(scope="module")
def stages():
    return [get(name).factory({}) for name in ("sitrep.nlp.v1", "sitrep.places.v1", "sitrep.geocode.v1")]


def sentence_span(text: str, needle: str) -> list[int]:
    start = text.index(needle)
    end = text.index(".", start) + 1
    return [start, end]


def run(stages, text: str, events: list[Event]) -> Document:
    document = Document(article=Article(text=text))
    nlp, places, geocode = stages
    nlp([document])
    places([document])
    document.events = events
    geocode([document])
    return document


def test_geocode_uses_the_place_in_the_evidence_sentence(stages):
    ev = Event(evidence={"sentence": sentence_span(TEXT, "On Monday")})
    run(stages, TEXT, [ev])
    assert (ev.location, ev.admin1, ev.admin2, ev.geo_precision) == ("Karmah", ANBAR, "Falluja District", 2)
    assert (ev.country, ev.iso, ev.region) == ("Iraq", 368, "Middle East")
    start, end = ev.evidence["location"]
    assert TEXT[start:end] == "Karmah"


def test_geocode_falls_back_to_the_nearest_fitting_place(stages):
    ev = Event(evidence={"sentence": sentence_span(TEXT, "Officials said")})
    run(stages, TEXT, [ev])
    assert ev.admin1 == ANBAR
    assert ev.location in ("Karmah", "Ramadi")  # one sentence away on either side
    assert ev.evidence["location"]


def test_geocode_prefers_the_most_precise_place_in_the_sentence(stages):
    text = "Militants shelled Ramadi in Anbar province on Friday."
    ev = Event(evidence={"sentence": [0, len(text)]})
    run(stages, text, [ev])
    assert (ev.location, ev.geo_precision) == ("Ramadi", 1)


def test_geocode_without_places_uses_the_focus_country_at_precision_three(stages):
    text = "Iraqi officials said militants attacked a convoy. No one was hurt."
    ev = Event(evidence={"sentence": [0, 49]})
    run(stages, text, [ev])
    assert (ev.country, ev.iso, ev.geo_precision, ev.location) == ("Iraq", 368, 3, "Iraq")
    assert "location" not in ev.evidence


def test_geocode_leaves_events_unlocated_when_nothing_is_known(stages):
    text = "Gunmen attacked a convoy. No one was hurt."
    ev = Event(evidence={"sentence": [0, 25]})
    run(stages, text, [ev])
    assert ev.latitude is None and ev.country is None


def test_geocode_seed_events_code_to_al_anbar(pipeline, seed_text):
    result = pipeline.process_batch([Article(text=seed_text, published="2024-05-01")])[0]
    located = [e for e in result.events if e.latitude is not None]
    if not result.events:
        pytest.skip("no events extracted from the seed by the events stage")
    assert located and all((e.country, e.admin1, e.geo_precision) == ("Iraq", ANBAR, 3) for e in located)


NOTES = [
    # (our own ACLED-style note, expected location, admin1, geo_precision)
    ("On 12 May 2024, ISIS militants attacked a PMF position near the village of Albu Bali, east of Ramadi, "
     "Al Anbar. Two fighters were killed.", "Ramadi", ANBAR, 2),
    ("On 3 June 2024, unidentified gunmen killed a shepherd 20 km south of Nukhayb in the Anbar desert.",
     "Nukhayb", ANBAR, 2),
    ("On 9 June 2024, a roadside bomb exploded on the outskirts of Tuz Khurmatu, Salah al-Din, wounding two "
     "soldiers.", "Tuz Khurmatu", SALAH_AD_DIN, 2),
    ("On 14 June 2024, Peshmerga forces clashed with ISIS militants near Makhmour in Ninewa.",
     "Makhmour", NINEWA, 2),
    ("On 20 June 2024, Syrian regime forces shelled Hajin in Deir ez-Zor, killing a child.",
     "Hajin", "Deir ez Zor", 1),
    ("On 2 July 2024, Iraqi security forces arrested an ISIS suspect in Kubaisa, Anbar.", "Kubaysa", ANBAR, 1),
]


@pytest.mark.parametrize(("note", "location", "admin1", "precision"), NOTES)
def test_geocode_acled_style_notes(stages, note, location, admin1, precision):
    ev = Event(evidence={"sentence": [0, len(note)]})
    run(stages, note, [ev])
    assert (ev.location, ev.admin1, ev.geo_precision) == (location, admin1, precision)


def test_geocode_city_in_an_organisation_name_locates_nothing_when_another_place_fits(stages):
    text = ("Militants attacked an army checkpoint near Karmah on Monday. "
            "Two soldiers died in the attack, The Washington Post reported.")
    ev = Event(evidence={"sentence": sentence_span(text, "Two soldiers")})
    run(stages, text, [ev])
    assert (ev.location, ev.country) == ("Karmah", "Iraq")


def test_geocode_bracketed_units_are_no_event_location(stages):
    text = "Gunmen abducted two traders near Gwoza (Borno) on Sunday."
    ev = Event(evidence={"sentence": [0, len(text)]})
    run(stages, text, [ev])
    assert (ev.location, ev.admin1, ev.geo_precision) == ("Gwoza", "Borno", 2)


def test_geocode_bracketed_town_of_an_unknown_village_is_precision_two(stages):
    text = "Rebels burned houses in the village of Kizorvala (Beni, North Kivu)."
    ev = Event(evidence={"sentence": [0, len(text)]})
    run(stages, text, [ev])
    assert (ev.location, ev.geo_precision) == ("Beni", 2)


def _place(text: str, start: int, **kw) -> Place:
    return Place(text=text, start=start, end=start + len(text), latitude=1.0, longitude=1.0, iso=760,
                 country="Syria", **kw)


def test_geocode_passes_over_a_word_of_an_unknown_longer_name() -> None:
    """'Tal Tamer town in Al Hasakeh': 'Tal' alone is another place; the governorate's town locates the event."""
    from sitrep.stages.geocode import Geocoder

    tal = _place("Tal", 40, name="At Tall", admin1="Rural Damascus", feature="town", geo_precision=1, sent=0)
    hasakeh = _place("Al Hasakeh", 60, name="Al Hasakah", admin1="Al Hasakeh", feature="town", geo_precision=1,
                     sent=0)
    ev = Event(evidence={"sentence": [0, 90], "trigger": [20, 28]})
    Geocoder(load_gazetteer()).locate(ev, [tal, hasakeh], None, 760, "SY", partial=frozenset({40}))
    assert ev.location == "Al Hasakah"


def test_geocode_takes_the_town_the_article_names_inside_the_province() -> None:
    """'In Santa Fe y La Mar, Oaxaca, residents blocked ... the State Institute of Oaxaca': the town, not the
    province's centre."""
    from sitrep.stages.geocode import Geocoder

    town = _place("Santa Fe", 3, name="Santa Fe", admin1="Oaxaca", feature="town", geo_precision=1, sent=0)
    state = _place("Oaxaca", 120, name="Oaxaca", admin1="Oaxaca", feature="admin1", geo_precision=3, sent=1)
    ev = Event(evidence={"sentence": [100, 160], "trigger": [105, 110]})
    Geocoder(load_gazetteer()).locate(ev, [town, state], None, 760, "SY")
    assert (ev.location, ev.geo_precision) == ("Santa Fe", 1)


def test_geocode_the_units_of_an_unknown_place_are_where_the_event_is() -> None:
    """'Sanphe Bagar municipality (Achham district)' with Sanphe Bagar unknown: Achham, not a state abroad that
    'cadres of NC' named."""
    from sitrep.stages.geocode import Geocoder

    nc = Place(text="NC", start=40, end=42, latitude=35.5, longitude=-79.0, iso=840, country="United States",
               name="North Carolina", admin1="North Carolina", feature="admin1", geo_precision=3, sent=0)
    achham = Place(text="Achham", start=90, end=96, latitude=29.1, longitude=81.3, iso=524, country="Nepal",
                   name="Achham", admin1="Sudurpashchim", feature="admin2", geo_precision=2, sent=0)
    ev = Event(evidence={"sentence": [0, 120], "trigger": [50, 55]})
    Geocoder(load_gazetteer()).locate(ev, [nc, achham], None, 840, "US", hints=frozenset({90}),
                                      open_hints=frozenset({90}))
    assert (ev.location, ev.admin1, ev.geo_precision) == ("Achham", "Sudurpashchim", 2)


def test_geocode_a_sea_event_takes_the_article_country() -> None:
    """'Houthi forces fired missiles at a tanker in the Red Sea': ACLED codes it to Yemen, with no admin1."""
    from sitrep.stages.geocode import Geocoder

    sea = Place(text="Red Sea", start=50, end=57, latitude=20.0, longitude=38.5, iso=None, country=None,
                name="Red Sea", feature="sea", geo_precision=3, sent=0)
    ev = Event(evidence={"sentence": [0, 60], "trigger": [15, 20]})
    Geocoder(load_gazetteer()).locate(ev, [sea], None, None, None, article_cc="YE")
    assert (ev.location, ev.country, ev.iso, ev.admin1) == ("Red Sea", "Yemen", 887, None)


def test_a_sea_event_takes_the_named_country_near_the_sea_when_the_articles_is_far() -> None:
    """'US forces shot down a Houthi drone in the Red Sea', the article's country read as the United States: the
    event is coded to Yemen, the country the note names that lies near the sea; a near article country stays."""
    from sitrep.stages.geocode import Geocoder

    us = Place(text="US", start=0, end=2, latitude=39.76, longitude=-98.5, iso=840, country="United States",
               name="United States", feature="demonym", geo_precision=3, sent=0)
    houthi = Place(text="Houthi", start=30, end=36, latitude=15.5, longitude=47.5, iso=887, country="Yemen",
                   name="Yemen", feature="demonym", geo_precision=3, sent=0)
    sea = Place(text="Red Sea", start=50, end=57, latitude=20.0, longitude=38.5, iso=None, country=None,
                name="Red Sea", feature="sea", geo_precision=3, sent=0)
    geocoder = Geocoder(load_gazetteer())
    ev = Event(evidence={"sentence": [0, 60], "trigger": [15, 20]})
    geocoder.locate(ev, [us, houthi, sea], None, None, None, article_cc="US")
    assert (ev.location, ev.country, ev.iso) == ("Red Sea", "Yemen", 887)
    near = Event(evidence={"sentence": [0, 60], "trigger": [15, 20]})
    geocoder.locate(near, [us, houthi, sea], None, None, None, article_cc="SA")
    assert near.country == "Saudi Arabia"


def test_geocode_a_country_in_the_sentence_gives_way_to_a_town_of_the_article() -> None:
    """'They went missing near Bobo-Dioulasso ... on their way to Togo': the town, in the article's country."""
    from sitrep.stages.geocode import Geocoder

    bobo = Place(text="Bobo-Dioulasso", start=30, end=44, latitude=11.18, longitude=-4.3, iso=854,
                 country="Burkina Faso", name="Bobo-Dioulasso", admin1="Hauts-Bassins", feature="town",
                 geo_precision=2, sent=0)
    togo = Place(text="Togo", start=80, end=84, latitude=8.0, longitude=1.0, iso=768, country="Togo", name="Togo",
                 feature="country", geo_precision=3, sent=0)
    ev = Event(evidence={"sentence": [0, 90], "trigger": [10, 20]})
    Geocoder(load_gazetteer()).locate(ev, [bobo, togo], None, 768, "TG", article_cc="BF")
    assert (ev.location, ev.country) == ("Bobo-Dioulasso", "Burkina Faso")


def test_geocode_without_places_takes_the_article_country(stages):
    """'Militants attacked X in a note whose actors are Mali's."""
    text = "Unknown gunmen attacked the village of Zorblikaza. One man was wounded."
    document = Document(article=Article(text=text))
    nlp, places, geocode = stages
    nlp([document])
    places([document])
    document.extras["sitrep.events.country"] = "Mali"
    ev = Event(evidence={"sentence": sentence_span(text, "Unknown")})
    document.events = [ev]
    geocode([document])
    assert (ev.country, ev.location, ev.geo_precision) == ("Mali", "Mali", 3)


def test_geocode_a_place_abroad_of_everything_the_note_says_gives_way_to_home() -> None:
    """'... to hear Saran Sereme of the PDC' in a Burkina Faso note: not Sereme, Ivory Coast; the note's own town,
    else the country."""
    from sitrep.stages.geocode import Geocoder

    sereme = Place(text="Sereme", start=30, end=36, latitude=6.8, longitude=-5.3, iso=384, country="Ivory Coast",
                   name="Sereme", admin1="Yamoussoukro", feature="town", geo_precision=1, sent=0)
    ouaga = Place(text="Ouagadougou", start=80, end=91, latitude=12.37, longitude=-1.53, iso=854,
                  country="Burkina Faso", name="Ouagadougou", admin1="Centre", feature="town", geo_precision=1, sent=1)
    geocoder = Geocoder(load_gazetteer())
    ev = Event(evidence={"sentence": [0, 60], "trigger": [5, 12]})
    geocoder.locate(ev, [sereme, ouaga], None, 854, "BF", article_cc="BF")
    assert (ev.location, ev.country) == ("Ouagadougou", "Burkina Faso")
    alone = Event(evidence={"sentence": [0, 60], "trigger": [5, 12]})
    geocoder.locate(alone, [sereme], None, 854, "BF", article_cc="BF")
    assert (alone.location, alone.country, alone.geo_precision) == ("Burkina Faso", "Burkina Faso", 3)


def test_a_lone_namesake_far_abroad_gives_way_to_the_country_the_actors_name() -> None:
    """'JNIM militants attacked the police station in Solhan' with Solhan read as the Turkish town (the places
    stage's focus) and the note's actors in Burkina Faso, where the article names no place: Burkina Faso."""
    from sitrep.stages.geocode import Geocoder

    solhan = Place(text="Solhan", start=50, end=56, latitude=38.97, longitude=41.05, iso=792, country="Turkey",
                   name="Solhan", admin1="Bingol", feature="town", geo_precision=1, sent=0)
    ev = Event(evidence={"sentence": [0, 80], "trigger": [20, 28]})
    Geocoder(load_gazetteer()).locate(ev, [solhan], None, 792, "TR", article_cc="BF")
    assert (ev.country, ev.location, ev.admin1, ev.geo_precision) == ("Burkina Faso", "Burkina Faso", None, 3)


def test_a_lone_place_just_across_the_border_keeps_its_country() -> None:
    """'Dinka militias clashed ... in the disputed Abyei area': Abyei, Sudan stays though the actors say South
    Sudan (a place beside the actors' country is where they may act); a namesake continents away would not."""
    from sitrep.stages.geocode import Geocoder

    abyei = Place(text="Abyei", start=50, end=55, latitude=9.6, longitude=28.44, iso=729, country="Sudan",
                  name="Abyei", admin1="West Kordofan", feature="town", geo_precision=1, sent=0)
    ev = Event(evidence={"sentence": [0, 80], "trigger": [20, 28]})
    Geocoder(load_gazetteer()).locate(ev, [abyei], None, 729, "SD", article_cc="SS")
    assert (ev.country, ev.location) == ("Sudan", "Abyei")


def test_a_place_abroad_stays_when_another_name_backs_its_country() -> None:
    """'Solhan ... Bingol': two names of one country are no lone namesake; the reading stays."""
    from sitrep.stages.geocode import Geocoder

    solhan = Place(text="Solhan", start=50, end=56, latitude=38.97, longitude=41.05, iso=792, country="Turkey",
                   name="Solhan", admin1="Bingol", feature="town", geo_precision=1, sent=0)
    bingol = Place(text="Bingol", start=60, end=66, latitude=38.88, longitude=40.5, iso=792, country="Turkey",
                   name="Bingol", admin1="Bingol", feature="admin1", geo_precision=3, sent=0)
    ev = Event(evidence={"sentence": [0, 80], "trigger": [20, 28]})
    Geocoder(load_gazetteer()).locate(ev, [solhan, bingol], None, 792, "TR", article_cc="BF")
    assert (ev.country, ev.location) == ("Turkey", "Solhan")


def test_geocode_names_a_renamed_province_as_acled_did_in_the_events_year(stages) -> None:
    """Nepal's provinces took new names in 2022: ACLED wrote 'Central' for Kathmandu's before (its record's
    earlier name), the current name after; the article's date stands in for an undated event."""
    text = "Police clashed with protesters in Kathmandu on Friday."
    for published, want in (("2016-05-02", "Central"), ("2022-05-02", "Bagmati")):
        document = Document(article=Article(text=text, published=published))
        nlp, places, geocode = stages
        nlp([document])
        places([document])
        document.events = [Event(evidence={"sentence": [0, len(text)], "trigger": [7, 14]})]
        geocode([document])
        assert (document.events[0].location, document.events[0].admin1) == ("Kathmandu", want)


def test_a_town_beside_the_country_an_event_is_about_is_where_it_happens(stages):
    # the war is in Ukraine; the demonstration in the German town the sentence names (ACLED codes the town)
    text = "On 3 March 2022, around 1,000 people demonstrated in Wittenberg against the war in Ukraine."
    ev = Event(evidence={"sentence": [0, len(text)]})
    run(stages, text, [ev])
    assert (ev.location, ev.country) == ("Wittenberg", "Germany")


def test_an_event_known_only_to_its_province_is_at_the_provincial_capital(stages):
    # ACLED codes a province-only event to the provincial capital, not the middle of the province
    text = "On 6 May 2022, unknown gunmen attacked a checkpoint in Kandahar province."
    ev = Event(evidence={"sentence": [0, len(text)]})
    run(stages, text, [ev])
    kandahar_city = max((e for e in load_gazetteer().lookup("Kandahar", loose=False) if e.feature == "town"),
                        key=lambda e: e.population)
    assert ev.geo_precision == 3
    assert (ev.latitude, ev.longitude) == (round(kandahar_city.latitude, 5), round(kandahar_city.longitude, 5))


def test_a_district_whose_towns_carry_no_district_code_is_at_its_namesake_town(stages):
    # GeoNames gives Somalia's towns no district code: Jamaame district's seat is still Jamaame town, not the
    # middle of Lower Juba
    text = "On 4 December 2025, Al Shabaab shelled Jubaland forces in Qoqoqoqo village (Jamaame, Lower Juba)."
    ev = Event(evidence={"sentence": [0, len(text)]})
    run(stages, text, [ev])
    town = max((e for e in load_gazetteer().lookup("Jamaame", loose=False) if e.feature == "town"),
               key=lambda e: e.population)
    assert ev.location == "Jamaame"
    assert abs(ev.latitude - town.latitude) < 0.05 and abs(ev.longitude - town.longitude) < 0.05


def test_an_event_a_distance_off_a_town_in_a_named_sea_is_at_sea(stages):
    """ACLED codes a ship attacked 'in the South Red Sea around 70 nm west of Al Hudaydah' at sea (no province),
    near the town rather than the sea's middle; a town a distance from land stays where it is."""
    text = ("On 10 December 2023, Houthi forces fired a drone at a tanker in the Red Sea "
            "around 70 nm west of Al Hudaydah.")
    ev = Event(evidence={"sentence": [0, len(text)]})
    document = run(stages, text, [ev])
    town = next(p for p in document.places if p.text == "Al Hudaydah")
    assert (ev.location, ev.admin1, ev.country) == ("Red Sea", None, "Yemen")
    assert (ev.latitude, ev.longitude) == (town.latitude, town.longitude)
    land = "Gunmen attacked a village 20 km north of Ramadi."
    ev = Event(evidence={"sentence": [0, len(land)]})
    run(stages, land, [ev])
    assert (ev.location, ev.admin1) == ("Ramadi", ANBAR)


def test_a_district_with_no_town_of_its_own_is_at_its_provinces_largest_town() -> None:
    """'(West Shewa, Oromia)' with the village unknown: GeoNames links no town to West Shewa Zone, whose point is then
    only Oromia's middle; the event is known to its province and goes where ACLED puts such events, the province's
    largest town (as for a province named alone)."""
    from sitrep.stages.geocode import Geocoder

    gaz = load_gazetteer()
    zone = next(e for e in gaz.lookup("West Shewa Zone", loose=False) if e.feature == "admin2")
    province = gaz.admin_entry(zone.admin1_code)
    assert province is not None and (province.latitude, province.longitude) == (zone.latitude, zone.longitude)
    place = Place(text="West Shewa", start=40, end=50, latitude=round(zone.latitude, 5),
                  longitude=round(zone.longitude, 5), iso=231, country="Ethiopia", name=zone.name, admin1="Oromia",
                  admin2=zone.name, feature="admin2", geo_precision=2, gazetteer_id=zone.id, sent=0)
    geocoder = Geocoder(gaz)
    ev = Event(evidence={"sentence": [0, 60], "trigger": [5, 12]})
    geocoder.locate(ev, [place], None, 231, "ET")
    assert (ev.latitude, ev.longitude) == geocoder.seats.main_town(Place(text="Oromia", start=0, end=6,
                                                                   gazetteer_id=province.id))
    assert (ev.latitude, ev.longitude) != (place.latitude, place.longitude)
    assert (ev.admin1, ev.admin2, ev.geo_precision) == ("Oromia", zone.name, 2)


@pytest.mark.parametrize(("note", "admin1"), [
    # the capital a province's event was coded at, not the cartel named after another state
    ("Around 2 March 2023, in the state of Zacatecas (coded to capital Zacatecas), members of the Sinaloa Cartel "
     "captured two rivals.", "Zacatecas"),
    # a canton is a unit word before ACLED's bracket of units: the bracket holds the place
    ("On 5 June 2023, around Pallatanga canton (Chimborazo), farmers blocked a highway in Cascajal and La Victoria "
     "sectors.", "Chimborazo"),
])
def test_geocode_the_place_the_note_codes_or_qualifies_wins(stages, note, admin1):
    ev = Event(evidence={"sentence": [0, len(note)]})
    run(stages, note, [ev])
    assert ev.admin1 == admin1


def test_geocode_a_place_inside_an_armed_groups_name_locates_nothing_when_another_place_fits(stages):
    from sitrep.model import Actor

    note = "Members of the Sinaloa Cartel attacked a ranch in Zacatecas state."
    document = Document(article=Article(text=note))
    nlp, places, geocode = stages
    nlp([document])
    places([document])
    at, verb = note.index("Sinaloa Cartel"), note.index("attacked")
    document.actors = [Actor(text="Sinaloa Cartel", start=at, end=at + 14, name="Sinaloa Cartel", inter=3)]
    ev = Event(evidence={"sentence": [0, len(note)], "trigger": [verb, verb + 8]})
    document.events = [ev]
    geocode([document])
    assert ev.admin1 == "Zacatecas"
    # a state's force named after its province is no such group: "Sinaloa state police" may well be there
    document.actors[0].inter = 1
    ev2 = Event(evidence={"sentence": [0, len(note)], "trigger": [verb, verb + 8]})
    document.events = [ev2]
    geocode([document])
    assert ev2.admin1 == "Sinaloa"


def test_geocode_a_bracket_unit_with_a_number_still_holds_the_place(stages):
    # "Kilbati-Zone 2": a unit we do not know, numbered, before the province we do
    note = "On 23 February 2022, clashes continued in Abala (Kilbati-Zone 2, Afar). Casualties unknown."
    ev = Event(evidence={"sentence": [0, note.index(".") + 1]})
    run(stages, note, [ev])
    assert ev.admin1 == "Afar"


def test_geocode_unknown_village_takes_the_province_its_wording_is_from():
    """A village no gazetteer holds, in a note the record's Malian notes word alike (Dan Na Ambassagou, Dogon and
    Fulani villages are Mopti's): the event is in Mopti at geo_precision 3, and its tags say it was inferred."""
    from sitrep.pipeline import Pipeline

    text = ("On 5 May 2019, Dan Na Ambassagou militiamen attacked the Fulani village of Zwelkorou, killing three "
            "civilians and burning granaries.")
    (result,) = Pipeline().run([Article(text=text, id="n1", country="Mali")])
    event = result.events[0]
    assert (event.country, event.admin1, event.geo_precision) == ("Mali", "Mopti", 3)
    assert "inferred from the wording" in (event.tags or "")


def test_geocode_country_without_a_table_places_a_capital_worded_event_at_the_capital():
    """A country ACLED's record holds no notes of: a sit-in of lawyers before the presidential palace, with no
    place named, is in the capital by the any-country table (Oslo, geo_precision 3, tagged); herders' clashes
    over cattle are not, and stay at the country."""
    from sitrep.pipeline import Pipeline

    palace = "Lawyers and journalists held a sit-in in front of the presidential palace to protest the new law."
    cattle = "Herders clashed with farmers over cattle in a village, killing two people."
    first, second = Pipeline().run([Article(text=palace, id="n1", country="Norway"),
                                    Article(text=cattle, id="n2", country="Norway")])
    event = first.events[0]
    assert (event.country, event.location, event.admin1, event.geo_precision) == ("Norway", "Oslo", "Oslo", 3)
    assert "placed at the capital" in (event.tags or "")
    other = second.events[0]
    assert (other.country, other.admin1, other.location) == ("Norway", None, "Norway")
