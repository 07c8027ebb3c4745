"""``sitrep eval geo``: toponym recognition and resolution on LGL and GeoWebNews.

Gold: ``geoparsing/lgl.xml`` (588 local-news articles) and ``geoparsing/GWN.xml``
(200 articles). Every gold toponym that has coordinates counts; a gold
toponym is *found* when a sitrep place overlaps its span, and *correct* when
that place is resolved within 161 km (100 miles) of the gold point. So
``acc161`` is end to end (recognition x resolution); ``acc161_found`` is the
resolution accuracy on the toponyms we found (closer to how resolution-only
geocoders are usually scored). Country and admin1 agreement: LGL by the
GeoNames ids in the gold; GWN by reverse-geocoding both points.

The scorer runs the public ``Pipeline`` with only the nlp and places stages.
Default run: every LGL article with an odd position (294 articles) and all GWN
articles (fits the 3-minute CI budget); ``--limit N`` takes the first N
articles; ``--limit 0`` scores the whole dataset.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.eval.registry import Report, scorer

DATASETS = ("lgl", "gwn")
MILES_100_KM = 161.0


@dataclass
class GoldToponym:
    start: int
    end: int
    lat: float
    lon: float
    country_gid: str | None = None
    admin1_gid: str | None = None


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym]


def read_lgl(path: Path) -> list[GoldArticle]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        tops = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            if g is None or g.findtext("lat") is None:
                continue
            country, admin1 = g.find("country"), g.find("admin1")
            fcode = g.findtext("fcode") or ""
            tops.append(GoldToponym(
                int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                float(g.findtext("lat") or 0), float(g.findtext("lon") or 0),
                country.get("geonameid") if country is not None else None,
                admin1.get("geonameid") if admin1 is not None and not fcode.startswith(("PCL", "CONT")) else None))
        out.append(GoldArticle(art.get("docid") or "", art.findtext("text") or "", tops))
    return out


def read_gwn(path: Path) -> list[GoldArticle]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        tops = []
        for t in art.iter("toponym"):
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            if not lat or not lon:
                continue
            tops.append(GoldToponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0), float(lat), float(lon)))
        out.append(GoldArticle(art.get("file") or "", art.findtext("text") or "", tops))
    return out


def _subset(articles: list[GoldArticle], dataset: str, limit: int | None) -> list[GoldArticle]:
    if limit == 0:
        return articles
    if limit:
        return articles[:limit]
    return articles[1::2] if dataset == "lgl" else articles


def score_dataset(dataset: str, articles: list[GoldArticle]) -> Report:
    from sitrep.gazetteer import load_gazetteer
    from sitrep.gazetteer.resolve import distance_km
    from sitrep.model import Article
    from sitrep.pipeline import Pipeline

    pipe = Pipeline({"pipeline": {"stages": ["sitrep.nlp.v1", "sitrep.places.v1"], "batch_size": 16}})
    gaz = load_gazetteer()
    index = {gid: i for i, gid in enumerate(gaz.ids)}
    results = list(pipe.run([Article(text=a.text, id=a.id) for a in articles]))
    rg_cache: dict[tuple[float, float], tuple[str, str]] = {}
    pairs: list[tuple[GoldToponym, Any]] = []
    for art, res in zip(articles, results, strict=True):
        places = sorted(res.places, key=lambda p: p.start)
        for top in art.toponyms:
            match = next((p for p in places if p.start < top.end and top.start < p.end), None)
            pairs.append((top, match))
    total = len(pairs)
    found = sum(1 for _, p in pairs if p is not None)
    correct = 0
    country_ok = admin_ok = admin_total = 0
    if dataset == "gwn":
        _reverse(rg_cache, [(t.lat, t.lon) for t, _ in pairs] +
                 [(p.latitude, p.longitude) for _, p in pairs if p is not None and p.latitude is not None])
    for top, p in pairs:
        resolved = p is not None and p.latitude is not None
        if resolved and distance_km(top.lat, top.lon, p.latitude, p.longitude) <= MILES_100_KM:
            correct += 1
        if dataset == "lgl":
            entry = gaz.entry(index[p.gazetteer_id]) if resolved and p.gazetteer_id in index else None
            if entry is not None and gaz.country_info(entry.cc).get("gid") == top.country_gid:
                country_ok += 1
            if top.admin1_gid:
                admin_total += 1
                admin = gaz.admin_entry(entry.admin1_code) if entry is not None and entry.admin1_code else None
                if admin is not None and admin.id == f"gn:{top.admin1_gid}":
                    admin_ok += 1
        else:
            admin_total += 1
            if resolved:
                gold_cc, gold_a1 = rg_cache[(top.lat, top.lon)]
                pred_cc, pred_a1 = rg_cache[(p.latitude, p.longitude)]
                country_ok += gold_cc == pred_cc
                admin_ok += gold_cc == pred_cc and gold_a1 == pred_a1
    return Report(
        scorer="geo", dataset=dataset,
        metrics={
            "acc161": correct / total if total else 0.0,
            "recall": found / total if total else 0.0,
            "acc161_found": correct / found if found else 0.0,
            "country_acc": country_ok / total if total else 0.0,
            "admin1_acc": admin_ok / admin_total if admin_total else 0.0,
        },
        counts={"articles": len(articles), "toponyms": total, "found": found, "correct161": correct},
    )


def _reverse(cache: dict[tuple[float, float], tuple[str, str]], points: list[tuple[float, float]]) -> None:
    import contextlib
    import io

    import reverse_geocoder

    todo = sorted({pt for pt in points if pt not in cache})
    if not todo:
        return
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        found = reverse_geocoder.search(todo, mode=1)
    for pt, row in zip(todo, found, strict=True):
        cache[pt] = (row["cc"], row["admin1"])


@scorer("geo", "toponym recall and resolution accuracy (acc@161 km, country, admin1) on LGL and GeoWebNews",
        DATASETS)
def score_geo(data_dir: Path, dataset: str | None, limit: int | None) -> list[Report]:
    base = data_dir / "geoparsing"
    reports = []
    for name in [dataset] if dataset else list(DATASETS):
        path = base / ("lgl.xml" if name == "lgl" else "GWN.xml")
        if name not in DATASETS:
            reports.append(Report("geo", name, skipped=f"unknown dataset {name!r}; known: {', '.join(DATASETS)}"))
            continue
        if not path.exists():
            reports.append(Report("geo", name, skipped=f"{path} not found"))
            continue
        articles = read_lgl(path) if name == "lgl" else read_gwn(path)
        reports.append(score_dataset(name, _subset(articles, name, limit)))
    return reports
