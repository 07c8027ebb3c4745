"""The ACLED scorer's name folding: periods go wherever they sit, nothing else does."""

from sitrep.eval.acled import fold


def test_a_period_after_the_force_goes_before_its_sub_unit_too():
    assert fold("Police Forces of Mali (2021-) Gendarmerie") == fold("Police Forces of Mali (2013-2020) Gendarmerie")
    assert fold("Military Forces of Syria (2000-2024)") == fold("Military Forces of Syria (2000-)")


def test_a_sub_unit_still_differs_from_the_force():
    assert fold("Police Forces of Mali (2021-) Gendarmerie") != fold("Police Forces of Mali (2021-)")
    assert fold("Labour Group (Kenya)") == "labour group kenya"
