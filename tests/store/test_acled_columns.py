"""ACLED's 31 export columns, pinned against lists that do not come from sitrep's own code."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from store_fixtures import article_input, attack, result_for

from sitrep.model import ACLED_COLUMNS
from sitrep.store.export import write_export

# ACLED's export columns as its codebook lists them (typed here, not copied from sitrep.model)
ACLED_CODEBOOK_COLUMNS = """
event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 inter1
actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 admin2 admin3 location latitude
longitude geo_precision source source_scale notes fatalities tags timestamp
""".split()
# a real ACLED export of today's schema, from the public gold data
REAL_EXPORT = Path(__file__).resolve().parents[3] / "shared" / "data" / "acled_public" / "global_2022h1.csv"


def test_there_are_31_acled_columns_in_the_codebook_order():
    assert len(ACLED_CODEBOOK_COLUMNS) == 31
    assert ACLED_COLUMNS == tuple(ACLED_CODEBOOK_COLUMNS)


def test_acled_columns_match_a_real_acled_export():
    if not REAL_EXPORT.exists():
        pytest.skip(f"{REAL_EXPORT} is not present")
    with open(REAL_EXPORT, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert tuple(header) == ACLED_COLUMNS


def test_acled_csv_export_starts_with_the_31_columns(store):
    item = article_input("afp-1", "Gunmen killed two civilians in Kidal on Monday.", source="AFP")
    store.write_batch([item], [result_for(item, attack())])
    out = io.StringIO()
    assert write_export(store.con, "acled-csv", out) == 1
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert header[:31] == ACLED_CODEBOOK_COLUMNS
    assert all(name.startswith("x_") for name in header[31:])
    values = dict(zip(header, row, strict=True))
    assert values["event_type"] == "Violence against civilians" and values["year"] == "2024"
    assert values["country"] == "Mali" and values["fatalities"] == "2"
