"""The embedded store: one DuckDB file holding articles, events, mentions, quarantine.

``Store(path)`` is a context manager. ``write_batch`` writes one batch of
inputs and their pipeline results as ONE transaction, so a crash (even
``kill -9``) leaves every batch either fully stored or absent; re-running the
same ingest then completes the missing batches and skips the stored ones.

Identity: an article is its normalised-text hash (``Article.content_hash``).
The ids inputs gave it (JSONL id, URL, path) live in ``article_ids``; the same
text under two ids is one article with both. New text at a known URL (or a
known stable input id) is a new version that supersedes the old one, which is
kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.io.readers import Input
from sitrep.model import Result
from sitrep.store import rows as R
from sitrep.store.batch import BatchPlan, BatchSummary
from sitrep.store.filters import EVENT_COLUMNS, EventFilter, limit_clause, where_clause

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
_BASE_COLUMNS = (
    "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
    "JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema "
    "WHERE t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position"
)
EVENTS_VIEW = "events_reviewed"  # events with coders' corrections applied, rejected ones left out


class Store:
    """DuckDB persistence. ``with Store("sitrep.duckdb") as store: ...``"""

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        read_only: bool = False,
        memory_limit: str | None = None,
        threads: int | None = None,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.memory_limit = memory_limit
        self.threads = threads
        self._con: Any = None
        self._schemas: dict[str, Any] = {}
        self._memory_setting: str | None = None

    # -- connection ---------------------------------------------------------
    def __enter__(self) -> Store:
        self.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def connect(self) -> None:
        import duckdb

        config: dict[str, Any] = {}
        if self.memory_limit:
            config["memory_limit"] = self.memory_limit
        if self.threads:
            config["threads"] = self.threads
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(self.path, read_only=self.read_only, config=config)
        except duckdb.Error as exc:
            raise SitrepError("E400", f"{self.path}: {exc}") from exc
        # DuckDB draws a progress bar for long queries; it must never mix into an export on stdout.
        self._con.execute("SET enable_progress_bar = false")
        if not self.read_only:
            self.migrate()
        elif self.path != ":memory:" and not self.is_current():
            self._upgrade_then_reopen(config)

    def _upgrade_then_reopen(self, config: dict[str, Any]) -> None:
        """A read-only open of a file made by an older sitrep: migrate it once, when no one else has it open."""
        import duckdb

        self.close()
        try:
            writable = duckdb.connect(self.path, config=config)
        except duckdb.Error:
            writable = None  # someone is writing to it: read it as it is
        if writable is not None:
            try:
                self._con = writable
                self.migrate()
            finally:
                writable.close()
        self._con = duckdb.connect(self.path, read_only=True, config=config)
        self._con.execute("SET enable_progress_bar = false")

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def con(self) -> Any:
        """The DuckDB connection (open the store first)."""
        if self._con is None:
            raise SitrepError("E400", "the store is not open")
        return self._con

    def migrate(self) -> None:
        """Bring the file up to ``schema.sql``: add columns its tables gained, then create what is missing.

        Columns first, so views in the schema that use a new column can be created.
        """
        schema = SCHEMA_FILE.read_text(encoding="utf-8")
        _, wanted = _reference_catalog(schema)
        have = self.con.execute(_BASE_COLUMNS).fetchall()
        tables = {t for t, _, _ in have}
        present = {(t, c) for t, c, _ in have}
        for table, column, dtype in wanted:
            if table in tables and (table, column) not in present:
                self.con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {dtype}')
        self.con.execute(schema)
        self._schemas.clear()

    def is_current(self) -> bool:
        """Whether the file has every table, view and column ``schema.sql`` defines."""
        relations, wanted = _reference_catalog(SCHEMA_FILE.read_text(encoding="utf-8"))
        have_relations = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        have_columns = {(t, c) for t, c, _ in self.con.execute(_BASE_COLUMNS).fetchall()}
        return relations <= have_relations and {(t, c) for t, c, _ in wanted} <= have_columns

    def arrow_schema(self, table: str) -> Any:
        """The Arrow schema matching a table's columns (used for batch inserts)."""
        if table not in self._schemas:
            described = self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            self._schemas[table] = R.arrow_schema_for(described)
        return self._schemas[table]

    def cache_bytes(self) -> int:
        """What DuckDB holds in memory now (its buffer pool: cached blocks, indexes, uncommitted rows)."""
        row = self.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
        return int(row[0] or 0)

    def trim_cache(self, budget_bytes: int) -> bool:
        """Checkpoint and let DuckDB drop cached blocks once they pass ``budget_bytes``; True if it trimmed.

        An ingest only appends, yet the blocks it wrote and the indexes it built stay in DuckDB's buffer pool
        until the memory limit pushes them out, so the process grew with the corpus (~0.8 MB per 1,000
        articles) up to that limit. Lowering the limit for a moment makes DuckDB evict whatever is not pinned;
        the file (and the OS page cache) still holds it for the rare read.
        """
        # (An in-memory store is all cache: evicting it would only move it to temporary files.)
        if self.read_only or self.path == ":memory:" or self.cache_bytes() <= budget_bytes:
            return False
        import duckdb

        if self._memory_setting is None:  # read once: re-reading it would drift (488.2 MiB -> 488.1 MiB)
            self._memory_setting = self.memory_limit or str(
                self.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
            )
        self.con.execute("CHECKPOINT")
        try:
            self.con.execute("SET memory_limit = '1MB'")
        except duckdb.Error:
            pass  # something is pinned: keep what could not be evicted
        finally:
            self.con.execute(f"SET memory_limit = '{self._memory_setting}'")
        return True

    # -- writing ------------------------------------------------------------
    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Which of these content hashes are already stored (lets ingest skip the pipeline)."""
        if not hashes:
            return set()
        rows = self.con.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(CAST(? AS VARCHAR[])))", [list(hashes)]
        ).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, inputs: Sequence[Input], results: Sequence[Result | None]) -> BatchSummary:
        """Store one batch in ONE transaction.

        ``results[i]`` is the pipeline's Result for ``inputs[i]``, or None when
        the input failed in the reader (it carries ``failure``) or its text is
        already stored (``known_hashes``). A Result with errors is quarantined.
        """
        if len(inputs) != len(results):
            raise ValueError("write_batch needs one result (or None) per input")
        now = datetime.now(UTC).replace(tzinfo=None)
        summary = BatchSummary()
        con = self.con
        con.begin()
        try:
            plan = BatchPlan(self, inputs, now)
            for item, result in zip(inputs, results, strict=True):
                plan.add(item, result, summary)
            plan.flush()
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return summary

    def record_run(self, run_id: str, started: datetime, paths: Sequence[str], summary: BatchSummary) -> None:
        values = summary.to_dict()
        self.con.execute(
            "INSERT OR REPLACE INTO ingest_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, started.replace(tzinfo=None), datetime.now(UTC).replace(tzinfo=None), list(paths)]
            + [values[k] for k in ("new", "unchanged", "updated", "aliases", "quarantined")],
        )

    # -- reading ------------------------------------------------------------
    def events(self, filters: EventFilter | None = None, chunk_size: int = 2048) -> Iterator[dict[str, Any]]:
        """Stored events as dicts (Event field names + ``article_ids``: the input ids), streamed.

        Coders' corrections win over the machine coding and rejected codings are
        left out (``events_reviewed``); ``review_status`` says what a coder did.
        """
        where, params = where_clause(filters, EVENT_COLUMNS)
        current = "" if filters and filters.include_superseded else " AND a.superseded_by IS NULL"
        sql = (
            "WITH ids AS (SELECT article_id, list_sort(list(input_id)) AS article_ids FROM article_ids "
            "GROUP BY article_id) "
            "SELECT e.* EXCLUDE (evidence), CAST(e.evidence AS VARCHAR) AS evidence, ids.article_ids "
            f"FROM {EVENTS_VIEW} e JOIN articles a USING (article_id) LEFT JOIN ids USING (article_id) "
            f"WHERE {where}{current} ORDER BY e.event_date NULLS LAST, e.event_id{limit_clause(filters)}"
        )
        cursor = self.con.cursor()
        try:
            cursor.execute(sql, params)
            names = [d[0] for d in cursor.description]
            while True:
                chunk = cursor.fetchmany(chunk_size)
                if not chunk:
                    break
                for row in chunk:
                    record = dict(zip(names, row, strict=True))
                    yield R.event_dict(record)
        finally:
            cursor.close()

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article (by store id, input id or URL; the current version) with its ids, events and mentions."""
        con = self.con
        row = con.execute(
            "SELECT * FROM articles WHERE article_id = ? OR url = ? OR article_id IN "
            "(SELECT article_id FROM article_ids WHERE input_id = ? OR url = ?) "
            "ORDER BY superseded_by NULLS FIRST, version DESC LIMIT 1",
            [article_id] * 4,
        ).fetchone()
        if row is None:
            return None
        names = [d[0] for d in con.description]
        article = R.plain(dict(zip(names, row, strict=True)))
        aid = article["article_id"]
        ids = con.execute(
            "SELECT input_id, source, origin, url FROM article_ids WHERE article_id = ? ORDER BY input_id", [aid]
        ).fetchall()
        article["input_ids"] = [r[0] for r in ids]
        article["sources"] = sorted(
            {r[1] for r in ids if r[1]} | ({article["source"]} if article.get("source") else set())
        )
        article["ids"] = [{"input_id": r[0], "source": r[1], "origin": r[2], "url": r[3]} for r in ids]
        article["events"] = list(self.events(EventFilter(article_id=aid, modalities=(), include_superseded=True)))
        mentions: dict[str, list[Any]] = {}
        for kind, payload in con.execute(
            "SELECT kind, CAST(payload AS VARCHAR) FROM mentions WHERE article_id = ? ORDER BY kind, ordinal", [aid]
        ).fetchall():
            mentions.setdefault(kind, []).append(json.loads(payload))
        article["mentions"] = mentions
        return article

    def quarantined(self, limit: int = 100) -> list[dict[str, Any]]:
        cursor = self.con.execute(
            "SELECT input_id, origin, code, message, stage, quarantined_at FROM quarantine "
            "ORDER BY quarantined_at DESC, input_id LIMIT ?",
            [limit],
        )
        names = [d[0] for d in cursor.description]
        return [R.plain(dict(zip(names, r, strict=True))) for r in cursor.fetchall()]

    def counts(self) -> dict[str, Any]:
        """Row counts for ``sitrep status`` and the API."""
        con = self.con

        def one(sql: str) -> int:
            return int(con.execute(sql).fetchone()[0])

        by_reason = dict(con.execute("SELECT code, count(*) FROM quarantine GROUP BY code ORDER BY code").fetchall())
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "current_articles": one("SELECT count(*) FROM articles WHERE superseded_by IS NULL"),
            "article_ids": one("SELECT count(*) FROM article_ids"),
            "events": one("SELECT count(*) FROM events"),
            "asserted_events": one("SELECT count(*) FROM events WHERE modality = 'asserted'"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "quarantined": one("SELECT count(*) FROM quarantine"),
            "canonical_events": one("SELECT count(*) FROM canonical_events"),
            "possible_duplicates": one("SELECT count(*) FROM possible_duplicates"),
            "by_reason": {str(k): int(v) for k, v in by_reason.items()},
        }


@lru_cache(maxsize=2)
def _reference_catalog(schema: str) -> tuple[frozenset[str], tuple[tuple[str, str, str], ...]]:
    """Relations and base-table columns ``schema`` creates, read from a scratch in-memory database."""
    import duckdb

    reference = duckdb.connect(":memory:")
    try:
        reference.execute(schema)
        relations = frozenset(
            r[0] for r in reference.execute("SELECT table_name FROM information_schema.tables").fetchall()
        )
        columns = tuple(reference.execute(_BASE_COLUMNS).fetchall())
    finally:
        reference.close()
    return relations, columns
