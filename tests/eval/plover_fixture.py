"""A tiny gold file in the PLOVER GSR layout, with invented sentences, for the plover tests."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.eval import plover_gold

# Invented sentences in the gold file's layout (not taken from the data set).
FIXTURE = [
    {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation only"},
    {"id": "X-FIGHT-0001", "event": "FIGHT", "mode": "heavy-weapons", "dead": "7",
     "text": "Rebel gunners shelled the town of Arvik, killing 7 people.",
     "textInfo": {"markup": "(SRC: Rebel gunners) (EVT: shelled) the (TAR: town of (LOC: Arvik)), killing 7 people."},
     "source": [{"actorText": "Rebel gunners", "code": "XXX", "sector": "REB"}],
     "target": [{"actorText": "town of Arvik", "code": "XXX", "sector": ""}]},
    {"id": "X-THREATEN-0001", "event": "THREATEN", "mode": "violence",
     "text": "The Dorn militia threatened to attack the capital.",
     "textInfo": {"markup": "The (SRC: Dorn militia) (EVT: threatened) to (EVT: attack) the (TAR: capital)."},
     "source": [{"actorText": "Dorn militia"}], "target": [{"actorText": "capital"}]},
    {"id": "X-AGREE-0001", "event": "AGREE", "mode": None,
     "text": "Officials of Velia and Morn agreed to cooperate on trade.",
     "textInfo": {"markup": "Officials of (SRC: Velia) and (SRC: Morn) (EVT: agreed) to (EVT: cooperate) on trade."},
     "source": [{"actorText": "Velia"}, {"actorText": "Morn"}], "target": ""},
    {"id": "X-DEMAND-0001", "event": "DEMAND",
     "text": "Velia demanded an end to the raids (near the border).",
     "textInfo": {"markup": "(SRC: Velia) (EVT: demanded) an end to the raids (near the border)."},
     "source": [{"actorText": "Velia"}]},
    {"id": "X-PROTEST-0001", "event": "PROTEST", "mode": "strike-hun",
     "text": "Two prisoners began a hunger strike in Arvik jail.",
     "textInfo": {"markup": "Two (SRC: prisoners) (EVT: began a hunger strike) in Arvik jail."},
     "source": [{"actorText": "prisoners"}]},
]


def load(tmp_path: Path) -> dict[str, plover_gold.Record]:
    """Write FIXTURE where the scorer expects the gold file and read it back, by record id."""
    (tmp_path / "plover").mkdir()
    (tmp_path / "plover" / "plover_gsr.json").write_text(json.dumps(FIXTURE), encoding="utf-8")
    return {r.id: r for r in plover_gold.load_records(tmp_path / "plover" / "plover_gsr.json")}
