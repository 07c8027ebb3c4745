"""Which province a note is about when its place is unknown: learned from the wording of ACLED's notes.

A note may name a village no gazetteer holds ("attacked the Fulani village of Guiwagou"); ACLED's coder still
knows its province. The record does too, through the note's other words: the groups that act there (Dan Na
Ambassagou, Katiba Macina), the communities (Dogon, Fulani), the local outlets ("Le Pays Dogon") and the
neighbouring towns. For every country with enough located notes, a logistic regression over the note's words
(present or not) and its sources reads the admin1 ACLED coded; weights too small to matter are dropped, so the
table stays small. The geocode stage uses it only for an event its text places in a country and nowhere more
precise (``sitrep.gazetteer.admin_words``).

Measured on the dev period (Mali, Burkina Faso and the Central African Republic in 2019, left out of the table):
of the notes placed only in their country, the table is sure (p >= 0.5) for 69 of 110 and right for 44 of them.

A country the record holds too few notes of (a held-out one, or any country outside ACLED's coverage) has no
table; for it the any-country table (country ``*``), fitted on every country's notes, says whether an event is
within 40 km of the capital, from the words notes write in lower case (names are the country's own) and the event
type: students, ministries, embassies and courts are in capitals, herders, cattle and villages are not. Measured
on dev draw 3's notes of 2018 and earlier (twelve African countries left out of every table; terse notes that
often name no place): of 458 events placed only in their country (the country given), 91 are placed at the
capital at p >= 0.5, 40 of them within 25 km of ACLED's point (two in five; the country's middle, where they
were, is never that near); not when the text names a place nobody resolved (the event is likely there: of 37
such capital guesses, 5 were right).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sitrep.learn.acled import AcledRecord

MIN_NOTES = 50  # a country needs this many located notes (and two provinces, five notes a province) to learn from
MIN_DOCS = 3  # a word must occur in this many of the country's notes
REGULARISATION = 1.0  # logistic regression's C (dev period: C 1 and 3 within a note of each other)
KEEP = 0.3  # weights below this (absolute) are dropped: 25,000 weights for eight countries, one note lost
SOURCE = "src:"  # the feature prefix of a source's name
_WORD = re.compile(r"[a-z][a-z'-]+")
_PLAIN_WORD = re.compile(r"\b[a-z][a-z'-]+")  # a word written in lower case: not a name
_SENTENCE_START = re.compile(r"(^|[.!?]\s+)([A-Z])(?=[a-z])")  # a sentence's first word is no name for that
# The any-country table, for a country with no table of its own: is an event placed only in its country in
# the capital? Its two classes are CAPITAL and ELSEWHERE; it reads plain words and the event type (TYPE).
ANY_COUNTRY = "*"
CAPITAL, ELSEWHERE = "(capital)", "(elsewhere)"
CAPITAL_KM = 40.0  # an event this close to the capital counts as in it
TYPE = "type:"


def note_features(notes: str, source: str | None) -> set[str]:
    """What the table reads from a note: its lower-cased words and its sources' names."""
    words = set(_WORD.findall(notes.lower()))
    words |= {SOURCE + " ".join(_WORD.findall(part.lower())) for part in (source or "").split(";") if part.strip()}
    return words


def fit_country(rows: list[AcledRecord]) -> list[list[Any]] | None:
    """Rows ``admin1, feature, weight`` of one country's table (feature "" for the intercept, with the mean
    point of the province's events), or None when the country has too few notes or one province."""
    rows = [r for r in rows if r.admin1 and r.notes]
    labels = [str(r.admin1) for r in rows]
    if len(rows) < MIN_NOTES or not 2 <= len(set(labels)) <= len(rows) / 5:
        return None
    points = [(r.latitude, r.longitude) if r.latitude is not None and r.longitude is not None else None
              for r in rows]
    return _fit([note_features(r.notes, r.source) for r in rows], labels, points)


def _fit(docs: list[set[str]], labels: list[str],
         points: list[tuple[float, float] | None]) -> list[list[Any]]:
    """Rows ``label, feature, weight, latitude, longitude`` of one logistic regression over binary features."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    df: dict[str, int] = defaultdict(int)
    for d in docs:
        for w in d:
            df[w] += 1
    vec = DictVectorizer()
    x = vec.fit_transform([{w: 1 for w in d if df[w] >= MIN_DOCS} for d in docs])
    model = LogisticRegression(C=REGULARISATION, max_iter=3000).fit(x, labels)
    classes = [str(c) for c in model.classes_]
    coef, intercept = model.coef_, model.intercept_
    if len(classes) == 2:  # scikit-learn keeps one weight row for two classes: the second's against the first
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    by_label: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for label, point in zip(labels, points, strict=True):
        if point is not None:
            by_label[label].append(point)
    names = vec.get_feature_names_out()
    out: list[list[Any]] = []
    for k, label in enumerate(classes):
        pts = by_label.get(label) or [(0.0, 0.0)]
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        out.append([label, "", f"{intercept[k]:.3f}", f"{lat:.3f}", f"{lon:.3f}"])
        for j in np.flatnonzero(np.abs(coef[k]) >= KEEP):
            out.append([label, str(names[j]), f"{coef[k][j]:.3f}", "", ""])
    return out


def capital_features(notes: str, event_type: str | None) -> set[str]:
    """What the any-country table reads: the words a note writes in lower case (no names, which are the
    country's own) and the event type."""
    plain = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).lower(), notes)
    return set(_PLAIN_WORD.findall(plain)) | ({TYPE + event_type} if event_type else set())


def capital_rows(records: Iterable[AcledRecord],
                 capitals: dict[str, tuple[float, float]]) -> list[list[Any]]:
    """Rows ``admin1, feature, weight, ...`` of the any-country table: is an event within ``CAPITAL_KM`` of its
    country's capital (``capitals``: country name -> point), read from its plain words and event type."""
    from sitrep.gazetteer.toponym import distance_km

    docs: list[set[str]] = []
    labels: list[str] = []
    for r in records:
        capital = capitals.get(r.country or "")
        if capital is None or r.latitude is None or r.longitude is None or not r.notes or not r.event_type:
            continue
        near = distance_km(r.latitude, r.longitude, *capital) <= CAPITAL_KM
        docs.append(capital_features(r.notes, r.event_type))
        labels.append(CAPITAL if near else ELSEWHERE)
    if len(set(labels)) < 2:
        return []
    return _fit(docs, labels, [None] * len(labels))


def admin_word_rows(records: Iterable[AcledRecord],
                    capitals: dict[str, tuple[float, float]] | None = None) -> Iterable[list[Any]]:
    """Rows ``country, admin1, feature, weight, latitude, longitude`` of every country that has enough notes,
    then the any-country table's when ``capitals`` are given."""
    records = list(records)
    by_country: dict[str, list[AcledRecord]] = defaultdict(list)
    for r in records:
        if r.country:
            by_country[r.country].append(r)
    for country in sorted(by_country):
        for row in fit_country(by_country[country]) or []:
            yield [country, *row]
    for row in capital_rows(records, capitals or {}):
        yield [ANY_COUNTRY, *row]
