"""The ACLED reader maps every export schema onto today's record shape."""

from __future__ import annotations

from datetime import date

from sitrep.learn.acled import inter_code, opening_date, parse_date, read_export, read_exports
from sitrep.learn.splits import held_out_rows, parse_holdout, training_rows

CURRENT = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n"
    'XYZ1,2022-02-23,2022,1,Political violence,Violence against civilians,Attack,Unidentified Armed Group (Kenya),,'
    'Political militia,Civilians (Kenya),Farmers (Kenya); Women (Kenya),Civilians,37,Civilian targeting,404,'
    'Eastern Africa,Kenya,Marsabit,Saku,,Marsabit,2.33,37.99,1,The Star,National,'
    '"On 23 February 2022, gunmen killed two farmers.",2,,1650000000\n'
)
OLD = (
    "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,"
    "ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,"
    "GEO_PRECISION,SOURCE,NOTES,FATALITIES,,\n"
    "771,1BNG,1,2015-01-01,2015,1,Riots/Protests,Rioters (Bangladesh),,5,,,0,50,Bangladesh,Khulna,,,Bagachra,"
    "22.95,88.96,1,UNB,Two groups fought.,0,,\n"
    "771,2BNG,2,2015-01-02,2015,1,Battle-No change of territory,Police Forces of Bangladesh (2014-2018),,1,"
    "Unidentified Armed Group (Bangladesh),,3,13,Bangladesh,Dhaka,,,Dhaka,23.7,90.4,1,UNB,A gunfight.,1,,\n"
    "771,3BNG,3,2015-01-03,2015,1,Riots/Protests,Rioters (Bangladesh),,5,,,0,50,Bangladesh,Khulna,,,X,1,1,1,UNB,,0,,\n"
)


def test_reader_maps_current_schema_with_inter_words(tmp_path):
    path = tmp_path / "current.csv"
    path.write_text(CURRENT, encoding="utf-8")
    (rec,) = list(read_export(path))
    assert rec.event_type == "Violence against civilians" and rec.sub_event_type == "Attack"
    assert (rec.inter1, rec.inter2, rec.interaction) == (3, 7, 37)
    assert rec.assoc_actor_2 == ["Farmers (Kenya)", "Women (Kenya)"]
    assert rec.civilian_targeting and rec.event_date == date(2022, 2, 23)
    assert rec.actors == ["Unidentified Armed Group (Kenya)", "Civilians (Kenya)", "Farmers (Kenya)", "Women (Kenya)"]


def test_reader_maps_old_types_only_where_clean_and_drops_rows_without_notes(tmp_path):
    path = tmp_path / "old.csv"
    path.write_text(OLD, encoding="utf-8")
    riot, battle = list(read_export(path))
    assert riot.event_type is None and riot.old_event_type == "Riots/Protests"
    assert (battle.event_type, battle.sub_event_type) == ("Battles", "Armed clash")
    assert battle.inter2 == 3 and battle.country == "Bangladesh"


def test_reader_reads_semicolon_exports_and_dedupes_across_files(tmp_path):
    header, row = CURRENT.splitlines()
    semi = row.replace("Farmers (Kenya); Women (Kenya)", "Farmers (Kenya)").replace('"On 23 February 2022, gunmen', '"On 23 February 2022 gunmen')
    (tmp_path / "a.csv").write_text(header.replace(",", ";") + "\n" + semi.replace(",", ";") + "\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(CURRENT.replace("On 23 February 2022, gunmen", "On 23 February 2022 gunmen"),
                                    encoding="utf-8")
    records = list(read_exports([tmp_path]))
    assert len(records) == 1 and records[0].inter1 == 3 and records[0].assoc_actor_2 == ["Farmers (Kenya)"]


def test_dates_and_inter_codes_in_every_export_form():
    assert parse_date("5-Aug-24") == date(2024, 8, 5)
    assert parse_date("06 December 2022") == date(2022, 12, 6)
    assert parse_date("2021-01-02T00:00:00Z") == date(2021, 1, 2)
    assert parse_date("sometime") is None
    assert inter_code("2.0") == 2 and inter_code("External/Other forces") == 8 and inter_code("NA") is None


def test_split_holds_out_whole_countries(tmp_path):
    path = tmp_path / "current.csv"
    path.write_text(CURRENT, encoding="utf-8")
    records = list(read_export(path))
    assert list(held_out_rows(records)) == records and not list(training_rows(records))
    assert not list(held_out_rows(records, parse_holdout("none")))
    assert parse_holdout("Mali, Chad") == ("Mali", "Chad")


def test_split_holds_out_one_year_of_a_country_and_keeps_its_other_years():
    from dataclasses import dataclass

    @dataclass
    class Row:
        country: str
        event_date: date | None

    rows = [Row("Mali", date(2020, 3, 1)), Row("Mali", date(2019, 3, 1)), Row("Chad", date(2020, 3, 1)),
            Row("Mali", None)]
    holdout = parse_holdout("Mali@2020, Kenya")
    assert list(held_out_rows(rows, holdout)) == rows[:1]
    assert list(training_rows(rows, holdout)) == rows[1:]


def _dated_rows(n: int, note_shift_days: int) -> str:
    """A current-schema export of ``n`` events whose notes open with their date moved by ``note_shift_days``."""
    from datetime import timedelta

    header = CURRENT.splitlines()[0]
    lines = [header]
    for i in range(n):
        when = date(2023, 1, 1) + timedelta(days=3 * i)
        said = (when + timedelta(days=note_shift_days)).strftime("%-d %B %Y")
        lines.append(f'E{i},{when.isoformat()},2023,1,Political violence,Battles,Armed clash,A,,1,B,,2,12,,1,'
                     f'Middle East,Yemen,X,,,X,1,1,1,S,National,"On {said}, forces clashed.",0,,1')
    return "\n".join(lines) + "\n"


def test_reader_skips_a_file_whose_notes_name_other_days_than_their_rows(tmp_path):
    (tmp_path / "shuffled.csv").write_text(_dated_rows(25, note_shift_days=40), encoding="utf-8")
    (tmp_path / "aligned.csv").write_text(_dated_rows(25, note_shift_days=0).replace("E", "F"), encoding="utf-8")
    records = list(read_exports([tmp_path]))
    assert len(records) == 25 and {r.source_file for r in records} == {"aligned.csv"}


def test_reader_keeps_a_file_with_few_dated_notes_or_a_few_off_by_weeks(tmp_path):
    few = tmp_path / "few.csv"
    few.write_text(_dated_rows(10, note_shift_days=40), encoding="utf-8")
    assert len(list(read_export(few))) == 10  # too few dated notes to judge the file
    header, *rows = _dated_rows(30, note_shift_days=0).splitlines()
    shifted = _dated_rows(30, note_shift_days=60).splitlines()[1:]
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("\n".join([header, *rows[:20], *shifted[20:]]) + "\n", encoding="utf-8")
    assert len(list(read_export(mixed))) == 30  # a third of the notes off: the file stands


def test_opening_date_reads_the_full_date_a_note_opens_with():
    assert opening_date("On 8 November 2023, soldiers fired on a market.") == date(2023, 11, 8)
    assert opening_date("Interception: Around 3 May 2022, a drone was downed.") == date(2022, 5, 3)
    assert opening_date("On or around 30 September 2019 a convoy was hit.") == date(2019, 9, 30)
    assert opening_date("On 31 April 2021, nothing could happen.") is None  # no such day
    assert opening_date("Fighting broke out on 3 May 2022 near the border.") is None  # not the opening


def test_reader_takes_the_second_side_from_the_written_interaction_without_an_inter2_column(tmp_path):
    head = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
            "assoc_actor_1,inter1,interaction,country,admin1,location,latitude,longitude,notes\n")
    rows = ("B1,5-Aug-24,2024,1,Political violence,Riots,Mob violence,Rioters (Bangladesh),,Rioters,"
            "Rioters-Civilians,Bangladesh,Dhaka,Dhaka,23.7,90.4,A mob beat a man.\n"
            "B2,6-Aug-24,2024,1,Political violence,Riots,Violent demonstration,Rioters (Bangladesh),,Rioters,"
            "State forces-Rioters,Bangladesh,Dhaka,Dhaka,23.7,90.4,Police fought rioters.\n"
            "B3,7-Aug-24,2024,1,Political violence,Riots,Mob violence,Rioters (Bangladesh),,Rioters,"
            "Rioters only,Bangladesh,Dhaka,Dhaka,23.7,90.4,A mob burned a shop.\n")
    path = tmp_path / "bgd.csv"
    path.write_text(head + rows, encoding="utf-8")
    got = [(r.inter1, r.inter2, r.interaction) for r in read_export(path)]
    assert got == [(5, 7, 57), (5, 1, 15), (5, None, 50)]
