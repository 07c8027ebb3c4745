"""The fork server's pipeline: offered only to workers of the same config and SITREP_* environment."""

from __future__ import annotations

import platform
import sys
import textwrap

import pytest

from sitrep.engines import PoolEngine, preload
from sitrep.model import Article

ENV_STAGE = """
import os
from sitrep.model import Mention
from sitrep.registry import stage

@stage("preloadtest_stage:v1", needs=("article.text",), sets=("entities",))
def make(config):
    def run(documents):
        for d in documents:
            value = os.environ.get("SITREP_PRELOAD_TEST", "unset")
            d.entities.append(Mention(text=value, start=0, end=1, label="env"))
    return run
"""


def test_the_key_follows_the_config_and_the_sitrep_variables_only():
    config = {"pipeline": {"stages": ["sitrep.nlp.v1"]}}
    env = {"SITREP_STRICT": "1", "HOME": "/a"}
    key = preload.pipeline_key(config, env)
    assert preload.pipeline_key(config, {**env, "HOME": "/b"}) == key
    assert preload.pipeline_key(config, {**env, preload.PRELOAD_ENV: "x"}) == key
    assert preload.pipeline_key(config, {**env, "SITREP_STRICT": "0"}) != key
    assert preload.pipeline_key({"pipeline": {"stages": []}}, env) != key


def test_nothing_is_offered_for_a_key_it_was_not_built_for():
    assert preload.preloaded(preload.pipeline_key({"another": "config"}, {})) is None


def test_a_worker_sees_the_parents_environment_as_it_is_when_the_pool_starts(tmp_path, monkeypatch):
    (tmp_path / "preloadtest_stage.py").write_text(textwrap.dedent(ENV_STAGE))
    monkeypatch.syspath_prepend(str(tmp_path))
    config = {"pipeline": {"stages": ["preloadtest_stage:v1"], "batch_size": 4}, "stages": {}}
    seen = []
    for value in ("first", "second"):  # the fork server (started by the first pool) keeps its own environment
        monkeypatch.setenv("SITREP_PRELOAD_TEST", value)
        with PoolEngine(config, workers=1) as pool:
            got = list(pool.map_batches([(0, [Article(text="one two")])]))
        seen.append(got[0][1][0].entities[0].text)
    assert seen == ["first", "second"]


@pytest.mark.parametrize("config", [{"pipeline": {"stages": []}}, {"a": [1, 2.5, "x"], "b": {"c": True}}])
def test_a_config_travels_to_the_fork_server_unchanged(config):
    import base64
    import pickle

    assert pickle.loads(base64.b64decode(preload.encode_config(config))) == config


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc's mallopt")
def test_a_worker_keeps_freed_memory_for_the_next_batch_unless_the_user_set_malloc(monkeypatch):
    for name in ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES"):
        monkeypatch.delenv(name, raising=False)
    assert preload.keep_freed_memory()
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=0")
    assert not preload.keep_freed_memory()
