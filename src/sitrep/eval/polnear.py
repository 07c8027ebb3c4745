"""``sitrep eval quotes``: direct quotes and their speakers on PolNeAR.

PolNeAR (Newell et al., LREC 2018) annotates attributions in BRAT standoff:
Source (speaker), Cue and Content spans, contents possibly discontinuous
("…," he said, "…" is one content in two pieces). We score DIRECT quotes:
gold contents that open with a quotation mark and close with one (the
content "in quotation marks"); partial quotes ("called it “a disaster”") are
not direct. Only the first annotator's file (sorted by name) of an article
is used, so an article counts once.

- quote P/R/F1: a predicted direct quote matches a gold one when the spans
  overlap by more than half, counted both ways over the quoted characters:
  more than half of the gold content's pieces lie inside the predicted span
  AND more than half of the predicted quote's quoted parts lie inside the
  gold span (so a cue between two halves counts for neither side).
  Matching is one-to-one, largest overlap first.
- speaker accuracy: over matched quotes whose gold has a Source, the share
  where the predicted in-text speaker mention overlaps the gold Source span.
- indirect precision/recall (for information): our indirect quotes against
  the gold contents that are not direct, matched the same way. PolNeAR marks
  every attribution (beliefs, "he mocked …", partial quotes), most of which
  an indirect-speech extractor is not meant to find, so recall stays low.

Runs only the stages the task needs (nlp + quotes), the same public
Pipeline a user runs. Default: the whole dev split (84 articles, well under
the 3-minute budget); ``--dataset train`` scores the train split.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.eval.registry import Report, scorer
from sitrep.model import Article, Quote
from sitrep.quotes.marks import find_segments

OPENING = frozenset("“\"«‘'„")
CLOSING = frozenset("”\"»’'")
DEFAULT_SPLIT = "dev"
Spans = list[tuple[int, int]]


@dataclass
class GoldQuote:
    content: Spans
    source: Spans = field(default_factory=list)

    @property
    def length(self) -> int:
        return sum(e - s for s, e in self.content)


def parse_ann(text: str) -> tuple[dict[str, tuple[str, Spans]], list[dict[str, str]]]:
    """BRAT standoff → ({T-id: (label, spans)}, [relation args])."""
    spans: dict[str, tuple[str, Spans]] = {}
    relations: list[dict[str, str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";") if piece.strip()]
            spans[parts[0]] = (label, [(p[0], p[1]) for p in pieces if len(p) == 2])
        elif parts[0].startswith("E"):
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    return spans, relations


def is_direct(article: str, content: Spans) -> bool:
    """A content is direct when it opens and closes with a quotation mark (inside or just outside)."""
    if not content:
        return False
    start, end = content[0][0], content[-1][1]
    body = article[start:end]
    head, tail = body.lstrip(), body.rstrip()
    if not head:
        return False
    opens = head[0] in OPENING or article[start - 1 : start] in OPENING
    closes = tail[-1] in CLOSING or tail[-2:-1] in CLOSING or article[end : end + 1] in CLOSING
    return opens and closes


def gold_quotes(article: str, ann: str, direct: bool = True) -> list[GoldQuote]:
    """Gold direct quotes, or (``direct=False``) the other, non-empty contents."""
    spans, relations = parse_ann(ann)
    out: list[GoldQuote] = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""), ("", []))[1]
        if content and any(e > s for s, e in content) and is_direct(article, content) == direct:
            out.append(GoldQuote(content, spans.get(rel.get("Source", ""), ("", []))[1]))
    return out


def overlap(a: tuple[int, int], pieces: Spans) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in pieces)


def quoted_pieces(article: str, quote: Quote) -> Spans:
    """The quoted parts inside a predicted quote's span (a split quote has two)."""
    if not quote.direct:
        return [(quote.start, quote.end)]
    found = [(quote.start + s.start, quote.start + s.end) for s in find_segments(article[quote.start : quote.end], 0)]
    return found or [(quote.start, quote.end)]


def match(article: str, predicted: list[Quote], gold: list[GoldQuote]) -> list[tuple[Quote, GoldQuote]]:
    """One-to-one pairs where more than half of each one's quoted characters lie in the other's span."""
    candidates = []
    for i, q in enumerate(predicted):
        pieces = quoted_pieces(article, q)
        length = sum(e - s for s, e in pieces)
        for j, g in enumerate(gold):
            covered = overlap((q.start, q.end), g.content)
            within = overlap((g.content[0][0], g.content[-1][1]), pieces)
            if covered * 2 > g.length and within * 2 > length:
                candidates.append((covered + within, i, j))
    pairs, used_p, used_g = [], set(), set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


def load_split(base: Path, split: str, limit: int | None) -> list[tuple[str, str, str]]:
    """(article id, text, annotation) for the first annotator of each article, sorted."""
    items: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for ann in sorted((base / split / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        txt = base / split / "text" / f"{name}.txt"
        if name in seen or not txt.exists():
            continue
        seen.add(name)
        items.append((name, txt.read_text(encoding="utf-8"), ann.read_text(encoding="utf-8")))
        if limit and len(items) >= limit:
            break
    return items


def score(items: list[tuple[str, str, str]], pipeline: Any) -> Report:
    articles = [Article(text=text, id=name) for name, text, _ in items]
    results = list(pipeline.run(articles))
    tp = n_pred = n_gold = sp_ok = sp_n = 0
    ind_tp = ind_pred = ind_gold = 0
    misses: list[str] = []
    for (name, text, ann), result in zip(items, results, strict=True):
        others = gold_quotes(text, ann, direct=False)
        indirect = [q for q in result.quotes if not q.direct]
        ind_tp += len(match(text, indirect, others))
        ind_pred, ind_gold = ind_pred + len(indirect), ind_gold + len(others)
        gold = gold_quotes(text, ann)
        predicted = [q for q in result.quotes if q.direct]
        pairs = match(text, predicted, gold)
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(predicted), n_gold + len(gold)
        for q, g in pairs:
            if not g.source:
                continue
            sp_n += 1
            if q.speaker_start is not None and q.speaker_end is not None:
                if overlap((q.speaker_start, q.speaker_end), g.source):
                    sp_ok += 1
                    continue
            misses.append(f"{name}: {q.text[:60]!r} speaker={q.speaker!r}")
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Report(
        scorer="quotes",
        dataset="polnear",
        metrics={
            "precision": p,
            "recall": r,
            "f1": f1,
            "speaker_accuracy": sp_ok / sp_n if sp_n else 0.0,
            "indirect_precision": ind_tp / ind_pred if ind_pred else 0.0,
            "indirect_recall": ind_tp / ind_gold if ind_gold else 0.0,
        },
        counts={
            "articles": len(items),
            "gold": n_gold,
            "predicted": n_pred,
            "matched": tp,
            "with_speaker": sp_n,
            "indirect_gold": ind_gold,
            "indirect_predicted": ind_pred,
            "indirect_matched": ind_tp,
        },
        details={"speaker_misses": misses},
    )


def quotes_pipeline() -> Any:
    from sitrep.pipeline import Pipeline

    return Pipeline({"pipeline": {"stages": ["sitrep.nlp.v1", "sitrep.quotes.v1"], "batch_size": 16}})


@scorer("quotes", "PolNeAR dev: direct-quote P/R/F1 and speaker accuracy", datasets=("dev", "train"))
def run_quotes(data_dir: Path, dataset: str | None, limit: int | None) -> list[Report]:
    base = data_dir / "polnear"
    split = dataset or DEFAULT_SPLIT
    if not (base / split / "attributions").is_dir():
        return [Report("quotes", "polnear", skipped=f"no PolNeAR {split} split under {base}")]
    items = load_split(base, split, limit)
    report = score(items, quotes_pipeline())
    if split != DEFAULT_SPLIT:
        report.dataset = f"polnear_{split}"
    return [report]
