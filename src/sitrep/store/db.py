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

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.io.readers import Input
from sitrep.model import ErrorInfo, Result, text_hash
from sitrep.store import rows as R
from sitrep.store.filters import EVENT_COLUMNS, EventFilter, limit_clause, where_clause

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
EVENTS_VIEW = "events_reviewed"  # events with coders' corrections applied, rejected ones left out


@dataclass
class BatchSummary:
    """What one ``write_batch`` (or a whole ingest) did."""

    new: int = 0  # articles never seen before
    unchanged: int = 0  # text already stored (re-ingest)
    updated: int = 0  # new version of an article at a known URL / input id
    aliases: int = 0  # known text under a new input id (recorded, not re-processed)
    quarantined: int = 0  # inputs that could not be processed (this run)
    events: int = 0  # events written
    reasons: dict[str, int] = field(default_factory=dict)  # quarantine code -> count (this run)

    @property
    def inputs(self) -> int:
        return self.new + self.unchanged + self.updated + self.aliases + self.quarantined

    def add(self, other: BatchSummary) -> None:
        for key, value in asdict(other).items():
            if key == "reasons":
                for code, n in value.items():
                    self.reasons[code] = self.reasons.get(code, 0) + n
            else:
                setattr(self, key, getattr(self, key) + value)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def quarantine_id(input_id: str, code: str, content_hash: str | None) -> str:
    key = f"{input_id}\0{code}\0{content_hash or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


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
        if not self.read_only:
            self.migrate()

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
        import duckdb

        schema = SCHEMA_FILE.read_text(encoding="utf-8")
        base_columns = (
            "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
            "JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema "
            "WHERE t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position"
        )
        reference = duckdb.connect(":memory:")
        try:
            reference.execute(schema)
            wanted = reference.execute(base_columns).fetchall()
        finally:
            reference.close()
        have = self.con.execute(base_columns).fetchall()
        tables = {t for t, _, _ in have}
        present = {(t, c) for t, c, _ in have}
        for table, column, dtype in wanted:
            if table in tables and (table, column) not in present:
                self.con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {dtype}')
        self.con.execute(schema)
        self._schemas.clear()

    def arrow_schema(self, table: str) -> Any:
        """The Arrow schema matching a table's columns (used for batch inserts)."""
        if table not in self._schemas:
            described = self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            self._schemas[table] = R.arrow_schema_for(described)
        return self._schemas[table]

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
            plan = _BatchPlan(self, inputs, now)
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


class _BatchPlan:
    """Collects one batch's rows in memory, then inserts them table by table."""

    def __init__(self, store: Store, inputs: Sequence[Input], now: datetime) -> None:
        self.store = store
        self.now = now
        self.articles: list[dict[str, Any]] = []
        self.ids: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.mentions: list[dict[str, Any]] = []
        self.quarantine: dict[str, dict[str, Any]] = {}
        self.supersede: list[tuple[str, str]] = []  # (new id, old id)
        self.resolved: set[str] = set()
        con = store.con
        arts = [i for i in inputs if i.article is not None]
        hashes = [i.content_hash for i in arts if i.content_hash]
        self.stored = store.known_hashes(hashes)
        input_ids = [i.id for i in arts]
        self.pairs = {
            (r[0], r[1])
            for r in con.execute(
                "SELECT input_id, article_id FROM article_ids WHERE input_id IN (SELECT unnest(CAST(? AS VARCHAR[])))",
                [input_ids],
            ).fetchall()
        }
        keys = sorted({k for i in arts for k in _version_keys(i)})
        # The current version for each URL / stable input id in this batch.
        self.current: dict[str, tuple[str, int]] = {}
        if keys:
            found = con.execute(
                "SELECT url, article_id, version FROM articles "
                "WHERE superseded_by IS NULL AND url IN (SELECT unnest(CAST(? AS VARCHAR[]))) "
                "UNION ALL "
                "SELECT ai.input_id, a.article_id, a.version FROM article_ids ai JOIN articles a USING (article_id) "
                "WHERE a.superseded_by IS NULL AND ai.input_id IN (SELECT unnest(CAST(? AS VARCHAR[])))",
                [keys, keys],
            ).fetchall()
            for key, aid, version in found:
                if key not in self.current or (version or 1) > self.current[key][1]:
                    self.current[key] = (aid, int(version or 1))

    def add(self, item: Input, result: Result | None, summary: BatchSummary) -> None:
        if item.article is None:
            failure = item.failure or ErrorInfo(code="E101", message="input has no text")
            self._quarantine(item, failure, item.raw_hash)
            summary.quarantined += 1
            summary.reasons[failure.code] = summary.reasons.get(failure.code, 0) + 1
            return
        article = item.article
        h = item.content_hash or article.content_hash
        if h in self.stored:
            if (item.id, h) not in self.pairs:
                self._alias(item, h)
                summary.aliases += 1
            else:
                summary.unchanged += 1
            self.resolved.add(item.id)
            return
        if result is None:
            raise ValueError(f"input {item.id!r} is new but has no pipeline result")
        if result.errors:
            self._quarantine(item, result.errors[0], h)
            summary.quarantined += 1
            code = result.errors[0].code
            summary.reasons[code] = summary.reasons.get(code, 0) + 1
            return
        version, supersedes = 1, None
        for key in _version_keys(item):
            prev = self.current.get(key)
            if prev and prev[0] != h:
                version, supersedes = prev[1] + 1, prev[0]
                break
        if supersedes:
            self.supersede.append((h, supersedes))
            summary.updated += 1
        else:
            summary.new += 1
        self.articles.append(R.article_row(article, h, version, supersedes, self.now))
        self._alias(item, h)
        rows = R.event_rows(result, h, article)
        self.events.extend(rows)
        summary.events += len(rows)
        self.mentions.extend(R.mention_rows(result, h))
        for key in _version_keys(item):
            self.current[key] = (h, version)
        self.stored.add(h)
        self.resolved.add(item.id)

    def _alias(self, item: Input, h: str) -> None:
        a = item.article
        self.ids.append(
            {
                "input_id": item.id,
                "article_id": h,
                "source": a.source if a else None,
                "origin": item.origin,
                "url": a.url if a else None,
                "added_at": self.now,
            }
        )
        self.pairs.add((item.id, h))

    def _quarantine(self, item: Input, failure: ErrorInfo, content_hash: str | None) -> None:
        chash = content_hash or text_hash(item.id)
        qid = quarantine_id(item.id, failure.code, chash)
        self.quarantine[qid] = {
            "quarantine_id": qid,
            "input_id": item.id,
            "origin": item.origin,
            "code": failure.code,
            "message": failure.message,
            "stage": failure.stage,
            "content_hash": chash,
            "quarantined_at": self.now,
        }

    def flush(self) -> None:
        con = self.store.con
        for table, rows in (
            ("articles", self.articles),
            ("article_ids", self.ids),
            ("events", self.events),
            ("mentions", self.mentions),
            ("quarantine", list(self.quarantine.values())),
        ):
            if not rows:
                continue
            data = R.arrow_table(rows, self.store.arrow_schema(table))
            name = f"_sitrep_batch_{table}"
            con.register(name, data)
            try:
                conflict = "" if table == "mentions" else " ON CONFLICT DO NOTHING"
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name}{conflict}")
            finally:
                con.unregister(name)
        for new_id, old_id in self.supersede:
            con.execute("UPDATE articles SET superseded_by = ? WHERE article_id = ?", [new_id, old_id])
        if self.resolved:
            # An input stored now is no longer "lost": drop its old quarantine entries.
            con.execute(
                "DELETE FROM quarantine WHERE input_id IN (SELECT unnest(CAST(? AS VARCHAR[]))) "
                "AND quarantine_id NOT IN (SELECT unnest(CAST(? AS VARCHAR[])))",
                [sorted(self.resolved), sorted(self.quarantine)],
            )


def _version_keys(item: Input) -> list[str]:
    """The keys under which a changed text counts as a new version: its URL, its stable input id."""
    keys = []
    if item.article is not None and item.article.url:
        keys.append(item.article.url)
    if item.stable_id and item.id not in keys:
        keys.append(item.id)
    return keys
