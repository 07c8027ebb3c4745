"""``sitrep eval quotes``: direct quotes and their speakers on PolNeAR.

PolNeAR (Newell et al., LREC 2018) annotates attributions in BRAT standoff:
Source (speaker), Cue and Content spans, contents possibly discontinuous
("…," he said, "…" is one content in two pieces). Two definitions of a
direct quote are scored. WHOLE quotes: gold contents that open with a
quotation mark and close with one (the content "in quotation marks"),
against our direct quotes that are not partial. ATTRIBUTED quoted words
(``attributed_*``): every gold content holding words in quotation marks
(whole quotes and fragments: 'called it “a disaster”'), against our direct
quotes, whole or partial, the partial quotes of one statement counted once.
Only the first annotator's file (sorted by name) of an article is used, so
an article counts once.

- quote P/R/F1: a predicted direct quote matches a gold one when the spans
  overlap by more than half, counted both ways over the quoted characters:
  more than half of the gold content's pieces lie inside the predicted span
  AND more than half of the predicted quote's quoted parts lie inside the
  gold span (so a cue between two halves counts for neither side).
  Matching is one-to-one, largest overlap first.
- attributed P/R/F1: the same rule over the quoted words alone (inside the
  marks): more than half of the gold content's quoted characters lie in the
  prediction's quoted words and the other way round. Where content
  boundaries fall does not matter; which words were quoted does.
- speaker accuracy (both definitions): over matched quotes whose gold has a
  Source, the share where the predicted in-text speaker mention overlaps
  the gold Source span.
- indirect precision/recall (for information): our reported statements
  (indirect quotes and the contents of partial quotes) against the gold
  contents that are not whole quotes, matched like whole quotes. PolNeAR
  marks every attribution (beliefs, "he mocked …"), most of which an
  indirect-speech extractor is not meant to find, so recall stays low.

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
_EDGE = frozenset("“”\"«»‘’'„ \t\n\xa0,")
CLOSING = frozenset("”\"»’'")
DEFAULT_SPLIT = "dev"
Spans = list[tuple[int, int]]


@dataclass
class GoldQuote:
    content: Spans
    source: Spans = field(default_factory=list)
    quoted: Spans = field(default_factory=list)  # the words in quotation marks, marks left out

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


def unmarked(article: str, pieces: Spans) -> Spans:
    """Each piece without the quotation marks, spaces and commas at its ends."""
    out = []
    for lo, hi in pieces:
        while lo < hi and article[lo] in _EDGE:
            lo += 1
        while hi > lo and article[hi - 1] in _EDGE:
            hi -= 1
        if hi > lo:
            out.append((lo, hi))
    return out


def gold_attributed(article: str, ann: str) -> list[GoldQuote]:
    """Every gold content holding words in quotation marks, with those words."""
    spans, relations = parse_ann(ann)
    inner = [(s.start + 1, s.end - 1 if s.closed else s.end) for s in find_segments(article, 0)]
    out: list[GoldQuote] = []
    for rel in relations:
        content = [(s, e) for s, e in spans.get(rel.get("Content", ""), ("", []))[1] if e > s]
        if not content:
            continue
        if is_direct(article, content):
            quoted = unmarked(article, content)
        else:
            lo, hi = content[0][0], content[-1][1]
            words = [(a, b) for a, b in inner if a < hi and lo < b and 2 * overlap((a, b), content) > b - a]
            quoted = unmarked(article, [(max(a, lo), min(b, hi)) for a, b in words if _has_word(article[a:b])])
        if quoted:
            source = spans.get(rel.get("Source", ""), ("", []))[1]
            out.append(GoldQuote(content, source, quoted))
    return out


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


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


@dataclass
class Said:
    """What one predicted statement quotes: a whole quote, or the partial quotes of one content."""

    quote: Quote  # the first; it carries the speaker
    quoted: Spans


def statements(article: str, predicted: list[Quote]) -> list[Said]:
    """Direct quotes as statements: partial quotes sharing a content become one."""
    out: list[Said] = []
    by_content: dict[tuple[int | None, int | None], Said] = {}
    for q in predicted:
        if not q.direct:
            continue
        if not q.partial:
            out.append(Said(q, unmarked(article, quoted_pieces(article, q))))
            continue
        key = (q.content_start, q.content_end)
        if key in by_content:
            by_content[key].quoted += unmarked(article, [(q.start, q.end)])
        else:
            by_content[key] = Said(q, unmarked(article, [(q.start, q.end)]))
            out.append(by_content[key])
    return out


def match_words(said: list[Said], gold: list[GoldQuote]) -> list[tuple[Said, GoldQuote]]:
    """One-to-one pairs where more than half of each one's quoted words lie in the other's."""
    candidates = []
    for i, p in enumerate(said):
        p_len = sum(e - s for s, e in p.quoted)
        for j, g in enumerate(gold):
            shared = sum(overlap(piece, g.quoted) for piece in p.quoted)
            g_len = sum(e - s for s, e in g.quoted)
            if shared * 2 > g_len and shared * 2 > p_len:
                candidates.append((shared, i, j))
    pairs, used_p, used_g = [], set(), set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((said[i], gold[j]))
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


def _speaker_ok(q: Quote, g: GoldQuote) -> bool:
    if q.speaker_start is None or q.speaker_end is None:
        return False
    return overlap((q.speaker_start, q.speaker_end), g.source) > 0


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score(items: list[tuple[str, str, str]], pipeline: Any) -> Report:
    articles = [Article(text=text, id=name) for name, text, _ in items]
    return score_quotes(items, [r.quotes for r in pipeline.run(articles)])


def score_quotes(items: list[tuple[str, str, str]], found: list[list[Quote]]) -> Report:
    """Both definitions over the articles' predicted quotes (``found``, one list per item)."""
    n = dict.fromkeys(("tp", "pred", "gold", "sp_ok", "sp_n", "ind_tp", "ind_pred", "ind_gold"), 0)
    n.update(dict.fromkeys(("a_tp", "a_pred", "a_gold", "a_sp_ok", "a_sp_n"), 0))
    misses: list[str] = []
    for (name, text, ann), quotes in zip(items, found, strict=True):
        others = gold_quotes(text, ann, direct=False)
        contents = {(q.content_start, q.content_end) for q in quotes if q.partial}
        reported = [q for q in quotes if not q.direct] + [
            Quote(text="", start=lo, end=hi, direct=False) for lo, hi in contents if lo is not None and hi is not None
        ]
        n["ind_tp"] += len(match(text, reported, others))
        n["ind_pred"], n["ind_gold"] = n["ind_pred"] + len(reported), n["ind_gold"] + len(others)
        gold = gold_quotes(text, ann)
        predicted = [q for q in quotes if q.direct and not q.partial]
        pairs = match(text, predicted, gold)
        n["tp"], n["pred"], n["gold"] = n["tp"] + len(pairs), n["pred"] + len(predicted), n["gold"] + len(gold)
        for q, g in pairs:
            if g.source:
                n["sp_n"] += 1
                n["sp_ok"] += _speaker_ok(q, g)
                if not _speaker_ok(q, g):
                    misses.append(f"{name}: {q.text[:60]!r} speaker={q.speaker!r}")
        said, attributed = statements(text, quotes), gold_attributed(text, ann)
        a_pairs = match_words(said, attributed)
        n["a_tp"], n["a_pred"], n["a_gold"] = (
            n["a_tp"] + len(a_pairs),
            n["a_pred"] + len(said),
            n["a_gold"] + len(attributed),
        )
        for one, g in a_pairs:
            if g.source:
                n["a_sp_n"] += 1
                n["a_sp_ok"] += _speaker_ok(one.quote, g)
    p, r, f1 = _prf(n["tp"], n["pred"], n["gold"])
    ap, ar, af1 = _prf(n["a_tp"], n["a_pred"], n["a_gold"])
    return Report(
        scorer="quotes",
        dataset="polnear",
        metrics={
            "precision": p,
            "recall": r,
            "f1": f1,
            "speaker_accuracy": n["sp_ok"] / n["sp_n"] if n["sp_n"] else 0.0,
            "attributed_precision": ap,
            "attributed_recall": ar,
            "attributed_f1": af1,
            "attributed_speaker_accuracy": n["a_sp_ok"] / n["a_sp_n"] if n["a_sp_n"] else 0.0,
            "indirect_precision": n["ind_tp"] / n["ind_pred"] if n["ind_pred"] else 0.0,
            "indirect_recall": n["ind_tp"] / n["ind_gold"] if n["ind_gold"] else 0.0,
        },
        counts={
            "articles": len(items),
            "gold": n["gold"],
            "predicted": n["pred"],
            "matched": n["tp"],
            "with_speaker": n["sp_n"],
            "attributed_gold": n["a_gold"],
            "attributed_predicted": n["a_pred"],
            "attributed_matched": n["a_tp"],
            "attributed_with_speaker": n["a_sp_n"],
            "indirect_gold": n["ind_gold"],
            "indirect_predicted": n["ind_pred"],
            "indirect_matched": n["ind_tp"],
        },
        details={"speaker_misses": misses},
    )


def quotes_pipeline() -> Any:
    from sitrep.pipeline import Pipeline

    return Pipeline({"pipeline": {"stages": ["sitrep.nlp.v1", "sitrep.quotes.v1"], "batch_size": 16}})


@scorer(
    "quotes",
    "PolNeAR dev: direct quotes (whole, and any quoted words) P/R/F1, speaker accuracy",
    datasets=("dev", "train"),
)
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
