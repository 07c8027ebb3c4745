"""`sitrep ingest` / `status`: mixed corpus, idempotency, versions, and a real kill -9 mid-ingest.

These tests run the NLP stage only (a small pipeline config): what they check
is storage and bookkeeping, not extraction quality.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import _load_commands, app
from sitrep.store import Store

_load_commands()
runner = CliRunner()

PLACES = ["Kidal", "Gao", "Mopti", "Mosul", "Basra", "Ramadi", "Kirkuk", "Aleppo", "Idlib", "Sanaa"]


def synthetic(i: int) -> str:
    place = PLACES[i % len(PLACES)]
    return (
        f"Gunmen attacked a market in {place} on Monday, killing {i % 7 + 2} people, officials said.\n\n"
        f"The army sent {i + 10} soldiers to {place} after report number {i} reached the capital."
    )


@pytest.fixture
def small_config(tmp_path):
    path = tmp_path / "nlp_only.toml"
    path.write_text('[pipeline]\nstages = ["sitrep.nlp.v1"]\nbatch_size = 16\n')
    return path


@pytest.fixture
def mixed_corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "web").mkdir(parents=True)
    records = [
        {"id": "afp-1", "text": synthetic(1), "source": "AFP", "published": "2024-03-04"},
        {"id": "reuters-1", "text": synthetic(1), "source": "Reuters"},  # same wire story, second outlet
        {"id": "afp-2", "text": synthetic(2), "url": "https://afp.example/2"},
    ]
    (root / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    (root / "story.txt").write_text(synthetic(3))
    (root / "web" / "page.html").write_text(
        "<html><head><title>Clashes in Mosul</title></head><body><article><h1>Clashes in Mosul</h1>"
        f"<p>{synthetic(4)}</p><p>Residents reported gunfire through the night in the old city.</p>"
        "</article></body></html>"
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "blob.txt").write_bytes(bytes(range(256)) * 16)
    (root / "latin1.txt").write_bytes(
        "Café owners in Beirut protested on Monday against new taxes, which they said would ruin them.".encode(
            "latin-1"
        )
    )
    return root


def ingest(*args):
    result = runner.invoke(app, ["ingest", *map(str, args), "-j", "0", "--quiet"])
    assert result.exit_code == 0, result.output
    return result


def counts(db):
    with Store(db, read_only=True) as store:
        return store.counts()


def test_mixed_corpus_stores_good_inputs_and_quarantines_bad_ones(tmp_path, mixed_corpus, small_config):
    db = tmp_path / "s.duckdb"
    result = ingest(mixed_corpus, "--db", db, "--config", small_config)
    assert "5 new" in result.stderr and "1 new ids for known articles" in result.stderr
    c = counts(db)
    assert c["articles"] == 5 and c["article_ids"] == 6
    assert c["by_reason"] == {"E102": 1, "E103": 1} and c["quarantined"] == 2
    with Store(db, read_only=True) as store:
        latin = store.article(str(mixed_corpus / "latin1.txt"))
        assert latin is not None and latin["text"].startswith("Café owners")
        wire = store.article("reuters-1")
        assert wire["input_ids"] == ["afp-1", "reuters-1"] and wire["sources"] == ["AFP", "Reuters"]
        assert wire["mentions"]["entity"]  # the NLP stage ran and its output was stored
        origins = {r["code"]: r["origin"] for r in store.quarantined()}
        assert origins == {"E102": str(mixed_corpus / "empty.txt"), "E103": str(mixed_corpus / "blob.txt")}


def test_reingest_adds_nothing_and_reports_unchanged(tmp_path, mixed_corpus, small_config):
    db = tmp_path / "s.duckdb"
    ingest(mixed_corpus, "--db", db, "--config", small_config)
    before = counts(db)
    again = ingest(mixed_corpus, "--db", db, "--config", small_config)
    assert "0 new" in again.stderr and "6 unchanged" in again.stderr
    assert counts(db) == before


def test_changed_article_at_same_url_becomes_a_new_version(tmp_path, small_config):
    db = tmp_path / "s.duckdb"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"url": "https://x.example/a", "text": synthetic(5)}) + "\n")
    ingest(feed, "--db", db, "--config", small_config)
    feed.write_text(json.dumps({"url": "https://x.example/a", "text": synthetic(5) + " Updated at noon."}) + "\n")
    result = ingest(feed, "--db", db, "--config", small_config)
    assert "1 updated" in result.stderr
    c = counts(db)
    assert c["articles"] == 2 and c["current_articles"] == 1
    with Store(db, read_only=True) as store:
        assert store.article("https://x.example/a")["version"] == 2


def test_status_json_reports_required_keys(tmp_path, mixed_corpus, small_config):
    db = tmp_path / "s.duckdb"
    ingest(mixed_corpus, "--db", db, "--config", small_config)
    result = runner.invoke(app, ["status", "--db", str(db), "--json"])
    assert result.exit_code == 0
    status = json.loads(result.stdout)
    assert {"articles", "events", "quarantined", "canonical_events", "by_reason"} <= set(status)
    assert status["articles"] == 5 and status["by_reason"]["E103"] == 1
    text = runner.invoke(app, ["status", "--db", str(db)]).stdout
    assert "E102 input is empty" in text


def test_status_of_missing_store_fails_clearly(tmp_path):
    result = runner.invoke(app, ["status", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0 and "E402" in result.output


def test_ingest_missing_path_fails_before_any_work(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code != 0 and "E108" in result.output
    assert not (tmp_path / "s.duckdb").exists()


def _processes_with_marker(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


# A stage with a known, fixed cost and a checkable output: 5 entity mentions and
# one event per article. The run's length no longer depends on the machine's
# speed, so the kill always lands mid-run, and any partial article shows up
# as a wrong mention or event count.
PACED_STAGE = """
import time
from sitrep.model import Event, Mention
from sitrep.registry import stage

@stage("killtest_stage:paced.v1", needs=("article.text",), sets=("entities", "events"))
def make(config):
    def run(documents):
        for d in documents:
            time.sleep(0.01)
            words = d.article.text.split()[:5]
            d.entities = [Mention(text=w, start=0, end=len(w), label="W") for w in words]
            d.events = [Event(event_type="Battles", evidence={"sentence": [0, 10]})]
    return run
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kills a real process and reads /proc")
def test_kill_9_mid_ingest_then_rerun_leaves_every_article_exactly_once(tmp_path, mixed_corpus):
    n = 300
    (mixed_corpus / "bulk.jsonl").write_text(
        "\n".join(json.dumps({"id": f"bulk-{i}", "text": synthetic(100 + i)}) for i in range(n)) + "\n"
    )
    (tmp_path / "killtest_stage.py").write_text(PACED_STAGE)
    config = tmp_path / "paced.toml"
    config.write_text('[pipeline]\nstages = ["killtest_stage:paced.v1"]\n')
    db = tmp_path / "s.duckdb"
    sitrep = Path(sys.executable).with_name("sitrep")
    cmd = [str(sitrep), "ingest", str(mixed_corpus), "--db", str(db), "--config", str(config)]
    cmd += ["-j", "1", "--batch-size", "16"]
    marker = uuid.uuid4().hex
    env = {**os.environ, "SITREP_KILL_TEST": marker, "PYTHONPATH": str(tmp_path)}

    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True)
    assert proc.stderr is not None
    line = proc.stderr.readline()  # the first progress line comes right after the first commit
    assert "committed" in line, line
    time.sleep(random.uniform(0.0, 1.5))  # land anywhere: between batches or inside a transaction
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while _processes_with_marker(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_with_marker(marker) == []  # workers noticed their parent died and left

    total_articles, total_ids = n + 5, n + 6
    partial = counts(db)
    assert 0 < partial["articles"] < total_articles, "the kill should land mid-run"
    _assert_whole_articles(db)
    final: dict = {}
    for attempt in (1, 2):
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
        assert done.returncode == 0, done.stderr
        c = counts(db)
        assert (c["articles"], c["article_ids"], c["events"]) == (total_articles, total_ids, total_articles)
        assert c["by_reason"] == {"E102": 1, "E103": 1}
        if attempt == 2:
            assert " 0 new, " in done.stderr and c == final
        final = c
    _assert_whole_articles(db)


def _assert_whole_articles(db):
    """Every stored article has its id row, its 5 mentions and its 1 event: nothing half-written."""
    with Store(db, read_only=True) as store:
        bad = store.con.execute(
            "SELECT a.article_id, "
            "(SELECT count(*) FROM article_ids i WHERE i.article_id = a.article_id) AS ids, "
            "(SELECT count(*) FROM mentions m WHERE m.article_id = a.article_id) AS mentions, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events "
            "FROM articles a"
        ).fetchall()
    assert bad, "no articles stored"
    assert [r for r in bad if r[1] < 1 or r[2] != 5 or r[3] != 1] == []


def test_ingest_reads_jsonl_from_stdin(tmp_path, small_config):
    db = tmp_path / "s.duckdb"
    lines = "".join(json.dumps({"id": f"in-{i}", "text": synthetic(20 + i)}) + "\n" for i in range(3))
    result = runner.invoke(
        app, ["ingest", "-", "--db", str(db), "--config", str(small_config), "-j", "0", "-q"], input=lines
    )
    assert result.exit_code == 0, result.output
    assert counts(db)["articles"] == 3
