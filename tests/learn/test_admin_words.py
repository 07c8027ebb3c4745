"""The province a note is about, learned from its words where its place is unknown."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.learn.acled import AcledRecord, record_from_row
from sitrep.learn.admin_words import ANY_COUNTRY, CAPITAL, ELSEWHERE, admin_word_rows, capital_features, note_features


def _rec(i: int, admin1: str, notes: str, lat: float, source: str = "Radio Arland") -> AcledRecord:
    row = {"event_id_cnty": f"E{i}", "event_date": "2019-03-01", "event_type": "Violence against civilians",
           "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Arland)", "inter1": "3",
           "country": "Arland", "location": f"Village{i}", "admin1": admin1, "latitude": str(lat),
           "longitude": "10.0", "notes": notes, "source": source}
    rec = record_from_row(row)
    assert rec is not None
    return rec


def _records() -> list[AcledRecord]:
    recs = [_rec(i, "Hills", f"Zorvan militiamen attacked the herder camp of Village{i}.", 14.0 + i / 100)
            for i in range(40)]
    recs += [_rec(i, "Coast", f"Fishermen were attacked by pirates near Village{i}.", 5.0, "Coast FM")
             for i in range(40, 80)]
    return recs


def test_note_features_are_words_and_sources() -> None:
    features = note_features("Zorvan militiamen attacked Kela.", "Coast FM; Radio Arland")
    assert {"zorvan", "militiamen", "kela", "src:coast fm", "src:radio arland"} <= features


def test_admin_words_table_reads_a_province_from_a_groups_name(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    rows = list(admin_word_rows(_records()))
    assert {r[1] for r in rows} == {"Hills", "Coast"}
    intercept = next(r for r in rows if r[1] == "Hills" and r[2] == "")
    assert 14.0 <= float(intercept[4]) <= 14.4  # the mean point of the province's events
    table = tmp_path / "gazetteer_admin_words.csv"
    table.write_text("country,admin1,feature,weight,latitude,longitude\n"
                     + "".join(",".join(str(v) for v in r) + "\n" for r in rows), encoding="utf-8")
    from sitrep.gazetteer.admin_words import AdminWords

    monkeypatch.setattr("sitrep.gazetteer.store.data_files", lambda name: [table])
    words = AdminWords()
    guess = words.guess("Arland", note_features("Zorvan militiamen burned the camp of Tiki.", None))
    assert guess is not None and guess.admin1 == "Hills" and guess.probability >= 0.5
    coast = words.guess("Arland", note_features("Pirates attacked fishermen off Moro.", "Coast FM"))
    assert coast is not None and coast.admin1 == "Coast"
    assert words.guess("Borland", note_features("Zorvan militiamen attacked.", None)) is None  # no table for that country


def test_admin_words_skips_a_country_with_one_province() -> None:
    recs = [_rec(i, "Hills", f"Attack on Village{i}.", 14.0) for i in range(60)]
    assert list(admin_word_rows(recs)) == []


def _capital_records() -> list[AcledRecord]:
    """Two countries: students and ministries in their capitals (near 0,10 and 20,30), herders out in the hills."""
    recs = []
    for i in range(60):
        rec = _rec(i, "Capital", f"Students protested outside the ministry in Town{i}.", 0.0)
        recs.append(rec)
        rec = _rec(100 + i, "Hills", f"Herders clashed over cattle near the village of Kor{i}.", 3.0)
        recs.append(rec)
    for r in recs[:40]:
        object.__setattr__(r, "country", "Borland")
        object.__setattr__(r, "latitude", 20.0 if r.admin1 == "Capital" else 24.0)
        object.__setattr__(r, "longitude", 30.0)
    return recs


def test_capital_features_keep_plain_words_and_drop_names() -> None:
    features = capital_features("Students of Moro University protested; Zorvan police fired.", "Protests")
    assert {"students", "protested", "police", "fired", "type:Protests"} <= features
    assert not {"moro", "university", "zorvan", "oro"} & features  # a capitalised word is a name, not a cue


def test_any_country_table_reads_the_capital_from_plain_words(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    capitals = {"Arland": (0.0, 10.0), "Borland": (20.0, 30.0)}
    rows = [r[1:] for r in admin_word_rows(_capital_records(), capitals) if r[0] == ANY_COUNTRY]
    assert {r[0] for r in rows} == {CAPITAL, ELSEWHERE}
    table = tmp_path / "gazetteer_admin_words.csv"
    table.write_text("country,admin1,feature,weight,latitude,longitude\n"
                     + "".join(",".join([ANY_COUNTRY, *map(str, r)]) + "\n" for r in rows), encoding="utf-8")
    from sitrep.gazetteer.admin_words import AdminWords

    monkeypatch.setattr("sitrep.gazetteer.store.data_files", lambda name: [table])
    words = AdminWords()
    assert not words.knows(ANY_COUNTRY)  # the any-country table is no country's own
    inside = words.capital_probability("Students protested outside the ministry.", "Protests")
    outside = words.capital_probability("Herders clashed over cattle near a village.", "Protests")
    assert inside is not None and outside is not None and inside > 0.5 > outside


def test_any_country_table_needs_capitals_to_learn() -> None:
    assert all(r[0] != ANY_COUNTRY for r in admin_word_rows(_capital_records()))
