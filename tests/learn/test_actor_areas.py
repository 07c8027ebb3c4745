"""Where each armed group acts, learned from the record, and the province a note naming only the group is in."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.learn.acled import AcledRecord, record_from_row
from sitrep.learn.actor_areas import actor_area_rows


def _rec(i: int, actor: str, inter: str, lat: float, lon: float, country: str = "Mali") -> AcledRecord:
    row = {"event_id_cnty": f"E{i}", "event_date": "2019-03-01", "event_type": "Violence against civilians",
           "sub_event_type": "Attack", "actor1": actor, "inter1": inter, "actor2": "Civilians (Mali)",
           "inter2": "7", "country": country, "location": f"Village{i}", "admin1": "Menaka",
           "latitude": str(lat), "longitude": str(lon), "notes": f"Attack on Village{i}."}
    rec = record_from_row(row)
    assert rec is not None
    return rec


def test_actor_areas_count_named_groups_events_per_cell_only() -> None:
    recs = [_rec(i, "Islamic State (Greater Sahara)", "2", 15.9 + i / 1000, 2.4) for i in range(6)]
    recs += [_rec(10, "Unidentified Armed Group (Mali)", "3", 15.9, 2.4),
             _rec(11, "Military Forces of Mali (2021-)", "1", 15.9, 2.4)]
    rows = actor_area_rows(recs)
    assert rows == [["Islamic State (Greater Sahara)", "16.00", "2.50", 6]]  # 0.25-degree cells


def test_a_groups_events_across_the_border_place_a_note_in_the_nearest_province(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Islamic State Sahel's events in Menaka (Mali), just across the border: a Nigerien note naming only that
    group is in Tillaberi, the province of the Nigerien towns nearest them; a group seen twice says nothing."""
    from sitrep.gazetteer import load_gazetteer
    from sitrep.gazetteer.actor_areas import ActorAreas

    gaz = load_gazetteer()  # before the table's data file is swapped in
    table = tmp_path / "gazetteer_actor_areas.csv"
    table.write_text("actor,latitude,longitude,events\nIslamic State (Greater Sahara),15.00,1.50,12\n"
                     "Islamic State (Greater Sahara),14.75,1.25,8\nRare Group,15.00,1.50,2\n", encoding="utf-8")
    monkeypatch.setattr("sitrep.gazetteer.store.data_files", lambda name: [table])
    areas = ActorAreas(gaz)
    found = areas.area(["Islamic State (Greater Sahara) (2016-)"], "NE")  # the period is no part of the key
    assert found is not None and gaz.admin1_name(found.admin1_code) == "Tillaberi"
    assert found.events == 20 and found.share == 1.0
    assert areas.area(["Rare Group"], "NE") is None  # under MIN_EVENTS
    assert areas.area(["Islamic State (Greater Sahara)"], "KE") is None  # nowhere near Kenya's towns
