"""UCDP GED reader: source_article parsing, cleaning, sampling, CSV and GeoJSON (invented rows only)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sitrep.learn import ucdp


def test_source_article_splits_reports_and_keeps_commas_in_headlines() -> None:
    cell = '"Wire One,2020-03-01,Gunmen kill 5, burn homes in Alpha";"Daily Two,2020-03-02,Five killed in Alpha raid"'
    reports = ucdp.parse_source_article(cell)
    assert [r.office for r in reports] == ["Wire One", "Daily Two"]
    assert reports[0].headline == "Gunmen kill 5, burn homes in Alpha"
    assert reports[1].date == "2020-03-02"


def test_free_text_sources_and_a_truncated_last_item() -> None:
    assert ucdp.parse_source_article("Reuters 25/2-09; BBC Monitoring 10/9-09") == []
    assert ucdp.parse_source_article("") == []
    cut = '"Wire One,2020-03-01,Clash in Beta";"Wire Two,2020-03-02,Rival factions fight in'
    assert [r.headline for r in ucdp.parse_source_article(cut)] == ["Clash in Beta", "Rival factions fight in"]


def _event(eid: str, day: str, *headlines: str) -> ucdp.UcdpEvent:
    reports = [ucdp.SourceReport(f"Outlet {k}", day, h) for k, h in enumerate(headlines)]
    return ucdp.UcdpEvent(eid, "Testland", day, day, 1.0, 2.0, 1, 1, 1, "A", "B", 3, reports=reports)


def test_usable_drops_roundups_cited_by_several_events_and_non_latin_headlines() -> None:
    events = [
        _event("1", "2020-01-01", "Army shells Gamma village", "Monthly review January", "Обстрел в Гамме"),
        _event("2", "2020-01-02", "Rebels ambush patrol near Delta", "Monthly review January"),
    ]
    cleaned = ucdp.usable(events)
    assert [r.headline for r in cleaned[0].reports] == ["Army shells Gamma village"]
    assert [r.headline for r in cleaned[1].reports] == ["Rebels ambush patrol near Delta"]


def test_sample_takes_whole_windows_deterministically_within_budget() -> None:
    events = [_event(str(k), f"2020-{1 + k // 4:02d}-{1 + 7 * (k % 4):02d}", f"Attack number {k} in Epsilon town",
                     f"Second report of attack {k} here") for k in range(24)]
    events += [_event("solo", "2020-01-01", "Lone report of something in Epsilon")]
    first = ucdp.sample(events, max_reports=9)
    assert first == ucdp.sample(list(reversed(events)), max_reports=9)  # order of input does not matter
    assert 0 < sum(len(e.reports) for e in first) <= 9
    windows = {e.date_start for e in first}
    # every event of a chosen window came along, the single-report one too
    assert all(e in first for e in events if e.date_start in windows)


def test_records_skip_non_headlines_and_carry_day_and_outlet() -> None:
    recs = list(ucdp.records([_event("9", "2021-05-05", "Report 12", "Troops repel attack on Zeta base")]))
    assert len(recs) == 1
    rec, gold = recs[0]
    assert gold == "9" and rec["published"] == "2021-05-05" and rec["source"] == "Outlet 1"
    assert rec["text"] == rec["title"] == "Troops repel attack on Zeta base"


def test_csv_and_geojson_read_alike(tmp_path: Path) -> None:
    row = {"id": "77", "country": "Testland", "date_start": "2020-02-02 00:00:00.000", "date_end": "2020-02-02",
           "latitude": "4.5", "longitude": "9.25", "where_prec": "2", "date_prec": "1", "type_of_violence": "3",
           "side_a": "Group X", "side_b": "Civilians", "best": "4", "adm_1": "North",
           "source_article": '"Wire,2020-02-03,Group X kills four in Eta"'}
    with open(tmp_path / "testland.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(row))
        w.writeheader()
        w.writerow(row)
    props = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
    feature = {"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": [9.25, 4.5]}}
    (tmp_path / "other.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    found = ucdp.files(tmp_path)
    assert set(found) == {"testland", "other"}
    a, b = next(ucdp.read_events(found["testland"])), next(ucdp.read_events(found["other"]))
    assert a == b
    assert a.date_start == "2020-02-02" and a.latitude == 4.5 and a.where_prec == 2 and a.violence == 3
    assert a.reports[0].headline == "Group X kills four in Eta"
