"""The process-pool engine: same results as in-process, in order, and survives a dying worker."""

from __future__ import annotations

import textwrap

import pytest

from sitrep.engines import LocalEngine, PoolEngine, make_engine
from sitrep.model import Article

# A user stage (registered as "module:name") that tags words and can kill its worker.
STAGE_MODULE = """
import os
from sitrep.model import Mention
from sitrep.registry import stage

@stage("pooltest_stage:v1", needs=("article.text",), sets=("entities",))
def make(config):
    def run(documents):
        for d in documents:
            if "DIE-NOW" in d.article.text:
                os._exit(9)  # what a segfault or the OOM killer looks like to the parent
            word = d.article.text.split()[0]
            d.entities.append(Mention(text=word, start=0, end=len(word), label=str(os.getpid())))
    return run
"""


@pytest.fixture
def config(tmp_path, monkeypatch):
    (tmp_path / "pooltest_stage.py").write_text(textwrap.dedent(STAGE_MODULE))
    monkeypatch.syspath_prepend(str(tmp_path))  # spawned workers get the parent's sys.path
    return {"pipeline": {"stages": ["pooltest_stage:v1"], "batch_size": 4}, "stages": {}}


def batches(texts, size):
    articles = [Article(text=t) for t in texts]
    return [(n, articles[i : i + size]) for n, i in enumerate(range(0, len(articles), size))]


def test_pool_returns_results_in_order_matching_local_engine(config):
    texts = [f"word{i} and more text" for i in range(40)]
    with LocalEngine(config) as local:
        expected = [(tag, [r.entities[0].text for r in res]) for tag, res in local.map_batches(batches(texts, 5))]
    with PoolEngine(config, workers=2, max_pending=3) as pool:
        got = list(pool.map_batches(batches(texts, 5)))
    assert [(tag, [r.entities[0].text for r in res]) for tag, res in got] == expected
    workers = {r.entities[0].label for _, res in got for r in res}
    assert 1 <= len(workers) <= 2


def test_dead_worker_fails_only_its_article_and_the_run_goes_on(config):
    texts = [f"ok{i} fine" for i in range(12)]
    texts[6] = "DIE-NOW please"
    with PoolEngine(config, workers=2) as pool:
        got = list(pool.map_batches(batches(texts, 4)))
    assert [tag for tag, _ in got] == [0, 1, 2]
    results = [r for _, res in got for r in res]
    assert len(results) == 12
    assert [r.errors[0].code for r in results if r.errors] == ["E200"]
    assert results[6].errors and all(r.entities for i, r in enumerate(results) if i != 6)


def test_empty_batches_pass_through(config):
    with PoolEngine(config, workers=1) as pool:
        assert list(pool.map_batches([("a", []), ("b", [Article(text="one two")])]))[0] == ("a", [])


def test_make_engine_zero_workers_is_in_process(config):
    assert isinstance(make_engine(config, 0), LocalEngine)
    assert isinstance(make_engine(config, 2), PoolEngine)


def test_workers_are_replaced_after_their_batch_quota(config):
    with PoolEngine(config, workers=1, batches_per_worker=2) as pool:
        got = list(pool.map_batches(batches([f"w{i} x" for i in range(12)], 2)))
    pids = [r.entities[0].label for _, res in got for r in res]
    assert len(pids) == 12 and len(set(pids)) == 3  # 6 batches, 2 per worker


def test_a_large_batch_goes_out_in_chunks_and_comes_back_whole_in_order(config):
    texts = [f"big{i} x" for i in range(24)] + [f"small{i} y" for i in range(3)]
    # one task per worker process: each chunk shows up as its own worker's pid
    with PoolEngine(config, workers=2, chunk_articles=8, batches_per_worker=1) as pool:
        got = list(pool.map_batches([("big", [Article(text=t) for t in texts[:24]]), ("empty", []),
                                     ("small", [Article(text=t) for t in texts[24:]])]))
    assert [tag for tag, _ in got] == ["big", "empty", "small"]
    assert [r.entities[0].text for _, res in got for r in res] == [t.split()[0] for t in texts]
    pids = [r.entities[0].label for r in got[0][1]]
    assert [pids[i] for i in (0, 8, 16)] == list(dict.fromkeys(pids))  # three chunks of eight


def test_a_dying_worker_in_a_chunked_batch_fails_only_its_article(config):
    texts = [f"ok{i} fine" for i in range(10)]
    texts[5] = "DIE-NOW please"
    with PoolEngine(config, workers=2, chunk_articles=3) as pool:
        got = list(pool.map_batches([("only", [Article(text=t) for t in texts])]))
    results = got[0][1]
    assert len(got) == 1 and len(results) == 10
    assert [i for i, r in enumerate(results) if r.errors] == [5]


def test_a_batch_comes_back_pickled_with_the_collector_on_again(config, monkeypatch):
    import gc

    from sitrep.engines import pool
    from sitrep.pipeline import Pipeline

    monkeypatch.setattr(pool, "_PIPELINE", Pipeline(config))
    blob = pool._run_batch([Article(text="alpha one"), Article(text="beta two")])
    assert gc.isenabled()
    assert [r.entities[0].text for r in pool._results(blob)] == ["alpha", "beta"]
