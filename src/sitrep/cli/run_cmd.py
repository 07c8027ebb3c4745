"""``sitrep run``: a whole corpus to partitioned Parquet, in this process or on Spark."""

from __future__ import annotations

import json
import shutil
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from sitrep.cli import app
from sitrep.cli.common import fail
from sitrep.cli.extract_cmd import check_date
from sitrep.errors import SitrepError


class RunEngine(StrEnum):
    local = "local"
    spark = "spark"


class InputFormat(StrEnum):
    auto = "auto"
    files = "files"
    parquet = "parquet"


def parse_conf(items: list[str]) -> dict[str, str]:
    conf = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"expected KEY=VALUE, got {item!r}")
        conf[key.strip()] = value.strip()
    return conf


def run_corpus(
    engine: str,
    input_path: str,
    output: str,
    master: str | None = None,
    input_format: str = "auto",
    published: str | None = None,
    config: Path | None = None,
    overwrite: bool = False,
    partitions: int | None = None,
    conf: dict[str, str] | None = None,
) -> dict[str, object]:
    """Run ``engine`` over ``input_path`` into ``output``; returns the run summary."""
    stale = Path(output) / "canonical"
    if overwrite and stale.is_dir():
        shutil.rmtree(stale)  # a previous run's dedup no longer matches the events
    if engine == "spark":
        from sitrep.engines.spark import run_spark

        summary = run_spark(
            input_path, output, master=master, config=config, published=published, input_format=input_format,
            overwrite=overwrite, partitions=partitions, conf=conf,
        )  # fmt: skip
    else:
        from sitrep.engines.runfiles import run_local

        summary = run_local(
            input_path, output, config=config, published=published, input_format=input_format, overwrite=overwrite
        )
    return summary.to_dict()


# The dedup input, read by DuckDB straight from a run's Parquet: export columns back to the events table's
# names, and the evidence sentence cut from the article text (what the store-side dedup reads).
DEDUP_SQL = """
SELECT e.x_event_id AS event_id, e.x_article_id AS article_id, e.event_date, e.time_precision, e.disorder_type,
       e.event_type, e.sub_event_type, e.actor1, e.assoc_actor_1, e.inter1, e.actor2, e.assoc_actor_2, e.inter2,
       e.interaction, e.civilian_targeting, e.iso, e.region, e.country, e.admin1, e.admin2, e.admin3, e.location,
       e.latitude, e.longitude, e.geo_precision, e.source, e.source_scale, e.notes, e.fatalities, e.tags,
       e.timestamp, e.x_modality AS modality, e.x_confidence AS confidence, e.x_plover_type AS plover_type,
       e.x_plover_mode AS plover_mode, e.x_cameo_root AS cameo_root, e.x_trigger AS trigger,
       e.x_evidence AS evidence,
       coalesce(substring(a.text, TRY_CAST(json_extract_string(e.x_evidence, '$.sentence[0]') AS INTEGER) + 1,
                          TRY_CAST(json_extract_string(e.x_evidence, '$.sentence[1]') AS INTEGER)
                          - TRY_CAST(json_extract_string(e.x_evidence, '$.sentence[0]') AS INTEGER)),
                e.notes) AS text
FROM read_parquet('{events}', hive_partitioning = true) e
LEFT JOIN read_parquet('{articles}') a ON a.article_id = e.x_article_id
WHERE coalesce(e.x_modality, 'asserted') = 'asserted'
ORDER BY e.x_event_id
"""


def dedupe_output(output: str, config: Path | None = None) -> dict[str, object]:
    """Cluster a run's asserted events with the local dedup; write ``OUT/canonical/`` Parquet tables.

    DuckDB reads the (Spark or local) output directly; nothing is loaded into a store.
    """
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sitrep.dedup import dedupe_records, load_config

    root = Path(output)
    if not any((root / "events").rglob("*.parquet")) or not any((root / "articles").glob("*.parquet")):
        return {"events": 0, "canonical_events": 0, "possible_duplicates": 0}
    sql = DEDUP_SQL.format(events=root / "events" / "**" / "*.parquet", articles=root / "articles" / "*.parquet")
    table = duckdb.connect().sql(sql).to_arrow_table()
    result = dedupe_records(table, load_config(config), incremental=False)
    target = root / "canonical"
    target.mkdir(exist_ok=True)
    clusters = result.clusters()
    canonical = [
        {"canonical_id": cid, "members": sorted(clusters.get(cid, [])), "payload": json.dumps(fields, default=str)}
        for cid, fields in sorted(result.canonical.items())
    ]
    members = [{"event_id": e, "canonical_id": c} for e, c in sorted(result.members.items())]
    possible = [{**p, "reasons": json.dumps(p.get("reasons"), default=str)} for p in result.possible]
    for name, rows in (
        ("canonical_events", canonical),
        ("canonical_members", members),
        ("possible_duplicates", possible),
    ):
        pq.write_table(pa.Table.from_pylist(rows), target / f"{name}.parquet", compression="zstd")
    return {"events": len(members), "canonical_events": len(canonical), "possible_duplicates": len(possible)}


def _event_from_row(row: dict[str, object]) -> Any:
    """An export row back into an Event (the fields the store keeps)."""
    from sitrep.model import Event

    data = {k[2:] if k.startswith("x_") else k: v for k, v in row.items()}
    date = data.get("event_date")
    data["event_date"] = date.isoformat() if hasattr(date, "isoformat") else date
    evidence = data.get("evidence")
    data["evidence"] = json.loads(evidence) if isinstance(evidence, str) and evidence else {}
    return Event.from_dict(data)


def load_into_store(output: str, db: Path, batch_articles: int = 500) -> dict[str, int]:
    """Load a run (either engine) into a DuckDB store as ``sitrep ingest`` would have stored it.

    Events, articles (every input id) and quarantine come back; per-article mentions (actors, places,
    quotes as found in the text) are not in the run's output, so the store's article view lacks them.
    """
    import duckdb

    from sitrep.engines import runfiles as RF
    from sitrep.io.readers import Input
    from sitrep.model import Article, ErrorInfo, Result
    from sitrep.store import BatchSummary, Store

    root = Path(output)
    totals = BatchSummary()
    con = duckdb.connect()
    events_glob = root / "events" / "**" / "*.parquet"
    has_events = any((root / "events").rglob("*.parquet"))
    with Store(db) as store:
        if any((root / "articles").glob("*.parquet")):
            articles = RF.read_articles(root).to_pylist()
            for start in range(0, len(articles), batch_articles):
                chunk = articles[start : start + batch_articles]
                by_article: dict[str, list[dict[str, object]]] = {a["article_id"]: [] for a in chunk}
                if has_events:
                    rel = con.sql(
                        f"SELECT * EXCLUDE (month) FROM read_parquet('{events_glob}', hive_partitioning = true) "
                        "WHERE x_article_id IN (SELECT unnest(?)) ORDER BY x_event_id",
                        params=[list(by_article)],
                    )
                    for event in rel.to_arrow_table().to_pylist():
                        by_article[str(event["x_article_id"])].append(event)
                inputs: list[Input] = []
                results: list[Result | None] = []
                for a in chunk:
                    published = a["published"].isoformat() if a["published"] else None
                    events = [_event_from_row(e) for e in by_article[a["article_id"]]]
                    for input_id in a["input_ids"] or [a["input_id"]]:
                        article = Article(
                            text=a["text"], id=input_id, url=a["url"], title=a["title"], source=a["source"],
                            published=published, language=a["language"],
                        )  # fmt: skip
                        origin = a["origin"] if input_id == a["input_id"] else ""
                        inputs.append(Input(input_id, article=article, origin=origin, stable_id=input_id != origin))
                        results.append(Result(id=input_id, published=published, title=a["title"], events=events))
                totals.add(store.write_batch(inputs, results))
        if (root / "quarantine").is_dir() and any((root / "quarantine").glob("*.parquet")):
            rows = RF.read_quarantine(root).to_pylist()
            failed = [
                Input(
                    q["input_id"], failure=ErrorInfo(code=q["code"], message=q["message"], stage=q["stage"]),
                    origin=q["origin"] or "", raw_hash=q["content_hash"], stable_id=q["input_id"] != q["origin"],
                )
                for q in rows
            ]  # fmt: skip
            if failed:
                totals.add(store.write_batch(failed, [None] * len(failed)))
    return totals.to_dict()


@app.command()
def run(
    input_path: str = typer.Option(..., "--input", "-i", help="A JSONL/text/HTML file or folder, or Parquet articles."),
    output: str = typer.Option(..., "--output", "-o", help="Output folder: events/ (by country, month), quarantine/."),
    engine: RunEngine = typer.Option(RunEngine.local, "--engine", help="local (this process) or spark."),
    master: str | None = typer.Option(
        None,
        "--master",
        help="Spark master: local[*], local[2], spark://host:7077 … (default: SPARK_REMOTE, else local[*]).",
    ),
    input_format: InputFormat = typer.Option(
        InputFormat.auto,
        "--format",
        help="files = JSONL/.txt/.html; parquet = rows with id, text, title, url, published…",
    ),
    published: str | None = typer.Option(
        None, "--published", callback=check_date, help="Publication date for inputs that give none (YYYY-MM-DD)."
    ),
    config: Path | None = typer.Option(None, "--config", help="Pipeline config (TOML) merged over the default."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace events/ and quarantine/ if they exist."),
    partitions: int | None = typer.Option(None, "--partitions", min=1, help="Spark: tasks to split the corpus into."),
    conf: list[str] = typer.Option(
        [], "--conf", callback=lambda items: parse_conf(items) and items, help="Spark: setting KEY=VALUE (repeatable)."
    ),
    dedupe: bool = typer.Option(
        False,
        "--dedupe",
        help="Then cluster the events with the local dedup (DuckDB reads the Parquet): OUT/canonical/.",
    ),
    dedup_config: Path | None = typer.Option(None, "--dedup-config", help="TOML file overriding dedup settings."),
    db: Path | None = typer.Option(
        None, "--db", help="Then load the run into this DuckDB store (as `sitrep ingest` stores it; no mentions)."
    ),
) -> None:
    """Extract events from a whole corpus into partitioned Parquet (the same rows on every engine)."""
    try:
        summary = run_corpus(
            engine.value, input_path, output, master, input_format.value, published, config, overwrite, partitions,
            parse_conf(conf),
        )  # fmt: skip
        if dedupe:
            summary["dedup"] = dedupe_output(output, dedup_config)
        if db is not None:
            summary["store"] = load_into_store(output, db)
    except SitrepError as exc:
        fail(exc)
    typer.echo(json.dumps(summary))
