"""The lower-case word list: counted away from sentence starts, names excluded, held-out countries never read."""

from __future__ import annotations

from pathlib import Path

from sitrep.learn.acled import AcledRecord, record_from_row
from sitrep.learn.casing import build, count_cases, lowercase_words, write_words


def _rec(i: int, country: str, notes: str) -> AcledRecord:
    row = {"event_id_cnty": f"E{i}", "event_date": "2020-03-01", "event_type": "Battles",
           "sub_event_type": "Armed clash", "actor1": "Rebels", "inter1": "2", "country": country,
           "location": "Town", "admin1": "North", "notes": notes}
    rec = record_from_row(row)
    assert rec is not None
    return rec


def test_casing_counts_skip_the_sentence_start() -> None:
    lower, capital = count_cases(["Troops attacked the Arakan Army. Troops withdrew."])
    assert lower["troops"] == 0  # only ever the first word
    assert lower["attacked"] == 1 and capital["army"] == 1 and capital["arakan"] == 1


def test_casing_keeps_words_mostly_written_in_lower_case() -> None:
    notes = ["On day 1, troops shelled the Arakan Army."] * 4 + ["On day 2, the army and troops met."] * 2
    words = lowercase_words(*count_cases(notes), min_uses=5)
    assert "troops" in words and "shelled" not in words  # four uses only
    assert "army" not in words  # two of six in lower case
    assert "arakan" not in words


def test_casing_build_reads_training_countries_only(tmp_path: Path) -> None:
    records = [_rec(i, "Arland", "On day 1, villagers fled.") for i in range(5)]
    records += [_rec(10 + i, "Kenya", "On day 1, herders fled.") for i in range(5)]
    words, read = build(records, ("Kenya",))
    assert read == 5
    assert "villagers" in words and "herders" not in words
    out = tmp_path / "words.txt"
    write_words(words, read, ("Kenya",), out)
    text = out.read_text(encoding="utf-8")
    assert "acleddata.com" in text and "held out: Kenya" in text
    assert "villagers" in text.splitlines()
