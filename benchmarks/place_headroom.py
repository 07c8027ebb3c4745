"""How much a better candidate ranker could gain on a dev draw: the right candidate among a name's candidates vs
the one the resolver chose (issue #15, item 6).

Runs the dev draw's notes (``SITREP_LEARNED_DIR``, as ``sitrep eval acled --dataset dev``) through the pipeline,
keeps each note's toponyms with their candidates, and for the lead event placed by a name counts:

- the chosen candidate in ACLED's admin1 unit (the gazetteer unit of the nearest town to ACLED's point) / another
  candidate of that name in it (a ranking error) / none in it (coverage, spelling or another name);
- likewise within 25 km of ACLED's point (the candidate's own point: the geocoder may then move a district or a
  province to its town).

    SITREP_LEARNED_DIR=/work/d1 PYTHONPATH=src python benchmarks/place_headroom.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.eval import acled as scorer
from sitrep.eval.case2021 import lead_event
from sitrep.gazetteer.resolve import Resolver, Toponym
from sitrep.learn.acled import read_exports
from sitrep.stages import places

DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")


def _recording() -> dict[str, list[Toponym]]:
    """Article id -> its toponyms as the resolver left them (patches the places stage for this run only)."""
    seen: dict[str, list[Toponym]] = {}
    current: dict[str, str] = {}
    run, resolve = places.PlaceFinder.run, Resolver.resolve

    def run_noting(self: Any, document: Any) -> None:
        current["id"] = document.article.id or ""
        run(self, document)

    def resolve_noting(self: Any, toponyms: list[Toponym], *args: Any, **kwargs: Any) -> Any:
        out = resolve(self, toponyms, *args, **kwargs)
        seen[current["id"]] = toponyms
        return out

    places.PlaceFinder.run = run_noting  # type: ignore[method-assign]
    Resolver.resolve = resolve_noting  # type: ignore[method-assign]
    return seen


def main() -> None:
    draw, _ = scorer._dev_draw()
    if not draw:
        sys.exit("set SITREP_LEARNED_DIR to a `sitrep train dev-draw` folder")
    rows = scorer.eval_rows(read_exports([DATA / scorer.DATASET]), per_country=scorer.DEV_PER_COUNTRY, holdout=draw)
    seen = _recording()
    results = scorer._run(rows, with_country=False)
    counts: Counter[str] = Counter()
    for i, (row, result) in enumerate(zip(rows, results, strict=True)):
        counts["notes"] += 1
        event = lead_event(result.events)
        span = event.evidence.get("location") if event is not None else None
        top = next((t for t in seen.get(f"acled-{i}", []) if span and t.start == span[0] and t.entry), None)
        if top is None or top.entry is None or row.latitude is None or row.longitude is None:
            continue
        counts["placed by a name"] += 1
        counts["... with several candidates"] += len(top.candidates) > 1
        unit = scorer._Units.of(row.country, row.latitude, row.longitude)
        in_unit = [c.admin1_code == unit for c in top.candidates]
        near = [scorer.km(row.latitude, row.longitude, c.latitude, c.longitude) <= 25.0 for c in top.candidates]
        chosen = next((k for k, c in enumerate(top.candidates) if c.idx == top.entry.idx), None)
        for label, hits in (("admin1 unit", in_unit), ("25 km", near)):
            if chosen is not None and hits[chosen]:
                counts[f"{label}: chosen right"] += 1
            elif any(hits):
                counts[f"{label}: right candidate not chosen (ranker headroom)"] += 1
            else:
                counts[f"{label}: no candidate right"] += 1
    for key, value in counts.items():
        print(f"{key:<55} {value:>5}  {value / counts['notes']:.4f}")


if __name__ == "__main__":
    main()
