"""The pipeline the pool's workers fork from, built once in the fork server.

A spawned worker imported spaCy, loaded the model, the gazetteer and the coder
and ran a first article before its first batch: ~3.4 s of CPU per worker, on
the same cores the run needs. The pool now starts its workers from a fork
server that imports this module first. When the pool asked for it (the
``PRELOAD_ENV`` variable holds its config when the server starts), the server
builds that pipeline once and every worker forked from it starts with the
pipeline already in memory (shared copy-on-write until written). A worker whose
config or ``SITREP_*`` environment differs from the server's builds its own,
as before.

Nothing here may raise: an exception would stop the fork server, and with it
every worker. A pipeline that fails to build is simply not offered.
"""

from __future__ import annotations

import base64
import ctypes
import gc
import os
import pickle
import sys
from typing import Any

PRELOAD_ENV = "SITREP_POOL_PRELOAD"
# the article a new pipeline runs first, so what stages load lazily is loaded before the fork too
WARM_UP_TEXT = "Gunmen killed two villagers in Kidal on Monday, police said."

_PRELOADED: tuple[bytes, Any] | None = None  # (key, pipeline)


# glibc's mallopt parameters, and the values a worker runs with: blocks up to glibc's largest threshold (32 MB) come
# from the heap, and up to 256 MB freed at the heap's top stay there for the next batch
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD = 32 * 1024 * 1024
TRIM_THRESHOLD = 256 * 1024 * 1024


def worker_settings() -> None:
    """How a pool worker runs (and the fork server the workers come from, before it builds their pipeline)."""
    one_thread_each()
    keep_freed_memory()


def one_thread_each() -> None:
    """One process per core already: keep numeric libraries from adding threads on top (unless the user set them)."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def keep_freed_memory() -> bool:
    """Keep what a batch frees for the next batch instead of handing it back to the system (glibc only; returns
    whether it is set). The parse makes and drops arrays of tens of MB per batch; glibc gave them their own
    mappings, or trimmed them off the heap's top, as they were freed, so every batch faulted its pages in afresh:
    ~12,000 minor faults per batch of 8 articles, ~0.5 s of system CPU per 120 articles. With the thresholds fixed
    high they are reused: ~700 faults per batch, the same peak RSS (the batch needed that memory anyway). Malloc
    settings the user gave in the environment stand instead."""
    if not sys.platform.startswith("linux") or _user_malloc_settings(os.environ):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))


def _user_malloc_settings(env: dict[str, str] | os._Environ[str]) -> bool:
    return any(name in env for name in ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")) \
        or "glibc.malloc." in env.get("GLIBC_TUNABLES", "")


def pipeline_key(config: Any, environ: dict[str, str] | os._Environ[str] | None = None) -> bytes:
    """What a pipeline's behaviour depends on: its config and the SITREP_* variables stages read."""
    env = os.environ if environ is None else environ
    sitrep_env = sorted((k, v) for k, v in env.items() if k.startswith("SITREP_") and k != PRELOAD_ENV)
    return pickle.dumps((config, sitrep_env))


def encode_config(config: Any) -> str:
    return base64.b64encode(pickle.dumps(config)).decode("ascii")


def preloaded(key: bytes) -> Any:
    """The fork server's pipeline when it was built for ``key``, else None."""
    if _PRELOADED is not None and _PRELOADED[0] == key:
        return _PRELOADED[1]
    return None


def build(config: Any) -> Any:
    """A pipeline for ``config``, warmed up, with the cyclic collector kept off its hundred thousand objects."""
    from sitrep.model import Article
    from sitrep.pipeline import Pipeline

    # The load makes objects by the hundred thousand and none of them are garbage: the cyclic collector
    # only spent time on them (~0.3 s of a worker's start). Frozen afterwards, the model, gazetteer and
    # indexes are never scanned again by the collections a run makes (nor copied by them after a fork).
    gc.disable()
    try:
        pipeline = Pipeline(config)
        pipeline.process_batch([Article(text=WARM_UP_TEXT, id="warm-up")])
    finally:
        gc.enable()
    gc.freeze()
    return pipeline


def _preload() -> None:
    global _PRELOADED
    encoded = os.environ.pop(PRELOAD_ENV, None)
    if not encoded:
        return
    worker_settings()  # no threads to fork with the server's state, and its memory settings for the workers
    try:
        config = pickle.loads(base64.b64decode(encoded))
        key = pipeline_key(config)
        _PRELOADED = (key, build(config))
    except Exception:  # noqa: BLE001 - the workers build their own, and report what fails there
        _PRELOADED = None


_preload()
