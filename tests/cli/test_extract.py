"""The `sitrep extract` contract: one output line per input, errors in-line."""

import json

from typer.testing import CliRunner

from sitrep.cli import _load_commands, app

_load_commands()
runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, ["extract", *args], input=input)


def test_extract_mixed_jsonl_gives_one_line_per_input_with_errors(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "good", "text": "Gunmen killed two farmers near Kidal on Monday, officials said."}),
        "{not json",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "garbage", "text": "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out][0] == "good" and len(out) == 4
    assert out[0]["errors"] == []
    assert [o["errors"][0]["code"] for o in out[1:]] == ["E100", "E102", "E103"]
    assert all(not o["events"] and not o["entities"] for o in out[1:])
    assert {"id", "published", "events", "actors", "places", "quotes", "entities", "errors"} <= set(out[0])


def test_extract_keeps_given_id_and_published_date(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "wire-7", "text": "Protesters marched in Basra.", "published": "2021-02-03"}))
    out = json.loads(run(str(path)).stdout)
    assert out["id"] == "wire-7" and out["published"] == "2021-02-03"


def test_extract_reads_stdin_text_and_applies_published_option():
    result = run("-", "--published", "2020-05-10", input="Police arrested five men in Mosul on Sunday.\n")
    out = json.loads(result.stdout)
    assert out["published"] == "2020-05-10"


def test_extract_unreadable_file_exits_non_zero_with_clear_message(tmp_path):
    result = run(str(tmp_path / "missing.txt"))
    assert result.exit_code != 0
    assert "E108" in result.output and "missing.txt" in result.output


def test_extract_rejects_malformed_published_date():
    result = run("-", "--published", "10/05/2020", input="text")
    assert result.exit_code != 0


def test_extract_writes_acled_csv_to_output_file(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Clashes in Anbar\n\nIraqi forces clashed with Islamic State militants in Ramadi on Sunday.")
    target = tmp_path / "out.csv"
    result = run(str(src), "--format", "acled-csv", "--output", str(target), "--published", "2020-05-10")
    assert result.exit_code == 0, result.output
    header = target.read_text().splitlines()[0].split(",")
    assert header[:3] == ["event_id_cnty", "event_date", "year"]


def test_extract_with_worker_processes_matches_in_process_output_in_input_order(tmp_path):
    texts = ["Gunmen killed two farmers near Kidal on Monday.", "{broken", "Police arrested 12 protesters in Nairobi.",
             "Militants attacked an army post in Diffa, killing three soldiers."]
    lines = []
    for i in range(60):  # more than one batch, so batches really go to different workers
        text = texts[i % len(texts)]
        lines.append(text if text.startswith("{") else json.dumps({"id": f"n{i}", "text": text, "published": "2021-03-01"}))
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n")
    pooled = run(str(path), "-j", "2")
    local = run(str(path), "-j", "0")
    assert pooled.exit_code == 0 and local.exit_code == 0, pooled.output
    out_pooled = [json.loads(line) for line in pooled.stdout.splitlines()]
    out_local = [json.loads(line) for line in local.stdout.splitlines()]
    assert len(out_pooled) == 60
    assert [o["id"] for o in out_pooled] == [o["id"] for o in out_local]
    assert [o["errors"][0]["code"] for o in out_pooled if o["errors"]] == ["E100"] * 15
    assert [len(o["events"]) for o in out_pooled] == [len(o["events"]) for o in out_local]
    assert [[e["sub_event_type"] for e in o["events"]] for o in out_pooled] == \
        [[e["sub_event_type"] for e in o["events"]] for o in out_local]
