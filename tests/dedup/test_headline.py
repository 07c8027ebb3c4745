"""Headline signals, report units, blocking without a country, and average linkage of learned pairs."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from sitrep.dedup import DedupConfig, dedupe_records, headline
from sitrep.dedup.match import NAMES, MatchModel


def test_wire_furniture_is_stripped_and_words_are_stemmed() -> None:
    assert headline.clean("UPDATE 3-Blast hits market").strip() == "Blast hits market"
    assert headline.clean("CORRECTED-Gunmen kill five").strip() == "Gunmen kill five"
    assert "Reuters" not in headline.clean("KANO (Reuters) - Gunmen kill five")
    assert headline.words("Bombings kill 12 in Kirkuk") == ["=blast", "=kill", headline.stem("kirkuk")]


def test_paraphrases_and_old_names_become_one_word_family() -> None:
    one = headline.words("Burma Army Attack Kills Two in Arakan State")
    other = headline.words("Military blamed for Rakhine raid that killed two")
    assert {"=myanmar", "=military", "=attack", "=kill", "=rakhine"} <= set(one)
    assert {"=military", "=attack", "=kill", "=rakhine"} <= set(other)


def test_tolls_and_toll_updates() -> None:
    assert headline.largest_number("More than 80 killed in 2016 Mosul bombings") == 80.0  # the year is not a toll
    assert headline.largest_number("Blast kills 1,200 people") == 1200.0
    assert headline.largest_number("Two dead, dozens hurt") == 24.0
    assert math.isnan(headline.largest_number("Rebels seize town"))
    h = headline.build(["Mosul blast kills at least 110: new toll", "Blast kills 80"], np.ones(2, dtype=bool), None)
    assert h.update.tolist() == [True, False]


def test_cosine_and_rarest_shared_word() -> None:
    texts = ["Car bomb kills 18 in Kirkuk", "Blasts in Kirkuk kill 14, including pilgrims", "Floods hit Lagos",
             "Army kills rebels", "Army shells bridges", "Army patrol", "Army chief resigns"]
    h = headline.build(texts, np.ones(len(texts), dtype=bool), None)
    cos, rare, shared, _unshared, _mass, _second = headline.overlap(h, np.array([0, 0, 3]), np.array([1, 2, 4]))
    assert cos[0] > 0.2 and cos[1] == 0.0 and shared[1] == 0
    assert rare[0] > rare[2] > 0  # "Kirkuk" is rarer than "army"


def test_specific_words_each_report_names_alone_show_two_events() -> None:
    texts = ["Blast kills 18 in Kirkuk market", "Blast kills 12 in Mosul market", "Blast kills 18 in Kirkuk",
             "Army patrol", "Army patrol"]
    h = headline.build(texts, np.ones(len(texts), dtype=bool), None)
    _cos, _rare, _shared, unshared, _mass, _second = headline.overlap(h, np.array([0, 0, 3]), np.array([1, 2, 4]))
    assert unshared[0] > 0  # "Kirkuk" against "Mosul"
    assert unshared[1] == 0.0  # the shorter report names nothing the longer lacks
    assert unshared[2] == 0.0


def test_kinds_of_violence_and_of_armed_men_are_bit_sets_of_word_families() -> None:
    texts = ["Suicide bomb kills 9 at mosque", "Troops clash with Taliban", "Floods hit Lagos"]
    h = headline.build(texts, np.ones(len(texts), dtype=bool), None)
    assert h.kinds is not None and h.actors is not None
    kinds = [{name for k, name in enumerate(headline.KIND_FAMILIES) if int(b) >> k & 1} for b in h.kinds]
    armed = [{name for k, name in enumerate(headline.ACTOR_FAMILIES) if int(b) >> k & 1} for b in h.actors]
    assert kinds == [{"blast", "suicide"}, {"clash"}, set()]
    assert armed == [set(), {"military", "taliban"}, set()]


def test_letter_cosine_sees_clipped_names_and_spellings_the_word_stems_miss() -> None:
    texts = ["3 Pak policemen shot dead in Quetta", "Three Pakistani policemen killed in Quetta attack",
             "Troops clash with rebels in Buni-Yadi", "Rebels attack Buni Yadi base", "Floods hit Lagos"]
    h = headline.build(texts, np.ones(len(texts), dtype=bool), None)
    i, j = np.array([0, 2, 0]), np.array([1, 3, 4])
    letters = headline.letter_cosine(h, i, j)  # "Pak" is in "Pakistani", "polic" in both spellings
    assert letters[0] > 0.3 and letters[1] > 0.3 and letters[2] < 0.1
    assert headline.letter_cosine(h, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)).shape == (0,)


def test_letter_cosine_is_the_same_without_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["3 Pak policemen shot dead in Quetta", "Three Pakistani policemen killed in Quetta attack",
             "Troops clash with rebels in Buni-Yadi", "Rebels attack Buni Yadi base", "", "Floods hit Lagos"]
    h = headline.build(texts, np.ones(len(texts), dtype=bool), None)
    i, j = np.array([0, 2, 0, 4, 1]), np.array([1, 3, 5, 5, 2])
    fast = headline.letter_cosine(h, i, j)
    monkeypatch.setitem(__import__("sys").modules, "scipy.sparse", None)  # the import fails: numpy alone
    assert np.allclose(headline.letter_cosine(h, i, j), fast, atol=1e-12)
    assert fast[3] == 0.0


def test_a_batch_too_small_to_count_its_own_letter_idf_takes_the_shipped_one() -> None:
    texts = ["Gunmen kill five in Kano", "Gunmen kill six in Kano market"]
    common, rare_default = headline.fit_letter_idf(["gunmen kill"] * 30, min_df=20)
    assert common and all(v < rare_default for v in common.values())
    uniform = headline.build(texts, np.ones(2, dtype=bool), None)
    shipped = headline.build(texts, np.ones(2, dtype=bool), None, letter_idf=common, letter_default=rare_default)
    pair = (np.array([0]), np.array([1]))
    # the shared "gunmen kill" counts for less once it is known to be common; the shared "Kano" for more
    assert headline.letter_cosine(shipped, *pair)[0] < headline.letter_cosine(uniform, *pair)[0]


def _model(folder: Path, weights: dict[str, float], intercept: float, link_at: float = 0.0) -> Path:
    coef = [weights.get(n, 0.0) for n in NAMES]
    common = {w: 1.0 for w in headline.words("gunmen raid village kill blast bomb car flood")}
    MatchModel(list(NAMES), [0.0] * len(NAMES), [1.0] * len(NAMES), coef, intercept, 0.6, 0.3,
               link_at=link_at, idf=common, default_idf=2.0).write(folder)
    return folder


def _unit(article: str, text: str, day: str, **extra: Any) -> dict[str, Any]:
    row = {"event_id": f"{article}-0", "article_id": article, "event_date": day, "time_precision": 2,
           "text": text, "modality": "asserted", "unit": "event", "article_chars": len(text)}
    row.update(extra)
    return row


def test_a_missing_country_is_no_block_when_the_text_names_the_same_place(tmp_path: Path) -> None:
    rows = [_unit("a", "Car bomb kills 18 in Kirkuk", "2024-05-01", country="Iraq", event_type="Explosions/Remote violence"),
            _unit("b", "Blasts in Kirkuk kill 14", "2024-05-03")]  # no country extracted, two days later
    cfg = DedupConfig(model_dir=str(_model(tmp_path, {"rare_shared": 3.0}, -3.0)))
    assert len(set(dedupe_records(rows, cfg, merge=False).members.values())) == 1
    far = [rows[0], {**rows[1], "event_date": "2024-05-20"}]
    assert len(set(dedupe_records(far, cfg, merge=False).members.values())) == 2


def test_a_report_unit_joins_an_event_but_report_units_alone_make_no_event(tmp_path: Path) -> None:
    cfg = DedupConfig(model_dir=str(_model(tmp_path, {"rare_shared": 3.0}, -3.0)))
    event = _unit("a", "Car bomb kills 18 in Kirkuk", "2024-05-01", country="Iraq")
    report = {**_unit("b", "Blasts in Kirkuk kill 14", "2024-05-01"), "event_id": "doc:b", "unit": "report"}
    lone = {**_unit("c", "Floods in Basra", "2024-05-01"), "event_id": "doc:c", "unit": "report"}
    lone2 = {**_unit("d", "Basra floods recede", "2024-05-02"), "event_id": "doc:d", "unit": "report"}
    result = dedupe_records([event, report, lone, lone2], cfg)
    assert result.members["doc:b"] == result.members["a-0"]
    assert "doc:c" not in result.members and set(result.unlinked) == {"doc:c", "doc:d"}
    (payload,) = result.canonical.values()
    assert payload["article_ids"] == ["a", "b"] and payload["event_ids"] == ["a-0"]
    # without a model nothing can weigh a report unit
    rules = dedupe_records([event, report], DedupConfig(matcher="rules"), merge=False)
    assert "doc:b" not in rules.members


def test_average_linkage_keeps_a_chain_apart(tmp_path: Path) -> None:
    # a-b and b-c share a rare word each (p 0.95), a-c only common ones (p 0.5): single links chain all three
    rows = [_unit("a", "Gunmen raid Alpha village", "2024-05-01", country="X"),
            _unit("b", "Gunmen raid Alpha and Beta villages", "2024-05-01", country="X"),
            _unit("c", "Gunmen raid Beta village", "2024-05-01", country="X")]
    weights = {"rare_shared": 3.0}
    chained = DedupConfig(model_dir=str(_model(tmp_path / "single", weights, -3.0)))
    assert len(set(dedupe_records(rows, chained, merge=False).members.values())) == 1
    linked = DedupConfig(model_dir=str(_model(tmp_path / "average", weights, -3.0, link_at=0.8)))
    result = dedupe_records(rows, linked, merge=False)
    assert len(set(result.members.values())) == 2 and result.stats["refused_weak_link"] >= 1


def test_thresholds_are_chosen_for_precision() -> None:
    pytest.importorskip("sklearn")
    from sitrep.dedup.blocking import candidate_pairs
    from sitrep.dedup.core import prepare
    from sitrep.dedup.features import to_table
    from sitrep.dedup.scoring import score_pairs
    from sitrep.learn.dedup_train import MIN_PRECISION, Prepared, choose_thresholds, training_pairs

    rng = np.random.default_rng(5)
    rows, label = [], []
    for e in range(30):  # 30 events of three reports each, all in one week of one country
        for r in range(3):
            rows.append(_unit(f"e{e}r{r}", f"Attack on Place{e} kills {e + 2}", f"2024-05-0{1 + e % 3}", country="X"))
            label.append(f"x:{e}")
    cfg = DedupConfig(matcher="model", model_dir="/nonexistent")
    f = prepare(to_table(rows), cfg, {}, 5.0)
    i, j = candidate_pairs(f, cfg)
    p = Prepared(f, score_pairs(f, i, j, cfg), label, [r["article_id"] for r in rows], {}, 5.0)
    keep, _x, y, _country = training_pairs(p)
    assert y.any() and (~y).any()
    prob = np.clip(np.where(y, 0.8, 0.2) + rng.normal(0, 0.15, len(y)), 0, 1)
    merge_at, _link_at, fig = choose_thresholds(p, keep, prob)
    assert fig["pair_precision"] >= MIN_PRECISION and fig["pair_recall"] > 0.5 and 0.3 <= merge_at < 0.95
