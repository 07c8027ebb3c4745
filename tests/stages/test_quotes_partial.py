"""Partial quotes (issue #18): verbatim fragments credited to a speaker, each with its whole statement."""

from __future__ import annotations

import pytest

from sitrep.model import Quote
from sitrep.quotes import load_extractor
from sitrep.stages.nlp import load_model


@pytest.fixture(scope="module")
def extract():
    nlp, extractor = load_model(), load_extractor()
    return lambda text: extractor.extract(nlp(text))


def partial(found: list[Quote]) -> list[Quote]:
    return [q for q in found if q.partial]


def test_fragment_inside_reported_speech_replaces_the_indirect_quote(extract):
    text = 'Sen. Maria Ortiz, a Democrat, said the bill would "gut the program" and leave families "out in the cold."'
    found = extract(text)
    assert all(q.direct and q.partial for q in found)  # the statement comes through its fragments only
    gut, cold = found
    assert gut.text == '"gut the program"' and cold.text == '"out in the cold."'
    assert text[gut.start : gut.end] == gut.text
    assert gut.speaker == cold.speaker == "Maria Ortiz" and gut.cue == "said"
    # both fragments share the one statement they belong to
    assert gut.content_start == cold.content_start and gut.content_end == cold.content_end
    assert gut.content == text[gut.content_start : gut.content_end]
    assert gut.content.startswith("the bill would") and gut.content.endswith('cold."')


def test_fragment_with_a_cue_set_off_in_commas(extract):
    (quote,) = extract('Buying the network, the chairman said, would "speed up our plans" for rural towns.')
    assert quote.partial and quote.text == '"speed up our plans"' and quote.speaker == "chairman"


def test_quote_before_its_speaker_and_naming_cues(extract):
    (rival,) = extract('Calling her rival "the worst choice for this district," the senator asked voters to stay home.')
    assert rival.partial and rival.speaker == "senator" and rival.cue == "Calling"
    assert rival.content == 'her rival "the worst choice for this district,"'
    (illegal,) = extract('The ministry called the decision "illegal and reckless."')
    assert illegal.speaker == "ministry" and illegal.content == 'the decision "illegal and reckless."'
    (move,) = extract('The general described the retreat as "a tactical move" to reporters.')
    assert move.text == '"a tactical move"' and move.speaker == "general" and move.cue == "described"


def test_as_he_put_it(extract):
    (prank,) = extract('The "prank," as he called it, angered many parents in the town.')
    assert prank.text == '"prank,"' and prank.speaker == "he" and prank.cue == "called"
    (best,) = extract('That is because, as she puts it, "the best thing we have going for us" is the harvest.')
    assert best.partial and best.text == '"the best thing we have going for us"' and best.cue == "puts"


def test_scare_quotes_and_titles_nobody_said_are_not_quotes(extract):
    text = (
        'The so-called "reform" passed on Monday. Residents shrugged at the "new era" of the town. '
        'The film was named "Best Picture" by the jury. He appeared on "Face the Nation."'
    )
    assert [q for q in extract(text) if q.direct] == []


def test_fragment_in_the_speaker_phrase_is_not_what_was_said(extract):
    # the quoted words name the speaker; they are not the statement
    found = extract('The "Save Our Farms" campaign said that the tax would ruin growers.')
    assert not partial(found)
    assert [q.direct for q in found] == [False]


def test_listener_of_told_is_no_quote_but_a_colon_cue_starts_a_new_quote(extract):
    assert [
        q for q in extract('Megyn Kelly told "Good Morning America" on Tuesday that she was tired.') if q.direct
    ] == []
    text = (
        'The families arrived at night.\n\n"We are refugees," Ms. Alawee said. "We are not terrorists." '
        'Mr. Zahed said: "The attack is the work of terrorists."'
    )
    alawee, zahed = [q for q in extract(text) if q.direct]
    assert alawee.speaker == "Alawee" and "not terrorists" in alawee.text  # one quote around its cue
    assert zahed.speaker == "Zahed" and zahed.text == '"The attack is the work of terrorists."'
