"""`sitrep eval acled`: code real ACLED notes from countries no artifact was built on.

Every note of the held-out countries (``sitrep.learn.splits.DEFAULT_HOLDOUT``)
that carries today's event types goes through the ordinary pipeline with its
event date as publication date; its lead event (first asserted in text order)
is compared with what ACLED's coder wrote:

- event type accuracy, sub-event type accuracy and weighted/macro F1 (no event = "NONE");
- actor recall: each gold actor1/actor2/assoc actor found among the lead event's actors,
  names compared without ACLED's period suffix ("(2019-)");
- inter pair accuracy: the interaction code (both actor types) matches;
- admin1 accuracy (names folded to ASCII lower case) and the share of points within 25 km;
- admin1 unit accuracy: the predicted point and the gold point fall in the same gazetteer admin1 unit
  (each placed by its nearest gazetteer town), placement independent of spelling;
- event date accuracy;
- the same geography again with the note's country given on the input (``Article.country``).

``--dataset dev`` scores a dev draw of training countries instead (``DEV_PER_COUNTRY`` notes each), with the
learned files ``sitrep train dev-draw`` rebuilt without them (``SITREP_LEARNED_DIR``): the split to tune rules on.

A words-only baseline (TF-IDF + linear SVM over the training countries' notes, no rules) is
scored on the same rows when scikit-learn is installed. Figures are split by region group:
``me`` (Middle East) and ``rest``.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitrep.eval.case2021 import averages, f1_table, lead_event
from sitrep.eval.registry import Report, scorer
from sitrep.learn.acled import AcledRecord, read_exports
from sitrep.learn.splits import DEFAULT_HOLDOUT, held_out_rows, read_draw, training_rows
from sitrep.model import Article, Event, Result

CODER_MODEL = "models/coder"  # the learned file a places or actors dev folder may leave out (--no-coder)

DATASET = "acled_public"
DEV = "dev"  # the notes of a dev draw of training countries (`sitrep train dev-draw`), scored with its artifacts
# One year of three training countries that the package's period build (``data/heldout_period``, made by
# ``sitrep train dev-draw DIR --draw "Mali@2020,..."``) left out, with the held-out countries: new events of
# countries the record knows, the shape of the package's everyday use (its own build holds every country).
PERIOD = "period"
DEV_PER_COUNTRY = 100
NONE = "NONE"
PER_COUNTRY = 150  # rows per held-out country: every country counts, none dominates, CI stays quick
MIDDLE_EAST = {"Iraq", "Lebanon", "Palestine", "Israel", "Syria", "Yemen", "Iran", "Turkey", "Jordan", "Bahrain",
               "Kuwait", "Saudi Arabia", "Oman", "Qatar", "United Arab Emirates"}


def fold(name: str | None) -> str:
    """A name compared loosely: ASCII, lower case, no punctuation or ACLED period.

    The period goes wherever it sits: ACLED writes a state force's sub-unit after it ("Police Forces of
    Mali (2021-) Gendarmerie"), and a name one export dates "(2015-)" another dates "(2015-2022)"."""
    if not name:
        return ""
    text = re.sub(r"\s*\((?:\d{4})?-?(?:\d{4})?\)(?=\s|$)", "", name)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def _stable_key(record: AcledRecord) -> str:
    return hashlib.sha1(f"{record.event_id}|{record.notes[:60]}".encode()).hexdigest()


def eval_rows(records: Iterable[AcledRecord], per_country: int = PER_COUNTRY,
              holdout: Iterable[str] = DEFAULT_HOLDOUT) -> list[AcledRecord]:
    """A fixed sample of the held-out countries' notes with today's types: ``per_country`` each."""
    by_country: dict[str, list[AcledRecord]] = defaultdict(list)
    for r in held_out_rows(records, holdout):
        if r.has_current_types and not r.old_event_type and r.event_date is not None:
            by_country[r.country or ""].append(r)
    out: list[AcledRecord] = []
    for country in sorted(by_country):
        out += sorted(by_country[country], key=_stable_key)[:per_country]
    return out


# ACLED's older notes are terser (often no place but the country's): the held-out sample holds 40% notes of 2020 or
# earlier, the dev draws of training countries far fewer, so figures are also given by period
OLD_UNTIL = 2020


def period(r: AcledRecord) -> str:
    """The note's period: "old" for OLD_UNTIL or earlier (or undated), else "recent"."""
    return "recent" if r.event_date is not None and r.event_date.year > OLD_UNTIL else "old"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def event_actors(ev: Event) -> set[str]:
    names = [ev.actor1, ev.actor2, *(ev.assoc_actor_1 or "").split(";"), *(ev.assoc_actor_2 or "").split(";")]
    return {fold(n) for n in names if fold(n)}


def _articles(rows: list[AcledRecord], with_country: bool) -> list[Article]:
    return [Article(text=r.notes, id=f"acled-{i}", published=r.event_date.isoformat() if r.event_date else None,
                    source=r.source, country=r.country if with_country else None) for i, r in enumerate(rows)]


def _run(rows: list[AcledRecord], with_country: bool) -> list[Result]:
    from sitrep.pipeline import Pipeline

    return list(Pipeline().run(_articles(rows, with_country)))


class _Units:
    """Gazetteer admin1 unit of a point: the unit of the nearest town in its country (built once)."""

    _built: tuple[Any, Any] | None = None

    @classmethod
    def of(cls, country: str | None, lat: float | None, lon: float | None) -> str | None:
        if lat is None or lon is None or not country:
            return None
        if cls._built is None:
            from sitrep.gazetteer import load_gazetteer
            from sitrep.gazetteer.reporting import ReportingCountry
            from sitrep.learn.places import TownIndex

            gaz = load_gazetteer()
            cls._built = (TownIndex(gaz), ReportingCountry(gaz))
        towns, countries = cls._built
        cc = countries.iso2(country)
        i = towns.nearest(cc, lat, lon) if cc else None
        return str(towns.gaz.admin1[i]) if i is not None else None


class Tally:
    """Counts for one group of rows (all, me, rest)."""

    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.gold_sub: list[str] = []
        self.pred_sub: list[str] = []

    def add(self, r: AcledRecord, ev: Event | None) -> None:
        c = self.c
        c["rows"] += 1
        self.gold_sub.append(r.sub_event_type or NONE)
        self.pred_sub.append(ev.sub_event_type if ev is not None and ev.sub_event_type else NONE)
        c["type_ok"] += ev is not None and ev.event_type == r.event_type
        c["sub_ok"] += ev is not None and ev.sub_event_type == r.sub_event_type
        c["no_event"] += ev is None
        c["gold_actors"] += len(r.actors)
        self.add_actors(r, ev, "")
        c["date_ok"] += ev is not None and bool(r.event_date) and ev.event_date == r.event_date.isoformat()  # type: ignore[union-attr]
        self.add_geo(r, ev, "")

    def add_actors(self, r: AcledRecord, ev: Event | None, suffix: str) -> None:
        """Actors found (recall), named and named right (precision: more actors named per event would raise recall
        on its own) and the inter pair, for one run (``suffix``: "" or "_country")."""
        c = self.c
        found = event_actors(ev) if ev is not None else set()
        c["actors_found" + suffix] += sum(fold(name) in found for name in r.actors)
        c["actors_named" + suffix] += len(found)
        c["actors_named_right" + suffix] += len(found & {fold(n) for n in r.actors})
        c["inter_ok" + suffix] += ev is not None and ev.interaction == r.interaction

    def add_geo(self, r: AcledRecord, ev: Event | None, suffix: str) -> None:
        c = self.c
        if suffix:  # the run with the country given: actors (generic ones take the country) too
            self.add_actors(r, ev, suffix)
        c["admin1_gold" + suffix] += bool(r.admin1)
        c["admin1_ok" + suffix] += bool(r.admin1) and ev is not None and fold(ev.admin1) == fold(r.admin1)
        c["country_ok" + suffix] += ev is not None and fold(ev.country) == fold(r.country)
        if r.latitude is not None and r.longitude is not None:
            c["points" + suffix] += 1
            if ev is not None and ev.latitude is not None and ev.longitude is not None:
                c["within25" + suffix] += km(r.latitude, r.longitude, ev.latitude, ev.longitude) <= 25.0
            gold_unit = _Units.of(r.country, r.latitude, r.longitude)
            if gold_unit:
                c["units" + suffix] += 1
                c["unit_ok" + suffix] += ev is not None and bool(ev.admin1) and \
                    _Units.of(ev.country, ev.latitude, ev.longitude) == gold_unit

    def metrics(self) -> dict[str, float]:
        c = self.c
        n = c["rows"] or 1

        def ratio(a: str, b: str) -> float:
            return round(c[a] / c[b], 4) if c[b] else 0.0

        labels = sorted(set(self.gold_sub))
        weighted, macro = averages(f1_table(self.gold_sub, self.pred_sub, labels))
        out = {
            "event_type_accuracy": round(c["type_ok"] / n, 4),
            "sub_event_type_accuracy": round(c["sub_ok"] / n, 4),
            "sub_event_type_weighted_f1": round(weighted, 4),
            "sub_event_type_macro_f1": round(macro, 4),
            "no_event_rate": round(c["no_event"] / n, 4),
            "actor_recall": ratio("actors_found", "gold_actors"),
            "actor_precision": ratio("actors_named_right", "actors_named"),
            "inter_pair_accuracy": round(c["inter_ok"] / n, 4),
            "event_date_accuracy": round(c["date_ok"] / n, 4),
            "admin1_accuracy": ratio("admin1_ok", "admin1_gold"),
            "country_accuracy": round(c["country_ok"] / n, 4),
            "within_25km": ratio("within25", "points"),
            "admin1_unit_accuracy": ratio("unit_ok", "units"),
        }
        if c["admin1_gold_country"]:
            out["admin1_accuracy_with_country"] = ratio("admin1_ok_country", "admin1_gold_country")
            out["within_25km_with_country"] = ratio("within25_country", "points_country")
            out["admin1_unit_accuracy_with_country"] = ratio("unit_ok_country", "units_country")
            out["actor_recall_with_country"] = ratio("actors_found_country", "gold_actors")
            out["actor_precision_with_country"] = ratio("actors_named_right_country", "actors_named_country")
            out["inter_pair_accuracy_with_country"] = round(c["inter_ok_country"] / n, 4)
        return out


def words_baseline(train: list[AcledRecord], rows: list[AcledRecord]) -> tuple[list[str], list[str]] | None:
    """Event and sub-event types from a TF-IDF + linear SVM over note words alone; None without scikit-learn."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC
    except ImportError:
        return None
    if len({r.sub_event_type for r in train}) < 2:  # nothing to tell apart (a tiny or one-type export)
        return None
    texts = [r.notes for r in train]
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=300_000)
    x = vec.fit_transform(texts)
    clf = LinearSVC(C=0.5).fit(x, [r.sub_event_type for r in train])
    subs = list(clf.predict(vec.transform([r.notes for r in rows])))
    from sitrep.events.codebook import codebook

    book = codebook()
    return [book.event_type(s) or NONE for s in subs], subs


def _dev_draw() -> tuple[tuple[str, ...], list[str]]:
    """The countries of the dev build ``SITREP_LEARNED_DIR`` names (empty without one) and the learned files the
    folder lacks: for those the package's copies, built with the draw's own notes, would be used."""
    from sitrep.resources import learned_dir, missing_learned

    folder = learned_dir()
    if folder is None:
        return (), []
    return read_draw(folder), missing_learned(folder)


def _score_in_build(build: Path, data_dir: Path, dataset: str, limit: int | None) -> list[Report]:
    """``score`` run in a fresh process whose learned files are ``build``'s. The package's own are built from every
    country, held-out ones included, and any this process has loaded would stay in its caches: a new process
    started with ``SITREP_LEARNED_DIR`` set reads nothing else."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    from sitrep.resources import missing_learned

    missing = missing_learned(build) if build.is_dir() else ["every learned file"]
    if missing:
        return [Report("acled", dataset, skipped=f"{build} lacks {', '.join(missing)}: the package's copies are "
                                                 "built on the notes scored; rebuild it (`sitrep train heldout`, "
                                                 "`make learned`)")]
    before = os.environ.get("SITREP_LEARNED_DIR")
    os.environ["SITREP_LEARNED_DIR"] = str(build)  # the worker is spawned at submit and copies the environment
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            return pool.submit(score, data_dir, dataset, limit).result()
    finally:
        if before is None:
            os.environ.pop("SITREP_LEARNED_DIR", None)
        else:
            os.environ["SITREP_LEARNED_DIR"] = before


def confusion(gold: list[str], pred: list[str], top: int = 25) -> list[tuple[str, str, int]]:
    pairs = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return [(g, p, n) for (g, p), n in pairs.most_common(top)]


@scorer("acled", "Real ACLED notes of held-out countries: event/sub-event type, actors, inter codes, admin1, "
                 "points, dates (and a words-only baseline)", datasets=(DATASET, PERIOD, DEV))
def score(data_dir: Path, dataset: str | None, limit: int | None) -> list[Report]:
    if dataset is None:  # the default run: held-out countries, then the held-out year of known countries
        return score(data_dir, DATASET, limit) + score(data_dir, PERIOD, limit)
    wanted = dataset
    folder = data_dir / DATASET
    if not folder.exists():
        return [Report("acled", wanted, skipped=f"{folder} not found")]
    rows_from, left_out = DEFAULT_HOLDOUT, DEFAULT_HOLDOUT
    if wanted in (DATASET, PERIOD):  # scored with learned files built without those notes, never the package's
        from sitrep.resources import HELDOUT_BUILD, PERIOD_BUILD, learned_dir, missing_learned

        build = learned_dir()
        if build is None:
            return _score_in_build(HELDOUT_BUILD if wanted == DATASET else PERIOD_BUILD, data_dir, wanted, limit)
        if missing_learned(build):
            return [Report("acled", wanted, skipped=f"{build} lacks {', '.join(missing_learned(build))}: the "
                                                    "package's copies are built on the notes scored")]
    if wanted in (DEV, PERIOD):  # the draw `sitrep train dev-draw` built the learned files without
        draw, missing = _dev_draw()
        if not draw:
            return [Report("acled", wanted, skipped="set SITREP_LEARNED_DIR to a `sitrep train dev-draw` folder")]
        tables = [n for n in missing if n != CODER_MODEL]
        if tables:  # the draw's notes would be scored with tables built on them: an in-sample figure, refused
            return [Report("acled", wanted, skipped=f"the dev folder lacks {', '.join(tables)}: rebuild it with "
                                                    "`sitrep train dev-draw`")]
        if missing:  # built with --no-coder: places and actors figures hold, the coding ones are in-sample
            print("warning: the dev folder has no coder model; event-type figures use the package's, trained on "
                  "the draw's countries", file=sys.stderr)
        rows_from, left_out = draw, (*DEFAULT_HOLDOUT, *draw)
    records = list(read_exports([folder]))
    rows = eval_rows(records, per_country=limit or (DEV_PER_COUNTRY if wanted == DEV else PER_COUNTRY),
                     holdout=rows_from)
    plain = _run(rows, with_country=False)
    given = _run(rows, with_country=True)
    groups = {"all": Tally(), "me": Tally(), "rest": Tally(), "old": Tally(), "recent": Tally()}
    for r, res, res_c in zip(rows, plain, given, strict=True):
        ev, ev_c = lead_event(res.events), lead_event(res_c.events)
        for name in ("all", "me" if r.country in MIDDLE_EAST else "rest", period(r)):
            groups[name].add(r, ev)
            groups[name].add_geo(r, ev_c, "_country")
    metrics = groups["all"].metrics()
    for name in ("me", "rest", "old", "recent"):
        if not groups[name].c["rows"]:
            continue
        for key in ("event_type_accuracy", "sub_event_type_weighted_f1", "actor_recall", "inter_pair_accuracy",
                    "admin1_accuracy", "within_25km", "country_accuracy"):
            metrics[f"{name}_{key}"] = groups[name].metrics()[key]
    train = [r for r in training_rows(records, left_out) if r.has_current_types and not r.old_event_type]
    baseline = words_baseline(train, rows)
    if baseline is not None:
        b_types, b_subs = baseline
        gold_subs = [r.sub_event_type or NONE for r in rows]
        metrics["baseline_event_type_accuracy"] = round(
            sum(t == r.event_type for t, r in zip(b_types, rows, strict=True)) / len(rows), 4)
        metrics["baseline_sub_event_type_weighted_f1"] = round(
            averages(f1_table(gold_subs, b_subs, sorted(set(gold_subs))))[0], 4)
    gold, pred = groups["all"].gold_sub, groups["all"].pred_sub
    details: dict[str, Any] = {
        "confusions": confusion(gold, pred),
        "per_country": {c: n for c, n in sorted(Counter(r.country or "" for r in rows).items())},
        "holdout": list(rows_from),
    }
    report = Report("acled", wanted, metrics=metrics,
                    counts={"notes": len(rows), "training_notes": len(train),
                            "old_notes": groups["old"].c["rows"]}, details=details)
    return [report]


def confusion_table(report: Report) -> str:
    """The sub-event confusions as text lines for the CLI."""
    rows = report.details.get("confusions", [])
    width = max([len(g) for g, _, _ in rows] + [4])
    return "\n".join(f"  {g:<{width}} -> {p} ({n})" for g, p, n in rows)
