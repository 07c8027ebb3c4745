"""The admin1 naming policy: candidates from every source, a conditional logit that learns which one ACLED writes."""

from __future__ import annotations

from sitrep.learn.places_names import FEATURES, Unit, accuracy, candidates, fit, pick, prepare, type_prefixes


def _units(cc: str, names: list[tuple[str, list[str]]]) -> list[Unit]:
    return [Unit(f"{cc}.{k:02d}", main, alts) for k, (main, alts) in enumerate(names)]


def test_a_local_type_prefix_is_found_per_country_and_taken_off() -> None:
    units = _units("XA", [("Al Awsat", ["Mehoz HaMerkaz"]), ("Al Janubi", ["Mehoz HaDarom"]),
                          ("Haifa", ["Mehoz Hefa"]), ("Tall Abib", ["Tel Aviv"])])
    prefixes = type_prefixes(units)
    assert prefixes["XA"] == {"mehoz"}  # on 3 of 4 units; "al" is an article, not a type word
    cands = candidates(units[0], prefixes["XA"])
    assert "HaMerkaz" in cands and "strip_prefix" in cands["HaMerkaz"]
    assert {"Al Awsat", "Awsat"} <= set(cands)  # the article dropped is one more candidate


def test_type_words_and_articles_give_variants() -> None:
    cands = candidates(Unit("XB.01", "Western Province", ["Mel"]), set())
    assert "Western" in cands and "strip_type" in cands["Western"]
    cands = candidates(Unit("XB.02", "An Najaf", ["Najaf"]), set())
    assert {"An Najaf", "Al Najaf", "Najaf"} <= set(cands)
    assert "main" in cands["An Najaf"] and "alt" in cands["Najaf"] and "al_article" in cands["Al Najaf"]


def test_the_fit_learns_a_convention_and_applies_it_to_unseen_units() -> None:
    # training: the record writes the English alternate where GeoNames has a transliteration
    train = _units("XC", [(f"Muhafazat Qarya{k}", [f"Village{k} Governorate"]) for k in range(12)])
    unseen = _units("XD", [("Jabal Lubnan", ["Mount Lebanon"]), ("Bayrut", ["Beirut Governorate"])])
    prepare(train + unseen)
    gold = {u.code: f"Village{k}" for k, u in enumerate(train)}
    w = fit(train, gold)
    assert len(w) == len(FEATURES)
    assert accuracy(train, gold, w) == (12, 12) and accuracy(train, gold, None) == (0, 12)
    assert pick(unseen[1], w) == "Beirut"
    # the opposite convention is learned as easily: the choice comes from the data, not the code
    gold_main = {u.code: u.main for u in train}
    assert accuracy(train, gold_main, fit(train, gold_main)) == (12, 12)
