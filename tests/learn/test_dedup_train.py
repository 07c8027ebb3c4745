"""`sitrep train dedup` end to end on a tiny invented UCDP folder: the artifact is written, loads, and decides."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

pytest.importorskip("sklearn")

# Invented events (two countries of the fitting split, one fortnight each): several outlets' headlines of one
# event, and single-report events of the same days as the hard negatives.
_EVENTS = {
    "nigeria": [
        ("2019-03-04", ["Gunmen kill 12 villagers in Zamfara raid", "Bandits kill twelve in Zamfara village attack",
                        "UPDATE 1-Gunmen kill 12 in northwest Nigeria village"]),
        ("2019-03-05", ["Suicide bomber kills 4 at Maiduguri market", "Maiduguri market blast kills four"]),
        ("2019-03-05", ["Troops repel attack on Monguno base"]),
        ("2019-03-11", ["Herdsmen kill 7 farmers in Benue", "Seven farmers killed by herdsmen in Benue"]),
        ("2019-03-12", ["Police arrest kidnap suspects in Kaduna after deadly raid"]),
        ("2019-03-13", ["Boko Haram fighters kill 9 soldiers in Borno ambush",
                        "Nine soldiers killed in Borno ambush: army"]),
    ],
    "pakistan": [
        ("2018-06-04", ["Bomb kills 5 at Quetta rally", "Five killed in Quetta rally bombing",
                        "Blast at Quetta political rally kills five"]),
        ("2018-06-05", ["Militants attack checkpoint in North Waziristan, 3 soldiers dead",
                        "Three soldiers killed in North Waziristan checkpoint attack"]),
        ("2018-06-05", ["Police kill two suspected militants in Karachi raid"]),
        ("2018-06-11", ["Gunmen shoot dead tribal elder in Bajaur", "Tribal elder shot dead in Bajaur"]),
        ("2018-06-12", ["Roadside bomb wounds 6 in Kurram"]),
    ],
}
_COLUMNS = ("id", "country", "date_start", "date_end", "latitude", "longitude", "type_of_violence", "side_a",
            "side_b", "best", "adm_1", "source_article")


def _write_folder(base: Path) -> Path:
    folder = base / "ucdp_ged"
    folder.mkdir(parents=True)
    for country, events in _EVENTS.items():
        with open(folder / f"{country}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=_COLUMNS)
            w.writeheader()
            for k, (day, headlines) in enumerate(events):
                sources = ";".join(f'"Outlet {n},{day},{h}"' for n, h in enumerate(headlines))
                w.writerow({"id": f"{country[:3]}-{k}", "country": country.title(), "date_start": day,
                            "date_end": day, "latitude": 10.0, "longitude": 10.0, "type_of_violence": 1,
                            "side_a": "A", "side_b": "B", "best": 3, "adm_1": "", "source_article": sources})
    return base


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    from sitrep.cli.train_dedup_cmd import run_train_dedup

    base = _write_folder(tmp_path_factory.mktemp("gold"))
    out = tmp_path_factory.mktemp("model")
    figures = run_train_dedup(base, out, per_country=100)
    return out, figures


def test_train_dedup_writes_a_model_that_loads_with_its_card(trained: tuple[Path, dict[str, object]]) -> None:
    from sitrep.dedup.match import NAMES, MatchModel

    out, figures = trained
    model = MatchModel.read(out)
    assert model.names == list(NAMES)
    assert len(model.coef) == len(NAMES) and model.context  # both stages fitted
    assert 0.0 < model.possible_at < model.merge_at <= 1.0
    assert figures["pairs"] == model.extra["pairs"] and int(figures["matches"]) > 0  # type: ignore[call-overload]
    assert sorted(model.extra["fit_countries"]) == ["nigeria", "pakistan"]
    card = json.loads((out / "card.json").read_text(encoding="utf-8"))
    assert set(card["data"]) == {"ucdp_ged/nigeria", "ucdp_ged/pakistan"}
    assert "UCDP" in (out / "card.md").read_text(encoding="utf-8")


def test_trained_model_scores_a_same_event_pair_above_a_different_one(trained: tuple[Path, dict[str, object]]) -> None:
    import numpy as np
    import pyarrow as pa

    from sitrep.dedup.config import DedupConfig
    from sitrep.dedup.core import prepare
    from sitrep.dedup.match import MatchModel, pair_features
    from sitrep.dedup.scoring import score_pairs

    out, _figures = trained
    model = MatchModel.read(out)
    rows = [("Gunmen kill 5 in Tillaberi village raid", "2020-02-03"),
            ("Five villagers killed by gunmen in Tillaberi", "2020-02-03"),
            ("Soldiers arrest smugglers near Agadez", "2020-02-03")]
    table = pa.table({
        "event_id": [f"e{k}" for k in range(3)], "article_id": [f"a{k}" for k in range(3)],
        "event_date": [d for _t, d in rows], "time_precision": [2] * 3, "text": [t for t, _d in rows],
        "title": [t for t, _d in rows], "unit": ["report"] * 3,
    })
    cfg = DedupConfig(matcher="model", model_dir=str(out))
    try:
        f = prepare(table, cfg)
    except (KeyError, ValueError) as exc:  # the table lacks a column the dedup needs: say which
        pytest.fail(f"dedup features need more columns: {exc}")

    s = score_pairs(f, np.array([0, 0]), np.array([1, 2]), DedupConfig(matcher="rules"))
    p = model.first_stage(pair_features(f, s))
    assert p[0] > p[1]
