"""The coder model at run time: numpy only, loaded once per process by ``learn.load("coder")``.

Two linear layers, both trained by ``sitrep train coder`` (``sitrep.learn.coder``):

1. **words**: TF-IDF over word uni- and bigrams of the event's sentences, and (models of ``char_from``)
   over the character 3- to 5-grams of its words, each part L2-normalised on its own -> one score per
   sub-event type (trained on every training-country note);
2. **combiner**: a multinomial logistic model over the word scores plus what the rules found
   (their own sub-type guess, event class, trigger, inter codes, cue groups, victims, objects,
   a toll) -> calibrated probabilities over the sub-event types (trained on notes run through
   the real pipeline, with word scores from models that never saw those notes' countries).

The artifact is ``words.npz`` (vocabulary, idf, weights), ``combiner.npz`` and ``config.json``.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.learn import register_loader

FORMAT = 1
_Rows = tuple[int, ...]  # the vocabulary rows of features, one per occurrence, in text order
# a sentence's (first word, last word, rows of its unigrams, of its bigrams, of its words' character n-grams)
_SentenceFeatures = tuple[str, str, _Rows, _Rows, _Rows]
_WORD = re.compile(r"[^\W\d_]+|\d+")
# 1 + log(n) for the counts a text's features have, worked out once by math.log (the same float64 values as
# the per-feature sum computed before a cast to float32)
_SUBLINEAR_TF = np.array([0.0] + [1.0 + math.log(n) for n in range(1, 256)], dtype=np.float64)
_SUBLINEAR_TF32 = _SUBLINEAR_TF.astype(np.float32)  # the cast made once: the same float32 values as cast per text


def tokens(text: str) -> list[str]:
    """Lower-case words; every number is one token "0" (counts and dates differ, their role does not)."""
    return ["0" if t[0].isdigit() else t for t in _WORD.findall(text.lower())]


def word_features(text: str) -> list[str]:
    """Unigrams and bigrams: the analyzer used both when training and at run time."""
    toks = tokens(text)
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


CHAR_MARK = "#"  # a character n-gram's prefix in the vocabulary (no word holds it): "#kil" is not the word "kil"
CHAR_SIZES = (3, 4, 5)


@functools.lru_cache(maxsize=65536)
def token_chars(token: str) -> tuple[str, ...]:
    """The character 3- to 5-grams of one word padded by a space each side (" killed " -> "# ki", "#kil", ...):
    parts of words carry what whole words miss in wording never seen (inflections, spellings, compounds,
    names of weapons and groups), which is what notes of an unseen country bring."""
    padded = f" {token} "
    return tuple(CHAR_MARK + padded[i:i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1))


def char_features(text: str) -> list[str]:
    """The character n-grams of the text's words (``tokens``): the second analyzer, training and run time."""
    return [gram for token in tokens(text) for gram in token_chars(token)]


class SentencesText(str):
    """Sentences joined by one space that remembers them: the words layer then reads each sentence's features
    once (an event's window of sentences overlaps its neighbours') and the joined text's from theirs, with the
    same counts in the same order as ``word_features`` of the joined text (a word never spans the space)."""

    parts: tuple[str, ...]

    def __new__(cls, parts: Iterable[str]) -> SentencesText:
        sentences = tuple(parts)
        text = super().__new__(cls, " ".join(sentences))
        text.parts = sentences
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return SentencesText, (self.parts,)


def _norm(val: np.ndarray) -> float:
    """``float(np.linalg.norm(val)) or 1.0`` of a float32 vector without the general function's checks: the same
    sqrt of the same dot product (numpy's own computation for a vector), so the same bits."""
    return float(np.sqrt(val.dot(val))) or 1.0


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


class CoderModel:
    """Scores ACLED sub-event types for one event from its text and the rules' findings."""

    def __init__(self, labels: list[str], vocab: list[str], idf: np.ndarray, words_w: np.ndarray,
                 words_b: np.ndarray, rule_names: list[str], rule_w: np.ndarray, score_w: np.ndarray,
                 comb_b: np.ndarray, config: dict[str, Any] | None = None) -> None:
        self.labels = list(labels)
        self.index = {name: i for i, name in enumerate(labels)}
        self.vocab = {w: i for i, w in enumerate(vocab)}
        self.idf = idf.astype(np.float32)
        self.words_w = words_w.astype(np.float32)  # (vocab, labels)
        self.words_b = words_b.astype(np.float32)
        self.rule_index = {n: i for i, n in enumerate(rule_names)}
        self.rule_w = rule_w.astype(np.float32)  # (rule features, labels)
        self.score_w = score_w.astype(np.float32)  # (labels or 2 x labels, labels): word scores -> logits
        self.comb_b = comb_b.astype(np.float32)
        self.config = config or {}
        # vocabulary rows from here on are character n-grams (normalised apart from the words'); none in older models
        self.char_from = int(self.config.get("char_from", len(vocab)))
        self._token_rows: dict[str, tuple[int, ...]] = {}
        self._scores: dict[str, np.ndarray] = {}
        self._sentences: dict[str, _SentenceFeatures | None] = {}
        self._masks: dict[frozenset[str], np.ndarray] = {}
        # the rule weights and a row of zeros after them: the padding of ``probabilities_many``'s rule rows
        self._rule_w_zero = np.vstack([self.rule_w, np.zeros((1, self.rule_w.shape[1]), dtype=np.float32)])

    def word_scores(self, text: str) -> np.ndarray:
        """The words layer's decision scores (sublinear tf * idf, L2-normalised, linear); the same text again
        (events of one sentence share their context) is answered from a small cache, read-only."""
        return self._word_scores_of((text,))[text]

    def _word_scores_of(self, texts: Iterable[str]) -> dict[str, np.ndarray]:
        """``word_scores`` of several texts (one document's events'), those not in the cache worked out together:
        their rows and counts gathered into one array, their tf * idf and weight rows taken by one look-up each;
        each text's norm and product then read its own stretch of those, the same numbers in the same order as
        ``_word_scores`` gives them, so the same bits."""
        cache = self._scores
        out: dict[str, np.ndarray] = {}
        todo: list[str] = []
        for text in texts:
            if text not in out:
                hit = cache.get(text)
                if hit is None:
                    todo.append(text)
                out[text] = hit  # type: ignore[assignment]  # filled below
        if not todo:
            return out
        if self.char_from < len(self.idf):  # two normalisations per text: text by text
            made = [self._word_scores(text) for text in todo]
        else:
            made = self._word_scores_together(todo)
        for text, scores in zip(todo, made, strict=True):
            scores.setflags(write=False)
            if len(cache) >= 256:
                cache.clear()
            out[text] = cache[text] = scores
        return out

    def _word_scores_together(self, texts: list[str]) -> list[np.ndarray]:
        """``_word_scores`` of texts whose features are normalised as one part (no character n-grams)."""
        all_rows: list[int] = []
        all_counts: list[int] = []
        sizes: list[int] = []
        for text in texts:
            parts = getattr(text, "parts", None)
            rows, found = self._found_in(parts) if parts is not None else self._found(text)
            all_rows += rows
            all_counts += found
            sizes.append(len(rows))
        idx, val = self._tf_idf(all_rows, all_counts)
        weights = self.words_w[idx]
        made: list[np.ndarray] = []
        start = 0
        for size in sizes:
            if not size:
                made.append(self.words_b.copy())
                continue
            end = start + size
            mine = val[start:end]
            mine /= _norm(mine)
            made.append(mine @ weights[start:end] + self.words_b)
            start = end
        return made

    def _word_scores(self, text: str) -> np.ndarray:
        parts = getattr(text, "parts", None)
        rows, found = self._found_in(parts) if parts is not None else self._found(text)
        if not rows:
            return self.words_b.copy()
        idx, val = self._tf_idf(rows, found)
        if self.char_from >= len(self.idf):
            val /= _norm(val)
        else:  # words and character n-grams were two vectorisers in training, each normalised on its own
            grams = idx >= self.char_from
            for part in (~grams, grams):
                val[part] /= _norm(val[part])
        return val @ self.words_w[idx] + self.words_b

    def _tf_idf(self, rows: list[int], counts: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """The feature rows as an index array and their sublinear tf * idf values (float32)."""
        idx = np.array(rows, dtype=np.intp)
        try:  # a count beyond the table (a word said 256 times in one text) is worked out on its own
            val = _SUBLINEAR_TF32[counts] * self.idf[idx]
        except IndexError:
            val = np.array([1.0 + math.log(n) for n in counts], dtype=np.float32) * self.idf[idx]
        return idx, val

    def _found(self, text: str) -> tuple[list[int], list[int]]:
        """The vocabulary rows of the text's features and their counts, in first-seen order (unigrams, then
        bigrams, then character n-grams)."""
        vocab = self.vocab
        # counted by feature in C, then looked up once per distinct feature: distinct features are distinct
        # vocabulary rows, in the same (first seen) order as counting the rows themselves
        found = [(vocab[f], n) for f, n in Counter(word_features(text)).items() if f in vocab]
        if self.char_from < len(self.idf):
            found.extend(Counter(self._char_rows(tokens(text))).items())
        return [i for i, _ in found], [n for _, n in found]

    def _char_rows(self, toks: list[str]) -> list[int]:
        """The rows of the words' character n-grams, one per occurrence, each word's rows worked out once."""
        rows = self._token_rows
        out: list[int] = []
        for token in toks:
            mine = rows.get(token)
            if mine is None:
                if len(rows) >= 65536:
                    rows.clear()
                vocab = self.vocab
                mine = rows[token] = tuple(vocab[g] for g in token_chars(token) if g in vocab)
            out.extend(mine)
        return out

    def _found_in(self, sentences: tuple[str, ...]) -> tuple[list[int], list[int]]:
        """``_found`` of the sentences joined by spaces, from each sentence's own features: its unigrams, its
        bigrams and the bigram that joins its last word to the next sentence's first. The rows of all three kinds
        are gathered one per occurrence in one list (unigrams, then bigrams, then character n-grams) and counted
        by one Counter in C: the kinds are different strings, so no row is of two kinds, and the Counter's
        first-seen order is the order of counting each kind apart and joining them (the order the float sums
        need, bit for bit)."""
        vocab = self.vocab
        unigrams: list[int] = []
        bigrams: list[int] = []
        grams: list[int] = []
        last: str | None = None
        for sentence in sentences:
            features = self._sentence_features(sentence)
            if features is None:
                continue
            first, end, own_unigrams, own_bigrams, own_grams = features
            unigrams += own_unigrams
            if last is not None:
                joint = vocab.get(f"{last} {first}")
                if joint is not None:
                    bigrams.append(joint)
            bigrams += own_bigrams
            grams += own_grams
            last = end
        unigrams += bigrams
        unigrams += grams
        counts = Counter(unigrams)
        return [*counts], [*counts.values()]

    def _sentence_features(self, sentence: str) -> _SentenceFeatures | None:
        """A sentence's first and last word and its in-vocabulary unigram and bigram counts (None: no words)."""
        cache = self._sentences
        if sentence in cache:
            return cache[sentence]
        if len(cache) >= 1024:
            cache.clear()
        toks = tokens(sentence)
        if not toks:
            cache[sentence] = None
            return None
        vocab = self.vocab
        bigrams = [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]
        features = cache[sentence] = (
            toks[0],
            toks[-1],
            tuple([i for i in map(vocab.get, toks) if i is not None]),
            tuple([i for i in map(vocab.get, bigrams) if i is not None]),
            tuple(self._char_rows(toks)) if self.char_from < len(self.idf) else (),
        )
        return features

    def logits(self, text: str, rule_feats: Iterable[str], own: str | None = None) -> np.ndarray:
        """``text``: the event's sentences with their neighbours; ``own``: its own sentences (default: text)."""
        scores = self.word_scores(text)
        if self.score_w.shape[0] > len(self.labels):  # the combiner also weighs the event's own sentences
            scores = np.concatenate([scores, self.word_scores(own if own is not None else text)])
        z = scores @ self.score_w + self.comb_b
        for f in dict.fromkeys(rule_feats):  # in their own order: a set's order (and so the float sum) varies by process
            i = self.rule_index.get(f)
            if i is not None:
                z = z + self.rule_w[i]
        return z

    def probabilities(self, text: str, rule_feats: Iterable[str], own: str | None = None) -> np.ndarray:
        return softmax(self.logits(text, rule_feats, own))

    def probabilities_many(self, events: Sequence[tuple[str, Iterable[str], str | None]],
                           temperature: float = 1.0) -> np.ndarray:
        """``probabilities`` of several events (one document's: (text, rule features, own)) as rows, in fewer numpy
        calls: each event's combiner product as before (a matrix product of the stacked rows would sum in another
        order), its rule weights added by one reduction over the gathered rows (a reduction down the rows adds them
        one after another, as the loop in ``logits`` does: the same bits), one softmax over the rows (of the logits
        divided by ``temperature`` when it is not 1: flatter, less sure probabilities)."""
        if not events:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        both = self.score_w.shape[0] > len(self.labels)
        get = self.rule_index.get
        wanted = [text for text, _, _ in events]
        if both:
            wanted += [own if own is not None else text for text, _, own in events]
        word_scores = self._word_scores_of(wanted)
        z = np.empty((len(events), len(self.labels)), dtype=np.float32)
        picked: list[list[int]] = []
        for n, (text, rule_feats, own) in enumerate(events):
            scores = word_scores[text]
            if both:
                scores = np.concatenate([scores, word_scores[own if own is not None else text]])
            z[n] = scores @ self.score_w
            picked.append([i for i in map(get, dict.fromkeys(rule_feats)) if i is not None])
        z += self.comb_b
        most = max(map(len, picked))
        if most:
            # every event's rule rows in a (events, most + 1, labels) block, its own logits first and rows of zeros
            # after its own rules (adding 0 changes no sum); a reduction down the middle axis adds them one after
            # another for every event at once, in the order the loop in ``logits`` does
            rule_rows = np.full((len(events), most), len(self.rule_w), dtype=np.intp)
            for n, found in enumerate(picked):
                rule_rows[n, : len(found)] = found
            z = np.add.reduce(np.concatenate([z[:, None, :], self._rule_w_zero[rule_rows]], axis=1), axis=1)
        if temperature != 1.0:
            z = z / np.float32(temperature)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def allowed_mask(self, allowed: frozenset[str]) -> np.ndarray:
        """Which labels are in ``allowed``, worked out once per set (the gate asks with few distinct sets)."""
        mask = self._masks.get(allowed)
        if mask is None:
            mask = self._masks[allowed] = np.array([lab in allowed for lab in self.labels])
        return mask

    def choose(self, text: str, rule_feats: Iterable[str], allowed: Set[str] | None = None,
               own: str | None = None) -> tuple[str, float]:
        """The most probable sub-event type (among ``allowed`` when given) and its probability."""
        return self.choose_in(self.probabilities(text, rule_feats, own), allowed)

    def choose_in(self, p: np.ndarray, allowed: Set[str] | None = None) -> tuple[str, float]:
        """``choose`` over probabilities already computed (one model pass per event)."""
        if allowed:
            mask = self.allowed_mask(allowed if isinstance(allowed, frozenset) else frozenset(allowed))
            if mask.any():
                p = np.where(mask, p, 0.0)
                p = p / p.sum()
        best = int(np.argmax(p))
        return self.labels[best], float(p[best])

    def words_choice(self, text: str, allowed: Set[str] | None = None) -> str:
        """The words layer's own top sub-event type for ``text`` (among ``allowed`` when given)."""
        scores = self.word_scores(text)
        if allowed and any(lab in allowed for lab in self.labels):
            scores = np.where([lab in allowed for lab in self.labels], scores, -np.inf)
        return self.labels[int(np.argmax(scores))]

    def save(self, folder: str | Path) -> None:
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        vocab = [w for w, _ in sorted(self.vocab.items(), key=lambda kv: kv[1])]
        rules = [n for n, _ in sorted(self.rule_index.items(), key=lambda kv: kv[1])]
        np.savez_compressed(out / "words.npz", idf=self.idf.astype(np.float32), weights=self.words_w.astype(np.float16),
                            bias=self.words_b.astype(np.float32))
        np.savez_compressed(out / "combiner.npz", rule_weights=self.rule_w.astype(np.float32),
                            score_weights=self.score_w.astype(np.float32), bias=self.comb_b.astype(np.float32))
        meta = {"format": FORMAT, "labels": self.labels, "rule_features": rules, **self.config}
        (out / "config.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        (out / "vocabulary.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")


@register_loader("coder")
def load_coder(folder: Path) -> CoderModel | None:
    """The coder artifact in ``folder``; None when it is incomplete or of another format."""
    meta_path = folder / "config.json"
    if not meta_path.exists() or not (folder / "words.npz").exists():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        return None
    vocab = (folder / "vocabulary.txt").read_text(encoding="utf-8").split("\n")[:-1]
    words = np.load(folder / "words.npz")
    comb = np.load(folder / "combiner.npz")
    config = {k: v for k, v in meta.items() if k not in ("format", "labels", "rule_features")}
    return CoderModel(meta["labels"], vocab, words["idf"], words["weights"], words["bias"], meta["rule_features"],
                      comb["rule_weights"], comb["score_weights"], comb["bias"], config)
