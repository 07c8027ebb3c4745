"""Robustness run: every text in ../shared/data through the pipeline, with publication dates; crashes by stage.

    .venv/bin/python benchmarks/robustness.py                    # every text of every source
    .venv/bin/python benchmarks/robustness.py --per-source 200   # a deterministic sample of each
    .venv/bin/python benchmarks/robustness.py --source acled --workers 2 --json out/robustness.json

Prints a table (texts, events and crashes per source; crashes by stage and exception) and exits 1 when any
stage crashed. The sources and their publication dates: sitrep.eval.corpora.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sitrep.eval import corpora, robustness
from sitrep.eval.registry import gold_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=None, help="gold data folder (default ../shared/data)")
    parser.add_argument("--source", action="append", choices=sorted(corpora.READERS), help="only these sources")
    parser.add_argument("--per-source", type=int, default=None, help="at most N texts of each source")
    parser.add_argument("--workers", type=int, default=0, help="worker processes (0 = this process)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", type=Path, default=None, help="also write the report as JSON here")
    args = parser.parse_args(argv)

    base = gold_dir(args.data_dir)
    items: list[corpora.Text] = []
    for source in args.source or sorted(corpora.READERS):
        chosen = corpora.sample(corpora.texts(base, source), args.per_source)
        print(f"{source}: {len(chosen)} texts", flush=True)
        items.extend(chosen)
    if not items:
        print(f"no texts under {base}", file=sys.stderr)
        return 2
    report = robustness.run(items, workers=args.workers, batch_size=args.batch_size, progress=True)
    print(report.table())
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if report.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
