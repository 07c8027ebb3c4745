"""Memory of a large ingest: does peak RSS stay flat as the corpus grows?

Writes N synthetic articles (default 100,000, generated here) to a JSONL file,
runs the real ``sitrep ingest`` on it in a subprocess and samples the resident
memory of the ingest process and its workers from /proc while it runs.

It uses a CHEAP pipeline config on purpose: one stage defined below that
makes a few entity mentions and one event per article with regular
expressions instead of spaCy. Memory growth, if any, comes from the ingest
loop, the engine's in-flight batches and the store; spaCy would only add a
constant per worker (its model) and make the run take hours.

    python benchmarks/ingest_memory.py                    # 100,000 articles
    python benchmarks/ingest_memory.py --articles 20000 --json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import records  # noqa: E402

from sitrep.model import Event, Mention  # noqa: E402
from sitrep.registry import stage  # noqa: E402

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")


@stage("ingest_memory:cheap.v1", needs=("article.text",), sets=("entities", "events"))
def make_cheap(config: dict[str, Any]) -> Any:
    """A stand-in for the real stages: a few mentions and one event per article, no model."""

    def run(documents: list[Any]) -> None:
        for d in documents:
            found = list(_CAPITALISED.finditer(d.article.text))[:8]
            d.entities = [Mention(text=m.group(), start=m.start(), end=m.end(), label="X") for m in found]
            d.events = [
                Event(
                    event_date=d.article.published,
                    event_type="Battles",
                    location=found[0].group() if found else None,
                    evidence={"sentence": [0, 40]},
                )
            ]

    return run


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def run(n: int, workers: int, batch_size: int, workdir: Path, memory_limit: str | None = None) -> dict[str, Any]:
    corpus = workdir / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as f:
        for record in records(n, words=150, seed=11):
            f.write(json.dumps(record) + "\n")
    config = workdir / "cheap.toml"
    config.write_text('[pipeline]\nstages = ["ingest_memory:cheap.v1"]\n')
    db = workdir / "ingest.duckdb"
    sitrep = Path(sys.executable).with_name("sitrep")
    cmd = [str(sitrep), "ingest", str(corpus), "--db", str(db), "--config", str(config)]
    cmd += ["-j", str(workers), "--batch-size", str(batch_size)]
    cmd += ["--memory-limit", memory_limit] if memory_limit else []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    samples: list[tuple[float, int, int, int]] = []  # (seconds, inputs done, main KB, largest worker KB)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=env)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr or []), daemon=True)
    reader.start()
    while proc.poll() is None:
        time.sleep(0.5)
        progress = [int(m.group(1)) for line in lines[-3:] if (m := re.search(r"(\d+)/\d+ inputs", line))]
        worker = max((rss_kb(c) for c in children(proc.pid)), default=0)
        samples.append((time.monotonic() - start, progress[-1] if progress else 0, rss_kb(proc.pid), worker))
    reader.join(timeout=5)
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}): {''.join(lines)[-2000:]}")
    summary = lines[-1].strip() if lines else ""
    mains = [s[2] for s in samples if s[2]]
    quarter = max(1, len(mains) // 4)
    return {
        "articles": n,
        "workers": workers,
        "batch_size": batch_size,
        "memory_limit": memory_limit or "CLI default",
        "seconds": round(time.monotonic() - start, 1),
        "peak_rss_main_mb": round(max(mains) / 1024, 1),
        # when the parent peaked (seconds, inputs done): a spike at the end is the final commit, not growth
        "peak_rss_main_at": next((round(s[0]), s[1]) for s in samples if s[2] == max(mains)),
        "peak_rss_worker_mb": round(max(s[3] for s in samples) / 1024, 1),
        "median_rss_main_first_quarter_mb": round(sorted(mains[:quarter])[quarter // 2] / 1024, 1),
        "median_rss_main_last_quarter_mb": round(sorted(mains[-quarter:])[quarter // 2] / 1024, 1),
        "db_mb": round(db.stat().st_size / 1e6, 1),
        "summary": summary,
        "curve": [(round(s[0]), s[1], round(s[2] / 1024)) for s in samples[:: max(1, len(samples) // 12)]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--memory-limit", help="passed to sitrep ingest (DuckDB's cap; default: the CLI's)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report = run(args.articles, args.workers, args.batch_size, args.keep, args.memory_limit)
    else:
        with tempfile.TemporaryDirectory(prefix="sitrep-ingest-mem-") as tmp:
            report = run(args.articles, args.workers, args.batch_size, Path(tmp), args.memory_limit)
    if args.json:
        print(json.dumps(report))
        return
    print(f"ingest of {report['articles']} synthetic articles (cheap pipeline, {report['workers']} workers)")
    print(f"  {report['seconds']}s; {report['summary']}")
    print(
        f"  peak RSS: ingest process {report['peak_rss_main_mb']} MB, largest worker {report['peak_rss_worker_mb']} MB"
    )
    print(
        f"  ingest process RSS, median of first quarter {report['median_rss_main_first_quarter_mb']} MB "
        f"vs last quarter {report['median_rss_main_last_quarter_mb']} MB; store file {report['db_mb']} MB"
    )
    print("  (seconds, inputs done, main RSS MB):", report["curve"])


if __name__ == "__main__":
    main()
