"""score_pairs: soft matching rules, vetoes and reasons."""

from __future__ import annotations

import numpy as np
from dedup_fixtures import ARMY, TARMIYAH, report

from sitrep.dedup import DedupConfig
from sitrep.dedup.features import build, to_table
from sitrep.dedup.scoring import MERGE, NONE, POSSIBLE, explain, score_pairs

BATTLE = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": ARMY, "actor2": "Islamic State (Iraq)"}


def _score(a: dict, b: dict):
    f = build(to_table([a, b]))
    s = score_pairs(f, np.array([0]), np.array([1]), DedupConfig())
    return f, s


def test_day_precise_dates_two_days_apart_do_not_match_but_week_precise_ones_do():
    a = report("a", 0, "x", event_date="2025-03-03", **BATTLE, **TARMIYAH)
    b = report("b", 0, "x", event_date="2025-03-05", **BATTLE, **TARMIYAH)
    assert _score(a, b)[1].decision[0] == NONE
    b["time_precision"] = 2
    assert _score(a, b)[1].decision[0] != NONE


def test_month_precise_date_matches_only_within_its_month():
    a = report("a", 0, "x", event_date="2025-03-28", **BATTLE, **TARMIYAH)
    b = report("b", 0, "x", event_date="2025-04-01", time_precision=3, **{k: v for k, v in BATTLE.items()},
               **TARMIYAH)
    assert _score(a, b)[1].decision[0] == NONE


def test_radius_grows_with_geo_precision():
    a = report("a", 0, "x", event_date="2025-03-03", **BATTLE, **TARMIYAH)
    far = {**TARMIYAH, "latitude": 33.67 + 0.4, "admin1": "Baghdad"}  # ~45 km north
    b = report("b", 0, "x", event_date="2025-03-03", **BATTLE, **far)
    assert _score(a, b)[1].decision[0] == NONE
    b["geo_precision"] = 3  # a regional geocode in the same admin1 contains the town
    assert _score(a, b)[1].decision[0] == MERGE


def test_unidentified_armed_group_is_compatible_with_a_named_group():
    a = report("a", 0, "x", event_date="2025-03-03", **BATTLE, **TARMIYAH)
    b = report("b", 0, "x", event_date="2025-03-03", **{**BATTLE, "actor2": "Unidentified Armed Group (Iraq)"},
               **TARMIYAH)
    f, s = _score(a, b)
    assert 0.7 < s.actors[0] < 1.0
    assert explain(f, s, 0)["actors"].startswith("compatible")


def test_battle_and_airstrike_reports_are_compatible_but_arrest_and_agreement_are_not():
    a = report("a", 0, "x", event_date="2025-03-03", **BATTLE, **TARMIYAH)
    b = report("b", 0, "x", event_date="2025-03-03", **{**BATTLE, "event_type": "Explosions/Remote violence",
                                                         "sub_event_type": "Air/drone strike"}, **TARMIYAH)
    assert _score(a, b)[1].decision[0] in (MERGE, POSSIBLE)
    sd = {"event_type": "Strategic developments", "actor1": ARMY}
    c = report("c", 0, "x", event_date="2025-03-03", sub_event_type="Arrests", **sd, **TARMIYAH)
    d = report("d", 0, "x", event_date="2025-03-03", sub_event_type="Agreement", **sd, **TARMIYAH)
    assert _score(c, d)[1].decision[0] == NONE


def test_explain_gives_readable_reasons():
    a = report("a", 0, "Army and IS fought in Tarmiyah", event_date="2025-03-03", **BATTLE, **TARMIYAH)
    b = report("b", 0, "IS fighters clashed with the army near Tarmiyah", event_date="2025-03-04", **BATTLE,
               **{**TARMIYAH, "latitude": 33.70})
    f, s = _score(a, b)
    reasons = explain(f, s, 0)
    assert reasons["date"].startswith("1 day")
    assert reasons["place"].endswith("(geo precision 1)") and "km apart" in reasons["place"]
    assert reasons["type"] == "same sub-event type" and reasons["actors"] == "same actors"
    assert reasons["text_similarity"] > 0
