"""The coder model: training on a tiny invented export, the numpy runtime, and the coding stage's use of it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from sitrep.learn import clear_cache
from sitrep.learn.coder_model import CoderModel, SentencesText, load_coder, tokens, word_features

pytest.importorskip("sklearn")

# Invented notes (not ACLED's): a few shapes per sub-type, varied by place and group so that
# every country has every type.
TEMPLATES = {
    ("Protests", "Peaceful protest"): [
        "On {d}, residents of {p} held a peaceful march to demand clean water.",
        "On {d}, teachers staged a sit-in outside the education office in {p} over unpaid salaries.",
        "On {d}, traders in {p} demonstrated against new market fees.",
    ],
    ("Battles", "Armed clash"): [
        "On {d}, soldiers clashed with {g} fighters near {p}, exchanging fire for hours.",
        "On {d}, {g} militants attacked an army post in {p} and troops repelled them.",
        "On {d}, fighting broke out between the army and {g} near {p}.",
    ],
    ("Violence against civilians", "Attack"): [
        "On {d}, {g} gunmen killed two farmers in their fields near {p}.",
        "On {d}, unidentified armed men shot dead a shopkeeper in {p}.",
        "On {d}, {g} militants stormed a village near {p} and killed three villagers.",
    ],
    ("Explosions/Remote violence", "Air/drone strike"): [
        "On {d}, military aircraft bombed {g} positions near {p}.",
        "On {d}, a drone strike hit a vehicle carrying {g} members near {p}.",
        "On {d}, warplanes carried out airstrikes on {g} hideouts in {p}.",
    ],
}
PLACES = {"Alphaland": ["Rivertown", "Hillside"], "Betaland": ["Lakeview", "Stonebridge"],
          "Testland": ["Northgate", "Eastwood"]}
GROUPS = ["Red Hand", "Blue Front", "Night Wolves"]
COLUMNS = ["event_id_cnty", "event_date", "disorder_type", "event_type", "sub_event_type", "actor1", "inter1",
           "actor2", "inter2", "interaction", "region", "country", "admin1", "location", "notes", "fatalities"]


def write_fixture(folder: Path) -> Path:
    path = folder / "tiny_acled.csv"
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=COLUMNS)
        out.writeheader()
        for country, places in PLACES.items():
            for (etype, sub), shapes in TEMPLATES.items():
                for i, shape in enumerate(shapes):
                    for j, place in enumerate(places):
                        n += 1
                        day = 1 + (i * 3 + j) % 27
                        note = shape.format(d=f"{day} March 2021", p=place, g=GROUPS[(i + j) % len(GROUPS)])
                        out.writerow({"event_id_cnty": f"X{n}", "event_date": f"2021-03-{day:02d}",
                                      "disorder_type": "Political violence", "event_type": etype,
                                      "sub_event_type": sub, "actor1": "Someone", "inter1": "1", "inter2": "0",
                                      "interaction": "10", "region": "Nowhere", "country": country,
                                      "admin1": "A", "location": place, "notes": note, "fatalities": "0"})
    return path


def test_tokens_fold_numbers_and_case() -> None:
    assert tokens("On 5 May, 12 Soldiers") == ["on", "0", "may", "0", "soldiers"]
    assert "0 soldiers" in word_features("12 soldiers")


def test_train_tiny_model_writes_artifact_and_card(tmp_path: Path) -> None:
    from sitrep.learn.coder import Options, fit_options, fit_words, train, word_scores

    data = write_fixture(tmp_path)
    out = tmp_path / "coder"
    opts = Options(holdout=("Testland",), per_class=50, folds=2, eval_per_country=50, max_features=5000,
                   max_char_features=5000)
    figures = train([data], out, opts, log=lambda *_: None)
    for name in ("words.npz", "combiner.npz", "config.json", "vocabulary.txt", "card.md", "card.json"):
        assert (out / name).exists(), name
    card = (out / "card.md").read_text(encoding="utf-8")
    assert "acleddata.com" in card and "Testland" in card and "sitrep train coder" in card
    model = load_coder(out)
    assert model is not None
    assert sorted(model.labels) == sorted(s for _, s in TEMPLATES)
    # the held-out country's notes were scored, never trained on
    assert figures["notes"] == 24
    assert figures["sub_event_type_accuracy"] >= 0.75
    sub, p = model.choose("Hundreds of nurses held a peaceful march in the capital to demand better pay.",
                          ["rule=Peaceful protest", "cls=protest"])
    assert sub == "Peaceful protest" and 0.0 < p <= 1.0
    # the numpy runtime reproduces scikit-learn's words layer, character n-grams included (weights are stored as
    # float16), and the joined sentences of an event read the same as their text
    assert model.char_from < len(model.idf)
    assert model.config["article_temperature"] > 0  # fitted on the other country fold's notes
    texts = ["Warplanes bombed fighters near a town.", "Gunmen shot dead two farmers."]
    ref = word_scores(fit_words([*_notes(data)], _labels(data), **fit_options(opts)), texts, model.labels)
    mine = np.stack([model.word_scores(t) for t in texts])
    assert np.allclose(ref, mine, atol=0.02)
    joined = SentencesText(["Warplanes bombed fighters.", "Gunmen shot dead two farmers near a town."])
    assert np.array_equal(model._word_scores(joined), model._word_scores(str(joined)))  # noqa: SLF001 - not the cache


def _notes(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [r["notes"] for r in csv.DictReader(fh) if r["country"] != "Testland"]


def _labels(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [r["sub_event_type"] for r in csv.DictReader(fh) if r["country"] != "Testland"]


def fixed_model(folder: Path, label: str) -> Path:
    """A model that always says ``label`` (its bias dominates): shows whether the stage listens to it."""
    labels = ["Agreement", "Attack", "Air/drone strike", "Shelling/artillery/missile attack"]
    bias = np.array([5.0 if lab == label else 0.0 for lab in labels], dtype=np.float32)
    k = len(labels)
    CoderModel(labels, ["killed"], np.ones(1), np.zeros((1, k)), np.zeros(k), ["rule=Attack"], np.zeros((1, k)),
               np.zeros((k, k)), bias).save(folder)
    return folder


def _coded(text: str, coding: dict[str, object]) -> list[tuple[str | None, float]]:
    from sitrep.eval.case2021 import CODING_STAGES
    from sitrep.pipeline import Pipeline, load_config

    config = load_config()
    config["pipeline"] = {**config["pipeline"], "stages": CODING_STAGES}
    config.setdefault("stages", {})["sitrep.coding.v1"] = coding
    result = next(Pipeline(config).run([text]))
    return [(e.sub_event_type, e.confidence) for e in result.events]


def test_stage_uses_model_and_switch_runs_rules_alone(tmp_path: Path) -> None:
    clear_cache()
    folder = str(fixed_model(tmp_path / "m", "Agreement"))
    text = "Gunmen killed two villagers in Kidal on Monday."
    assert _coded(text, {"use_model": False})[0][0] == "Attack"
    sub, conf = _coded(text, {"use_model": True, "model_dir": folder})[0]
    assert sub == "Agreement"
    assert conf == pytest.approx(float(np.exp(5) / (np.exp(5) + 3)), abs=1e-3)  # the model's probability
    # a remote weapon rules out violence against civilians whatever the model prefers (ACLED's hard rule)
    attack_folder = str(fixed_model(tmp_path / "attack", "Attack"))
    strike = "A drone strike killed four civilians near Kidal on Monday."
    subs = [s for s, _ in _coded(strike, {"use_model": True, "model_dir": attack_folder})]
    assert subs and all(s in ("Air/drone strike", "Shelling/artillery/missile attack") for s in subs)
    freed = [s for s, _ in _coded(strike, {"use_model": True, "model_dir": attack_folder, "remote_constraint": False})]
    assert "Attack" in freed
    clear_cache()


def test_loader_rejects_other_format(tmp_path: Path) -> None:
    folder = fixed_model(tmp_path / "m", "Attack")
    meta = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    meta["format"] = 99
    (folder / "config.json").write_text(json.dumps(meta), encoding="utf-8")
    assert load_coder(folder) is None


def agreeing_model(folder: Path, words_top: str) -> Path:
    """Combiner: Agreement at about 0.71 (under override_at); words layer: ``words_top`` first for any text."""
    labels = ["Agreement", "Attack", "Air/drone strike", "Shelling/artillery/missile attack"]
    k = len(labels)
    bias = np.array([2.0 if lab == "Agreement" else 0.0 for lab in labels], dtype=np.float32)
    words_b = np.array([1.0 if lab == words_top else -1.0 for lab in labels], dtype=np.float32)
    CoderModel(labels, ["zzz"], np.ones(1), np.zeros((1, k)), words_b, ["rule=Attack"], np.zeros((1, k)),
               np.zeros((k, k)), bias).save(folder)
    return folder


def test_unsure_model_overrides_only_when_the_words_layer_agrees(tmp_path: Path) -> None:
    clear_cache()
    text = "Gunmen killed two villagers in Kidal on Monday."
    both = str(agreeing_model(tmp_path / "agree", "Agreement"))
    apart = str(agreeing_model(tmp_path / "apart", "Attack"))
    gate = {"use_model": True, "override_at": 0.95, "agree_at": 0.6}
    assert _coded(text, {**gate, "model_dir": both})[0][0] == "Agreement"
    assert _coded(text, {**gate, "model_dir": apart})[0][0] == "Attack"  # the rules' choice stands
    assert _coded(text, {**gate, "agree_at": 1.1, "model_dir": both})[0][0] == "Attack"  # gate off
    clear_cache()
