"""``sitrep demo --no-serve``: the sample corpus ingested, deduplicated and summarised; a rerun adds nothing."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import _load_commands, app
from sitrep.store import Store


def test_demo_builds_a_deduplicated_store_and_summarises_it(tmp_path: Path) -> None:
    _load_commands()
    db = tmp_path / "demo.duckdb"
    first = CliRunner().invoke(app, ["demo", "--no-serve", "--db", str(db), "--workers", "0"])
    assert first.exit_code == 0, first.output
    assert "deduplicated events in the sample corpus" in first.output
    with Store(db, read_only=True) as store:
        counts = store.counts()
        ids = {r[0] for r in store.con.execute("SELECT canonical_id FROM canonical_events").fetchall()}
    assert counts["articles"] == 40 and counts["quarantined"] == 0
    assert 0 < counts["canonical_events"] < counts["asserted_events"]  # reports of one incident were merged
    again = CliRunner().invoke(app, ["demo", "--no-serve", "--db", str(db), "--workers", "0"])
    assert again.exit_code == 0, again.output
    assert "(0 new this run" in again.output
    with Store(db, read_only=True) as store:
        assert {r[0] for r in store.con.execute("SELECT canonical_id FROM canonical_events").fetchall()} == ids
