"""Throughput: sitrep's full extract pipeline vs spaCy's own ``nlp.pipe``.

Same model, same synthetic texts (generated here, seeded), same number of
processes. Each side runs in its own fresh Python process so peak memory is
its own. Reported: articles/s, words/s, peak RSS (main process and largest
worker), and the ratio ours / spaCy.

    python benchmarks/throughput.py                 # 2 processes, 240 articles of ~450 words
    python benchmarks/throughput.py --articles 600 --processes 2 --json
    python benchmarks/throughput.py --commands --articles 600   # the CLI commands, wall clock
    python benchmarks/throughput.py --commands --baseline /tmp/old/src   # before/after in the same rounds
    python benchmarks/throughput.py --commands --spacy-table   # also spaCy with sitrep's attribute table

Ours = ``PoolEngine`` (one pipeline per worker, model loaded once) running
every configured stage and returning Results; timing starts after the
workers are warm. spaCy = ``nlp.pipe(texts, n_process=N)`` returning Docs,
timed from the call (its workers fork from a process that already holds the
model, so their start-up is negligible).

``--commands`` times what a user runs, start to finish, each in a fresh
process: ``python -c 'spacy.load(); list(nlp.pipe(texts, n_process=N))'``
against ``sitrep extract -j N`` and ``sitrep ingest -j N`` on the same texts
(a JSONL file), and reports each command's ratio and peak RSS (parent, and
the largest worker), and its CPU seconds (command and workers) with the ratio
of those (the steadier figure when other jobs share the machine). With
``--baseline DIR`` another copy of the ``sitrep`` package (e.g. a worktree's
``src`` at an older commit) runs extract and ingest in the same rounds, so a
before/after comparison shares the machine's load; each figure carries the
load average when it was taken.

The spaCy side is the model as spaCy ships it. sitrep swaps the model's
attribute ruler and rule lemmatizer for exact, cheaper equivalents
(``sitrep.stages.nlp.cheaper_components``), and its workers keep the memory a
batch frees for the next (``sitrep.engines.preload.keep_freed_memory``: fewer
page faults), so part of sitrep's ratio is a cheaper parse; with
``--spacy-table`` a second spaCy command (``spacy+table``: the same model with
those two components swapped, its workers with the same memory settings) runs
in the same rounds, and each command's ratio to it is reported too
(``*_ratio_vs_table``): sitrep's own cost over the parse it really runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles  # noqa: E402


def _peak_rss_mb() -> tuple[float, float]:
    """(this process, largest child) peak resident set size in MB (Linux reports KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(child, 1)


def run_spacy(texts: list[str], processes: int, batch_size: int) -> dict[str, float]:
    import spacy

    from sitrep.stages.nlp import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    list(nlp.pipe(texts[:2]))  # imports and lazy init out of the timing, like the pool's warm-up
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=processes, batch_size=batch_size))
    return {"seconds": time.perf_counter() - start, "articles": n}


def run_sitrep(texts: list[str], processes: int, batch_size: int, config: str | None = None) -> dict[str, float]:
    from sitrep.engines import PoolEngine
    from sitrep.model import Article

    with PoolEngine(config, workers=processes) as engine:
        engine.warm_up([Article(text=t) for t in texts[:2]])  # like spaCy's warm-up call below
        batches = [(i, [Article(text=t) for t in texts[i : i + batch_size]]) for i in range(0, len(texts), batch_size)]
        start = time.perf_counter()
        results = [r for _, rs in engine.map_batches(batches) for r in rs]
        seconds = time.perf_counter() - start
    errors = sum(1 for r in results if r.errors)
    events = sum(len(r.events) for r in results)
    return {"seconds": seconds, "articles": len(results), "errors": errors, "events": events}


def stage_shares(n: int, words: int, batch_size: int, config: str | None) -> list[tuple[str, float]]:
    """Seconds per stage in this process (plain spaCy first, for scale): where our time goes."""
    import spacy

    from sitrep.model import Article, Document
    from sitrep.pipeline import Pipeline
    from sitrep.stages.nlp import DEFAULT_MODEL

    texts = articles(n, words, seed=3)
    pipeline = Pipeline(config)
    pipeline.process_batch([Article(text=t) for t in texts[:2]])  # lazy loading out of the timing
    nlp = spacy.load(DEFAULT_MODEL)
    list(nlp.pipe(texts[:2]))
    start = time.perf_counter()
    list(nlp.pipe(texts, batch_size=batch_size))
    shares = [("spaCy nlp.pipe alone", time.perf_counter() - start)]
    spent: dict[str, float] = {}
    documents = [Document(article=Article(text=t)) for t in texts]
    for i in range(0, len(documents), batch_size):
        batch = documents[i : i + batch_size]
        for name, run in pipeline.stages:
            start = time.perf_counter()
            run([d for d in batch if not d.errors])
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
    return shares + sorted(spent.items(), key=lambda item: -item[1])


def side(name: str, n: int, words: int, processes: int, batch_size: int, config: str | None) -> dict[str, float]:
    texts = articles(n, words)
    out = (
        run_spacy(texts, processes, batch_size) if name == "spacy" else run_sitrep(texts, processes, batch_size, config)
    )
    total_words = sum(len(t.split()) for t in texts)
    out["articles_per_s"] = round(out["articles"] / out["seconds"], 2)
    out["words_per_s"] = round(total_words / out["seconds"], 1)
    out["peak_rss_main_mb"], out["peak_rss_worker_mb"] = _peak_rss_mb()
    out["seconds"] = round(out["seconds"], 2)
    return out


def measure(n: int, words: int, processes: int, batch_size: int, rounds: int, config: str | None) -> dict[str, object]:
    """Each side in a fresh interpreter, alternating, best of ``rounds`` (the machine is shared)."""
    best: dict[str, dict[str, float]] = {}
    for _ in range(rounds):
        for name in ("spacy", "sitrep"):
            cmd = [sys.executable, __file__, "--side", name, "--articles", str(n), "--words", str(words)]
            cmd += ["--processes", str(processes), "--batch-size", str(batch_size)]
            cmd += ["--config", config] if config else []
            done = subprocess.run(cmd, capture_output=True, text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            if name not in best or result["articles_per_s"] > best[name]["articles_per_s"]:
                best[name] = result
    ratio = best["sitrep"]["articles_per_s"] / best["spacy"]["articles_per_s"]
    return {
        "articles": n,
        "words_per_article": words,
        "processes": processes,
        "spacy": best["spacy"],
        "sitrep": best["sitrep"],
        "ratio": round(ratio, 3),
    }


SPACY_COMMAND = """
import json, sys, spacy
from sitrep.stages.nlp import DEFAULT_MODEL
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(DEFAULT_MODEL)
if sys.argv[4:] == ["table"]:
    from sitrep.engines.preload import keep_freed_memory
    from sitrep.stages.nlp import cheaper_components
    assert cheaper_components(nlp) == ["attribute_ruler", "lemmatizer"]
    keep_freed_memory()  # the workers nlp.pipe forks keep freed memory as sitrep's do
print(sum(1 for _ in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=int(sys.argv[3]))))
"""


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            children = (task / "children").read_text().split()
            for child in map(int, children):
                out += [child, *_descendants(child)]
    except OSError:
        pass
    return out


def _adopt_orphans() -> None:
    """Become the subreaper of what the commands start (Linux): a process that outlives its parent (the
    pool's fork server and the workers forked from it, which exit just after the command) is handed to us,
    so its CPU time is counted in RUSAGE_CHILDREN once we reap it, not lost to init."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _reap_orphans() -> None:
    """Wait for the command's orphaned descendants (we start nothing else meanwhile)."""
    import os

    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall seconds, CPU seconds (the command and its workers) and peak RSS (the command's own process, its
    largest worker) sampled from /proc. CPU time is the steadier figure on a shared machine: the work done,
    whatever else runs."""
    _adopt_orphans()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env)
    main_peak = worker_peak = 0.0
    while proc.poll() is None:
        main_peak = max(main_peak, _rss_mb(proc.pid))
        worker_peak = max([worker_peak, *(_rss_mb(c) for c in _descendants(proc.pid))])
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"{cmd[:3]} failed with exit code {proc.returncode}")
    _reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": round(cpu, 2), "peak_rss_main_mb": round(main_peak, 1),
            "peak_rss_worker_mb": round(worker_peak, 1)}


def measure_commands(n: int, words: int, processes: int, batch_size: int, rounds: int,
                     baseline: str | None = None, spacy_table: bool = False) -> dict[str, object]:
    """spaCy's nlp.pipe, ``sitrep extract`` and ``sitrep ingest``, end to end, best of ``rounds``.

    ``baseline``: a folder holding another ``sitrep`` package (e.g. a worktree's ``src``); its extract and
    ingest run in the same rounds (as ``extract@baseline``, ``ingest@baseline``), so that a before/after
    comparison shares the machine's load. ``spacy_table``: also spaCy's nlp.pipe with sitrep's attribute
    table and lemma memo in place of the model's (``spacy+table``), and every command's ratio to it.
    """
    import os
    import tempfile

    bindir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with open(corpus, "w", encoding="utf-8") as f:
            for i, text in enumerate(articles(n, words)):
                f.write(json.dumps({"id": f"bench-{i}", "text": text, "published": "2024-05-01"}) + "\n")
        commands = {
            "spacy": [sys.executable, "-c", SPACY_COMMAND, str(corpus), str(processes), str(batch_size)],
            "extract": [str(bindir / "sitrep"), "extract", str(corpus), "-j", str(processes), "-o", f"{tmp}/out.jsonl"],
            "ingest": [str(bindir / "sitrep"), "ingest", str(corpus), "-j", str(processes), "--quiet",
                       "--db", f"{tmp}/bench.duckdb"],
        }
        if spacy_table:
            commands = {"spacy": commands["spacy"], "spacy+table": [*commands["spacy"], "table"],
                        **{k: v for k, v in commands.items() if k != "spacy"}}
        envs: dict[str, dict[str, str] | None] = dict.fromkeys(commands)
        if baseline:
            env = {**os.environ, "PYTHONPATH": os.pathsep.join([baseline, os.environ.get("PYTHONPATH", "")])}
            for name in ("extract", "ingest"):
                commands[f"{name}@baseline"] = commands[name]
                envs[f"{name}@baseline"] = env
        best: dict[str, dict[str, float]] = {}
        for _ in range(rounds):
            for name, cmd in commands.items():
                if name.startswith("ingest"):
                    Path(f"{tmp}/bench.duckdb").unlink(missing_ok=True)
                result = _timed(cmd, envs[name])
                result["load_average"] = round(os.getloadavg()[0], 2)
                if name not in best or result["seconds"] < best[name]["seconds"]:
                    best[name] = result
    out: dict[str, object] = {"articles": n, "words_per_article": words, "processes": processes}
    for name, result in best.items():
        result["seconds"] = round(result["seconds"], 2)
        out[name] = result
    for name in best:
        if not name.startswith("spacy"):
            out[f"{name}_ratio"] = round(best["spacy"]["seconds"] / best[name]["seconds"], 3)
            out[f"{name}_cpu_ratio"] = round(best["spacy"]["cpu_seconds"] / best[name]["cpu_seconds"], 3)
            if "spacy+table" in best:
                table = best["spacy+table"]
                out[f"{name}_ratio_vs_table"] = round(table["seconds"] / best[name]["seconds"], 3)
                out[f"{name}_cpu_ratio_vs_table"] = round(table["cpu_seconds"] / best[name]["cpu_seconds"], 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--words", type=int, default=450)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=1, help="alternate the two sides this many times, keep the best")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.add_argument(
        "--config", help="pipeline config (TOML) for our side, e.g. NLP only to see the engine's overhead"
    )
    parser.add_argument("--stages", action="store_true", help="time each stage in one process instead")
    parser.add_argument("--commands", action="store_true",
                        help="time the CLI commands (sitrep extract / ingest -j N) against spaCy, end to end")
    parser.add_argument("--baseline", help="--commands: also time extract/ingest of the sitrep package in this "
                        "folder (e.g. a worktree's src), in the same rounds")
    parser.add_argument("--spacy-table", action="store_true", help="--commands: also time spaCy's nlp.pipe with "
                        "sitrep's cheaper components in place of the model's, and the ratios to it")
    parser.add_argument("--side", choices=("spacy", "sitrep"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages:
        shares = stage_shares(min(args.articles, 60), args.words, args.batch_size, args.config)
        ours = sum(seconds for name, seconds in shares[1:])
        for name, seconds in shares:
            print(f"  {name:<24} {seconds:7.2f}s  {100 * seconds / ours:5.1f}% of our pipeline")
        print(f"  in-process ratio spaCy / ours: {shares[0][1] / ours:.2f}")
        return
    if args.commands:
        report = measure_commands(args.articles, args.words, args.processes, args.batch_size, args.rounds,
                                  args.baseline, args.spacy_table)
        print(json.dumps(report) if args.json else json.dumps(report, indent=1))
        return
    if args.side:
        print(json.dumps(side(args.side, args.articles, args.words, args.processes, args.batch_size, args.config)))
        return
    report = measure(args.articles, args.words, args.processes, args.batch_size, args.rounds, args.config)
    if args.json:
        print(json.dumps(report))
        return
    print(f"{report['articles']} synthetic articles of ~{args.words} words, {args.processes} processes")
    for name in ("spacy", "sitrep"):
        r = report[name]
        assert isinstance(r, dict)
        print(
            f"  {name:<7} {r['articles_per_s']:>8.1f} articles/s {r['words_per_s']:>10.0f} words/s  "
            f"peak RSS main {r['peak_rss_main_mb']:.0f} MB, worker {r['peak_rss_worker_mb']:.0f} MB"
        )
    print(f"  ratio sitrep / spaCy nlp.pipe: {report['ratio']:.2f}  (target >= 0.7, goal >= 0.9)")


if __name__ == "__main__":
    main()
