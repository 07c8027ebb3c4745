"""``sitrep feeds add|list|remove|poll`` and the feeds part of ``sitrep status``."""

from __future__ import annotations

import json
from pathlib import Path

from feeds_site import Site
from typer.testing import CliRunner

from sitrep.cli import _load_commands, app

FAST = ["--per-host-delay", "0", "--timeout", "1", "--retries", "0", "-j", "0"]


def run(*args: str) -> tuple[int, str]:
    _load_commands()
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_feed_commands_and_status(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "f.duckdb")
    site.set("/down.xml", "down", status=503)
    site.set("/empty.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>E</title></channel></rss>',
             content_type="application/rss+xml", conditional=True)
    code, out = run("feeds", "add", site.url("/down.xml"), "--db", db, "--every", "30s", "--country", "Mali")
    assert code == 0, out
    feed_id = out.split()[0]
    assert run("feeds", "add", site.url("/empty.xml"), "--db", db, "--source", "Empty Desk")[0] == 0
    code, out = run("feeds", "add", "gopher://x", "--db", db)
    assert code == 2 and "E600" in out
    code, out = run("feeds", "list", "--db", db, "--json")
    listed = {f["url"]: f for f in json.loads(out)}
    assert listed[site.url("/down.xml")]["every_seconds"] == 30 and listed[site.url("/down.xml")]["country"] == "Mali"

    code, out = run("feeds", "poll", "--db", db, *FAST)
    assert code == 0, out
    polls = {p["url"]: p for p in json.loads(out)["results"]}
    assert polls[site.url("/down.xml")]["codes"] == ["E602"] and polls[site.url("/empty.xml")]["status"] == 200

    code, out = run("status", "--db", db, "--json")
    feeds = json.loads(out)["feeds"]
    assert feeds["count"] == 2 and feeds["last_poll"]
    assert [(f["code"], f["failures"]) for f in feeds["failing"]] == [("E602", 1)]
    code, out = run("status", "--db", db)
    assert "feeds             2" in out and "E602" in out and "HTTP 503" in out

    code, out = run("feeds", "list", "--db", db)
    assert "HTTP 503" in out and "failing x1: E602" in out and "every 30s" in out
    assert run("feeds", "remove", feed_id, "--db", db)[0] == 0
    code, out = run("feeds", "remove", feed_id, "--db", db)
    assert code == 2 and "E609" in out
    assert len(json.loads(run("feeds", "list", "--db", db, "--json")[1])) == 1
