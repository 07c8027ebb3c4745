"""The Spark engine writes exactly what the local engine writes, and never fails on bad input.

One local[2] session for the module; each engine runs once per input kind
(files, Parquet) and the tests compare the two outputs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")

from sitrep.engines import batch as B  # noqa: E402
from sitrep.engines import runfiles as RF  # noqa: E402
from sitrep.engines import spark as S  # noqa: E402

pytestmark = pytest.mark.spark

SAMPLES = Path(B.__file__).resolve().parents[1] / "samples" / "corpus.jsonl"
RUN_TS = 1_750_000_000  # both engines stamp events with the same run time

BAD_LINES = [
    "",  # blank line → E102
    "{not json",  # → E100
    "[1, 2]",  # not an object → E110
    json.dumps({"id": "no-text", "title": "headline only"}),  # → E101
    json.dumps({"id": "binary", "text": "\u0001\u0002\u0003\u0004\u0005 \u0006\u0007"}),  # → E103
    json.dumps({"id": "number-text", "text": 42}),  # → E110
]


@pytest.fixture(scope="module")
def spark():
    if not S.java_available():
        pytest.skip("no Java runtime")
    session = S.start_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus, a file of broken lines, a repeated text, a .txt article and a nested folder."""
    root = tmp_path_factory.mktemp("corpus")
    records = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    (root / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records[:24]) + "\n", encoding="utf-8")
    nested = root / "2025" / "march"
    nested.mkdir(parents=True)
    rest = records[24:]
    repeat = {**rest[0], "id": "syndicated-copy", "url": None}  # same text, another id: one article, two ids
    no_id = {k: v for k, v in rest[1].items() if k not in ("id", "url")}  # falls back to file:line
    no_id["text"] += "\n\nOfficials gave no further details."
    lines = [json.dumps(r) for r in [*rest, repeat, no_id]]
    (nested / "desk.ndjson").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "broken.jsonl").write_text("\n".join(BAD_LINES) + "\n", encoding="utf-8")
    (root / "report.txt").write_text("Field report\n\n" + records[0]["text"], encoding="utf-8")
    (root / "_ignored.jsonl").write_text(json.dumps(records[1]) + "\n", encoding="utf-8")  # hidden, as in Spark
    return root


@pytest.fixture(scope="module")
def runs(spark: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("runs")
    local = RF.run_local(str(corpus), str(out / "local"), published="2025-03-05", timestamp=RUN_TS)
    distributed = S.run_spark(
        str(corpus), str(out / "spark"), spark=spark, master="local[2]", published="2025-03-05", timestamp=RUN_TS,
        partitions=4,
    )  # fmt: skip
    return {"local": local, "spark": distributed, "out": out}


def rows(table: Any) -> list[dict[str, Any]]:
    return table.to_pylist()


def test_spark_writes_exactly_the_local_events(runs: dict[str, Any]) -> None:
    local = rows(RF.read_events(runs["out"] / "local"))
    distributed = rows(RF.read_events(runs["out"] / "spark"))
    assert local, "the sample corpus yields events"
    assert len(distributed) == len(local)
    assert distributed == local  # every field of every event
    assert runs["spark"].events == runs["local"].events == len(local)


def test_spark_writes_the_same_articles_and_their_text_backs_the_evidence(runs: dict[str, Any]) -> None:
    local = rows(RF.read_articles(runs["out"] / "local"))
    distributed = rows(RF.read_articles(runs["out"] / "spark"))
    assert distributed == local
    assert len(distributed) == runs["spark"].articles
    texts = {a["article_id"]: a["text"] for a in distributed}
    events = rows(RF.read_events(runs["out"] / "spark"))
    assert sum(a["events"] for a in distributed) == len(events)
    for event in events:
        start, end = json.loads(event["x_evidence"])["sentence"]
        assert texts[event["x_article_id"]][start:end].strip()


def test_spark_quarantines_bad_inputs_and_finishes(runs: dict[str, Any]) -> None:
    local = rows(RF.read_quarantine(runs["out"] / "local"))
    distributed = rows(RF.read_quarantine(runs["out"] / "spark"))
    assert distributed == local
    by_id = {q["input_id"]: q["code"] for q in distributed}
    assert by_id["broken.jsonl:1"] == "E102"
    assert by_id["broken.jsonl:2"] == "E100"
    assert by_id["broken.jsonl:3"] == "E110"
    assert by_id["no-text"] == "E101"
    assert by_id["binary"] == "E103"
    assert by_id["number-text"] == "E110"
    assert all(q["message"] and q["origin"] and q["quarantine_id"] for q in distributed)
    summary = runs["spark"]
    assert (summary.inputs, summary.articles, summary.quarantined) == (
        runs["local"].inputs,
        runs["local"].articles,
        runs["local"].quarantined,
    )
    assert summary.articles + summary.quarantined + 1 == summary.inputs  # the repeated text is one article


def test_repeated_text_is_one_article_listing_both_ids(runs: dict[str, Any]) -> None:
    events = rows(RF.read_events(runs["out"] / "spark"))
    copies = [e for e in events if "syndicated-copy" in e["x_article_ids"]]
    assert copies, "the repeated article has events"
    assert all(len(e["x_article_ids"]) == 2 for e in copies)
    ids = [e["x_event_id"] for e in events]
    assert len(ids) == len(set(ids))


def test_ids_come_from_paths_below_the_input_root(runs: dict[str, Any]) -> None:
    quarantine = rows(RF.read_quarantine(runs["out"] / "spark"))
    events = rows(RF.read_events(runs["out"] / "spark"))
    assert {q["origin"].rsplit(":", 1)[0] for q in quarantine} >= {"broken.jsonl"}
    article_ids = {i for e in events for i in e["x_article_ids"]}
    assert any(i.startswith("2025/march/desk.ndjson:") for i in article_ids)  # the record without id or url
    assert not any(i.startswith("_ignored") for i in article_ids)


def test_events_are_partitioned_by_country_and_month_in_the_export_schema(runs: dict[str, Any]) -> None:
    import duckdb

    events_dir = runs["out"] / "spark" / "events"
    dirs = {p.relative_to(events_dir).parts[:2] for p in events_dir.rglob("*.parquet")}
    assert dirs and all(c.startswith("country=") and m.startswith("month=") for c, m in dirs)
    glob = str(events_dir / "**" / "*.parquet")
    con = duckdb.connect()
    described = con.sql(f"DESCRIBE SELECT * FROM read_parquet('{glob}', hive_partitioning=1)").fetchall()
    assert sorted(name for name, *_ in described) == sorted(B.events_schema().names)
    months = con.sql(f"SELECT DISTINCT month, strftime(event_date, '%Y-%m') FROM read_parquet('{glob}', "
                     "hive_partitioning=1)").fetchall()  # fmt: skip
    assert all(m == d for m, d in months)


def test_event_columns_match_the_store_parquet_export() -> None:
    export = pytest.importorskip("sitrep.store.export")
    ours = B.events_schema()
    theirs = export.export_schema()
    assert ours.names[:-1] == theirs.names  # + the month partition column
    assert [f.type for f in ours][:-1] == [f.type for f in theirs]


def test_spark_reads_parquet_articles_like_the_local_engine(
    spark: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()][:12]
    table = pa.table(
        {
            "id": [r["id"] for r in records] + [None, "empty"],
            "text": [r["text"] for r in records] + [records[0]["text"] + " More follows.", ""],
            "title": [r["title"] for r in records] + [None, None],
            "published": [r["published"] for r in records] + ["2025-01-02", None],
        }
    )
    src = tmp_path_factory.mktemp("parquet_in")
    pq.write_table(table.slice(0, 7), src / "a.parquet")
    pq.write_table(table.slice(7), src / "b.parquet")
    out = tmp_path_factory.mktemp("parquet_out")
    local = RF.run_local(str(src), str(out / "local"), timestamp=RUN_TS)
    distributed = S.run_spark(str(src), str(out / "spark"), spark=spark, timestamp=RUN_TS, partitions=3)
    assert local.inputs == distributed.inputs == 14
    assert rows(RF.read_events(out / "spark")) == rows(RF.read_events(out / "local"))
    quarantine = rows(RF.read_quarantine(out / "spark"))
    assert quarantine == rows(RF.read_quarantine(out / "local"))
    assert {q["input_id"]: q["code"] for q in quarantine}["empty"] == "E102"
    ids = {i for e in rows(RF.read_events(out / "spark")) for i in e["x_article_ids"]}
    assert "b.parquet:6" in ids  # the row without an id: file name and 1-based row


def test_spark_refuses_to_overwrite_without_asking(spark: Any, runs: dict[str, Any], corpus: Path) -> None:
    from sitrep.errors import SitrepError

    with pytest.raises(SitrepError) as info:
        S.run_spark(str(corpus), str(runs["out"] / "spark"), spark=spark)
    assert info.value.code == "E500"


def test_local_cores_reads_the_master() -> None:
    assert S.local_cores("local[2]") == 2
    assert S.local_cores("local[*]") >= 1
    assert S.local_cores("local") == 1
    assert S.local_cores("spark://host:7077") == 0
    assert S.session_conf("local[2]")["spark.ui.enabled"] == "false"
    assert "spark.driver.host" not in S.session_conf("spark://host:7077")


def test_relative_name_handles_uris_and_single_files() -> None:
    assert B.relative_name("file:/data/in/a/b.jsonl", "/data/in") == "a/b.jsonl"
    assert B.relative_name("file:/data/in/b.jsonl", "/data/in/b.jsonl") == "b.jsonl"
    assert B.relative_name("s3a://bucket/in/x%20y.jsonl", "s3a://bucket/in") == "x y.jsonl"
