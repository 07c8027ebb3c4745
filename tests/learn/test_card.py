import json

from sitrep.learn.card import Card, read_card


def test_card_heads_figures_held_out_by_default(tmp_path):
    card = Card(name="m", format=1, purpose="p", command="sitrep train m", figures={"f1": 0.5})
    card.write(tmp_path)
    text = (tmp_path / "card.md").read_text(encoding="utf-8")
    assert "## Held-out figures\n\n- f1: 0.5000" in text
    assert read_card(tmp_path)["figures"] == {"f1": 0.5}


def test_card_names_what_its_figures_were_measured_on(tmp_path):
    title = "Figures (each fitting country scored by a model fitted on the others)"
    Card(name="m", format=1, purpose="p", command="c", figures={"f1": 0.4}, figures_title=title).write(tmp_path)
    text = (tmp_path / "card.md").read_text(encoding="utf-8")
    assert f"## {title}" in text and "Held-out figures" not in text
    assert json.loads((tmp_path / "card.json").read_text(encoding="utf-8"))["figures_title"] == title
