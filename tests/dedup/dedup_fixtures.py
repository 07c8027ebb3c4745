"""Dedup test data: demo-style reports as extracted events, and how to put them in a store."""

from __future__ import annotations

import json
from typing import Any

from sitrep.store import Store


def report(article: str, n: int, sentence: str, **fields: Any) -> dict[str, Any]:
    row = {
        "event_id": f"{article}-{n}",
        "article_id": article,
        "time_precision": 1,
        "geo_precision": 1,
        "modality": "asserted",
        "confidence": 0.8,
        "text": sentence,
    }
    row.update(fields)
    return row


IRAQ = {"country": "Iraq", "iso": 368}
TARMIYAH = {**IRAQ, "admin1": "Baghdad", "location": "Tarmiyah", "latitude": 33.67, "longitude": 44.39}
IED = {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
       "disorder_type": "Political violence"}
ARMY = "Military Forces of Iraq (2014-)"


def demo_reports() -> list[dict[str, Any]]:
    """Three reports of one roadside bombing, a clash in the same district a week later, and a Mali attack twice."""
    return [
        report("tarmiyah-ied-1", 0, "A roadside bomb struck an Iraqi army patrol near Tarmiyah on Monday, killing three "
               "soldiers and wounding two others, security sources said.", event_date="2025-03-03", **IED,
               **TARMIYAH, actor1="Unidentified Armed Group (Iraq)", actor2=ARMY, inter1=3, inter2=1, fatalities=3,
               source="Synthetic Wire"),
        report("tarmiyah-ied-2", 0, "Three members of the Iraqi army were killed when an improvised explosive device "
               "detonated under their vehicle in the Tarmiyah district on Monday, 3 March.", event_date="2025-03-03",
               **IED, **{**TARMIYAH, "latitude": 33.70, "longitude": 44.42, "geo_precision": 2},
               actor1="Islamic State (Iraq)", actor2=ARMY, inter1=2, inter2=1, fatalities=3, source="Synthetic Daily"),
        report("tarmiyah-ied-3", 0, "Suspected Islamic State militants detonated a bomb near Tarmiyah on Monday, killing "
               "3 Iraqi soldiers, according to a military statement.", event_date="2025-03-03", **IED, **TARMIYAH,
               actor1="Islamic State (Iraq)", actor2=ARMY, inter1=2, inter2=1, fatalities=4, source="Synthetic Times"),
        report("tarmiyah-clash", 0, "Iraqi forces clashed with Islamic State militants in the orchards east of Tarmiyah "
               "on Tuesday.", event_date="2025-03-11", event_type="Battles", sub_event_type="Armed clash",
               disorder_type="Political violence", **TARMIYAH, actor1=ARMY, actor2="Islamic State (Iraq)", inter1=1,
               inter2=2, fatalities=2, source="Synthetic Wire"),
        report("boni-attack-1", 0, "JNIM fighters attacked a Malian army post near Boni on Sunday, killing 11 soldiers.",
               event_date="2025-05-18", event_type="Battles", sub_event_type="Armed clash", country="Mali",
               admin1="Mopti", location="Boni", latitude=15.07, longitude=-1.87,
               actor1="JNIM: Group for Support of Islam and Muslims", actor2="Military Forces of Mali (2021-)",
               inter1=2, inter2=1, fatalities=11, source="Synthetic Sahel Desk"),
        report("boni-attack-2", 0, "Fighters of the al-Qaeda-linked JNIM stormed a military camp near Boni in the Mopti "
               "region on Sunday; at least nine soldiers were killed.", event_date="2025-05-18",
               event_type="Battles", sub_event_type="Armed clash", country="Mali", admin1="Mopti",
               location="Mopti", latitude=14.6, longitude=-3.4, geo_precision=3,
               actor1="JNIM: Group for Support of Islam and Muslims", actor2="Military Forces of Mali (2021-)",
               inter1=2, inter2=1, fatalities=9, source="Synthetic Africa Report"),
    ]


def store_with(store: Store, rows: list[dict[str, Any]], published: str = "2025-03-04") -> None:
    """Put reports into a store as articles (text = the sentence) and events (evidence = the sentence span)."""
    con = store.con
    for r in rows:
        text = r["text"]
        con.execute(
            "INSERT INTO articles (article_id, text, source, published) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [r["article_id"], text, r.get("source"), published],
        )
        cols = [k for k in r if k != "text"]
        values = [r[k] for k in cols]
        cols.append("evidence")
        values.append(json.dumps({"sentence": [0, len(text)]}))
        con.execute(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values)
