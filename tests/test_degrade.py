"""Degrade, don't drop: a stage that raises on one article leaves that article the other stages' output.

Failures are injected into the real pipeline's stages, on the seed article (or a short report when the seed
is absent), next to an article the failure does not touch.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import registry
from sitrep.model import Article, Mention, Result
from sitrep.pipeline import Pipeline, strict_mode

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_8a35474ce26a6636.txt"

OTHER = "Gunmen killed two farmers near Kidal on Monday, officials said. Soldiers later arrested three suspects."
FALLBACK = (
    "Iraqi forces and local tribes attacked Islamic State cells in the Anbar desert on Sunday, killing five "
    "militants. Recently, ISIS fighters attacked several people in the Anbar desert, officials said."
)


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(strict=False)


@pytest.fixture(scope="module")
def target_text():
    return SEED.read_text(encoding="utf-8") if SEED.exists() else FALLBACK


def _articles(text: str) -> list[Article]:
    return [Article(text=text, id="target", published="2020-05-10"),
            Article(text=OTHER, id="other", published="2020-05-10")]


def _run_with_failure(pipe: Pipeline, stage_name: str, text: str) -> list[Result]:
    """Run with ``stage_name`` raising on the target article, after writing junk into its output."""
    i = pipe.stage_names.index(stage_name)
    name, fn = pipe.stages[i]

    def broken(documents):
        fn(documents)
        for d in documents:
            if d.article.id == "target":
                d.dates.append(Mention(text="junk", start=0, end=4, label="DATE"))  # type: ignore[arg-type]
                for event in d.events:
                    event.event_type = "junk"
                raise RuntimeError("injected failure")

    pipe.stages[i] = (name, broken)
    try:
        return pipe.process_batch(_articles(text))
    finally:
        pipe.stages[i] = (name, fn)


@pytest.fixture(scope="module")
def baseline(pipe, target_text):
    results = pipe.process_batch(_articles(target_text))
    assert all(r.ok and not r.errors for r in results)
    assert results[0].events and results[0].dates
    return results


def test_failed_dates_stage_keeps_the_events_and_reports_the_failure(pipe, target_text, baseline):
    target, other = _run_with_failure(pipe, "sitrep.dates.v1", target_text)
    assert target.ok and target.degraded  # stored and exported, with the warning
    (err,) = target.errors
    assert (err.code, err.stage) == ("W200", "sitrep.dates.v1")
    assert "RuntimeError: injected failure" in err.message
    assert target.dates == []  # the stage's own output stays empty, junk and all
    # events come from the events and coding stages, which do not need dates
    assert [e.sub_event_type for e in target.events] == [e.sub_event_type for e in baseline[0].events]
    assert target.actors == baseline[0].actors and target.places == baseline[0].places
    assert target.quotes == baseline[0].quotes
    # event_dates needs dates: skipped, so no event carries a date from the text
    assert all(e.event_date is None for e in target.events)
    assert other.to_dict() == baseline[1].to_dict()  # the batch goes on as before


def test_failed_coding_stage_skips_what_needs_the_coding(pipe, target_text, baseline):
    target, other = _run_with_failure(pipe, "sitrep.coding.v1", target_text)
    assert [(e.code, e.stage) for e in target.errors] == [("W200", "sitrep.coding.v1")]
    assert len(target.events) == len(baseline[0].events)
    assert all(e.event_type != "junk" for e in target.events)  # the events as the events stage left them
    assert all(not e.notes for e in target.events)  # notes need events.coding: skipped
    assert any(e.notes for e in baseline[0].events)
    assert target.dates == baseline[0].dates
    assert any(e.event_date for e in target.events)  # event_dates needs events + dates: still ran
    assert other.to_dict() == baseline[1].to_dict()


def test_failed_parse_drops_the_article_as_before(pipe, target_text):
    target, other = _run_with_failure(pipe, "sitrep.nlp.v1", target_text)
    assert not target.ok and [e.code for e in target.errors] == ["E200"]
    assert target.failures[0].stage == "sitrep.nlp.v1" and not target.events
    assert other.ok and other.events


def test_degraded_article_is_stored_and_exported(pipe, target_text, tmp_path):
    from sitrep.io.readers import Input
    from sitrep.store import Store

    results = _run_with_failure(pipe, "sitrep.dates.v1", target_text)
    inputs = [Input(id=a.id, article=a) for a in _articles(target_text)]
    with Store(tmp_path / "degraded.duckdb") as store:
        summary = store.write_batch(inputs, results)
        assert (summary.new, summary.quarantined, summary.degraded) == (2, 0, 1)
        stored = [e for e in store.events() if "target" in e["article_ids"]]
    assert len(stored) == len(results[0].asserted_events()) > 0  # the store lists asserted events by default


@registry.stage("tests.degrade.boom.v1", needs=("article.text",), sets=("entities",))
def _boom(config):
    def run(documents):
        for d in documents:
            if "BOOM" in d.article.text:
                raise ValueError("boom")
            d.entities.append(Mention(text="x", start=0, end=1, label="X"))

    return run


@registry.stage("tests.degrade.after.v1", needs=("entities",), sets=("quotes",))
def _after(config):
    def run(documents):
        for d in documents:
            d.extras["after_ran"] = True

    return run


def test_stage_whose_needs_are_gone_is_skipped_and_the_rest_runs(monkeypatch):
    monkeypatch.setenv("SITREP_STRICT", "0")
    pipe = Pipeline({"pipeline": {"stages": ["tests.degrade.boom.v1", "tests.degrade.after.v1"], "batch_size": 8}})
    docs = [Article(text="fine"), Article(text="BOOM here")]
    fine, boom = pipe.process_batch(docs)
    assert fine.ok and not fine.errors and fine.entities
    assert boom.ok and [e.code for e in boom.errors] == ["W200"] and not boom.entities


def test_batch_engine_exports_a_degraded_article(monkeypatch):
    from sitrep.engines.batch import RunSettings, process_rows

    monkeypatch.setenv("SITREP_STRICT", "0")
    config = {"pipeline": {"stages": ["tests.degrade.boom.v1", "tests.degrade.after.v1"], "batch_size": 8}}
    rows = [{"input_id": "a", "input_ids": ["a"], "text": "BOOM again", "content_hash": "h1"}]
    out = process_rows(rows, RunSettings(config=config, timestamp=0))
    assert out.quarantine == [] and len(out.articles) == 1


def test_strict_switch_from_env_config_and_cli(monkeypatch):
    monkeypatch.setenv("SITREP_STRICT", "1")
    assert strict_mode({"strict": False})
    monkeypatch.setenv("SITREP_STRICT", "0")
    assert not strict_mode({"strict": True})
    monkeypatch.delenv("SITREP_STRICT")
    assert strict_mode({"strict": True}) and not strict_mode({})

    from typer.testing import CliRunner

    from sitrep.cli import _load_commands, app

    _load_commands()
    result = CliRunner().invoke(app, ["--strict", "eval", "list"])
    assert result.exit_code == 0, result.output
    import os

    assert os.environ.pop("SITREP_STRICT") == "1"


def test_the_suite_itself_runs_strict():
    assert Pipeline({"pipeline": {"stages": []}}).strict  # tests/conftest.py turns stage errors into failures
