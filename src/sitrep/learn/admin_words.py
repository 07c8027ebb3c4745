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


def note_features(notes: str, source: str | None) -> set[str]:
    """What the table reads from a note: its lower-cased words and its sources' names."""
    words = set(_WORD.findall(notes.lower()))
    words |= {SOURCE + " ".join(_WORD.findall(part.lower())) for part in (source or "").split(";") if part.strip()}
    return words


def fit_country(rows: list[AcledRecord]) -> list[list[Any]] | None:
    """Rows ``admin1, feature, weight`` of one country's table (feature "" for the intercept, with the mean
    point of the province's events), or None when the country has too few notes or one province."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [r for r in rows if r.admin1 and r.notes]
    labels = [str(r.admin1) for r in rows]
    if len(rows) < MIN_NOTES or not 2 <= len(set(labels)) <= len(rows) / 5:
        return None
    docs = [note_features(r.notes, r.source) for r in rows]
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
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        if r.latitude is not None and r.longitude is not None:
            points[str(r.admin1)].append((r.latitude, r.longitude))
    names = vec.get_feature_names_out()
    out: list[list[Any]] = []
    for k, admin1 in enumerate(classes):
        pts = points.get(admin1) or [(0.0, 0.0)]
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        out.append([admin1, "", f"{intercept[k]:.3f}", f"{lat:.3f}", f"{lon:.3f}"])
        for j in np.flatnonzero(np.abs(coef[k]) >= KEEP):
            out.append([admin1, str(names[j]), f"{coef[k][j]:.3f}", "", ""])
    return out


def admin_word_rows(records: Iterable[AcledRecord]) -> Iterable[list[Any]]:
    """Rows ``country, admin1, feature, weight, latitude, longitude`` of every country that has enough notes."""
    by_country: dict[str, list[AcledRecord]] = defaultdict(list)
    for r in records:
        if r.country:
            by_country[r.country].append(r)
    for country in sorted(by_country):
        for row in fit_country(by_country[country]) or []:
            yield [country, *row]
