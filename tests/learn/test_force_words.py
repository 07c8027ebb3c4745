"""The state force a country's notes mean by "security forces", learned from the record (``sitrep.learn.force_words``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.learn.acled import AcledRecord, record_from_row
from sitrep.learn.force_words import ambiguous_rows, count_notes, overrides

FORCE_WORDS = {"security forces", "soldiers", "police", "the police"}
PATTERNS = {"security forces": "{military}"}
CENTRES = {"India": (22.0, 79.0), "Nepal": (28.0, 84.0), "Bhutan": (27.5, 90.4), "Chile": (-30.0, -71.0)}


def _rec(i: int, country: str, force: str, notes: str, event_type: str = "Battles") -> AcledRecord:
    row = {"event_id_cnty": f"E{i}", "event_date": "2019-03-01", "event_type": event_type,
           "sub_event_type": "Armed clash" if event_type == "Battles" else "Protest with intervention",
           "actor1": f"{force} Forces of {country} (2014-)", "inter1": "1", "actor2": "Unidentified Armed Group",
           "inter2": "3", "country": country, "notes": notes}
    rec = record_from_row(row)
    assert rec is not None
    return rec


def test_only_phrases_that_name_no_branch_are_learned() -> None:
    rows = [{"pattern": "security forces", "name": "{military}"}, {"pattern": "soldiers", "name": "{military}"},
            {"pattern": "forces", "name": "{military}", "requires": "nationality"},
            {"pattern": "security forces", "name": "{police}", "country": "India"}]
    assert ambiguous_rows(rows) == {"security forces": "{military}"}


def test_notes_naming_another_force_word_or_of_a_crowd_are_not_counted() -> None:
    recs = [_rec(1, "India", "Police", "Security forces killed two militants."),
            _rec(2, "India", "Military", "Security forces and soldiers killed two militants."),
            _rec(3, "India", "Military", "Security forces dispersed the protesters.", event_type="Protests")]
    counts = count_notes(recs, PATTERNS, FORCE_WORDS)
    assert dict(counts["security forces"]["India"]) == {"{police}": 1}


def test_a_country_reads_the_phrase_by_its_own_notes_else_by_its_neighbours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitrep.learn.force_words.MIN_NOTES", 3)
    recs = [_rec(i, "India", "Police", "Security forces killed a militant.") for i in range(4)]
    recs += [_rec(10 + i, "Nepal", "Police", "Security forces killed a militant.") for i in range(3)]
    rows = overrides(count_notes(recs, PATTERNS, FORCE_WORDS), PATTERNS, CENTRES, CENTRES)
    by_country = {r[1]: r for r in rows}
    assert by_country["India"][2:] == ("{police}", 4, 1.0, "own")
    assert by_country["Bhutan"][2:] == ("{police}", 7, 1.0, "neighbours")  # India and Nepal, both near
    assert "Chile" not in by_country  # no country near enough: the hand row holds


def test_a_learned_row_reads_security_forces_as_the_police_of_that_country(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.actors import Context, Tok, get_matcher
    from sitrep.actors.dictionary import tokenize

    (tmp_path / "actors_force_words.csv").write_text(
        "pattern,country,name,notes,share,from\nsecurity forces,Mali,{police},20,0.8,own\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))  # a matcher of its own for this data folder
    text = "Security forces killed two militants."
    toks = [Tok(t, s, e) for t, s, e in tokenize(text)]

    def first(country: str) -> str:
        return get_matcher().scan(toks, Context(focus=country, countries={country}, year=2022))[0].name

    assert first("Mali").startswith("Police Forces of Mali")
    assert first("Niger").startswith("Military Forces of Niger")
