"""Event dates stage: ACLED-style notes and articles get the right date and precision.

The events here are built by hand (sentence and trigger evidence), so the
tests do not depend on the events stage.
"""

from __future__ import annotations

import pytest

from sitrep.model import Article, Document, Event
from sitrep.registry import get


@pytest.fixture(scope="module")
def stages():
    return [get(name).factory({}) for name in ("sitrep.nlp.v1", "sitrep.dates.v1", "sitrep.event_dates.v1")]


def dated(stages, text: str, triggers: list[str], published: str | None = "2020-05-13", **article) -> list[Event]:
    """Run nlp + dates, add one event per trigger word (its sentence as evidence), run event_dates."""
    document = Document(article=Article(text=text, published=published, **article))
    stages[0]([document])
    stages[1]([document])
    for word in triggers:
        at = text.index(word)
        sent = next(s for s in document.doc.sents if s.start_char <= at < s.end_char)
        evidence = {"sentence": [sent.start_char, sent.end_char], "trigger": [at, at + len(word)]}
        modality = "hypothetical" if word.startswith("If") else "asserted"
        document.events.append(Event(trigger=word, evidence=evidence, modality=modality))
    stages[2]([document])
    return document.events


@pytest.mark.parametrize(
    ("note", "expected", "precision"),
    [
        ("On 8 May 2020, unidentified gunmen killed two civilians in Ramadi (Al Anbar).", "2020-05-08", 1),
        ("On 8 May 2020 (as reported), IS militants attacked a PMF checkpoint in the Anbar desert.", "2020-05-08", 2),
        ("Around 8 May 2020 (between 1 and 8 May), IS militants abducted a shepherd near Rutba.", "2020-05-08", 2),
        ("On an unspecified date in early May 2020, unknown militants killed a farmer near Hit.", "2020-05-05", 3),
        ("On the weekend of 9-10 May 2020, protesters gathered in Tahrir Square in Baghdad.", "2020-05-09", 2),
        ("On 10/05/2020, an IED exploded near a convoy in Fallujah.", "2020-05-10", 1),
    ],
)
def test_event_dates_acled_notes(stages, note, expected, precision):
    trigger = next(w for w in ("killed", "attacked", "abducted", "gathered", "exploded") if w in note)
    (event,) = dated(stages, note, [trigger])
    assert (event.event_date, event.time_precision) == (expected, precision)
    assert event.modality == "asserted"
    start, end = event.evidence["event_date"]
    assert "May" in note[start:end] or "/" in note[start:end]


def test_event_dates_relative_to_publication_date(stages):
    text = (
        "Gunmen attacked a checkpoint in Hit on Sunday. Two days ago, a bomb exploded in Ramadi. "
        "Last week, militants ambushed a patrol. Overnight, rockets struck the base."
    )
    events = dated(stages, text, ["attacked", "exploded", "ambushed", "struck"])
    got = [(e.event_date, e.time_precision) for e in events]
    assert got == [("2020-05-10", 1), ("2020-05-11", 1), ("2020-05-07", 2), ("2020-05-12", 1)]


def test_event_dates_nearest_date_in_sentence_wins(stages):
    text = "A week after the 1 May vote, gunmen attacked the election office on Thursday."
    (event,) = dated(stages, text, ["attacked"])
    assert (event.event_date, event.time_precision) == ("2020-05-07", 1)


def test_event_dates_context_from_earlier_sentence_in_paragraph(stages):
    text = "Fighting broke out in Hit on Sunday. Militants attacked a checkpoint.\n\nThe army deployed troops."
    fighting, attack, deploy = dated(stages, text, ["Fighting", "attacked", "deployed"])
    assert (attack.event_date, attack.time_precision) == ("2020-05-10", 1)
    assert (deploy.event_date, deploy.time_precision) == ("2020-05-13", 2)  # new paragraph: as reported
    assert "event_date" not in deploy.evidence


def test_event_dates_recently_is_not_a_day(stages):
    text = "Recently, ISIS sleeper cells have attacked several people in the Anbar desert."
    (event,) = dated(stages, text, ["attacked"])
    assert (event.event_date, event.time_precision) == ("2020-05-13", 3)


def test_event_dates_future_date_makes_future_event(stages):
    text = "Protesters will march through Baghdad on Friday. If the tribes are called, they will attack on Monday."
    march, attack = dated(stages, text, ["march", "If"])
    assert march.event_date == "2020-05-15" and march.modality == "future"
    assert attack.modality == "hypothetical"  # a conditional stays conditional


def test_event_dates_the_report_day_is_no_future(stages):
    # "due to" (because of) is no "due on": the mob attacked on the report's own day
    text = "On 13 May 2020, a mob attacked the residence of a lawmaker in Basra due to the power cuts."
    [attack] = dated(stages, text, ["attacked"])
    assert attack.event_date == "2020-05-13" and attack.modality == "asserted"


def test_event_dates_dateline_is_the_report_date_not_the_event_date(stages):
    text = "BAGHDAD, May 9 (Reuters) - Gunmen attacked a checkpoint in Anbar, police said."
    (event,) = dated(stages, text, ["attacked"], published=None, ingested_at="2020-05-20T00:00:00+00:00")
    assert (event.event_date, event.time_precision) == ("2020-05-09", 2)
    start, end = event.evidence["event_date"]
    assert text[start:end] == "May 9"


def test_event_dates_unknown_without_any_date(stages):
    (event,) = dated(stages, "Gunmen attacked a checkpoint in Anbar.", ["attacked"], published=None)
    assert event.event_date is None and event.time_precision is None


def test_event_dates_year_only_leaves_event_undated(stages):
    text = (
        "In 2015, militants attacked the town. Last year, gunmen killed a teacher. Next year, the army will withdraw."
    )
    attack, killing, withdrawal = dated(stages, text, ["attacked", "killed", "withdraw"])
    for event in (attack, killing, withdrawal):
        assert event.event_date is None and event.time_precision is None
    start, end = attack.evidence["event_date"]
    assert text[start:end] == "2015"
    assert withdrawal.modality == "future" and killing.modality == "asserted"


def test_event_dates_year_of_something_else_does_not_undate(stages):
    text = "The group, founded in 2015, attacked a checkpoint near Hit."
    (event,) = dated(stages, text, ["attacked"])
    assert (event.event_date, event.time_precision) == ("2020-05-13", 2)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Villagers protested against the wall, continuing the weekly protests held since March 2019.", "protested"),
        ("Hundreds of veterans gathered in the square to commemorate 8 May 1945.", "gathered"),
        ("Residents held a vigil marking the anniversary of the 12 March 1993 bombings.", "vigil"),
        ("Demonstrators marched in the city against fascism on the 77th anniversary of the end of the war on "
         "8 May 1945.", "marched"),
        ("Supporters of the 31 December 1981 revolution took to the streets in the town.", "took"),
        ("Riots broke out in the town after new taxes came into effect on 1 January 2022.", "Riots"),
    ],
)
def test_event_dates_history_date_is_not_the_event_date(stages, text, trigger):
    # the start of an ongoing protest, the day remembered, a date naming a thing, a clause about what came
    # before: none says when this event was, so the report date stands
    event = dated(stages, text, [trigger], published="2022-06-05")[0]
    assert (event.event_date, event.time_precision) == ("2022-06-05", 2)


def test_event_dates_date_in_a_relative_clause_dates_only_its_own_event(stages):
    text = ("On 16 March 2022, activists held a vigil for a journalist who was killed on 16 October 2017. "
            "Demonstrators carried banners in the square.")
    vigil, killed, banners = dated(stages, text, ["vigil", "killed", "Demonstrators"], published="2022-03-20")
    assert vigil.event_date == "2022-03-16"
    assert killed.event_date == "2017-10-16"
    assert banners.event_date == "2022-03-16"  # from the paragraph, not from the killing told in passing


def test_event_dates_calendar_date_beats_a_word_relative_to_the_report(stages):
    text = "On 28 March 2022, overnight, demonstrators clashed with police officers in the town."
    event = dated(stages, text, ["clashed"], published="2022-03-30")[0]
    assert event.event_date == "2022-03-28"


def test_event_dates_bracketed_bounds_and_deadlines_are_not_the_event_date(stages):
    # "Around 4 February (between 21 January - 11 February)": the bounds of the hedged date; "until 26 March":
    # how long a decision lasts, not when it was made
    text = "Around 4 February 2022 (between 21 January - 11 February), air forces conducted airstrikes on the camp."
    assert dated(stages, text, ["airstrikes"], published="2022-02-20")[0].event_date == "2022-02-04"
    text = "On 8 March 2022, the congress extended the state of emergency in the region until 26 March 2022."
    assert dated(stages, text, ["state"], published="2022-03-09")[0].event_date == "2022-03-08"
