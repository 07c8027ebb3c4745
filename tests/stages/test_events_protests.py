"""Events stage on crowds: protests, police responses to them, riots and mob violence."""

from __future__ import annotations

import pytest
from events_text import events_of, frames_of, only


@pytest.fixture(scope="module")
def pipe(rules_pipe):
    return rules_pipe


def test_events_protest_and_police_response_are_one_event(pipe):
    text = "Around 200 residents of Tripoli protested against power cuts; police dispersed them with tear gas."
    events = events_of(pipe, text)
    assert len(events) == 1
    ev = events[0]
    assert ev.sub_event_type == "Protest with intervention"
    assert ev.inter1 == 6 and ev.inter2 == 1 and ev.interaction == 16


def test_events_protesters_never_on_both_sides(pipe):
    text = ("Thousands of protesters marched through central Nairobi on Wednesday against a proposed finance bill. "
            "Police fired tear gas to disperse demonstrators near parliament.")
    for ev in events_of(pipe, text):
        assert ev.actor1 != ev.actor2, (ev.sub_event_type, ev.actor1, ev.actor2)


def test_coding_crowd_dispersing_on_its_own_is_a_peaceful_protest(pipe):
    text = "Hundreds of traders held a peaceful protest in Quetta on Thursday, blocking a road before dispersing."
    ev = events_of(pipe, text)[0]
    assert ev.sub_event_type == "Peaceful protest" and ev.actor2 is None
    dispersed = events_of(pipe, "Police dispersed hundreds of traders protesting in Quetta on Thursday.")[0]
    assert dispersed.sub_event_type == "Protest with intervention"


def test_events_force_and_arrests_against_protesters_are_the_protest_event(pipe):
    text = ("Hundreds of graduates protested in Tahrir Square in Baghdad on Tuesday demanding jobs. "
            "Security forces beat protesters with batons and detained several of them.")
    events = events_of(pipe, text)
    assert len(events) == 1, [(e.sub_event_type, e.trigger) for e in events]
    assert events[0].sub_event_type == "Excessive force against protesters"


def test_events_the_riot_refers_back_to_the_crowd_s_arson(pipe):
    text = ("Angry youths set fire to a police station and blocked roads in Maiduguri on Thursday. "
            "No one was hurt in the riot.")
    events = events_of(pipe, text)
    assert len(events) == 1
    start, end = events[0].evidence["sentence"]
    assert text[start:end].startswith("Angry youths set fire")


def test_events_crowd_fired_on_is_the_target_not_the_event(pipe):
    # detection: the police fired, the mob was fired on (coding then files it under the riot, police as actor2)
    events, frames = frames_of(pipe, "Police opened fire on a mob in Vadodara.")
    f = frames[events[0].event_id]
    assert events[0].trigger == "opened fire" and f.actor1.inter == 1 and f.actor2.inter == 5


def test_events_bare_toll_after_mob_violence_joins_it(pipe):
    events = [e for e in events_of(pipe, "An angry mob attacked a shop in Modasa on Tuesday. Two persons were killed.")
              if e.modality == "asserted"]
    assert len(events) == 1 and events[0].fatalities == 2 and "sentence_2" in events[0].evidence


@pytest.mark.parametrize("text", [
    "The CRPF jawans fired on the mob in Surat, killing one.",
    "A youth was killed in firing by the police in Godhra.",
    "Two persons succumbed to bullet injuries in the police firing at Limkheda.",
])
def test_events_police_firing_has_the_police_as_actor1(pipe, text):
    events, frames = frames_of(pipe, text)
    ev = next(e for e in events if "fir" in (e.trigger or ""))
    assert frames[ev.event_id].actor1.inter == 1 and ev.fatalities >= 1


def test_events_police_near_riots_are_not_the_rioters(pipe):
    events = events_of(pipe, "In Bhavnagar the riots were brought under control by the police within hours.")
    riot = only(events, event_type="Riots")
    assert riot.inter1 != 1


@pytest.mark.parametrize("text, sub", [
    ("Displaced families staged a sit-in outside the UN office in Erbil.", "Peaceful protest"),
    ("Angry villagers blocked the highway between Basra and Zubair over power cuts.", "Peaceful protest"),
    ("Protesters blocked the highway near Zubair with burning tyres over power cuts.", "Violent demonstration"),
    ("An unidentified drone hit a militia arms depot near Balad.", "Air/drone strike"),
])
def test_events_missing_triggers_sit_in_road_block_drone_hit(pipe, text, sub):
    ev = events_of(pipe, text)
    assert [e.sub_event_type for e in ev] == [sub]


def test_events_road_blocked_by_no_one_or_by_police_is_no_protest(pipe):
    assert events_of(pipe, "A landslide blocked the road to Gilgit for two days.") == []
    assert events_of(pipe, "Police blocked the streets leading to the stadium before the match.") == []


@pytest.mark.parametrize("text", [
    "Hundreds of youths stoned a police post in Kisumu on Monday and police responded with live bullets, killing two.",
    "Villagers torched a police station in Kisumu; officers fired live rounds, killing two of them.",
])
def test_events_police_response_inside_crowd_violence_is_part_of_it(pipe, text):
    ev = events_of(pipe, text)
    assert len(ev) == 1 and ev[0].event_type == "Riots"
    assert (ev[0].actor2 or "").startswith("Police Forces") and ev[0].fatalities == 2


@pytest.mark.parametrize("text, sub", [
    ("Parents staged a protest outside the school denouncing alleged rape cases against their children.",
     "Peaceful protest"),
    ("Hundreds of students marched to the ministry demanding the arrest of the men who killed a classmate.",
     "Peaceful protest"),
    ("Activists held a demonstration on the anniversary of the massacre at the sit-in.", "Peaceful protest"),
])
def test_events_protest_topic_is_no_event_of_its_own(pipe, text, sub):
    # what demonstrators denounce or demand is their cause: ACLED codes the demonstration only
    assert [e.sub_event_type for e in events_of(pipe, text)] == [sub]


@pytest.mark.parametrize("text", [
    "Teachers held a press conference with banners in front of the ministry against the director.",
    "Hundreds of fishermen displayed banners at the port to call on the government to act.",
    "Students blocked traffic in front of the university, demanding their exams be moved.",
])
def test_events_banners_and_blocking_with_demands_are_protests(pipe, text):
    assert [e.sub_event_type for e in events_of(pipe, text)] == ["Peaceful protest"]


def test_events_protest_against_a_foreign_army_is_a_peaceful_protest_by_the_protesters(pipe):
    # "living in" is no live fire, and the army the protest is against does not stage it
    ev = events_of(pipe, "Ukrainian nationals living in Antalya staged a protest in Manavgat against Russia's "
                         "military offensive.")
    assert [e.sub_event_type for e in ev] == ["Peaceful protest"]
    assert ev[0].actor1.startswith("Protesters") and ev[0].actor2 is None


def test_events_demand_clause_the_parser_misattaches_is_still_the_protests_cause(pipe):
    ev = events_of(pipe, "People demonstrated in Odda to oppose rising prices and to demand government take "
                         "control over the electricity industry.")
    assert [e.sub_event_type for e in ev] == ["Peaceful protest"]


def test_events_arrests_dated_in_march_are_no_intervention_in_a_march(pipe):
    ev = events_of(pipe, "On 22 March 2022, the military detained 52 migrants on two boats at the lake.")
    assert [e.sub_event_type for e in ev] == ["Arrests"]


def test_events_police_blocking_a_road_is_no_protest_but_workers_are(pipe):
    assert events_of(pipe, "Police blocked the road to the parliament on Monday.") == []
    ev = events_of(pipe, "Dozens of construction workers blocked the main road demanding owed wages from the "
                         "government.")
    assert [e.sub_event_type for e in ev] == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "Several dozen parents of soldiers who died in the war protested in front of the Investigative Committee.",
    "Residents staged a protest at the Damteo Shooting Range over noise.",
    "Dozens of activists attended a die-in demonstration at Liberty Square.",
])
def test_events_deaths_that_describe_the_protesters_or_name_a_place_are_no_force_at_the_protest(pipe, text):
    assert [e.sub_event_type for e in events_of(pipe, text)] == ["Peaceful protest"]


def test_events_crowd_violence_with_no_demonstration_told_is_mob_violence(pipe):
    ev = events_of(pipe, "Rioters threw stones at soldiers near the checkpoint.")
    assert [e.sub_event_type for e in ev] == ["Mob violence"]
    ev = events_of(pipe, "Rioters threw stones at police during a protest against fuel prices.")
    assert [e.sub_event_type for e in ev] == ["Violent demonstration"]


def test_events_police_response_in_the_next_sentence_makes_a_protest_with_intervention(pipe):
    ev = events_of(pipe, "About 80 protesters marched through Brisbane in solidarity with Palestine. Police blocked "
                         "the march as the protesters had no permit.")
    assert [e.sub_event_type for e in ev][:1] == ["Protest with intervention"]
    ev = events_of(pipe, "Dozens of protesters rallied in Minsk on Sunday. They demanded the release of "
                         "demonstrators detained by police during an earlier rally.")
    assert [e.sub_event_type for e in ev][:1] == ["Peaceful protest"]
