"""Title Case and capitalised headlines are parsed in sentence case, with the text's offsets unchanged."""

from __future__ import annotations

import pytest

from sitrep.casing import sentence_case


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Army Kills 2 Boko Haram Commanders", "Army kills 2 Boko Haram commanders"),
        ("KIA Ambushes Regime Vehicle Convoy In Chipwi", "KIA ambushes regime vehicle convoy in Chipwi"),
        ("“Junta Troops Kill 7 Villagers In Kayah”", "“Junta troops kill 7 villagers in Kayah”"),
        ("REBELS ATTACK POLICE POST IN MALI", "Rebels attack police post in Mali"),
    ],
)
def test_casing_writes_headline_in_sentence_case(headline: str, expected: str) -> None:
    assert sentence_case(headline) == expected


def test_casing_reads_names_and_one_capitalised_verb_as_a_headline() -> None:
    assert sentence_case("Al Shabaab Ambushed Convoy, Lamu") == "Al Shabaab ambushed convoy, Lamu"


def test_casing_lowers_a_present_tense_verb_whose_past_form_is_listed() -> None:
    assert sentence_case("Rebel Alliance Bombards Army Outpost In Kayah") == "Rebel Alliance bombards Army outpost in Kayah"


def test_casing_leaves_running_text_with_many_names_alone() -> None:
    text = "On 3 May, Kenya Defence Forces killed two Al Shabaab fighters near Mandera."
    assert sentence_case(text) == text


def test_casing_touches_only_the_headline_line_and_keeps_offsets() -> None:
    text = "Junta Troops Kill 7 Villagers In Kayah\n\nSoldiers of the Myanmar Army entered Hpruso on Monday."
    out = sentence_case(text)
    assert len(out) == len(text)
    assert out.split("\n")[0] == "Junta troops kill 7 villagers in Kayah"
    assert out.split("\n", 1)[1] == text.split("\n", 1)[1]


def test_casing_keeps_short_lines_and_unknown_words() -> None:
    assert sentence_case("By John Smith") == "By John Smith"
    assert sentence_case("Zorvan Hill Fighters Attack Troops") == "Zorvan Hill fighters attack troops"


def test_casing_leaves_paragraph_long_lines_alone() -> None:
    paragraph = " ".join(["Troops Attack Rebel Base Near Town"] * 12)
    assert len(paragraph) > 300
    assert sentence_case(paragraph) == paragraph


def test_casing_word_list_takes_a_users_copy(tmp_path, monkeypatch) -> None:
    from sitrep.casing import lowercase_words

    (tmp_path / "lowercase_words.txt").write_text("-troops\nzorvan\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    lowercase_words.cache_clear()
    try:
        assert sentence_case("Zorvan Troops Attack Rebel Base") == "Zorvan Troops attack rebel base"
    finally:
        monkeypatch.delenv("SITREP_DATA_PATH")
        lowercase_words.cache_clear()


def test_casing_reads_title_case_with_short_words_in_lower_case() -> None:
    assert sentence_case("Gunmen Abduct Villagers in Zamfara") == "Gunmen abduct villagers in Zamfara"


def test_casing_leaves_a_note_of_many_place_names_alone() -> None:
    text = (
        "On 7 May, in Ywa Thit village (Kani Township, Yinmabin District), a blast hit the Village Administration"
        " Office. Casualties unknown."
    )
    assert sentence_case(text) == text
