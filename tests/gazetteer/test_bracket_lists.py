"""ACLED's bracket of units after a place: the outermost known unit holds the names before it."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.areas import areas_within
from sitrep.gazetteer.bracket_lists import mark_bracket_lists


def test_the_outermost_unit_of_a_bracket_holds_the_names_before_it(spans) -> None:
    """'in Nia-Nia (Bandaka, Mambasa, Ituri)' with Nia-Nia unknown: Bandaka is in Ituri, not Mbandaka abroad."""
    gaz = load_gazetteer()
    text = "Rioters took to the street in Nia-Nia (Bandaka, Mambasa, Ituri) on Monday."
    bandaka, mambasa, ituri = spans(text, ["Bandaka", "Mambasa", "Ituri"])
    mark_bracket_lists(gaz, text, [bandaka, mambasa, ituri])
    assert bandaka.within == areas_within(gaz, "Ituri") and not ituri.within


def test_a_bracket_of_peers_or_countries_holds_nothing(spans) -> None:
    """'(Aleppo, Idleb, Hama)' lists provinces, '(Kenya, Uganda, Tanzania)' countries: none is inside another."""
    gaz = load_gazetteer()
    for text, names in (("Shelling hit three provinces (Aleppo, Idleb, Hama) on Monday.", ["Aleppo", "Idleb", "Hama"]),
                        ("Leaders met (Kenya, Uganda, Tanzania) in Arusha.", ["Kenya", "Uganda", "Tanzania"])):
        found = spans(text, names)
        mark_bracket_lists(gaz, text, found)
        assert not any(t.within for t in found)


def test_the_units_after_the_place_acled_coded_hold_it(spans) -> None:
    """'(coded to Mokambo, Mahagi, Ituri)': Mokambo is held by Ituri (not the Mokambo of Haut-Katanga)."""
    gaz = load_gazetteer()
    text = "Militiamen wounded three civilians at Jupaluka village (coded to Mokambo, Mahagi, Ituri)."
    mokambo, mahagi, ituri = spans(text, ["Mokambo", "Mahagi", "Ituri"])
    mark_bracket_lists(gaz, text, [mokambo, mahagi, ituri])
    assert mokambo.within == areas_within(gaz, "Ituri")
