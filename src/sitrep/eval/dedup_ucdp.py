"""`sitrep eval dedup-ucdp`: do several outlets' headlines of one UCDP event end up as one canonical event?

Gold: UCDP GED events and the reports each was coded from
(``../shared/data/ucdp_ged/``, read by ``sitrep.learn.ucdp``). Every headline
becomes an article (title and text = the headline, published = the report's
day, source = the outlet) and goes through the real code path: the function
behind ``sitrep ingest`` into a temporary DuckDB store, then the one behind
``sitrep dedupe``, with the language check on as a user runs it. An
article's predicted cluster is the canonical event it is a member of (by its
first asserted event, or as a report unit when it asserts none); an article
left out of every canonical event stays alone.

The sample takes whole events a week at a time, with every other event of
that country and week as the hard negatives (``learn.ucdp.sample``). Figures:
pairwise precision/recall/F1 over report pairs and B-cubed, overall and by
country. ``held_out`` (the default) scores the countries the match model was
not fitted on (``HELD_OUT``); ``fit`` scores the countries it was fitted on
(for comparison only, not a quality figure); ``all`` both. The ``_country``
datasets give each report its country on the input (``Article.country``, as
a feed for one country would), the others do not. The ``_multi`` datasets
keep only events told by two or more reports (no single-report events of the
same week as distractors): the shape of the set issue #16 was measured on.

``event_pairs_recall`` and ``report_pairs_recall`` split the pairwise recall
by what the extractor found: gold pairs whose two reports both assert an
event, and pairs with a report that asserts none (a report unit, which can
join an event but never makes one; ``gold_pairs_with_report`` counts them).

Next to the dedup's figures, ``naive_*`` score a simple rule over the same
store's extracted events as a floor to beat: two reports are one event when
their first asserted events share country and admin1 and lie within a day
(joined transitively).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sitrep.eval.dedup import pairwise
from sitrep.eval.registry import Report, scorer
from sitrep.learn import ucdp

NAME = "dedup-ucdp"
FOLDER = "ucdp_ged"
# Split by country (whole countries, never rows of one): the match model is fitted on FIT only.
FIT = ("nigeria", "myanmar", "pakistan", "central_african_republic")
HELD_OUT = ("philippines", "south_sudan", "ukraine")
REPORTS_PER_COUNTRY = 450  # about a minute of ingest for the held-out set on one core
EVERY_REPORT = 1_000_000  # the cap of the _full datasets: no country file holds this many
DATASETS = {"held_out": HELD_OUT, "held_out_full": HELD_OUT, "fit": FIT, "all": FIT + HELD_OUT, "held_out_country": HELD_OUT,
            "fit_country": FIT, "held_out_multi": HELD_OUT, "fit_multi": FIT}
DEFAULT_DATASETS = ("held_out", "held_out_full")  # what `sitrep eval dedup-ucdp` and the floors gate score
_NAMES = {"central_african_republic": "Central African Republic", "south_sudan": "South Sudan"}


def gold_records(base: Path, countries: tuple[str, ...], per_country: int, with_country: bool = False,
                 multi_only: bool = False) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, str]]:
    """(article records, input id -> gold event key, input id -> country file) for the sampled reports;
    with ``multi_only`` only the reports of events that keep two or more."""
    found = ucdp.files(base)
    recs: list[dict[str, Any]] = []
    gold: dict[str, str] = {}
    country: dict[str, str] = {}
    for name in countries:
        if name not in found:
            continue
        events = ucdp.sample(ucdp.usable(ucdp.read_events(found[name])), per_country)
        for rec, event_id in ucdp.records(events):
            if with_country:
                rec["country"] = _NAMES.get(name, name.replace("_", " ").title())
            recs.append(rec)
            gold[rec["id"]] = f"{name}:{event_id}"
            country[rec["id"]] = name
    if multi_only:
        told = Counter(gold.values())
        recs = [r for r in recs if told[gold[r["id"]]] >= 2]
        gold = {r["id"]: gold[r["id"]] for r in recs}
        country = {r["id"]: country[r["id"]] for r in recs}
    return recs, gold, country


def ingest_records(recs: list[dict[str, Any]], folder: Path) -> Path:
    """``recs`` written as JSONL and ingested with ``sitrep ingest``'s own function into ``folder``; the store."""
    from sitrep.cli.ingest_cmd import run_ingest_command

    path = folder / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    db = folder / "ucdp.duckdb"
    run_ingest_command([str(path)], db, workers=0, quiet=True, check_language=True)
    return db


def dedupe_through_store(recs: list[dict[str, Any]], folder: Path, config: Path | None = None) -> dict[str, str]:
    """Ingest and dedupe ``recs`` with the commands' own functions; input id -> predicted cluster."""
    from sitrep.cli.dedupe_cmd import run_dedupe
    from sitrep.store import Store

    db = ingest_records(recs, folder)
    run_dedupe(db, config)
    with Store(db) as store:
        rows = store.con.execute(
            "SELECT i.input_id, arg_min(m.canonical_id, m.event_id) FROM article_ids i "
            "JOIN canonical_members m USING (article_id) GROUP BY 1"
        ).fetchall()
    pred = {str(k): str(v) for k, v in rows}
    return {rec["id"]: pred.get(rec["id"], "alone:" + rec["id"]) for rec in recs}


def naive_clusters(db: Path, recs: list[dict[str, Any]], max_days: int = 1) -> dict[str, str]:
    """Input id -> cluster under the naive rule: first asserted events sharing country and admin1 within
    ``max_days`` join (transitively); a report without such an event stays alone."""
    from sitrep.store import Store

    with Store(db) as store:
        rows = store.con.execute(
            "SELECT i.input_id, arg_min(e.country, e.ordinal), arg_min(e.admin1, e.ordinal), "
            "arg_min(e.event_date, e.ordinal) FROM article_ids i JOIN events e USING (article_id) "
            "WHERE coalesce(e.modality, 'asserted') = 'asserted' GROUP BY 1"
        ).fetchall()
    parent = {rec["id"]: rec["id"] for rec in recs}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_place: dict[tuple[str, str], list[tuple[Any, str]]] = defaultdict(list)
    for input_id, country, admin1, day in rows:
        if str(input_id) in parent and country and admin1 and day is not None:
            by_place[(str(country).lower(), str(admin1).lower())].append((day, str(input_id)))
    for found in by_place.values():
        found.sort()
        for a in range(len(found)):
            for b in range(a + 1, len(found)):
                if (found[b][0] - found[a][0]).days > max_days:
                    break
                parent[root(found[b][1])] = root(found[a][1])
    return {x: root(x) for x in parent}


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """B-cubed precision/recall/F1: per item, the share of its predicted (gold) cluster that is right."""
    both = Counter((pred[e], g) for e, g in gold.items())
    size_p = Counter(pred[e] for e in gold)
    size_g = Counter(gold.values())
    p = sum(n * n / size_p[pc] for (pc, _g), n in both.items()) / max(len(gold), 1)
    r = sum(n * n / size_g[g] for (_pc, g), n in both.items()) / max(len(gold), 1)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def figures(gold: dict[str, str], pred: dict[str, str], country: dict[str, str]) -> dict[str, float]:
    out: dict[str, float] = {}
    out.update(pairwise(gold, pred))
    out.update({f"bcubed_{k}": v for k, v in bcubed(gold, pred).items()})
    by_country: dict[str, dict[str, str]] = defaultdict(dict)
    for k, g in gold.items():
        by_country[country[k]][k] = g
    for name, sub in sorted(by_country.items()):
        m = pairwise(sub, pred)
        out.update({f"{name}_{k}": v for k, v in m.items()})
    return out


def score(base: Path, dataset: str, per_country: int, config: Path | None = None) -> Report:
    recs, gold, country = gold_records(base, DATASETS[dataset], per_country, dataset.endswith("_country"),
                                       dataset.endswith("_multi"))
    with tempfile.TemporaryDirectory(prefix="sitrep-ucdp-") as tmp:
        pred = dedupe_through_store(recs, Path(tmp), config)
        naive = naive_clusters(Path(tmp) / "ucdp.duckdb", recs)
        asserting = asserting_reports(Path(tmp) / "ucdp.duckdb")
    sizes = Counter(gold.values())
    counts = {"reports": len(gold), "events": len(sizes), "multi_report_events": sum(1 for n in sizes.values() if n > 1),
              "gold_pairs": sum(n * (n - 1) // 2 for n in sizes.values()),
              "predicted_clusters": len(set(pred.values())),
              "reports_in_no_event": sum(1 for v in pred.values() if v.startswith("alone:"))}
    out = figures(gold, pred, country)
    out.update({f"naive_{k}": v for k, v in pairwise(gold, naive).items()})
    kinds = recall_by_kind(gold, pred, asserting)
    counts["gold_pairs_with_report"] = int(kinds.pop("gold_pairs_with_report"))
    out.update(kinds)
    return Report(NAME, dataset, out, counts)


def asserting_reports(db: Path) -> set[str]:
    """Input ids of the reports the extractor found an asserted event in."""
    from sitrep.store import Store

    with Store(db) as store:
        rows = store.con.execute(
            "SELECT DISTINCT i.input_id FROM article_ids i JOIN events e USING (article_id) "
            "WHERE coalesce(e.modality, 'asserted') = 'asserted'"
        ).fetchall()
    return {str(r[0]) for r in rows}


def recall_by_kind(gold: dict[str, str], pred: dict[str, str], asserting: set[str]) -> dict[str, float]:
    """Pairwise recall of the gold pairs whose reports both assert an event, and of those with a report
    asserting none; and how many gold pairs have such a report."""
    members: dict[str, list[str]] = defaultdict(list)
    for k, g in gold.items():
        members[g].append(k)
    found = {True: [0, 0], False: [0, 0]}  # both assert an event -> [gold pairs, pairs predicted together]
    for reports in members.values():
        for n, a in enumerate(reports):
            for b in reports[n + 1:]:
                tally = found[a in asserting and b in asserting]
                tally[0] += 1
                tally[1] += pred[a] == pred[b]
    return {"event_pairs_recall": found[True][1] / max(found[True][0], 1),
            "report_pairs_recall": found[False][1] / max(found[False][0], 1),
            "gold_pairs_with_report": float(found[False][0])}


@scorer(NAME, "cross-source dedup of UCDP GED events' headlines (pairwise and B-cubed, held-out countries)",
        datasets=tuple(DATASETS))
def run(data_dir: Path, dataset: str | None, limit: int | None) -> list[Report]:
    names = (dataset,) if dataset else DEFAULT_DATASETS
    unknown = [n for n in names if n not in DATASETS]
    if unknown:
        return [Report(NAME, n, skipped=f"unknown dataset {n!r}; known: {', '.join(DATASETS)}") for n in unknown]
    base = data_dir / FOLDER
    if not ucdp.files(base):
        return [Report(NAME, n, skipped=f"{base} not found") for n in names]
    return [score(base, n, limit or (EVERY_REPORT if n.endswith("_full") else REPORTS_PER_COUNTRY)) for n in names]
