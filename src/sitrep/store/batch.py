"""One batch's rows: what ``Store.write_batch`` decides and inserts inside its transaction.

Each input is new, a known text (unchanged, or a new id for it), a new
version of a known URL / stable id, or quarantined. Rows are collected in
memory and inserted table by table as Arrow tables.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sitrep.io.readers import Input
from sitrep.model import ErrorInfo, Result, text_hash
from sitrep.store import rows as R

if TYPE_CHECKING:
    from sitrep.store.db import Store


@dataclass
class BatchSummary:
    """What one ``write_batch`` (or a whole ingest) did."""

    new: int = 0  # articles never seen before
    unchanged: int = 0  # text already stored (re-ingest)
    updated: int = 0  # new version of an article at a known URL / input id
    aliases: int = 0  # known text under a new input id (recorded, not re-processed)
    quarantined: int = 0  # inputs that could not be processed (this run)
    events: int = 0  # events written
    degraded: int = 0  # stored articles on which a stage failed (W200): the other stages' output kept
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


# the tables ``BatchPlan.flush`` inserts into, in that order
WRITTEN_TABLES = ("articles", "article_ids", "events", "mentions", "quarantine")


def quarantine_id(input_id: str, code: str, content_hash: str | None) -> str:
    key = f"{input_id}\0{code}\0{content_hash or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


class BatchPlan:
    """Collects one batch's rows in memory, then inserts them table by table."""

    def __init__(self, store: Store, inputs: Sequence[Input], now: datetime) -> None:
        self.store = store
        self.now = now
        self.articles: list[dict[str, Any]] = []
        self.ids: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.mentions: dict[str, list[Any]] = {name: [] for name in R.MENTION_COLUMNS}
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
        if result.failures:  # a degraded article (W200 warnings only) is stored like any other
            self._quarantine(item, result.failures[0], h)
            summary.quarantined += 1
            code = result.failures[0].code
            summary.reasons[code] = summary.reasons.get(code, 0) + 1
            return
        if result.degraded:
            summary.degraded += 1
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
        rows = R.event_rows(result, h, article, int(self.now.timestamp()))
        self.events.extend(rows)
        summary.events += len(rows)
        R.add_mentions(self.mentions, result, h)
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
        tables: tuple[list[dict[str, Any]] | dict[str, list[Any]], ...] = (
            self.articles,
            self.ids,
            self.events,
            self.mentions,  # already columns
            list(self.quarantine.values()),
        )
        for table, rows in zip(WRITTEN_TABLES, tables, strict=True):
            schema = self.store.arrow_schema(table)
            if isinstance(rows, dict):
                if not rows["article_id"]:
                    continue
                data = R.arrow_columns(rows, schema)
            elif rows:
                data = R.arrow_table(rows, schema)
            else:
                continue
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
