"""Spark scaling: the same corpus through ``sitrep run --engine spark`` on local[1] and local[2].

Each measurement runs in a fresh Python process with its own JVM and Python
workers, so no model or cache carries over between masters. Reported per
master: session start-up, job seconds (read → stages → Parquet written, the
workers' pipeline loads included unless ``--warm``), articles/s, and for each
master after the first: speed-up over the first and efficiency
(speed-up / core ratio). The load average before and after each run is
printed too, with the CPU time the JVM and Python workers really used
(``cores_obtained`` = CPU seconds / wall seconds): on a shared machine other
processes take cores, so say what the load was when quoting a figure.

    python benchmarks/spark_scaling.py                      # 800 articles, local[1] then local[2]
    python benchmarks/spark_scaling.py --articles 1200 --repeat 2 --json out.json
    python benchmarks/spark_scaling.py --warm               # pipelines loaded before the clock starts

The corpus is ``synthetic.records`` (seeded, ~450 words per article) split
over several JSONL files.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import records  # noqa: E402


def write_corpus(folder: Path, n: int, words: int, files: int) -> None:
    items = records(n, words)
    per = -(-len(items) // files)
    for i in range(files):
        chunk = items[i * per : (i + 1) * per]
        if chunk:
            (folder / f"part-{i:02d}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in chunk), encoding="utf-8")


def descendant_cpu_seconds() -> float:
    """CPU seconds (user + system) used so far by this process's live descendants: the JVM and the Python
    workers it forked. On a shared machine this says how much CPU the job actually got."""
    ticks = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        cpu[pid] = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    total, todo = 0.0, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo.extend(children.get(pid, []))
    return total


def measure_one(master: str, corpus: str, out: str, warm: bool) -> dict[str, object]:
    """One master, in this process: start a session, (warm it), time one job."""
    from sitrep.engines.spark import local_cores, run_spark, start_session

    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    spark = start_session(master)
    session_s = time.perf_counter() - t0
    try:
        cores = local_cores(master)
        if warm:
            with tempfile.TemporaryDirectory() as tiny:
                write_corpus(Path(tiny), 4 * cores, 60, 1)
                run_spark(tiny, tiny + "/out", spark=spark, master=master, partitions=4 * cores, timestamp=0)
        cpu_before = descendant_cpu_seconds()
        summary = run_spark(corpus, out, spark=spark, master=master, overwrite=True, timestamp=0)
        cpu_s = descendant_cpu_seconds() - cpu_before
    finally:
        spark.stop()
    processed = summary.articles + summary.quarantined
    return {
        "master": master,
        "cores": cores,
        "articles": processed,
        "events": summary.events,
        "session_s": round(session_s, 2),
        "job_s": round(summary.seconds, 2),
        "articles_per_s": round(processed / summary.seconds, 2),
        "cpu_s": round(cpu_s, 1),  # JVM + Python workers during the job
        "cores_obtained": round(cpu_s / summary.seconds, 2),
        "articles_per_cpu_s": round(processed / cpu_s, 2) if cpu_s else None,
        "partitions": summary.partitions,
        "warm": warm,
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=800)
    parser.add_argument("--words", type=int, default=450)
    parser.add_argument("--files", type=int, default=8, help="JSONL files the corpus is split over")
    parser.add_argument("--masters", default="local[1],local[2]")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; masters alternate within a round")
    parser.add_argument("--warm", action="store_true", help="load the pipelines before the clock starts")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # child mode: one master
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.one:
        with tempfile.TemporaryDirectory() as out:
            print(json.dumps(measure_one(args.one, args.corpus, out + "/run", args.warm)))
        return

    masters = [m.strip() for m in args.masters.split(",") if m.strip()]
    results: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        write_corpus(corpus, args.articles, args.words, args.files)
        for round_no in range(args.repeat):
            order = masters if round_no % 2 == 0 else masters[::-1]
            for master in order:
                cmd = [sys.executable, __file__, "--one", master, "--corpus", str(corpus)]
                if args.warm:
                    cmd.append("--warm")
                done = subprocess.run(cmd, capture_output=True, text=True, check=False)
                lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
                if done.returncode or not lines:
                    sys.exit(f"{master} failed:\n{done.stderr[-3000:]}")
                result = json.loads(lines[-1])
                result["round"] = round_no
                results.append(result)
                print(json.dumps(result), flush=True)

    best: dict[str, float] = {}
    for r in results:
        best[str(r["master"])] = max(best.get(str(r["master"]), 0.0), float(r["articles_per_s"]))  # type: ignore[arg-type]
    base_master = masters[0]
    base_cores = next(int(r["cores"]) for r in results if r["master"] == base_master)  # type: ignore[call-overload]
    summary = {"articles": args.articles, "words": args.words, "warm": args.warm, "best_articles_per_s": best}
    for master in masters[1:]:
        cores = next(int(r["cores"]) for r in results if r["master"] == master)  # type: ignore[call-overload]
        speedup = best[master] / best[base_master]
        summary[f"speedup_{master}"] = round(speedup, 3)
        summary[f"efficiency_{master}"] = round(speedup / (cores / base_cores), 3)
        # Contention-corrected: throughput per core the job actually obtained, relative to the base master.
        per_core = {
            m: max(float(r["articles_per_s"]) / max(float(r["cores_obtained"]), 1e-9)  # type: ignore[arg-type]
                   for r in results if r["master"] == m)
            for m in (base_master, master)
        }  # fmt: skip
        summary[f"per_obtained_core_ratio_{master}"] = round(per_core[master] / per_core[base_master], 3)
    print(json.dumps(summary))
    if args.json:
        args.json.write_text(json.dumps({"runs": results, "summary": summary}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
