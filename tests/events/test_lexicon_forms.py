"""Inflected forms looked up for single-word triggers: a noun-only trigger takes only its plural."""

from __future__ import annotations

from sitrep.events.lexicon import load_lexicon


def _lex(tmp_path):
    path = tmp_path / "triggers.yaml"
    path.write_text("classes: {ied: 86, attack: 66}\ntriggers:\n"
                    "  - {lemma: mine, class: ied, pos: [NOUN]}\n"
                    "  - {lemma: raid, class: attack}\n", encoding="utf-8")
    return load_lexicon([path])


def test_lexicon_noun_only_trigger_takes_its_plural(tmp_path):
    assert [t.cls for t in _lex(tmp_path).single["mines"]] == ["ied"]


def test_lexicon_noun_only_trigger_takes_no_verb_forms(tmp_path):
    lex = _lex(tmp_path)
    assert "mining" not in lex.single and "mined" not in lex.single


def test_lexicon_trigger_of_any_part_of_speech_keeps_its_verb_forms(tmp_path):
    lex = _lex(tmp_path)
    assert "raided" in lex.single and "raiding" in lex.single
