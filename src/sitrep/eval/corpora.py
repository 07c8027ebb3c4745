"""Every text in the public gold data (../shared/data), with a publication date, for robustness runs.

One reader per source yields ``Text(source, id, text, published)``: the articles of PolNeAR, re3d,
GeoWebNews, LGL and IndiaPoliceEvents, the CASE 2021 snippets, the PLOVER gold sentences, SemEval-2022's
English articles, ACLED's notes (``notes``/``NOTES`` of every file in ``acled_public``) and UCDP's report
headlines (``source_article``). A text is read once per source (repeats dropped). The publication date is
the one the data gives (a file name, metadata, the event or report date); where there is none, a fixed
date, so relative phrases always have something to resolve against.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FALLBACK_DATE = "2020-05-10"
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_HEADLINE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class Text:
    source: str
    id: str
    text: str
    published: str


def iso_date(value: str | None) -> str:
    """The first YYYY-MM-DD in ``value``, or a date written out ("17 November 2021"), else the fallback."""
    if value:
        m = _ISO.search(value)
        if m:
            return m.group(0)
        for fmt in ("%d %B %Y", "%d-%b-%y", "%d/%m/%Y", "%B %d, %Y"):
            try:
                return datetime.strptime(value.strip(), fmt).date().isoformat()
            except ValueError:
                continue
    return FALLBACK_DATE


def _polnear(base: Path) -> Iterator[Text]:
    for path in sorted((base / "polnear").glob("*/text/*.txt")):
        yield Text("polnear", path.stem, path.read_text(encoding="utf-8"), iso_date(path.stem))


def _re3d(base: Path) -> Iterator[Text]:
    for path in sorted((base / "re3d").glob("*/documents.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                yield Text("re3d", str(doc.get("_id")), str(doc.get("text") or ""), FALLBACK_DATE)


def _gwn(base: Path) -> Iterator[Text]:
    for path in sorted((base / "geoparsing" / "GeoWebNews").glob("*.txt"), key=lambda p: (len(p.stem), p.stem)):
        yield Text("gwn", path.stem, path.read_text(encoding="utf-8"), FALLBACK_DATE)


def _lgl(base: Path) -> Iterator[Text]:
    path = base / "geoparsing" / "lgl.xml"
    if path.exists():
        for article in ET.parse(path).getroot().iter("article"):
            yield Text("lgl", article.get("docid") or "", article.findtext("text") or "",
                       iso_date(article.findtext("dltime")))


def _india_police(base: Path) -> Iterator[Text]:
    folder = base / "india_police_events"
    if not (folder / "docs.jsonl").exists():
        return
    dates: dict[int, str] = {}
    if (folder / "metadata.jsonl").exists():
        for line in (folder / "metadata.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                meta = json.loads(line)
                dates[meta["doc_id"]] = iso_date(meta.get("date"))
    for line in (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            yield Text("india_police", str(doc["doc_id"]), doc.get("doc_text") or "", dates.get(doc["doc_id"], FALLBACK_DATE))


def _case(base: Path) -> Iterator[Text]:
    path = base / "case2021_task2" / "test_set_final_release_with_labels.tsv"
    if path.exists():
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                yield Text("case2021", row.get("id") or "", row.get("EventSnippet") or "", FALLBACK_DATE)


def _plover(base: Path) -> Iterator[Text]:
    path = base / "plover" / "plover_gsr.json"
    if path.exists():
        for record in json.loads(path.read_text(encoding="utf-8")):
            if record.get("event") != "DOCUMENT":
                yield Text("plover", str(record.get("id")), str(record.get("text") or ""), iso_date(record.get("date")))


def _semeval(base: Path) -> Iterator[Text]:
    for path in sorted((base / "semeval2022_task8").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                for side in ("1", "2"):
                    if row.get(f"lang{side}") == "en":
                        yield Text("semeval", f"{path.stem}:{row.get('pair_id')}:{side}", row.get(f"text{side}") or "",
                                   FALLBACK_DATE)


def _acled(base: Path) -> Iterator[Text]:
    csv.field_size_limit(sys.maxsize)
    for path in sorted((base / "acled_public").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for n, row in enumerate(csv.DictReader(f)):
                notes = row.get("notes") or row.get("NOTES") or ""
                when = row.get("event_date") or row.get("EVENT_DATE")
                yield Text("acled", f"{path.stem}:{n}", notes, iso_date(when))


def _ucdp_reports(value: str) -> Iterator[tuple[str, str]]:
    """(headline, date) of each report in a source_article cell ("office,YYYY-MM-DD,headline";...)."""
    for piece in _HEADLINE.findall(value or ""):
        parts = piece.split(",", 2)
        if len(parts) == 3 and _ISO.fullmatch(parts[1].strip()) and parts[2].strip():
            yield parts[2].strip(), parts[1].strip()


def _ucdp(base: Path) -> Iterator[Text]:
    folder = base / "ucdp_ged"
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                for k, (headline, day) in enumerate(_ucdp_reports(row.get("source_article") or "")):
                    yield Text("ucdp", f"{path.stem}:{row.get('id')}:{k}", headline, day)
    for path in sorted(folder.glob("*.geojson")):
        for feature in json.loads(path.read_text(encoding="utf-8")).get("features", []):
            props = feature.get("properties") or {}
            for k, (headline, day) in enumerate(_ucdp_reports(props.get("source_article") or "")):
                yield Text("ucdp", f"{path.stem}:{props.get('id')}:{k}", headline, day)


READERS: dict[str, Callable[[Path], Iterator[Text]]] = {
    "polnear": _polnear, "re3d": _re3d, "gwn": _gwn, "lgl": _lgl, "india_police": _india_police,
    "case2021": _case, "plover": _plover, "semeval": _semeval, "acled": _acled, "ucdp": _ucdp,
}


def texts(base: Path, source: str) -> list[Text]:
    """One source's texts, each distinct non-empty text once, in the data's order."""
    seen: set[str] = set()
    out: list[Text] = []
    for item in READERS[source](base):
        key = " ".join(item.text.split())
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def sample(items: list[Text], n: int | None) -> list[Text]:
    """``n`` texts chosen by a hash of their ids: the same on every machine and run, spread over the files."""
    if n is None or n >= len(items):
        return items
    return sorted(items, key=lambda t: hashlib.sha1(f"{t.source}\0{t.id}".encode()).hexdigest())[:n]
