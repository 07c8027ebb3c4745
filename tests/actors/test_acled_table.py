"""The generated ACLED actor table merges under the hand-made data: hand rows win, mined phrases are bound."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.actors import get_matcher, normalise_actor, reload

TABLE = """# test table
name,aliases,inter,country,start_year,end_year,kind,notes,first_year,last_year
QZ: Quorn Zealots,QZ: Quorn Zealots|QZ|Quorn Zealots|Quornite brigades,2,Arland,,,acled,40,2015,2020
Islamic State (Iraq),Islamic State (Iraq)|Zuzu cells,3,Iraq,,,acled,40,2015,2020
Millers ({country}),millers,7,,,,identity,30,2015,2020
"""


@pytest.fixture
def user_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "actors_acled.csv").write_text(TABLE, encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    reload()
    yield
    monkeypatch.delenv("SITREP_DATA_PATH")
    reload()


def test_name_forms_match_in_their_countries_or_where_no_country_is_known(user_table: None) -> None:
    for country in ("Arland", None):
        actor = normalise_actor("Quorn Zealots", country, 2022)
        assert actor is not None and actor.name == "QZ: Quorn Zealots" and actor.inter == 2
    # the long name after the acronym, in another country's article, names some other group of that name
    assert normalise_actor("Quorn Zealots", "Borland", 2022) is None
    actor = normalise_actor("QZ: Quorn Zealots", "Borland", 2022)
    assert actor is not None and actor.name == "QZ: Quorn Zealots"


def test_acronym_matches_in_its_countries_or_where_no_country_is_known(user_table: None) -> None:
    for country in ("Arland", None):
        actor = normalise_actor("QZ", country, 2022)
        assert actor is not None and actor.name == "QZ: Quorn Zealots"
    # another country's article: the record never saw this group there, and acronyms repeat across countries
    assert normalise_actor("QZ", "Borland", 2022) is None


def test_mined_phrase_only_in_its_countries(user_table: None) -> None:
    actor = normalise_actor("Quornite brigades", "Arland", 2022)
    assert actor is not None and actor.name == "QZ: Quorn Zealots"
    other = normalise_actor("Quornite brigades", "Borland", 2022)
    assert other is None or other.name != "QZ: Quorn Zealots"


def test_hand_made_row_wins_but_gains_phrases(user_table: None) -> None:
    actor = normalise_actor("Zuzu cells", "Iraq", 2022)
    assert actor is not None and actor.name == "Islamic State (Iraq)"
    assert actor.inter == 2  # the hand-made inter code, not the table's 3


def test_identity_template_fills_country(user_table: None) -> None:
    actor = normalise_actor("millers", "Borland", 2022)
    assert actor is not None and actor.name == "Civilians (Borland)"
    rows = get_matcher().index.generics[("millers",)]
    assert [g.identity for g in rows] == ["Millers ({country})"]
