"""The learned matcher: artifact round trip, where it decides, the config switch, and training's threshold rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from sitrep.dedup import DedupConfig, dedupe_records
from sitrep.dedup.match import NAMES, MatchModel
from sitrep.learn import dedup_model, load


def _model(folder: Path, intercept: float, text_weight: float = 0.0) -> Path:
    coef = [text_weight if n == "jaccard" else 0.0 for n in NAMES]
    MatchModel(list(NAMES), [0.0] * len(NAMES), [1.0] * len(NAMES), coef, intercept, 0.6, 0.3).write(folder)
    return folder


def _headline(article: str, text: str, day: str, **extra: Any) -> dict[str, Any]:
    """An event as extracted from a headline: dated by publication only (week precision), country-level place."""
    row = {"event_id": f"{article}-0", "article_id": article, "event_date": day, "time_precision": 2,
           "geo_precision": 3, "country": "Testland", "latitude": 5.0, "longitude": 10.0, "text": text,
           "event_type": "Battles", "sub_event_type": "Armed clash", "modality": "asserted",
           "article_chars": len(text)}  # a headline-only report: the match model's domain
    row.update(extra)
    return row


PAIR = [
    _headline("a", "Militia kills 26 in surprise raid on Kappa army post", "2024-05-01", actor1="Kappa Militia",
              actor2="Military Forces of Testland"),
    _headline("b", "Kappa army post overrun: 24 soldiers dead after surprise raid", "2024-05-02",
              actor1="Lambda Front", actor2="Military Forces of Testland"),
]


def test_round_trip_and_a_stale_feature_set_is_refused(tmp_path: Path) -> None:
    m = MatchModel.read(_model(tmp_path, 1.5, 2.0))
    x = np.zeros((2, len(NAMES)))
    x[1, NAMES.index("jaccard")] = 1.0
    p = m.probability(x)
    assert p[0] == pytest.approx(1 / (1 + np.exp(-1.5))) and p[1] > p[0]
    assert dedup_model.load_dedup(tmp_path) == m
    (tmp_path / "model.json").write_text((tmp_path / "model.json").read_text().replace('"date"', '"dayz"'))
    with pytest.raises(ValueError):
        MatchModel.read(tmp_path)


def test_rules_keep_the_headline_pair_apart_the_model_joins_it_and_the_switch_turns_it_off(tmp_path: Path) -> None:
    rules = dedupe_records(PAIR, DedupConfig(matcher="rules"), merge=False)
    assert len(set(rules.members.values())) == 2  # actors conflict: the rules keep them apart
    sure = DedupConfig(model_dir=str(_model(tmp_path / "sure", 5.0)))
    assert len(set(dedupe_records(PAIR, sure, merge=False).members.values())) == 1
    never = DedupConfig(model_dir=str(_model(tmp_path / "never", -5.0)))
    result = dedupe_records(PAIR, never, merge=False)
    assert len(set(result.members.values())) == 2 and not result.possible
    # a threshold in the config overrides the shipped one: p = 0.5 is below 0.6 but above 0.4
    half = DedupConfig(model_dir=str(_model(tmp_path / "half", 0.0)))
    assert len(set(dedupe_records(PAIR, half, merge=False).members.values())) == 2
    half.match_merge_at = 0.4
    assert len(set(dedupe_records(PAIR, half, merge=False).members.values())) == 1


def test_events_of_full_articles_stay_with_the_rules(tmp_path: Path) -> None:
    precise = [{**r, "article_chars": 2400} for r in PAIR]
    sure = DedupConfig(model_dir=str(_model(tmp_path, 5.0)))
    assert len(set(dedupe_records(precise, sure, merge=False).members.values())) == 2


def test_possible_duplicates_carry_the_model_probability(tmp_path: Path) -> None:
    cfg = DedupConfig(model_dir=str(_model(tmp_path, 0.0)))  # p = 0.5: between possible (0.3) and merge (0.6)
    result = dedupe_records(PAIR, cfg, merge=False)
    assert [p["score"] for p in result.possible] == [0.5]


def test_the_shipped_model_loads_and_has_a_card() -> None:
    shipped = load("dedup")
    assert isinstance(shipped, MatchModel)
    assert 0 < shipped.possible_at < shipped.merge_at < 1
    folder = Path(dedup_model.__file__).resolve().parents[1] / "data" / "models" / "dedup"
    card = (folder / "card.md").read_text(encoding="utf-8")
    assert "Sundberg" in card and "sitrep train dedup" in card


def test_context_ranks_each_pair_among_the_other_pairs_of_its_ends() -> None:
    from sitrep.dedup.match import CONTEXT, CONTEXT_NAMES, context_features

    # unit 0 pairs with 1 (cosine 0.9), 2 (0.5) and 3 (0.2); unit 2 also with 3 (0.8)
    i, j = np.array([0, 0, 0, 2]), np.array([1, 2, 3, 3])
    x = np.zeros((4, len(NAMES)))
    x[:, NAMES.index("cosine")] = [0.9, 0.5, 0.2, 0.8]
    out = context_features(i, j, x, np.array([0.9, 0.5, 0.2, 0.8]))
    assert out.shape == (4, len(NAMES) + len(CONTEXT_NAMES))
    col = {n: out[:, len(NAMES) + k] for k, n in enumerate(CONTEXT_NAMES)}
    assert col["cosine_mutual_best"].tolist() == [1.0, 0.0, 0.0, 1.0]  # 0-1 and 2-3 pick each other
    assert col["cosine_rank_high"].tolist() == [0.0, 1.0, 2.0, 0.0]  # 0-3 is unit 0's third pair
    assert col["cosine_below_best"][1] == pytest.approx(-0.4)  # 0.5 against unit 0's best, 0.9
    assert len(CONTEXT) * 2 == len(CONTEXT_NAMES)


def test_the_context_stage_overrides_the_first_when_the_model_has_one(tmp_path: Path) -> None:
    from sitrep.dedup.match import CONTEXT_NAMES

    m = MatchModel.read(_model(tmp_path, 5.0))
    width = len(NAMES) + len(CONTEXT_NAMES)
    coef = [4.0 if n == "cosine_mutual_best" else 0.0 for n in (*NAMES, *CONTEXT_NAMES)]
    m.context = {"mean": [0.0] * width, "scale": [1.0] * width, "coef": coef, "intercept": -2.0}
    x = np.zeros((2, len(NAMES)))
    x[:, NAMES.index("cosine")] = [0.9, 0.5]
    p = m.probability(x, np.array([0, 0]), np.array([1, 2]))  # both pairs of unit 0: only 0-1 is mutual best
    assert p[0] > 0.8 > 0.2 > p[1]
    assert m.probability(x).tolist() == pytest.approx([1 / (1 + np.exp(-5.0))] * 2)  # no ends: first stage


def test_a_learned_pair_below_review_still_counts_in_the_linkage_unless_negligible(tmp_path: Path) -> None:
    from sitrep.dedup.core import LINK_FLOOR, prepare, score_all
    from sitrep.dedup.features import to_table
    from sitrep.dedup.scoring import NONE

    # p = 0.1: under review (0.3), yet the clusters' average linkage weighed it when the thresholds were chosen
    low = DedupConfig(model_dir=str(_model(tmp_path / "low", float(np.log(0.1 / 0.9)))))
    s, _n = score_all(prepare(to_table(PAIR), low), low)
    assert len(s.i) == 1 and s.decision[0] == NONE and s.learned[0] and s.score[0] == pytest.approx(0.1)
    # below the floor a pair adds nothing worth its memory to any average
    tiny = DedupConfig(model_dir=str(_model(tmp_path / "tiny", float(np.log(LINK_FLOOR / 2)))))
    s, _n = score_all(prepare(to_table(PAIR), tiny), tiny)
    assert len(s.i) == 0


def test_the_rerank_stage_reads_the_second_stage_ranks_when_the_model_has_one(tmp_path: Path) -> None:
    from sitrep.dedup.match import CONTEXT_NAMES, RERANK_NAMES

    m = MatchModel.read(_model(tmp_path, 0.0))
    width = len(NAMES) + len(CONTEXT_NAMES)
    # the second stage follows the cosine; the third turns the second's mutual best into a near-certain match
    coef2 = [8.0 if n == "cosine_value" else 0.0 for n in (*NAMES, *CONTEXT_NAMES)]
    m.context = {"mean": [0.0] * width, "scale": [1.0] * width, "coef": coef2, "intercept": -4.0}
    names3 = (*NAMES, *CONTEXT_NAMES, *RERANK_NAMES)
    coef3 = [6.0 if n == "prob2_mutual_best" else 0.0 for n in names3]
    x = np.zeros((2, len(NAMES)))
    x[:, NAMES.index("cosine")] = [0.9, 0.5]
    ends = (np.array([0, 0]), np.array([1, 2]))
    second = m.probability(x, *ends)
    m.rerank = {"mean": [0.0] * len(names3), "scale": [1.0] * len(names3), "coef": coef3, "intercept": -3.0}
    third = m.probability(x, *ends)
    assert third[0] == pytest.approx(1 / (1 + np.exp(-3.0))) and third[1] == pytest.approx(1 / (1 + np.exp(3.0)))
    assert third[0] < second[0]  # it replaces the second stage's verdict, not adds to it
    m.write(tmp_path / "again")
    assert MatchModel.read(tmp_path / "again").rerank == m.rerank
