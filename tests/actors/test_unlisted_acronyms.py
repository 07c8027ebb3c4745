"""Organisations the dictionary lacks, named with a bracketed acronym: ACLED's "ACR: Name"."""

from sitrep.actors import Context, Tok, get_matcher
from sitrep.actors.dictionary import tokenize


def names(text: str, org: str) -> list[str]:
    toks = [Tok(t, s, e) for t, s, e in tokenize(text)]
    start = text.index(org)
    ctx = Context(focus="Mexico", countries={"Mexico"}, year=2022)
    ctx.orgs[start] = start + len(org)
    return [m.name for m in get_matcher().scan(toks, ctx)]


def test_a_translated_union_keeps_its_own_languages_acronym() -> None:
    # the initials of the English name (NUHW) are not the acronym (SNTSA): still the union's, ACLED's way
    text = "Teachers of the National Union of Health Workers (SNTSA) blocked the highway."
    assert "SNTSA: National Union of Health Workers" in names(text, "National Union of Health Workers")


def test_a_union_named_with_any_bracketed_acronym_is_an_actor_without_members_of() -> None:
    text = "The Federation of Road Hauliers (FETRA) called a strike in the capital."
    assert "FETRA: Federation of Road Hauliers" in names(text, "Federation of Road Hauliers")


def test_a_known_groups_acronym_in_brackets_is_not_the_organisations_name() -> None:
    text = "Fighters of the Al Noor Battalion (JNIM) attacked a checkpoint."
    assert not any(n.startswith("JNIM: Al Noor") for n in names(text, "Al Noor Battalion"))


def test_a_confederation_coalition_or_syndicate_is_a_civil_organisation_like_a_union() -> None:
    text = "Supporters of the Confederation of Highland Peoples (COHP) blocked the highway."
    assert "COHP: Confederation of Highland Peoples" in names(text, "Confederation of Highland Peoples")
    text = "Members of the Coalition of Market Traders staged a sit-in."
    assert any(n.endswith("Coalition of Market Traders") for n in names(text, "Coalition of Market Traders"))


def test_a_congress_or_society_named_with_its_acronym_is_a_civil_organisation() -> None:
    text = "Activists of the Hill Peoples Congress (HPC) marched to the district office."
    assert "HPC: Hill Peoples Congress" in names(text, "Hill Peoples Congress")


def test_a_state_forces_acronym_in_brackets_makes_the_unknown_name_that_force(names_with_org) -> None:
    # the name spelled out is the army the acronym stands for, and the acronym keeps meaning it later on
    text = "Sudan Army Forces (SAF) clashed with gunmen. SAF shelled the market."
    assert names_with_org(text, "Sudan Army Forces", "Sudan", 2022) == [
        "Military Forces of Sudan (2019-)", "Unidentified Armed Group (Sudan)", "Military Forces of Sudan (2019-)"]
