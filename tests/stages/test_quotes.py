"""Quotes stage: quote marks of every kind, split and multi-paragraph quotes, speakers and roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.model import Actor, Article, Document, Quote
from sitrep.quotes import load_extractor
from sitrep.quotes.marks import find_segments
from sitrep.registry import get
from sitrep.stages.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def extractor():
    return load_extractor()


def quotes(nlp, extractor, text: str, actors: list[Actor] | None = None) -> list[Quote]:
    return extractor.extract(nlp(text), actors)


def direct(found: list[Quote]) -> list[Quote]:
    return [q for q in found if q.direct]


def test_quotes_seed_three_speakers_with_roles(seed_text):
    document = Document(article=Article(text=seed_text))
    get("sitrep.nlp.v1").factory({})([document])
    get("sitrep.quotes.v1").factory({})([document])
    found = direct(document.quotes)
    speakers = [q.speaker for q in found]
    assert speakers == ["Ghanem al-A’yfan", "Tareq al-Asal", "Ayed Khalaf al-Shammari"]
    roles = [q.speaker_role or "" for q in found]
    assert "Iraqi security expert" in roles[0]
    assert "vice deputy of the Popular Mobilisation Units in Anbar Province" in roles[1]
    assert "Lieutenant" in roles[1]
    assert "tribal leader in Anbar" in roles[2]
    for q in found:
        assert q.cue == "said"
        assert q.speaker_start is not None and q.speaker_end is not None
        assert q.speaker in seed_text[q.speaker_start : q.speaker_end]
    # each speaker's two quoted sentences around the cue form one quote
    assert "potential military threat" in found[0].text and "these days" in found[0].text
    assert "aerial reconnaissance" in found[1].text
    assert "assist the security forces" in found[2].text


def test_quotes_split_around_cue_is_one_quote(nlp, extractor):
    text = 'Police chief Omar Khalil spoke in Mosul.\n\n"We will win," he said. "The enemy is weak."'
    (quote,) = direct(quotes(nlp, extractor, text))
    assert quote.start == text.index('"We') and quote.end == len(text)
    assert quote.text == '"We will win," "The enemy is weak."'
    assert text[quote.speaker_start : quote.speaker_end] == "he"
    assert quote.speaker == "Omar Khalil"
    assert quote.speaker_role == "Police chief"


def test_quotes_any_quotation_marks(nlp, extractor):
    samples = {
        "straight": 'Officials were cautious. "The road is closed," said Ali Hassan.',
        "curly": "Officials were cautious. “The road is closed,” said Ali Hassan.",
        "guillemets": "Officials were cautious. «The road is closed», said Ali Hassan.",
        "double apostrophes": "Officials were cautious. ''The road is closed,'' said Ali Hassan.",
    }
    for style, text in samples.items():
        found = direct(quotes(nlp, extractor, text))
        assert len(found) == 1, style
        assert "The road is closed" in found[0].text, style
        assert found[0].speaker == "Ali Hassan", style


def test_quotes_headline_single_quotes(nlp, extractor):
    text = "Minister Ahmed Saleh: 'We will not negotiate with terrorists'\n\nThe minister spoke in Baghdad on Monday."
    (quote,) = direct(quotes(nlp, extractor, text))
    assert quote.text == "'We will not negotiate with terrorists'"
    assert quote.speaker == "Ahmed Saleh"


def test_quotes_apostrophes_are_not_quotes():
    text = "Clashes\n\nThe army's commander and the militias' leaders met. Don't expect peace, officials warned."
    assert find_segments(text, headline_lines=1) == []


def test_quotes_multi_paragraph_quote(nlp, extractor):
    text = (
        "Colonel Ahmed Saleh described the battle.\n\n"
        '"We advanced at dawn and took the bridge," Saleh said. "The fighters fled north.\n\n'
        '"By noon the town was ours."\n\n'
        "The army later confirmed the account."
    )
    (quote,) = direct(quotes(nlp, extractor, text))
    assert "took the bridge" in quote.text and "By noon the town was ours." in quote.text
    assert quote.end == text.index("ours.") + len('ours."')
    assert quote.speaker == "Ahmed Saleh"


def test_quotes_fragments_are_partial_and_titles_are_not_quotes(nlp, extractor):
    text = (
        'The governor called the plan "a disaster" on Monday. He spoke on "Face the Nation." '
        'Critics said the deal was "unfair to farmers."'
    )
    found = quotes(nlp, extractor, text)
    assert all(q.partial for q in direct(found))  # no passage here stands as a quote of its own
    assert [(q.text, q.speaker) for q in found] == [
        ('"a disaster"', "governor"),
        ('"unfair to farmers."', "Critics"),
    ]


def test_quotes_next_paragraph_without_cue_continues_the_quote(nlp, extractor):
    text = (
        '"The shelling has not stopped," said Mariam Yousef, a nurse in Raqqa.\n\n'
        '"We have no medicine left and the children are sick."\n\n'
        'Officials said aid would arrive. "The convoy is on its way."'
    )
    first, last = direct(quotes(nlp, extractor, text))
    assert "has not stopped" in first.text and "no medicine left" in first.text
    assert first.end == text.index('sick."') + len('sick."')
    assert first.speaker == "Mariam Yousef" and first.speaker_role == "nurse in Raqqa"
    # a quote after the writer's own words does not continue the previous one: the cue of the
    # sentence before it names the speaker
    assert last.text == '"The convoy is on its way."'
    assert last.speaker == "Officials" and last.cue == "said"


def test_quotes_pronouns_and_descriptions_resolve_to_names(nlp, extractor):
    text = (
        "Lieutenant Karim Abbas, a spokesman for the army, met reporters. "
        'Dr. Layla Nouri, a surgeon, was also there.\n\n"The road is open," the lieutenant said.\n\n'
        '"Our wards are full," she said.'
    )
    lieutenant, surgeon = direct(quotes(nlp, extractor, text))
    assert text[lieutenant.speaker_start : lieutenant.speaker_end] == "the lieutenant"
    assert lieutenant.speaker == "Karim Abbas"
    assert text[surgeon.speaker_start : surgeon.speaker_end] == "she"
    assert surgeon.speaker == "Layla Nouri"


def test_quotes_speaker_before_colon_and_dash_attribution(nlp, extractor):
    text = (
        "The mayor, Hassan Ali, told reporters: “Nobody will be left behind.”\n\n"
        "“We want our homes back.” ― Samira Haddad\n"
    )
    mayor, resident = direct(quotes(nlp, extractor, text))
    assert mayor.speaker == "Hassan Ali" and mayor.cue == "told"
    assert resident.speaker == "Samira Haddad"


def test_quotes_indirect_said_that_and_according_to(nlp, extractor):
    text = (
        "Police spokesman Ali Hassan said that five people were killed in the blast. "
        "According to the health ministry, twelve people were wounded."
    )
    found = quotes(nlp, extractor, text)
    assert not direct(found)
    said, according = found
    assert said.direct is False and said.speaker == "Ali Hassan" and said.cue == "said"
    assert said.text.startswith("that five people were killed")
    assert according.speaker == "health ministry" and according.cue == "according to"
    assert according.text == "twelve people were wounded"


def test_quotes_speaker_actor_from_role(nlp, extractor):
    text = '"The desert is safe," said Tareq al-Asal, a commander of the Popular Mobilisation Units.'
    start = text.index("Popular")
    pmu = Actor(text="Popular Mobilisation Units", start=start, end=start + 26, name="Popular Mobilization Forces")
    (quote,) = direct(quotes(nlp, extractor, text, [pmu]))
    assert quote.speaker == "Tareq al-Asal"
    assert quote.speaker_actor == "Popular Mobilization Forces"


def test_quotes_user_reporting_verbs_extend_the_list(nlp, tmp_path: Path, monkeypatch):
    text = 'The guards were tired. "It is too late to open the gate," grumbled Yusuf Demir.'
    assert direct(quotes(nlp, load_extractor(), text))[0].cue is None
    (tmp_path / "reporting_verbs.txt").write_text("# our own\ngrumble\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    (quote,) = direct(quotes(nlp, load_extractor(), text))
    assert quote.cue == "grumbled" and quote.speaker == "Yusuf Demir"


def test_quotes_descriptions_and_honorifics_are_kept_apart_from_names(nlp, extractor):
    text = (
        "A Homeland Security Department official said that hackers had targeted voter rolls. "
        "Mr. Ban Ki-moon arrived in Baghdad.\n\n"
        '"Peace is possible," he said.'
    )
    official, ban = quotes(nlp, extractor, text)
    assert official.direct is False and official.speaker == "Homeland Security Department official"
    assert text[official.speaker_start : official.speaker_end] == "A Homeland Security Department official"
    assert ban.direct and ban.speaker == "Ban Ki-moon" and ban.speaker_role is None


def test_quotes_indirect_content_leaves_out_the_dateline(nlp, extractor):
    text = "RAMADI, Iraq, May 9 (Reuters) - Gunmen killed three shepherds in the desert, police said."
    (quote,) = quotes(nlp, extractor, text)
    assert quote.direct is False and quote.speaker == "police"
    assert quote.text == "Gunmen killed three shepherds in the desert"


def test_quotes_single_quote_house_style_and_headline_fragments(nlp, extractor):
    british = "The minister spoke in London. He said, 'We will not give up.' Aid will follow."
    (quote,) = direct(quotes(nlp, extractor, british))
    assert quote.text == "'We will not give up.'" and quote.cue == "said"
    headline = "Hacker: Server Unprotected, 'Like an Open Door'\n\nThe hacker spoke on Monday."
    assert direct(quotes(nlp, extractor, headline)) == []
