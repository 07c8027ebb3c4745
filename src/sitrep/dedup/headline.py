"""Signals short reports of one event share even when worded apart.

Headlines and brief wire items name the same place, group and toll in other
words ("Car bomb kills at least 18 in Kirkuk" / "Blasts in Kirkuk kill 14").
Per report unit this module keeps, as flat numpy arrays (CSR layout):

- its content words (wire prefixes and datelines stripped, lightly stemmed)
  with an IDF weight, for a TF-IDF cosine and the rarest word two reports
  share (a place or group name, resolved or not);
- the largest number it states (not a year): the toll, compared with a
  tolerance because tolls rise;
- whether it reads as a toll update ("new toll", "rises to");
- its letter 4-grams with a batch IDF weight, for a second cosine that
  still sees "Pak" in "Pakistan", "C.Africa" in "Central African", "Kill"
  in "killings" and names spelt two ways ("Buni-Yadi", "Buni Yadi");
- which kinds of violence ("blast", "airstrike", "clash", ...) and which
  kinds of armed men ("military", "police", "gunmen", ...) it names, as bit
  sets of word families: two reports naming a blast and a clash, or the
  police and the Taliban, are more likely two events;
- how many content words it has (a three-word headline says less).

IDF is counted among the batch's reports of the same country when there are
enough of them, else taken from the match model (fitted on the fitting
countries' headlines, a few thousand stems; words it never saw get its
default, the weight of a rare word). Only units the matcher reads get signals.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from sitrep.dedup import headline_pairs as pairs
from sitrep.resources import data_files

FAMILIES = "models/dedup/word_families.csv"

# "UPDATE 3-", "CORRECTED-", "WRAPUP 1-", "BREAKING:" at the start; "(Reuters) -" datelines anywhere.
_WIRE = re.compile(r"^\s*(?:(?:update|wrapup|refile|corrected|urgent|breaking|exclusive|rpt|factbox|analysis|"
                   r"insight|timeline|highlights|flash)\s*\d*\s*[-:]+\s*)+", re.I)
_DATELINE = re.compile(r"\((?:reuters|afp|ap|upi|ians|pti|xinhua|apa|ani|efe|dpa)\)\s*[-\u2013\u2014]*\s*", re.I)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.]*")
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as into over after before near than that this these
    those it its is are was were be been being has have had not no he she they we you i his her their our them him
    who which what when where while said says say told according reported reports report also about against between
    during under up out off more most some any all other such only very just will would could should may might can
    did do does least new latest least amid says say upd via s""".split()
)
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "dozens": 24, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "hundred": 100, "hundreds": 200, "scores": 40}
# Word families (``word_families.csv``) that say what kind of violence, and whose, a report tells of.
KIND_FAMILIES = ("blast", "suicide", "airstrike", "shell", "abduct", "clash")
ACTOR_FAMILIES = ("bokoharam", "islamicstate", "taliban", "military", "police", "rebel", "gunmen")
GRAM = 4  # letters per n-gram of the letter cosine (3 and 5 measured a little worse on the fitting countries)
_UPDATE = re.compile(r"\b(?:new toll|toll (?:rises|climbs|jumps|reaches|hits|mounts)|rises to|climbs to|"
                     r"jumps to|up to \d|now \d)", re.I)


def clean(text: str) -> str:
    """The report without wire furniture: prefixes like "UPDATE 3-" and "(Reuters) -" datelines."""
    return _DATELINE.sub(" ", _WIRE.sub("", text or ""))


def stem(word: str) -> str:
    """A light stem: plural and tense endings off, at most seven letters (paraphrases keep the root)."""
    for end in ("ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            word = word[: -len(end)] + ("y" if end in ("ies", "ied") else "")
            break
    return word[:7]


@lru_cache(maxsize=1)
def families() -> dict[str, str]:
    """Word -> its family (``data/models/dedup/word_families.csv`` and users' copies): one token per meaning."""
    out: dict[str, str] = {}
    for path in data_files(FAMILIES):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or line.startswith("family,"):
                continue
            family, _, members = line.partition(",")
            out.update({w: "=" + family.strip() for w in members.split()})
    return out


def words(text: str) -> list[str]:
    """Distinct content-word stems (or word families) of ``text``, in order of first use."""
    out: dict[str, None] = {}
    fam = families()
    for w in _WORD.findall(clean(text).lower()):
        if w[0].isdigit() or len(w) < 3 or w in _STOP:
            continue
        out.setdefault(fam.get(w) or stem(w.replace("'", "")), None)
    return list(out)


def largest_number(text: str) -> float:
    """The largest count ``text`` states (digits or number words; years left out), NaN when none."""
    best = math.nan
    for w in _WORD.findall(clean(text).lower()):
        v = pairs.stated_number(w, _UNITS)
        if v is not None and 0 < v < 1e6 and not v <= best:
            best = v
    return best


def letter_text(text: str) -> str:
    """The report's content words (numbers kept) joined by spaces: what its letter n-grams are cut from."""
    return " ".join(w for w in _WORD.findall(clean(text).lower()) if w not in _STOP)


def letter_grams(text: str, n: int = GRAM) -> set[str]:
    """Distinct letter ``n``-grams of ``letter_text(text)``, word edges marked by a space."""
    padded = " " + letter_text(text) + " "
    return {padded[k : k + n] for k in range(len(padded) - n + 1)} if len(padded) > n else set()


def fit_letter_idf(texts: Sequence[str], min_df: int = 20) -> tuple[dict[str, float], float]:
    """(letter n-gram -> IDF for the common n-grams, those in at least ``min_df`` texts; the IDF of any other).

    Only the common ones are kept: they are what IDF weighs down ("kill", " in "), while the
    rarer ones weigh about alike; so the model file stays small.
    """
    df = Counter(g for t in texts for g in letter_grams(t))
    n = max(len(texts), 1)
    idf = {g: round(math.log((n + 1) / (c + 1)) + 1.0, 3) for g, c in sorted(df.items()) if c >= min_df}
    return idf, round(math.log((n + 1) / (min_df + 1)) + 1.0, 3)


def fit_idf(texts: Sequence[str], min_df: int = 2) -> tuple[dict[str, float], float]:
    """(stem -> IDF for stems in at least ``min_df`` texts, the IDF of an unseen stem)."""
    df = Counter(w for t in texts for w in words(t))
    n = max(len(texts), 1)
    idf = {w: round(math.log((n + 1) / (c + 1)) + 1.0, 3) for w, c in df.items() if c >= min_df}
    return idf, round(math.log((n + 1) / (min_df + 1)) + 1.0, 3)


@dataclass
class Headlines:
    ptr: np.ndarray  # (n + 1,) offsets into tok / weight
    tok: np.ndarray  # stem codes
    weight: np.ndarray  # IDF / norm of the unit's vector (binary TF)
    idf: np.ndarray  # raw IDF of each entry
    number: np.ndarray  # largest number stated, NaN when none
    update: np.ndarray  # reads as a toll update
    # Letter n-grams, CSR like the words: offsets, codes, IDF / norm (``letter_grams``).
    gptr: np.ndarray | None = None
    gtok: np.ndarray | None = None
    gweight: np.ndarray | None = None
    kinds: np.ndarray | None = None  # bit k: names the family KIND_FAMILIES[k]
    actors: np.ndarray | None = None  # bit k: names the family ACTOR_FAMILIES[k]
    # ``headline_pairs``: the counts it states and its pairs of stems in a row (CSR), whether it reads as a reaction
    nptr: np.ndarray | None = None
    ntok: np.ndarray | None = None
    bptr: np.ndarray | None = None
    btok: np.ndarray | None = None
    reaction: np.ndarray | None = None


def build(texts: Sequence[str | None], wanted: np.ndarray, idf: Mapping[str, float] | None,
          default_idf: float = 0.0, group: np.ndarray | None = None, min_group: int = 50,
          letter_idf: Mapping[str, float] | None = None, letter_default: float = 0.0) -> Headlines:
    """Signals for units where ``wanted``; the others get none.

    A word's weight is its IDF among the units of the same ``group`` (the
    country) when the batch holds at least ``min_group`` of them: a country's
    own name, or a province in the news all week, says little about which of
    its events two reports tell, however rare it is elsewhere. Smaller groups
    use ``idf`` (shipped with the model; fitted on ``texts`` when None).
    """
    picked = [str(texts[k] or "") if wanted[k] else "" for k in range(len(texts))]
    stems = [words(t) for t in picked]
    if idf is None:
        idf, default_idf = fit_idf([t for t, w in zip(picked, wanted, strict=True) if w])
    groups = group if group is not None else np.full(len(picked), -1)
    members = Counter(int(g) for g, w in zip(groups.tolist(), wanted.tolist(), strict=True) if w)
    local: dict[int, Counter[str]] = {g: Counter() for g, n in members.items() if n >= min_group}
    for g, ws in zip(groups.tolist(), stems, strict=True):
        if g in local:
            local[g].update(ws)
    codes: dict[str, int] = {}
    ptr = [0]
    tok: list[int] = []
    raw: list[float] = []
    weight: list[float] = []
    for g, ws in zip(groups.tolist(), stems, strict=True):
        if g in local:
            n, df = members[g], local[g]
            vals = [math.log((n + 1) / (df[w] + 1)) + 1.0 for w in ws]
        else:
            vals = [idf.get(w, default_idf) for w in ws]
        norm = math.sqrt(sum(v * v for v in vals)) or 1.0
        for w, v in zip(ws, vals, strict=True):
            tok.append(codes.setdefault(w, len(codes)))
            raw.append(v)
            weight.append(v / norm)
        ptr.append(len(tok))
    gptr, gtok, gweight = _letter_vectors(picked, int(sum(members.values())), min_group, letter_idf, letter_default)
    tokens = [_WORD.findall(clean(t).lower()) if t else [] for t in picked]
    nptr, ntok = pairs.csr([pairs.counts(ts, _UNITS) for ts in tokens])
    bptr, btok = pairs.csr([pairs.word_pairs(ws) for ws in stems])
    return Headlines(
        ptr=np.array(ptr, dtype=np.int64), tok=np.array(tok, dtype=np.int64),
        weight=np.array(weight, dtype=np.float64), idf=np.array(raw, dtype=np.float64),
        number=np.array([largest_number(t) if t else math.nan for t in picked], dtype=np.float64),
        update=np.array([bool(_UPDATE.search(t)) for t in picked], dtype=bool),
        gptr=gptr, gtok=gtok, gweight=gweight,
        kinds=np.array([family_bits(ws, KIND_FAMILIES) for ws in stems], dtype=np.int64),
        actors=np.array([family_bits(ws, ACTOR_FAMILIES) for ws in stems], dtype=np.int64),
        nptr=nptr, ntok=ntok, bptr=bptr, btok=btok,
        reaction=np.array([pairs.is_reaction(ts) for ts in tokens], dtype=bool),
    )


def family_bits(stems: Sequence[str], names: Sequence[str]) -> int:
    """Bit k set when ``stems`` (as ``words`` gives them) hold the family ``names[k]``."""
    held = set(stems)
    return sum(1 << k for k, name in enumerate(names) if "=" + name in held)


def _letter_vectors(picked: Sequence[str], n_wanted: int, min_group: int, shipped: Mapping[str, float] | None,
                    shipped_default: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR letter n-gram vectors of the picked texts, IDF counted among them in a batch of at least ``min_group``
    reports; a smaller batch has too few to say which n-grams are common and takes the ``shipped`` IDF (the match
    model's, ``fit_letter_idf``), else weighs every n-gram alike."""
    grams = [sorted(letter_grams(t)) if t else [] for t in picked]  # sorted: the same sums whatever the hash seed
    sizes = np.fromiter((len(gs) for gs in grams), dtype=np.int64, count=len(grams))
    codes: dict[str, int] = {}
    tok = np.fromiter((codes.setdefault(g, len(codes)) for gs in grams for g in gs), dtype=np.int64,
                      count=int(sizes.sum()))
    if n_wanted >= min_group:  # IDF among the batch's own reports (each n-gram once per report)
        df = np.bincount(tok, minlength=len(codes)).astype(np.float64)
        vals = np.log((n_wanted + 1) / (df[tok] + 1)) + 1.0
    elif shipped:
        vals = np.array([shipped.get(g, shipped_default) for g in codes], dtype=np.float64)[tok]
    else:
        vals = np.ones(len(tok))
    row = np.repeat(np.arange(len(grams), dtype=np.int64), sizes)
    norm = np.sqrt(np.bincount(row, weights=vals * vals, minlength=len(grams)))
    norm[norm == 0] = 1.0
    ptr = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    return ptr, tok, vals / norm[row]


def _expand(ptr: np.ndarray, units: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(pair position, entry index) for every entry of every unit in ``units``."""
    lo, hi = ptr[units], ptr[units + 1]
    n = hi - lo
    pos = np.repeat(np.arange(len(units), dtype=np.int64), n)
    start = np.repeat(lo - np.concatenate([[0], np.cumsum(n)[:-1]]), n)
    return pos, np.arange(int(n.sum()), dtype=np.int64) + start


def overlap(h: Headlines, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per pair: TF-IDF cosine, IDF of the rarest shared stem (0 when none), number of shared stems, the
    IDF of the rarest stem each report has that the other lacks, the lower of the two (0 when either has none),
    the IDF mass of the shared stems and the IDF of the second rarest (``headline_pairs.shared_rarity``).

    The fourth is high when both reports name something specific the other does not: two places, two groups.
    """
    m = len(i)
    rare = np.zeros(m)
    if not m or not len(h.tok):
        return (np.zeros(m),) * 6
    vocab = int(h.tok.max()) + 1
    pi, ei = _expand(h.ptr, i)
    pj, ej = _expand(h.ptr, j)
    _, ai, bj = np.intersect1d(pi * vocab + h.tok[ei], pj * vocab + h.tok[ej], assume_unique=True,
                               return_indices=True)
    pos = pi[ai]
    cos = np.bincount(pos, weights=h.weight[ei[ai]] * h.weight[ej[bj]], minlength=m).astype(float)
    np.maximum.at(rare, pos, h.idf[ei[ai]])
    own = []
    for p, e, shared in ((pi, ei, ai), (pj, ej, bj)):
        alone = np.ones(len(e), dtype=bool)
        alone[shared] = False
        best = np.zeros(m)
        np.maximum.at(best, p[alone], h.idf[e[alone]])
        own.append(best)
    mass, second = pairs.shared_rarity(pos, h.idf[ei[ai]], m)
    return cos, rare, np.bincount(pos, minlength=m).astype(float), np.minimum(own[0], own[1]), mass, second


def letter_cosine(h: Headlines, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Per pair: the TF-IDF cosine of their letter n-grams (0 when either has none)."""
    m = len(i)
    if not m or h.gptr is None or h.gtok is None or h.gweight is None or not len(h.gtok):
        return np.zeros(m)
    vocab = int(h.gtok.max()) + 1
    try:
        # scipy comes with the pinned reverse-geocoder; its sparse row products are ~6x faster than the
        # sort below (this cosine was a quarter of the headline dedup's CPU), the same sums to 1e-15.
        from scipy.sparse import csr_matrix
    except ImportError:
        csr_matrix = None
    if csr_matrix is not None:
        vectors = csr_matrix((h.gweight, h.gtok, h.gptr), shape=(len(h.gptr) - 1, vocab))
        vectors.sort_indices()
        out = np.zeros(m)
        for s in range(0, m, _PAIRS_PER_STEP):
            rows_i, rows_j = vectors[i[s : s + _PAIRS_PER_STEP]], vectors[j[s : s + _PAIRS_PER_STEP]]
            out[s : s + _PAIRS_PER_STEP] = np.asarray(rows_i.multiply(rows_j).sum(axis=1)).ravel()
        return out
    pi, ei = _expand(h.gptr, i)
    pj, ej = _expand(h.gptr, j)
    _, ai, bj = np.intersect1d(pi * vocab + h.gtok[ei], pj * vocab + h.gtok[ej], assume_unique=True,
                               return_indices=True)
    return np.bincount(pi[ai], weights=h.gweight[ei[ai]] * h.gweight[ej[bj]], minlength=m).astype(float)


_PAIRS_PER_STEP = 200_000  # pairs whose letter vectors are multiplied at once (bounded memory)


def token_rows(h: Headlines, min_idf: float) -> tuple[np.ndarray, np.ndarray]:
    """(unit, stem code) for every stem at least as rare as ``min_idf``: keys for blocking by shared names."""
    unit = np.repeat(np.arange(len(h.ptr) - 1, dtype=np.int64), np.diff(h.ptr))
    keep = h.idf >= min_idf
    return unit[keep], h.tok[keep]
