"""The coding stage's gate: when the learned coder's sub-event type replaces the rules'."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from sitrep.events.classify import REMOTE_FEATURE
from sitrep.events.codebook import codebook
from sitrep.events.gate import CoderGate, is_incident_summary

LABELS = ["Attack", "Armed clash", "Chemical weapon", "Air/drone strike", "Suicide bomb"]


class StubCoder:
    """Fixed probabilities over LABELS (the gate only reads these), with the model's training counts."""

    def __init__(self, probs: list[float], counts: dict[str, int] | None = None, words_top: str = "Attack") -> None:
        self.labels = LABELS
        self.index = {lab: i for i, lab in enumerate(LABELS)}
        self.config: dict[str, Any] = {"label_counts": counts or {}}
        self._p = np.array(probs, dtype=float)
        self._words_top = words_top

    def probabilities(self, text: str, feats: Any, own: str | None = None) -> np.ndarray:
        return self._p

    def probabilities_many(self, events: list[Any], temperature: float = 1.0) -> np.ndarray:
        p = self._p ** (1.0 / temperature)  # logits divided by the temperature
        return np.array([p / p.sum() for _ in events])

    def choose_in(self, p: np.ndarray, allowed: set[str] | None = None) -> tuple[str, float]:
        if allowed:
            p = np.where([lab in allowed for lab in self.labels], p, 0.0)
            p = p / p.sum()
        best = int(np.argmax(p))
        return self.labels[best], float(p[best])

    def words_choice(self, text: str, allowed: set[str] | None = None) -> str:
        return self._words_top


COUNTS = {"Attack": 5000, "Armed clash": 7000, "Air/drone strike": 800, "Suicide bomb": 28}


def decide(gate: CoderGate, coder: StubCoder, rule_sub: str, feats: list[str] | None = None) -> tuple[str, float]:
    return gate.decide(coder, codebook(), rule_sub, "text", feats or [], "text")


def test_gate_replaces_the_rules_only_when_sure() -> None:
    sure = StubCoder([0.05, 0.9, 0.0, 0.05, 0.0], COUNTS)
    unsure = StubCoder([0.3, 0.6, 0.0, 0.1, 0.0], COUNTS)
    gate = CoderGate(override_at=0.8)
    assert decide(gate, sure, "Attack") == ("Armed clash", 0.9)
    assert decide(gate, unsure, "Attack") == ("Attack", 0.3)  # confidence: the model's for what was coded


def test_gate_keeps_sub_types_the_model_barely_learned() -> None:
    gate = CoderGate(override_at=0.5, keep_below=250)
    # the rules say chemical weapon, a type the notes never showed the model: it stands
    assert decide(gate, StubCoder([0.9, 0.1, 0.0, 0.0, 0.0], COUNTS), "Chemical weapon")[0] == "Chemical weapon"
    # nor may the model move an event to a type it learned from 28 notes
    assert decide(gate, StubCoder([0.0, 0.05, 0.0, 0.05, 0.9], COUNTS), "Attack")[0] == "Attack"
    # without the model's counts (an older artifact) only rules_keep holds
    assert decide(gate, StubCoder([0.0, 0.05, 0.0, 0.05, 0.9]), "Attack")[0] == "Suicide bomb"
    kept = CoderGate(override_at=0.5, rules_keep=frozenset({"Attack"}))
    assert decide(kept, StubCoder([0.0, 0.95, 0.0, 0.05, 0.0], COUNTS), "Attack")[0] == "Attack"


def test_gate_remote_weapon_rules_out_violence_against_civilians() -> None:
    coder = StubCoder([0.85, 0.05, 0.0, 0.1, 0.0], COUNTS)
    gate = CoderGate(override_at=0.6)
    # shelling that killed civilians: the model's Attack is ruled out, its next choice is not sure enough
    assert decide(gate, coder, "Air/drone strike", [REMOTE_FEATURE])[0] == "Air/drone strike"
    assert decide(CoderGate(override_at=0.6, remote=False), coder, "Air/drone strike", [REMOTE_FEATURE])[0] == "Attack"
    # an exchange of fire with mortars can still be an armed clash
    clash = StubCoder([0.1, 0.8, 0.0, 0.1, 0.0], COUNTS)
    assert decide(gate, clash, "Air/drone strike", [REMOTE_FEATURE])[0] == "Armed clash"


def test_gate_agreement_with_the_words_layer_lowers_the_bar() -> None:
    coder = StubCoder([0.3, 0.7, 0.0, 0.0, 0.0], COUNTS, words_top="Armed clash")
    assert decide(CoderGate(override_at=0.9), coder, "Attack")[0] == "Attack"
    assert decide(CoderGate(override_at=0.9, agree_at=0.6), coder, "Attack")[0] == "Armed clash"


def test_gate_reads_its_settings_from_the_stage_config() -> None:
    gate = CoderGate.from_config({"override_at": 0.7, "keep_below": 100, "rules_keep": ["Arrests"],
                                  "remote_constraint": False})
    assert (gate.override_at, gate.keep_below, gate.rules_keep, gate.remote) == (0.7, 100, frozenset({"Arrests"}), False)
    assert CoderGate.from_config({}).override_at == CoderGate().override_at


def test_gate_incident_summaries_use_their_own_bar() -> None:
    gate = CoderGate.from_config({"override_at": 0.9, "keep_below": 250, "summary_override_at": 0.6,
                                  "summary_keep_below": 100})
    coder = StubCoder([0.3, 0.7, 0.0, 0.0, 0.0], COUNTS)
    summary = gate.for_text("On 12 May 2022, gunmen attacked an army post near the town. 2 fatalities.")
    news = gate.for_text("Gunmen attacked an army post near the town on Monday, officials said.")
    assert (summary.override_at, summary.keep_below) == (0.6, 100)
    assert news is gate
    assert decide(summary, coder, "Attack")[0] == "Armed clash"
    assert decide(news, coder, "Attack")[0] == "Attack"


def test_gate_incident_summaries_may_let_the_model_replace_the_rules_rare_types() -> None:
    gate = CoderGate.from_config({"override_at": 0.9, "keep_below": 250, "rules_keep": ["Agreement", "Arrests"],
                                  "summary_keep_below": 50, "summary_rules_keep": ["Agreement"]})
    summary = gate.for_text("On 12 May 2022, gunmen attacked an army post near the town. 2 fatalities.")
    news = gate.for_text("Gunmen attacked an army post near the town on Monday, officials said.")
    assert (summary.override_at, summary.keep_below, summary.rules_keep) == (0.9, 50, frozenset({"Agreement"}))
    assert news is gate
    # the rules' Air/drone strike (800 notes) and Arrests stand in a news story, not in a summary
    sure_attack = StubCoder([0.95, 0.05, 0.0, 0.0, 0.0], {**COUNTS, "Air/drone strike": 100, "Arrests": 240})
    assert decide(news, sure_attack, "Air/drone strike")[0] == "Air/drone strike"
    assert decide(summary, sure_attack, "Air/drone strike")[0] == "Attack"
    assert decide(news, sure_attack, "Arrests")[0] == "Arrests"
    assert decide(summary, sure_attack, "Arrests")[0] == "Attack"
    # a type the model learned from fewer than 50 notes (28 suicide bombs) still stands everywhere
    assert decide(summary, sure_attack, "Suicide bomb")[0] == "Suicide bomb"


@pytest.mark.parametrize("text, summary", [
    ("On 12 May 2022, police dispersed protesters.", True),
    ("Around 3 March 2021 (as reported), militants burned a school.", True),
    ("As reported on 9 March 2020, the army executed ten people.", True),
    ("Interception: On 11 April 2024, a navy ship shot down a drone.", True),
    ("On Monday, police dispersed protesters in the capital.", False),
    ("Police dispersed protesters on 12 May 2022 in the capital.", False),
    ("On 12 May 2022, " + "police dispersed protesters in the capital. " * 60, False),  # a long story
])
def test_gate_tells_incident_summaries_from_news(text: str, summary: bool) -> None:
    assert is_incident_summary(text) is summary


def test_gate_without_summary_settings_is_one_bar_everywhere() -> None:
    gate = CoderGate.from_config({"override_at": 0.9})
    assert gate.for_text("On 12 May 2022, police dispersed protesters.") is gate


def test_gate_rioters_or_protesters_as_a_side_rule_out_battles_and_attacks() -> None:
    labels = ["Attack", "Armed clash", "Violent demonstration", "Excessive force against protesters"]
    coder = StubCoder([0.7, 0.1, 0.15, 0.05], COUNTS)
    coder.labels = labels
    gate = CoderGate(override_at=0.6, crowd=True)
    # "police fired on rioters": the model's Attack is no choice with rioters as a side
    assert gate.allowed(coder, codebook(), ["inter1=5", "inter2=1"]) == {"Violent demonstration",
                                                                         "Excessive force against protesters"}
    assert gate.allowed(coder, codebook(), ["inter1=1", "inter2=7"]) is None
    assert CoderGate().allowed(coder, codebook(), ["inter1=5"]) is None  # off unless asked for


def test_gate_tempers_the_model_on_articles_not_on_incident_summaries() -> None:
    coder = StubCoder([0.04, 0.92, 0.0, 0.04, 0.0], COUNTS)
    coder.config["article_temperature"] = 1.75
    gate = CoderGate.from_config({"override_at": 0.9, "temper_articles": True})
    note = "On 3 May 2023, soldiers and militants clashed near the town."
    article = "Soldiers and militants clashed near the town, officials said on Sunday."
    assert gate.for_text(note).decide(coder, codebook(), "Attack", note, [], note)[0] == "Armed clash"
    sub, confidence = gate.for_text(article).decide(coder, codebook(), "Attack", article, [], article)
    assert sub == "Attack" and 0.04 < confidence < 0.2  # tempered: Armed clash 0.92 -> 0.75, under the bar
    assert CoderGate.from_config({"override_at": 0.9}).for_text(article).decide(
        coder, codebook(), "Attack", article, [], article)[0] == "Armed clash"  # switched off: one bar


def test_gate_in_a_summary_replaces_a_rules_choice_the_model_finds_implausible() -> None:
    gate = CoderGate.from_config({"override_at": 0.9, "summary_doubt_at": 0.2})
    summary = gate.for_text("On 12 May 2022, gunmen shot a former soldier in his home. 1 fatality.")
    news = gate.for_text("Gunmen shot a former soldier in his home on Monday, officials said.")
    doubted = StubCoder([0.7, 0.15, 0.0, 0.15, 0.0], COUNTS)  # the rules' Armed clash at 0.15
    plausible = StubCoder([0.7, 0.25, 0.0, 0.05, 0.0], COUNTS)  # at 0.25: the rules stand
    assert summary.doubt_at == 0.2 and news is gate
    assert decide(summary, doubted, "Armed clash") == ("Attack", 0.7)
    assert decide(summary, plausible, "Armed clash")[0] == "Armed clash"
    assert decide(news, doubted, "Armed clash")[0] == "Armed clash"
    # a sub-type the model barely learned is still the rules' to keep
    kept = CoderGate.from_config({"override_at": 0.9, "keep_below": 250, "summary_doubt_at": 0.2})
    assert decide(kept.for_text("On 12 May 2022, a suicide bomber struck."), doubted, "Suicide bomb")[0] == "Suicide bomb"


def test_gate_doubt_keeps_to_the_sides_the_rules_found() -> None:
    from sitrep.events.gate import fits_the_actors

    assert not fits_the_actors("Attack", ["inter1=1", "inter2=5"])  # police firing on rioters attack no civilians
    assert fits_the_actors("Attack", ["inter1=1", "inter2=7"])
    assert fits_the_actors("Attack", ["inter1=None", "inter2=None"])
    assert not fits_the_actors("Non-state actor overtakes territory", ["inter1=1", "inter2=2"])
    assert not fits_the_actors("Government regains territory", ["inter1=2", "inter2=1"])
    assert fits_the_actors("Armed clash", ["inter1=1", "inter2=5"])


def test_gate_keeps_a_choice_the_rules_read_from_the_codebooks_definition() -> None:
    from sitrep.events.classify import FIRM_FEATURE

    sure = StubCoder([0.05, 0.9, 0.0, 0.05, 0.0], COUNTS)
    gate = CoderGate(override_at=0.8, doubt_at=0.2)
    assert decide(gate, sure, "Attack", [FIRM_FEATURE])[0] == "Attack"
    assert decide(gate, sure, "Attack")[0] == "Armed clash"
