"""Proof that sitrep's cheaper components change no parse: both pipelines, every token compared.

Parses a few thousand varied texts with the model as spaCy ships it (its
``attribute_ruler`` and rule ``lemmatizer``) and with sitrep's equivalents in
their place (``sitrep.stages.attribute_table``, ``sitrep.stages.lemma_memo``),
and compares every token's TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE
and sentence start. Any difference is printed and the exit status is 1.

    python benchmarks/parse_identity.py            # the default mix (~2,800 texts)
    python benchmarks/parse_identity.py --per-source 100

Texts: the benchmark's synthetic articles, the sample corpus, CASE 2021 task 2
snippets, IndiaPoliceEvents articles, ACLED notes of three training countries
(Mali, Burkina Faso, Central African Republic: no held-out country is read),
and odd inputs (empty, whitespace, all capitals, no capitals, non-Latin
scripts, the spoken contractions the ruler's multi-word patterns are for).
The data sets are read from SITREP_GOLD_DIR (default /work/shared/data); a
missing one is skipped.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START")
ACLED_TRAINING = ("mali_1997_2020.csv", "burkina_faso_1997_2020.csv", "car_1997_2022.csv")
ACLED_COUNTRIES = {"Mali", "Burkina Faso", "Central African Republic"}

ODD = [
    "",
    " ",
    "\n\n\n",
    "\t \n ",
    ".",
    "!!! ??? ...",
    "GUNMEN KILLED FIVE VILLAGERS IN THE NORTH ON MONDAY, POLICE SAID.",
    "gunmen killed five villagers in the north on monday , police said .",
    "I ain't gon na say it , y' all . Let 's go , we got ta run . C'm on !",
    "Nothin' doin' , ol' man said 'em boys 'll come . 'Nuff said . He 'd gone .",
    "There were 12 of them and there 's one left ; there are none now .",
    "It was I who saw it . You gave it to me and I gave it to you . Anyone ?",
    "Did they do it ? They did . He has had enough and she does too .",
    "Élan über Zürich — 北京 reported 5 dead; Москва denied it. العربية نص",
    "Headline Without A Verb\n\nBody text follows here.\n\n\n\nAnd   here   with  spaces .",
    "a" * 300,
    "1 2 3 4 5 6 7 8 9 10 11 12",
    "@user #tag http://example.org/x?y=1 mail@example.org",
]


def _gold() -> Path:
    return Path(os.environ.get("SITREP_GOLD_DIR", "/work/shared/data"))


def _synthetic(n: int) -> Iterator[str]:
    yield from articles(n, seed=11)


def _corpus(n: int) -> Iterator[str]:
    path = ROOT / "src" / "sitrep" / "samples" / "corpus.jsonl"
    with path.open(encoding="utf-8") as lines:
        for line in list(lines)[:n]:
            yield json.loads(line)["text"]


def _case(n: int) -> Iterator[str]:
    path = _gold() / "case2021_task2" / "test_set_final_release_with_labels.tsv"
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            rows = csv.DictReader(handle, delimiter="\t")
            for _, row in zip(range(n), rows, strict=False):
                yield row["EventSnippet"]


def _india(n: int) -> Iterator[str]:
    path = _gold() / "india_police_events" / "docs.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as lines:
            for _, line in zip(range(n), lines, strict=False):
                yield json.loads(line).get("doc_text") or ""


def _acled(n: int) -> Iterator[str]:
    for name in ACLED_TRAINING:
        path = _gold() / "acled_public" / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            taken = 0
            for row in csv.DictReader(handle):
                if taken >= n // len(ACLED_TRAINING):
                    break
                if row.get("country") in ACLED_COUNTRIES and row.get("notes"):
                    taken += 1
                    yield row["notes"]


def texts(per_source: int) -> dict[str, list[str]]:
    return {
        "synthetic": list(_synthetic(per_source // 2)),
        "corpus": list(_corpus(per_source)),
        "case2021": list(_case(per_source)),
        "india_police": list(_india(per_source // 2)),
        "acled_training": list(_acled(per_source)),
        "odd": ODD,
    }


def compare(per_source: int, batch_size: int) -> int:
    from spacy.attrs import IDS

    from sitrep.stages.nlp import build_model

    original = build_model(cheaper=False)
    ours = build_model()
    assert {"sitrep_attribute_table", "sitrep_lemma_memo"} <= set(ours.pipe_names), ours.pipe_names
    columns = [IDS[a] for a in ATTRS]
    differences = 0
    for source, batch in texts(per_source).items():
        start = time.perf_counter()
        docs_a = list(original.pipe(batch, batch_size=batch_size))
        docs_b = list(ours.pipe(batch, batch_size=batch_size))
        tokens = 0
        for number, (a, b) in enumerate(zip(docs_a, docs_b, strict=True)):
            tokens += len(a)
            if [t.text for t in a] != [t.text for t in b]:
                differences += 1
                print(f"{source} #{number}: tokens differ")
                continue
            left, right = a.to_array(columns), b.to_array(columns)
            for i, j in zip(*(left != right).nonzero(), strict=True):
                differences += 1
                if differences <= 50:
                    print(f"{source} #{number} token {i} {a[i].text!r} {ATTRS[j]}: {a[i]} vs {b[i]}")
        print(f"{source}: {len(batch)} texts, {tokens} tokens, {time.perf_counter() - start:.1f}s")
    print(f"differences: {differences}")
    return 1 if differences else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-source", type=int, default=600, help="texts per data set (synthetic, India: half)")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    sys.exit(compare(args.per_source, args.batch_size))


if __name__ == "__main__":
    main()
