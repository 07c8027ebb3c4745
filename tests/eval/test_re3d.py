"""re3d scorer on a tiny corpus written here in re3d's format (JSON lines per source folder)."""

from __future__ import annotations

import json

import pytest

from sitrep.eval.re3d import load_corpus, looks_like_name, prf, score

TEXT = "Turkish drones struck PKK positions near Sinjar. Ahmed Hassan said the Peshmerga withdrew."


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "re3d" / "Tiny Source"
    folder.mkdir(parents=True)
    (folder / "documents.json").write_text(json.dumps({"_id": "D1", "text": TEXT}) + "\n", encoding="utf-8")
    gold = [("PKK", "Organisation"), ("Peshmerga", "Organisation"), ("Sinjar", "Location"),
            ("Ahmed Hassan", "Person"), ("Turkish", "Nationality")]
    lines = []
    for phrase, kind in gold:
        b, e = _span(TEXT, phrase)
        lines.append(json.dumps({"_id": f"D1-{b}-{kind}", "begin": b, "end": e, "type": kind, "documentId": "D1"}))
    (folder / "entities.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_load_corpus_reads_documents_and_gold_spans(corpus):
    docs, gold = load_corpus(corpus / "re3d")
    assert [d["id"] for d in docs] == ["D1"]
    assert gold["D1"]["Organisation"] == {_span(TEXT, "PKK"), _span(TEXT, "Peshmerga")}


def test_prf_and_name_filter():
    assert prf(1, 2, 4) == (0.5, 0.25, pytest.approx(1 / 3))
    assert prf(0, 0, 3) == (0.0, 0.0, 0.0)
    assert looks_like_name("Free Syrian Army") and not looks_like_name("We") and not looks_like_name("snipers")


def test_score_reports_entities_and_actor_recall_on_organisations(corpus):
    [report] = score(corpus, None, None)
    assert report.skipped is None
    assert report.counts["documents"] == 1
    assert report.counts["gold_organisation_mentions"] == 2
    # both organisations are dictionary actors: PKK and the Peshmerga
    assert report.metrics["org_named_recall"] == 1.0
    assert report.metrics["org_actor_recall"] == 1.0
    assert report.metrics["org_normalisable"] == 1.0
    for metric in ("Person_f1", "Organisation_f1", "Location_f1", "actor_precision"):
        assert 0.0 <= report.metrics[metric] <= 1.0
    assert report.details["per_type"]["Location"]["gold"] == 1


def test_score_skips_cleanly_without_data(tmp_path):
    [report] = score(tmp_path, None, None)
    assert report.skipped and "not found" in report.skipped
