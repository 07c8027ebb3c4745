"""CPU time of each pipeline stage as a ratio to the spaCy parse on the same documents.

Usage: python benchmarks/stage_cost.py [--articles 60] [--corpus FILE.jsonl] [--dump OUT.jsonl]

CPU time (``time.process_time``), not wall time: the machine this runs on is
shared, and other jobs make wall time noise. The goal (issue #17) is that all
stages after the parse together cost at most a tenth of it. ``--dump`` writes
every article's Result so that two runs (before and after a change) can be
compared for identical output.

The stages run as in a pool worker: the pipeline built by ``sitrep.engines.preload.build`` (warmed up, what it
loaded frozen out of the collector's walks), the worker's settings (``preload.worker_settings``: numeric libraries
on one thread, freed memory kept for the next batch), and each batch's stages with the cyclic collector paused as
``Pipeline.process_batch`` runs them. Before, the collector ran between the stages here
and walked the coder's and actors' tables, which no worker does: ~0.03 of the parse more than a worker spends.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import articles  # noqa: E402

from sitrep.engines import preload  # noqa: E402
from sitrep.model import Article, Document, Result  # noqa: E402

PARSE_STAGE = "sitrep.nlp.v1"


def load_corpus(path: str) -> list[Article]:
    with open(path, encoding="utf-8") as f:
        return [Article.from_dict(json.loads(line)) for line in f if line.strip()]


def stage_cpu(items: list[Article], batch_size: int, rounds: int) -> tuple[dict[str, float], list[Result]]:
    """Least CPU seconds per stage over ``rounds`` runs (the least is the least disturbed), and the Results."""
    preload.worker_settings()  # as the pool's workers (before numpy's first use here)
    pipeline = preload.build(None)
    pipeline.process_batch([Article(text=items[0].text)])  # lazy loading out of the timing
    best: dict[str, float] = {}
    results: list[Result] = []
    for _ in range(rounds):
        spent = {name: 0.0 for name, _ in pipeline.stages}
        documents = [Document(article=Article.from_dict(a.to_dict())) for a in items]
        for i in range(0, len(documents), batch_size):
            batch = documents[i : i + batch_size]
            gc.disable()  # as Pipeline._run_fast: the collector paused for the batch, run once after it
            for name, run in pipeline.stages:
                start = time.process_time()
                run([d for d in batch if not d.errors or d.doc is not None])
                spent[name] += time.process_time() - start
            gc.enable()
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
        results = [Result.from_document(d) for d in documents]
    return best, results


def report(title: str, spent: dict[str, float]) -> None:
    parse = spent.get(PARSE_STAGE, 0.0) or 1e-9
    after = sum(s for name, s in spent.items() if name != PARSE_STAGE)
    print(f"\n{title}: parse {parse:.2f} s CPU; the rest {after:.2f} s = {after / parse:.3f} of the parse")
    for name, seconds in spent.items():
        if name != PARSE_STAGE:
            print(f"  {name:<24} {seconds:7.3f} s  {seconds / parse:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60, help="synthetic articles (benchmarks/synthetic.py)")
    parser.add_argument("--corpus", help="a JSONL corpus instead of the synthetic articles")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=1, help="runs; each stage's least CPU time is kept")
    parser.add_argument("--dump", help="write each article's Result as one JSON line here")
    args = parser.parse_args()
    if args.corpus:
        items, title = load_corpus(args.corpus), args.corpus
    else:
        items = [Article(text=t, id=f"synthetic-{i}") for i, t in enumerate(articles(args.articles))]
        title = f"synthetic articles({args.articles})"
    spent, results = stage_cpu(items, args.batch_size, args.rounds)
    report(title, spent)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for result in results:
                out.write(json.dumps(result.to_dict(), sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
