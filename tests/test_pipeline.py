import gc

import pytest

from sitrep import registry
from sitrep.errors import SitrepError
from sitrep.model import Article, Mention
from sitrep.pipeline import Pipeline, load_config


@registry.stage("tests.tagger.v1", needs=("article.text",), sets=("entities",))
def make_tagger(config):
    """Marks the first word; crashes on articles containing the word BOOM."""

    def run(documents):
        for d in documents:
            if "BOOM" in d.article.text:
                raise RuntimeError("cannot handle BOOM")
            word = d.article.text.split()[0]
            d.entities.append(Mention(text=word, start=0, end=len(word), label=config.get("label", "X")))

    return run


def small_config(**stage_settings):
    return {
        "pipeline": {"stages": ["tests.tagger.v1"], "batch_size": 4},
        "stages": {"tests.tagger.v1": stage_settings},
    }


def test_pipeline_isolates_the_article_that_crashes_a_stage():
    pipe = Pipeline(small_config(), strict=False)
    results = pipe.process_batch([Article(text="alpha one"), Article(text="BOOM two"), Article(text="gamma three")])
    assert [r.degraded for r in results] == [False, True, False]
    assert results[1].errors[0].code == "W200"  # degraded, not dropped: the tagger sets no parse
    assert results[1].errors[0].stage == "tests.tagger.v1"
    assert "RuntimeError: cannot handle BOOM" in results[1].errors[0].message
    assert results[1].entities == []
    assert results[0].entities[0].text == "alpha" and results[2].entities[0].text == "gamma"


@registry.stage("tests.dater.v1", needs=("article.text",), sets=("article.published", "dates"))
def make_dater(config):
    """Fills in a missing publication date, as the dates stage does from a dateline, and says so."""

    def run(documents):
        for d in documents:
            if d.article.published is None:
                d.article.published = "2001-01-01"
                d.dates.append(Mention(text="filled", start=0, end=1, label="DATE"))

    return run


def test_a_batch_a_stage_raises_on_runs_again_from_the_articles_as_they_came():
    config = {"pipeline": {"stages": ["tests.dater.v1", "tests.tagger.v1"]}}
    articles = [Article(text="alpha one"), Article(text="BOOM two"), Article(text="gamma three", published="2020-01-02")]
    results = Pipeline(config, strict=False).process_batch(articles)
    assert [a.published for a in articles] == ["2001-01-01", "2001-01-01", "2020-01-02"]
    assert [[m.text for m in r.dates] for r in results] == [["filled"], ["filled"], []]  # each stage ran once on it
    assert [len(r.entities) for r in results] == [1, 0, 1]
    assert [r.degraded for r in results] == [False, True, False]


def test_strict_pipeline_raises_on_the_article_that_crashes_a_stage():
    from sitrep.pipeline import StageFailure

    with pytest.raises(StageFailure) as info:
        Pipeline(small_config(), strict=True).process_batch([Article(text="alpha one"), Article(text="BOOM two")])
    assert info.value.code == "E200" and info.value.stage == "tests.tagger.v1"
    assert isinstance(info.value.__cause__, RuntimeError)


def test_pipeline_passes_stage_settings_from_config():
    pipe = Pipeline(small_config(label="FIRST"))
    (result,) = pipe.process_batch([Article(text="alpha")])
    assert result.entities[0].label == "FIRST"


def test_pipeline_run_keeps_input_order_across_batches():
    pipe = Pipeline(small_config())
    texts = [f"w{i} text" for i in range(10)]
    assert [r.entities[0].text for r in pipe.run(texts)] == [f"w{i}" for i in range(10)]


def test_pipeline_refuses_stage_whose_needs_are_unmet():
    config = {"pipeline": {"stages": ["sitrep.coding.v1"]}}
    with pytest.raises(SitrepError) as info:
        Pipeline(config)
    assert info.value.code == "E300"


def test_user_config_file_overrides_stage_settings(tmp_path, monkeypatch):
    path = tmp_path / "pipe.toml"
    path.write_text('[stages."sitrep.nlp.v1"]\nbatch_size = 7\n')
    config = load_config(path)
    assert config["stages"]["sitrep.nlp.v1"]["batch_size"] == 7
    assert config["pipeline"]["stages"][0] == "sitrep.nlp.v1"


def test_trace_switch_prints_what_each_stage_added(monkeypatch, capsys):
    monkeypatch.setenv("SITREP_TRACE", "1")
    Pipeline(small_config()).process_batch([Article(text="alpha beta", id="doc-1")])
    err = capsys.readouterr().err
    assert "[trace doc-1] tests.tagger.v1: 1 added" in err
    assert "'alpha'" in err


def test_event_snapshots_are_deep_copies_equal_to_the_events():
    from sitrep.model import Event
    from sitrep.pipeline import _copied

    events = [Event(event_id="a:0", evidence={"sentence": [0, 10]}, actor1="Police")]
    twin = _copied(events)
    assert twin == events and twin[0] is not events[0]
    twin[0].evidence["sentence"].append(11)
    twin[0].actor1 = "Rebels"
    assert events[0].evidence == {"sentence": [0, 10]} and events[0].actor1 == "Police"


@registry.stage("tests.parser.v1", needs=("article.text",), sets=("doc",))
def make_fake_parser(config):
    """Records whether the cyclic collector runs while it 'parses'."""

    def run(documents):
        config["seen"].append(("parse", gc.isenabled()))

    return run


@registry.stage("tests.collector_probe.v1", needs=("doc",), sets=("entities",))
def make_collector_probe(config):
    def run(documents):
        config["seen"].append(("rules", gc.isenabled()))

    return run


def probed_pipeline(seen):
    stages = ["tests.parser.v1", "tests.collector_probe.v1"]
    return Pipeline({"pipeline": {"stages": stages}, "stages": {name: {"seen": seen} for name in stages}})


def test_the_collector_pauses_for_every_stage_and_comes_back_after_the_batch():
    seen: list = []
    probed_pipeline(seen).process_batch([Article(text="alpha one")])
    assert seen == [("parse", False), ("rules", False)]
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    seen: list = []
    gc.disable()
    try:
        probed_pipeline(seen).process_batch([Article(text="alpha one")])
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [("parse", False), ("rules", False)]
