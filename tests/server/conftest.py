"""A small store written row by row: articles with evidence spans, mentions, a canonical cluster."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests_server_helpers import AUTH, TOKEN

from sitrep.server import create_app
from sitrep.store import Store

__all__ = ["AUTH", "build_store"]

TEXT_A = (
    "Clashes near Ramadi\n\n"
    "Iraqi forces clashed with Islamic State fighters near Ramadi on Monday, killing four militants. "
    '"We will not stop," said Colonel Ali Hassan, a spokesman for the army.'
)
TEXT_B = (
    "Protest in Basra\n\nHundreds of people protested in Basra on Friday against power cuts. <script>alert(1)</script>"
)
TEXT_C = "Fighting at Ramadi\n\nIraqi troops fought IS militants outside Ramadi on Monday; four militants died."


def _span(text: str, needle: str) -> list[int]:
    start = text.index(needle)
    return [start, start + len(needle)]


def _event(article_id: str, ordinal: int, text: str, sentence: str, **fields: Any) -> dict[str, Any]:
    evidence = {"sentence": _span(text, sentence)}
    for name, needle in fields.pop("spans", {}).items():
        evidence[name] = _span(text, needle)
    row = {
        "event_id": f"{article_id}-{ordinal:03d}",
        "article_id": article_id,
        "ordinal": ordinal,
        "modality": "asserted",
        "confidence": 0.8,
        "fatalities": 0,
        "timestamp": 1_700_000_000,
        "evidence": json.dumps(evidence),
    }
    row.update(fields)
    return row


def build_store(path: Path) -> None:
    base = date(2025, 3, 3)
    articles = [
        ("a1", TEXT_A, "Wire One", "2025-03-04", "https://example.org/a1"),
        ("a2", TEXT_B, "Daily Two", "2025-02-28", "https://example.org/a2"),
        ("a3", TEXT_C, "Times Three", "2025-03-04", "https://example.org/a3"),
    ]
    events = [
        _event(
            "a1",
            0,
            TEXT_A,
            "Iraqi forces clashed with Islamic State fighters near Ramadi on Monday, killing four militants.",
            spans={
                "actor1": "Iraqi forces",
                "actor2": "Islamic State fighters",
                "location": "Ramadi",
                "trigger": "clashed",
            },
            event_date=base,
            event_type="Battles",
            sub_event_type="Armed clash",
            disorder_type="Political violence",
            actor1="Military Forces of Iraq (2020-)",
            actor2="Islamic State (Iraq)",
            inter1=1,
            inter2=2,
            interaction=12,
            country="Iraq",
            admin1="Al Anbar",
            location="Ramadi",
            latitude=33.42,
            longitude=43.30,
            geo_precision=1,
            fatalities=4,
            source="Wire One",
            timestamp=1_700_000_100,
        ),
        _event(
            "a2",
            0,
            TEXT_B,
            "Hundreds of people protested in Basra on Friday against power cuts.",
            spans={"location": "Basra"},
            event_date=base - timedelta(days=3),
            event_type="Protests",
            sub_event_type="Peaceful protest",
            disorder_type="Demonstrations",
            actor1="Protesters (Iraq)",
            inter1=6,
            interaction=60,
            country="Iraq",
            admin1="Basrah",
            location="Basra",
            latitude=30.51,
            longitude=47.78,
            geo_precision=1,
            source="Daily Two",
            timestamp=1_700_000_200,
        ),
        _event(
            "a3",
            0,
            TEXT_C,
            "Iraqi troops fought IS militants outside Ramadi on Monday; four militants died.",
            spans={"actor1": "Iraqi troops", "location": "Ramadi"},
            event_date=base,
            event_type="Battles",
            sub_event_type="Armed clash",
            disorder_type="Political violence",
            actor1="Military Forces of Iraq (2020-)",
            actor2="Islamic State (Iraq)",
            inter1=1,
            inter2=2,
            interaction=12,
            country="Iraq",
            admin1="Al Anbar",
            location="Ramadi",
            latitude=33.43,
            longitude=43.29,
            geo_precision=1,
            fatalities=4,
            source="Times Three",
            timestamp=1_700_000_300,
        ),
        _event(
            "a1",
            1,
            TEXT_A,
            '"We will not stop," said Colonel Ali Hassan, a spokesman for the army.',
            event_date=base,
            event_type="Battles",
            sub_event_type="Armed clash",
            country="Iraq",
            admin1="Al Anbar",
            modality="hypothetical",
            timestamp=1_700_000_100,
        ),
    ]
    # Weeks of older Syrian events, for paging and weekly statistics.
    for i in range(30):
        events.append(
            _event(
                "a2",
                i + 1,
                TEXT_B,
                "Hundreds of people protested in Basra on Friday against power cuts.",
                event_date=base - timedelta(days=7 * (i + 1)),
                event_type="Explosions/Remote violence" if i % 2 else "Battles",
                sub_event_type="Air/drone strike" if i % 2 else "Armed clash",
                country="Syria",
                admin1="Idlib",
                actor1="Military Forces of Syria (2024-)",
                inter1=1,
                interaction=10,
                fatalities=i % 3,
                latitude=35.9,
                longitude=36.6,
                timestamp=1_600_000_000 + i,
            )
        )
    # An undated event sorts after every dated one.
    events.append(
        _event(
            "a2",
            31,
            TEXT_B,
            "Hundreds of people protested in Basra on Friday against power cuts.",
            event_date=None,
            event_type="Battles",
            sub_event_type="Armed clash",
            country="Syria",
            admin1="Idlib",
            actor1="Military Forces of Syria (2024-)",
            inter1=1,
            interaction=10,
            timestamp=1_600_000_100,
        )
    )
    # An older version of article a1: its event must not be listed any more.
    articles.append(("a0", TEXT_A.replace("four", "three"), "Wire One", "2025-03-03", "https://example.org/a1"))
    events.append(
        _event(
            "a0",
            0,
            TEXT_A,
            "Iraqi forces clashed with Islamic State fighters near Ramadi on Monday, killing four militants.",
            event_date=base,
            event_type="Battles",
            sub_event_type="Armed clash",
            country="Iraq",
            admin1="Al Anbar",
            fatalities=3,
            timestamp=1_699_999_999,
        )
    )
    with Store(path) as store:
        con = store.con
        for aid, text, source, published, url in articles:
            con.execute(
                "INSERT INTO articles (article_id, url, title, source, published, language, text, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, 'en', ?, now())",
                [aid, url, text.split("\n")[0], source, published, text],
            )
            con.execute(
                "INSERT INTO article_ids (input_id, article_id, source) VALUES (?, ?, ?)", [f"in-{aid}", aid, source]
            )
        con.execute("UPDATE articles SET superseded_by = 'a1', version = 1 WHERE article_id = 'a0'")
        for row in events:
            names = list(row)
            con.execute(
                f"INSERT INTO events ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                [row[n] for n in names],
            )
        mentions = [
            ("a1", "actor", "Iraqi forces", {"name": "Military Forces of Iraq (2020-)", "inter": 1}),
            ("a1", "actor", "Islamic State fighters", {"name": "Islamic State (Iraq)", "inter": 2}),
            ("a1", "place", "Ramadi", {"name": "Ramadi", "country": "Iraq"}),
            ("a1", "date", "Monday", {"date": "2025-03-03"}),
            ("a2", "place", "Basra", {"name": "Basra", "country": "Iraq"}),
        ]
        for aid, kind, needle, extra in mentions:
            text = dict((a[0], a[1]) for a in articles)[aid]
            s, e = _span(text, needle)
            con.execute(
                "INSERT INTO mentions (article_id, kind, start_char, end_char, payload) VALUES (?, ?, ?, ?, ?)",
                [aid, kind, s, e, json.dumps({"text": needle, "start": s, "end": e, **extra})],
            )
        q0, q1 = _span(TEXT_A, '"We will not stop,"')
        sp = _span(TEXT_A, "Colonel Ali Hassan")
        payload = {
            "text": TEXT_A[q0:q1],
            "start": q0,
            "end": q1,
            "speaker": "Ali Hassan",
            "speaker_start": sp[0],
            "speaker_end": sp[1],
            "speaker_role": "army spokesman",
            "direct": True,
        }
        con.execute(
            "INSERT INTO mentions (article_id, kind, start_char, end_char, payload) VALUES ('a1', 'quote', ?, ?, ?)",
            [q0, q1, json.dumps(payload)],
        )
        merged = {k: v for k, v in events[0].items() if k not in ("event_id", "article_id", "ordinal", "evidence")}
        merged["event_date"] = base.isoformat()
        basra = {k: v for k, v in events[1].items() if k != "evidence"} | {"event_date": "2025-02-28"}
        canonical = (
            "INSERT INTO canonical_events (canonical_id, payload, article_ids, sources, created_at, updated_at) "
        )
        con.execute(
            canonical + "VALUES ('c-ramadi', ?, ['a1', 'a3'], ['Wire One', 'Times Three'], now(), now())",
            [json.dumps(merged)],
        )
        con.execute(canonical + "VALUES ('c-basra', ?, ['a2'], ['Daily Two'], now(), now())", [json.dumps(basra)])
        con.execute(
            "INSERT INTO canonical_members (canonical_id, event_id, article_id) VALUES "
            "('c-ramadi', 'a1-000', 'a1'), ('c-ramadi', 'a3-000', 'a3'), ('c-basra', 'a2-000', 'a2')"
        )
        con.execute(
            "INSERT INTO possible_duplicates (event_a, event_b, score, reasons, canonical_a, canonical_b) "
            "VALUES ('a1-000', 'a2-000', 0.41, ?, 'c-ramadi', 'c-basra')",
            [json.dumps({"date": "3 days apart"})],
        )


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "sitrep.duckdb"
    build_store(path)
    return path


@pytest.fixture()
def fresh_store(tmp_path: Path) -> Path:
    """A store of its own, for tests that write."""
    path = tmp_path / "sitrep.duckdb"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def client(store_path: Path) -> Any:
    with TestClient(create_app(store_path, token=TOKEN)) as c:
        yield c


@pytest.fixture()
def writer_client(fresh_store: Path) -> Any:
    with TestClient(create_app(fresh_store, token=TOKEN)) as c:
        yield c
